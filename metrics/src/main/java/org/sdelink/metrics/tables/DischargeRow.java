package org.sdelink.metrics.tables;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.RecordDates;
import org.sdelink.metrics.summary.BreakdownGroups;
import org.sdelink.metrics.summary.Metric;

/**
 * One discharge (a finished spell with DISDATE in the period) with its breakdown groups and, per discharge-based
 * metric, whether it is in the denominator and the numerator, so that every summary figure can be traced to rows.
 * See {@link #HEADER}.
 */
public record DischargeRow(
    String personId,
    String recordId,
    String provider,
    LocalDate admissionDate,
    LocalDate dischargeDate,
    String admissionMethod,
    String dischargeMethod,
    String dischargeDestination,
    BreakdownGroups groups,
    boolean alive,
    @Nullable Integer daysToFirstService,
    ImmutableMap<Metric, Membership> memberships)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Whether a discharge counts in a metric. */
  public enum Membership {
    NOT_COUNTED,
    DENOMINATOR_ONLY,
    NUMERATOR;

    /** The membership from the two flags. */
    public static Membership of(boolean inDenominator, boolean inNumerator) {
      checkArgument(inDenominator || !inNumerator, "a numerator discharge must be in the denominator");
      return inNumerator ? NUMERATOR : inDenominator ? DENOMINATOR_ONLY : NOT_COUNTED;
    }

    public boolean inDenominator() {
      return this != NOT_COUNTED;
    }

    public boolean inNumerator() {
      return this == NUMERATOR;
    }
  }

  /** The metrics that have flag columns, in column order: every metric counted per discharge. */
  public static final ImmutableList<Metric> FLAGGED_METRICS = ImmutableList.of(
      Metric.REQUEST_AFTER_DISCHARGE, Metric.REABLEMENT_AFTER_DISCHARGE, Metric.AT_HOME_91D_AFTER_REABLEMENT,
      Metric.EMERGENCY_READMISSION_30D, Metric.CARE_HOME_AFTER_DISCHARGE, Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE);

  /** The header of {@code discharges.csv}. */
  public static final ImmutableList<String> HEADER = header();

  /** Row order within a person: discharge date, admission date, provider, record id. */
  public static final Comparator<DischargeRow> ORDER =
      Comparator.comparing(DischargeRow::dischargeDate)
          .thenComparing(DischargeRow::admissionDate)
          .thenComparing(DischargeRow::provider)
          .thenComparing(DischargeRow::recordId);

  public DischargeRow {
    checkNotNull(personId, "personId");
    checkNotNull(recordId, "recordId");
    checkNotNull(provider, "provider");
    checkNotNull(admissionDate, "admissionDate");
    checkNotNull(dischargeDate, "dischargeDate");
    checkNotNull(admissionMethod, "admissionMethod");
    checkNotNull(dischargeMethod, "dischargeMethod");
    checkNotNull(dischargeDestination, "dischargeDestination");
    checkNotNull(groups, "groups");
    checkNotNull(memberships, "memberships");
    Map<Metric, Membership> complete = Maps.newEnumMap(Metric.class);
    for (Metric metric : FLAGGED_METRICS) {
      complete.put(metric, memberships.getOrDefault(metric, Membership.NOT_COUNTED));
    }
    checkArgument(FLAGGED_METRICS.containsAll(memberships.keySet()), "only discharge-based metrics have flags");
    memberships = Maps.immutableEnumMap(complete);
  }

  /** The membership of this discharge in {@code metric}. */
  public Membership membership(Metric metric) {
    return memberships.getOrDefault(metric, Membership.NOT_COUNTED);
  }

  /** The values in {@link #HEADER} order; flags are {@code 0}/{@code 1}. */
  public ImmutableList<String> values() {
    ImmutableList.Builder<String> values = ImmutableList.<String>builder().add(
        personId, recordId, provider, RecordDates.format(admissionDate), RecordDates.format(dischargeDate),
        admissionMethod, dischargeMethod, dischargeDestination, groups.ageBand(), groups.sex(), groups.la(),
        alive ? "1" : "0", groups.socialCareAtDischarge(),
        daysToFirstService == null ? "" : Integer.toString(daysToFirstService));
    for (Metric metric : FLAGGED_METRICS) {
      Membership membership = membership(metric);
      values.add(membership.inDenominator() ? "1" : "0");
      if (metric.kind() == Metric.Kind.PROPORTION) {
        values.add(membership.inNumerator() ? "1" : "0");
      }
    }
    return values.build();
  }

  private static ImmutableList<String> header() {
    ImmutableList.Builder<String> header = ImmutableList.<String>builder().add(
        "person_id", "record_id", "provider", "admission_date", "discharge_date", "admission_method",
        "discharge_method", "discharge_destination", "age_band", "sex", "la", "alive", "social_care_at_discharge",
        "days_to_first_service");
    for (Metric metric : FLAGGED_METRICS) {
      header.add(metric.id() + "_den");
      if (metric.kind() == Metric.Kind.PROPORTION) {
        header.add(metric.id() + "_num");
      }
    }
    return header.build();
  }
}
