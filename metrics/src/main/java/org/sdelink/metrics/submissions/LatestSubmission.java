package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sdelink.metrics.evaluation.FinancialYear;

/**
 * The latest submission of a council that covers the year: the file the year and snapshot tables (LTS001a/b/c,
 * LTS002a/b, LTS003) read. Among the council's submissions inside the window whose stated reporting period starts on
 * or before 1 April and ends on or after 31 March, and that were received after the year end, the one received last
 * (SALT LTS001a replication code, {@code #Latest_Submission}; DHSC {@code GetSubmissions}; Central Transformation
 * Principles p.6). A submission without a received date (a council that sent one file and no submissions table) can
 * only be chosen when it is the council's only candidate. Ties on the received date go to the later file name.
 */
public final class LatestSubmission {
  private static final Comparator<Submission> LATEST_FIRST =
      Comparator.comparing(Submission::received, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Submission::file, Comparator.reverseOrder());

  private LatestSubmission() {}

  /** The chosen submission among one council's, or empty when none covers the year inside the window. */
  public static Optional<Submission> choose(List<Submission> council, FinancialYear year, SubmissionWindow window) {
    checkNotNull(council, "council");
    checkNotNull(year, "year");
    checkNotNull(window, "window");
    return council.stream()
        .filter(s -> window.admits(s.received()))
        .filter(s -> s.covers(year.start(), year.end()))
        .filter(s -> s.received() == null || s.received().isAfter(year.end()))
        .sorted(LATEST_FIRST)
        .findFirst();
  }
}
