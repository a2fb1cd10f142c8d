package org.sdelink.metrics.submissions;

import java.io.Serializable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The submission window: submissions received after the "as of" date are ignored ({@code statistics --submitted-by};
 * the replication code's {@code ImportDate <= '2024-02-01'} and DHSC's {@code @SubmissionsAsOfDate}). Without a date
 * every submission is admitted; a submission without a received date is always admitted.
 */
public record SubmissionWindow(@Nullable LocalDate submittedBy) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every submission. */
  public static SubmissionWindow all() {
    return new SubmissionWindow(null);
  }

  /** Submissions received on or before {@code date}. */
  public static SubmissionWindow asOf(LocalDate date) {
    return new SubmissionWindow(date);
  }

  /** True when a submission received on {@code received} (null = unknown) is inside the window. */
  public boolean admits(@Nullable LocalDate received) {
    return submittedBy == null || received == null || !received.isAfter(submittedBy);
  }
}
