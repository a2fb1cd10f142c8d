package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One level of a comparison, as declared in a model spec. Which parameters apply depends on the type: {@code
 * field} or {@code fields} for field-based levels, {@code threshold} for similarity levels, {@code date} (the name
 * of a date-part group) for the {@code dob_*} levels, {@code tolerance} for {@code year_within}.
 *
 * @param type the level's rule
 * @param label a short name unique within its comparison, used in parameter files and waterfalls; defaults to a
 *     description of the rule
 * @param fields the fields compared: one for single-field levels (written {@code field: x} in YAML), several for
 *     {@code missing}, {@code exact} (all equal) and {@code phonetic} (any equal)
 * @param threshold the similarity threshold, in (0, 1]
 * @param tfAdjust for {@code exact} on one field: replace u by the value's term frequency, as Splink does
 * @param date the date-part group of a {@code dob_*} level
 * @param tolerance the largest difference accepted by {@code year_within} and {@code date_difference}
 * @param mStart the m probability EM starts from (optional)
 * @param distance the largest edit distance accepted by {@code levenshtein} and {@code damerau_levenshtein}
 * @param unit the unit of a {@code date_difference} level's tolerance
 */
public record LevelSpec(
    LevelType type,
    @Nullable String label,
    @Nullable List<String> fields,
    @Nullable Double threshold,
    @JsonProperty("tf_adjust") boolean tfAdjust,
    @Nullable String date,
    @Nullable Integer tolerance,
    @JsonProperty("m_start") @Nullable Double mStart,
    @Nullable Integer distance,
    @Nullable DateUnit unit)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public LevelSpec {
    checkArgument(type != null, "every comparison level needs a type (see docs/linkage.md for the types)");
    fields = fields == null ? ImmutableList.of() : ImmutableList.copyOf(fields);
    checkArgument(
        threshold == null || (threshold > 0 && threshold <= 1),
        "a %s level's threshold must be in (0, 1]",
        name(type));
    checkArgument(tolerance == null || tolerance >= 0, "a level's tolerance must be >= 0");
    checkArgument(distance == null || distance >= 1, "a level's distance must be >= 1");
    checkArgument(mStart == null || (mStart > 0 && mStart < 1), "m_start must be in (0, 1)");
    if (Strings.isNullOrEmpty(label)) {
      label = defaultLabel(type, fields, threshold, date, tolerance, distance, unit);
    }
  }

  /** Binds a level from a model spec, where a single field may be written {@code field: x}. */
  @JsonCreator
  static LevelSpec fromSpec(
      @JsonProperty("type") LevelType type,
      @JsonProperty("label") @Nullable String label,
      @JsonProperty("field") @Nullable String field,
      @JsonProperty("fields") @Nullable List<String> fields,
      @JsonProperty("threshold") @Nullable Double threshold,
      @JsonProperty("tf_adjust") boolean tfAdjust,
      @JsonProperty("date") @Nullable String date,
      @JsonProperty("tolerance") @Nullable Integer tolerance,
      @JsonProperty("m_start") @Nullable Double mStart,
      @JsonProperty("distance") @Nullable Integer distance,
      @JsonProperty("unit") @Nullable DateUnit unit) {
    if (field != null) {
      checkArgument(
          fields == null || fields.isEmpty(), "a %s level takes 'field' or 'fields', not both", name(type));
      fields = ImmutableList.of(field);
    }
    return new LevelSpec(type, label, fields, threshold, tfAdjust, date, tolerance, mStart, distance, unit);
  }

  /** A level of {@code type} over {@code fields} with no other parameters. */
  public static LevelSpec of(LevelType type, String... fields) {
    return new LevelSpec(type, null, ImmutableList.copyOf(fields), null, false, null, null, null, null, null);
  }

  /** The single field of a single-field level. */
  public String singleField() {
    checkArgument(fields.size() == 1, "level '%s' must name exactly one field", label);
    return fields.get(0);
  }

  static String name(LevelType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static String defaultLabel(
      LevelType type,
      List<String> fields,
      @Nullable Double threshold,
      @Nullable String date,
      @Nullable Integer tolerance,
      @Nullable Integer distance,
      @Nullable DateUnit unit) {
    StringBuilder label = new StringBuilder(name(type));
    if (!fields.isEmpty() && type != LevelType.MISSING) {
      label.append(' ').append(String.join("|", fields));
    }
    if (date != null) {
      label.append(' ').append(date);
    }
    if (threshold != null) {
      label.append(" >= ").append(threshold);
    }
    if (distance != null) {
      label.append(" <= ").append(distance);
    }
    if (tolerance != null) {
      label.append(" +-").append(tolerance);
      if (unit != null) {
        label.append(' ').append(unit.name().toLowerCase(Locale.ROOT));
      }
    }
    return label.toString();
  }
}
