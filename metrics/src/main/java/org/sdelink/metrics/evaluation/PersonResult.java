package org.sdelink.metrics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import org.sdelink.metrics.summary.MetricTally;
import org.sdelink.metrics.tables.DischargeRow;
import org.sdelink.metrics.tables.JourneyRow;

/**
 * What one linked person contributes: journey rows (timeline order), discharge rows (discharges in the period), the
 * person's {@link MetricTally} to be summed across people, and the person's two LTS-rate figures for tracing.
 *
 * @param ltsClientDays days in the period with an open long-term-support service, not past the death date
 * @param ltsEmergencyAdmissions emergency spells admitted in the period on a day with an open LTS service
 */
public record PersonResult(
    String personId,
    ImmutableList<JourneyRow> journeys,
    ImmutableList<DischargeRow> discharges,
    MetricTally tally,
    long ltsClientDays,
    long ltsEmergencyAdmissions)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public PersonResult {
    checkNotNull(personId, "personId");
    checkNotNull(journeys, "journeys");
    checkNotNull(discharges, "discharges");
    checkNotNull(tally, "tally");
    checkArgument(ltsClientDays >= 0 && ltsEmergencyAdmissions >= 0, "counts must not be negative");
  }
}
