package org.sdelink.policies.treatments;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sdelink.policies.FieldAction;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.GeneralisationTarget;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.catalogue.CatalogueDataset;
import org.sdelink.policies.catalogue.CatalogueField;
import org.sdelink.policies.catalogue.DatasetCatalogue;

/**
 * A valid policy's field actions for one dataset as a per-row function: drops, pseudonymises, generalises and shifts
 * each column as the policy says and returns the released row, columns in catalogue order. Fails closed on a column
 * the catalogue does not know. Serializable when the injected pseudonymiser is.
 */
public final class RecordTreatment implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The column holding the level-1 person id, used to find the person's date offset. */
  public static final String PERSON_ID = "person_id";
  /** The code table {@code generalise: lsoa} reads, postcode to 2011 LSOA code. */
  public static final String POSTCODE_TO_LSOA = org.sdelink.policies.CodeTableRule.POSTCODE_TO_LSOA;

  private final String dataset;
  private final ImmutableList<ColumnPlan> columns;
  private final ImmutableList<String> knownColumns;
  private final Function<String, String> pseudonymiser;
  private final PersonDateOffset dateOffsets;
  private final int maxShiftDays;
  private final ImmutableMap<String, String> postcodeToLsoa;

  /** One column's treatment, in a serializable form. */
  private record ColumnPlan(String dataset, String field, FieldAction action, GeneralisationTarget target,
      int bandYears, LocalDate asOf) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ColumnPlan of(FieldRule rule) {
      return new ColumnPlan(rule.dataset(), rule.field(), rule.action().orElseThrow(), rule.target().orElse(null),
          rule.bandYears(), rule.asOf().orElse(null));
    }

    String qualifiedName() {
      return dataset + "." + field;
    }
  }

  private RecordTreatment(String dataset, ImmutableList<ColumnPlan> columns, ImmutableList<String> knownColumns,
      Function<String, String> pseudonymiser, PersonDateOffset dateOffsets, int maxShiftDays,
      ImmutableMap<String, String> postcodeToLsoa) {
    this.dataset = dataset;
    this.columns = columns;
    this.knownColumns = knownColumns;
    this.pseudonymiser = pseudonymiser;
    this.dateOffsets = dateOffsets;
    this.maxShiftDays = maxShiftDays;
    this.postcodeToLsoa = postcodeToLsoa;
  }

  /**
   * The treatment {@code policy} sets for {@code dataset}.
   *
   * @param pseudonymiser the project's level-2 pseudonymiser (level-1 id in, level-2 id out)
   * @param dateOffsets the per-person date shift for {@code shift-dates}
   * @param lookups code tables; {@code generalise: lsoa} needs {@value #POSTCODE_TO_LSOA}
   * @throws org.sdelink.policies.InvalidPolicyException when the policy has problems
   * @throws IllegalArgumentException when the policy does not release the dataset or a needed table is missing
   */
  public static RecordTreatment forDataset(Policy policy, String dataset, Function<String, String> pseudonymiser,
      PersonDateOffset dateOffsets, Map<String, ? extends Map<String, String>> lookups) {
    PolicyValidator.requireValid(policy);
    checkNotNull(dataset, "dataset");
    checkNotNull(pseudonymiser, "pseudonymiser");
    checkNotNull(dateOffsets, "dateOffsets");
    checkNotNull(lookups, "lookups");
    checkArgument(policy.datasets().containsKey(dataset), "policy %s does not release dataset %s", policy.name(),
        dataset);
    CatalogueDataset known = DatasetCatalogue.standard().dataset(dataset).orElseThrow();
    ImmutableList.Builder<ColumnPlan> rules = ImmutableList.builder();
    boolean needsLsoa = false;
    for (CatalogueField field : known.fields().values()) {
      FieldRule rule = policy.rule(dataset, field.name()).orElseThrow();
      rules.add(ColumnPlan.of(rule));
      needsLsoa |= rule.target().filter(t -> t == GeneralisationTarget.LSOA).isPresent()
          && rule.action().filter(a -> a == FieldAction.GENERALISE).isPresent();
    }
    Map<String, String> lsoa = lookups.get(POSTCODE_TO_LSOA);
    checkArgument(!needsLsoa || lsoa != null, "generalising postcodes to LSOA needs the code table %s: name the "
        + "operator's postcode-to-LSOA file in the policy's lookups and load it with CodeTables", POSTCODE_TO_LSOA);
    ImmutableMap<String, String> postcodeToLsoa = ImmutableMap.of();
    if (needsLsoa) {
      Map<String, String> normalised = new java.util.HashMap<>();
      lsoa.forEach((postcode, code) -> normalised.put(FieldTreatments.normalisePostcode(postcode), code));
      postcodeToLsoa = ImmutableMap.copyOf(normalised);
    }
    return new RecordTreatment(dataset, rules.build(), known.fields().keySet().asList(), pseudonymiser, dateOffsets,
        policy.dateShiftMaxDays().orElse(0), postcodeToLsoa);
  }

  /** The dataset. */
  public String dataset() {
    return dataset;
  }

  /** The released columns, in order. */
  public ImmutableList<String> releasedColumns() {
    return columns.stream().filter(c -> c.action() != FieldAction.DROP).map(ColumnPlan::field)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The released row for {@code row} (column to value; a missing column counts as blank). {@code firstEventDate} is
   * the person's first event date, needed by {@code generalise: days-from-first-event}.
   *
   * @throws IllegalArgumentException for a column the catalogue does not know, a date that is not
   *     {@code yyyy-MM-dd}, or a missing first event date or person id; messages name the column, never the value
   */
  public ImmutableMap<String, String> apply(Map<String, String> row, Optional<LocalDate> firstEventDate) {
    checkNotNull(row, "row");
    checkNotNull(firstEventDate, "firstEventDate");
    for (String column : row.keySet()) {
      checkArgument(knownColumns.contains(column), "column %s is not in the dataset catalogue for %s: add it to the "
          + "catalogue and the policy before releasing it", column, dataset);
    }
    ImmutableMap.Builder<String, String> out = ImmutableMap.builder();
    for (ColumnPlan rule : columns) {
      FieldAction action = rule.action();
      if (action == FieldAction.DROP) {
        continue;
      }
      String value = row.getOrDefault(rule.field(), "");
      value = value == null ? "" : value.trim();
      out.put(rule.field(), value.isEmpty() ? "" : treat(rule, action, value, row, firstEventDate));
    }
    return out.buildOrThrow();
  }

  private String treat(ColumnPlan rule, FieldAction action, String value, Map<String, String> row,
      Optional<LocalDate> firstEventDate) {
    switch (action) {
      case KEEP:
        return value;
      case PSEUDONYMISE:
        String pseudonym = pseudonymiser.apply(value);
        checkArgument(pseudonym != null && !pseudonym.isEmpty(), "the pseudonymiser returned nothing for %s",
            rule.qualifiedName());
        return pseudonym;
      case SHIFT_DATES:
        String personId = row.get(PERSON_ID);
        checkArgument(personId != null && !personId.isBlank(), "shift-dates on %s needs the row's %s",
            rule.qualifiedName(), PERSON_ID);
        int offset = dateOffsets.offsetDays(personId.trim());
        checkArgument(Math.abs(offset) <= maxShiftDays, "a date offset is outside the policy's %s days either way",
            maxShiftDays);
        return FieldTreatments.shift(date(rule, value), offset).toString();
      case GENERALISE:
        return generalise(rule, value, firstEventDate);
      default:
        throw new IllegalStateException("no treatment for action " + action);
    }
  }

  private String generalise(ColumnPlan rule, String value, Optional<LocalDate> firstEventDate) {
    GeneralisationTarget target = rule.target();
    switch (target) {
      case YEAR:
        return FieldTreatments.year(date(rule, value));
      case MONTH:
        return FieldTreatments.month(date(rule, value));
      case AGE_BAND:
        LocalDate asOf = rule.asOf();
        if (value.matches("\\d{4}")) {
          return FieldTreatments.ageBand(asOf.getYear() - Integer.parseInt(value), rule.bandYears()).orElse("");
        }
        return FieldTreatments.ageBand(date(rule, value), asOf, rule.bandYears()).orElse("");
      case DAYS_FROM_FIRST_EVENT:
        checkArgument(firstEventDate.isPresent(), "%s is released as days from the person's first event: pass the "
            + "person's first event date", rule.qualifiedName());
        return Long.toString(FieldTreatments.daysFrom(firstEventDate.get(), date(rule, value)));
      case POSTCODE_DISTRICT:
        return FieldTreatments.postcodeDistrict(value).orElse("");
      case LSOA:
        return postcodeToLsoa.getOrDefault(FieldTreatments.normalisePostcode(value), "");
      case ETHNIC_GROUP:
        return FieldTreatments.ethnicGroup(value);
      default:
        throw new IllegalStateException("no treatment for target " + target);
    }
  }

  private static LocalDate date(ColumnPlan rule, String value) {
    return FieldTreatments.parseDate(value).orElseThrow(() -> new IllegalArgumentException(
        rule.qualifiedName() + " is not a date written yyyy-mm-dd"));
  }

  @Override
  public String toString() {
    return "RecordTreatment{" + dataset + ", released=" + releasedColumns() + "}";
  }
}
