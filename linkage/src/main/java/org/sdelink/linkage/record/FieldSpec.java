package org.sdelink.linkage.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One field of a linkage record, as declared in a model spec: its name, the source column it is read from (per
 * source if the sources name it differently), how it is read, and when its value counts as missing.
 *
 * @param name the field name used by comparisons, blocking rules and cascade steps
 * @param column the column read for every source not listed in {@code columns}; defaults to {@code name}
 * @param columns per-source column names, e.g. {@code {cld: LA_Code, apc: RESLADST_ONS}}; an empty name means
 *     the source has no such column and the field is always missing there
 * @param type how the text is read
 * @param validWhen if set, the value is treated as missing unless a status column holds one of the listed values
 *     (a blank status keeps the value)
 * @param missingValues values (compared case-insensitively) that mean "missing", e.g. {@code U} for sex
 * @param caseInsensitive whether the value is upper-cased on read, so comparisons ignore case
 * @param transform a transformation applied on read (after case folding and missing values), e.g. {@code
 *     email_user}
 * @param prefix if set, only the first {@code prefix} characters are kept (after the transform), e.g. for blocking
 *     on the start of a name
 */
public record FieldSpec(
    String name,
    @Nullable String column,
    @Nullable Map<String, String> columns,
    @Nullable FieldType type,
    @JsonProperty("valid_when") @Nullable ValidWhen validWhen,
    @JsonProperty("missing_values") @Nullable List<String> missingValues,
    @JsonProperty("case_insensitive") boolean caseInsensitive,
    @Nullable FieldTransform transform,
    @Nullable Integer prefix)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Suffixes of the fields derived from a {@link FieldType#DATE} field, in layout order. */
  public static final ImmutableList<String> DATE_PART_SUFFIXES =
      ImmutableList.of("_swapped", "_year", "_month", "_day");

  public FieldSpec {
    checkArgument(!Strings.isNullOrEmpty(name), "every field needs a name");
    checkArgument(
        name.matches("[A-Za-z][A-Za-z0-9_.]*"),
        "field name '%s' must start with a letter and use only letters, digits, '_' and '.'",
        name);
    column = Strings.isNullOrEmpty(column) ? name : column;
    ImmutableMap.Builder<String, String> perSource = ImmutableMap.builder();
    if (columns != null) {
      columns.forEach((source, sourceColumn) -> perSource.put(source, Strings.nullToEmpty(sourceColumn)));
    }
    columns = perSource.buildOrThrow();
    type = type == null ? FieldType.STRING : type;
    missingValues = missingValues == null ? ImmutableList.of() : ImmutableList.copyOf(missingValues);
    checkArgument(prefix == null || prefix >= 1, "field '%s': prefix must be >= 1", name);
    checkArgument(
        type != FieldType.BLOOM || (transform == null && prefix == null),
        "field '%s': a bloom field takes no transform or prefix",
        name);
  }

  /** A field of the older form, without transform or prefix. */
  public FieldSpec(
      String name,
      @Nullable String column,
      @Nullable Map<String, String> columns,
      @Nullable FieldType type,
      @Nullable ValidWhen validWhen,
      @Nullable List<String> missingValues,
      boolean caseInsensitive) {
    this(name, column, columns, type, validWhen, missingValues, caseInsensitive, null, null);
  }

  /** Every column this field reads, over all sources (for spotting fields derived from one column). */
  public ImmutableList<String> allColumns() {
    ImmutableList.Builder<String> all = ImmutableList.<String>builder().add(column);
    columns.values().stream().filter(c -> !c.isEmpty()).forEach(all::add);
    return all.build();
  }

  /** A plain string field read from the column of the same name. */
  public static FieldSpec of(String name) {
    return new FieldSpec(name, null, null, FieldType.STRING, null, null, false);
  }

  /** A field of the given type read from the column of the same name. */
  public static FieldSpec of(String name, FieldType type) {
    return new FieldSpec(name, null, null, checkNotNull(type), null, null, false);
  }

  /** The column this field is read from in rows of {@code source}; empty if that source has none. */
  public String columnFor(String source) {
    return columns.getOrDefault(source, column);
  }

  /** The names this field contributes to a record layout: itself, plus the date parts for a date field. */
  public ImmutableList<String> layoutNames() {
    if (type != FieldType.DATE) {
      return ImmutableList.of(name);
    }
    ImmutableList.Builder<String> names = ImmutableList.<String>builder().add(name);
    for (String suffix : DATE_PART_SUFFIXES) {
      names.add(name + suffix);
    }
    return names.build();
  }

  /**
   * A status condition on a field: the field's value is used only when the status column is blank or holds one of
   * {@code values} (case-insensitive), e.g. an NHS number token only when {@code nhs_number_status} is {@code VALID}.
   */
  public record ValidWhen(String column, List<String> values) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ValidWhen {
      checkArgument(!Strings.isNullOrEmpty(column), "valid_when needs a column");
      checkArgument(values != null && !values.isEmpty(), "valid_when on column '%s' needs values", column);
      values = ImmutableList.copyOf(values);
    }
  }
}
