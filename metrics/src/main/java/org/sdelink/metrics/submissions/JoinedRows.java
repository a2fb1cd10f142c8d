package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * Step 2 of DHSC's joined main table ({@code create_main_table_for_period.sql}: "Filter the full dataset to the list
 * of submissions"): a person's raw rows of the files {@link JoinedSubmissions} chose, each carrying its file's
 * reference period in place of the period it states; rows of files not chosen are left out.
 */
public final class JoinedRows {
  private JoinedRows() {}

  /** The rows of chosen files, with their reference periods. */
  public static ImmutableList<SaltEvent> of(List<SaltEvent> rows, JoinedSubmissions submissions) {
    checkNotNull(rows, "rows");
    checkNotNull(submissions, "submissions");
    ImmutableList.Builder<SaltEvent> out = ImmutableList.builder();
    for (SaltEvent r : rows) {
      Optional<ReportingPeriod> period = submissions.referencePeriod(r.laCode(), r.sourceFile());
      period.ifPresent(p -> out.add(r.withReportingPeriod(p.start(), p.end())));
    }
    return out.build();
  }


}
