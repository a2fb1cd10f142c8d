package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One file a council submitted: its name ({@code source_file}), the date it was received (missing when no submissions
 * table was given), the reporting period its rows state (earliest start, latest end, as the replication code's
 * {@code MIN(Reporting_Period_Start_Date)} / {@code MAX(Reporting_Period_End_Date)} per import) and its row count.
 */
public record Submission(
    String laCode,
    String file,
    @Nullable LocalDate received,
    @Nullable LocalDate periodStart,
    @Nullable LocalDate periodEnd,
    long rows)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Submission {
    checkNotNull(laCode, "laCode");
    checkNotNull(file, "file");
    checkArgument(rows >= 0, "rows must not be negative");
  }

  /** True when the stated reporting period runs from on or before {@code first} to on or after {@code last}. */
  public boolean covers(LocalDate first, LocalDate last) {
    return periodStart != null && periodEnd != null && !periodStart.isAfter(first) && !periodEnd.isBefore(last);
  }
}
