package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.evaluation.ReportingPeriod;

/**
 * The submissions of DHSC's "joined submissions" main table, the input of its ASCOF measures and waiting times
 * ({@code Main_tables/create_main_table_for_period.sql} step 1, procedure {@code GetSubmissions} with
 * {@code @SubmissionReportingPeriod = 'Derived'}). The period is cut into quarters ("reference periods") from
 * {@link #FIRST_QUARTER_START}; for each quarter and council the latest file is chosen whose {@link
 * DerivedReportingPeriod derived period} covers the whole quarter and that was received after the quarter ended and
 * inside the submission window. A file chosen for several quarters reads one reference period, from the first of its
 * quarters' starts to the last of their ends; the rows of files never chosen are not read at all.
 *
 * <p>Dates: DHSC compares an import date-time with the quarter's last day ({@code ImportDate > end}), so a file
 * imported during the last day of the quarter qualifies; sdelink has received dates only and admits a file received on
 * or after the quarter's last day. Two files of one council received on the same day: the later file name wins (the
 * code's {@code ROW_NUMBER() ... ORDER BY ImportDate DESC} has no further order). A file without a received date (no
 * submissions table) is taken as received after every quarter. Quarters run until the last one that ends by the latest
 * derived period end, since no later quarter can be covered.
 */
public final class JoinedSubmissions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The first quarter of DHSC's joined tables: CLD's first reporting quarter (April 2023). */
  public static final LocalDate FIRST_QUARTER_START = LocalDate.of(2023, 4, 1);

  /** Chosen files: council, then file name, then its reference period. */
  private final ImmutableSortedMap<String, ImmutableSortedMap<String, ReportingPeriod>> chosen;

  private JoinedSubmissions(ImmutableSortedMap<String, ImmutableSortedMap<String, ReportingPeriod>> chosen) {
    this.chosen = chosen;
  }

  /** A submission with its derived reporting period (empty when none can be derived). */
  public record Candidate(Submission submission, Optional<ReportingPeriod> derived) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Candidate {
      checkNotNull(submission, "submission");
      checkNotNull(derived, "derived");
    }
  }

  /** The selection over {@code candidates} under {@code window}. */
  public static JoinedSubmissions of(List<Candidate> candidates, SubmissionWindow window) {
    checkNotNull(candidates, "candidates");
    checkNotNull(window, "window");
    LocalDate lastEnd = candidates.stream().flatMap(c -> c.derived().stream()).map(ReportingPeriod::end)
        .max(Comparator.naturalOrder()).orElse(FIRST_QUARTER_START.minusDays(1));
    Map<String, Map<String, List<ReportingPeriod>>> quarters = new TreeMap<>();
    Comparator<Candidate> latest = Comparator
        .comparing((Candidate c) -> c.submission().received(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(c -> c.submission().file());
    // No quarter after the latest derived period end can be covered by any file.
    for (LocalDate start = FIRST_QUARTER_START; !start.plusMonths(3).minusDays(1).isAfter(lastEnd);
        start = start.plusMonths(3)) {
      LocalDate end = start.plusMonths(3).minusDays(1);
      Map<String, Candidate> best = new TreeMap<>();
      for (Candidate c : candidates) {
        if (!covers(c, start, end) || !receivedInTime(c.submission().received(), end, window)) {
          continue;
        }
        best.merge(c.submission().laCode(), c, (a, b) -> latest.compare(a, b) >= 0 ? a : b);
      }
      ReportingPeriod quarter = new ReportingPeriod(start, end);
      best.forEach((council, c) -> quarters.computeIfAbsent(council, k -> new TreeMap<>())
          .computeIfAbsent(c.submission().file(), k -> new ArrayList<>()).add(quarter));
    }
    ImmutableSortedMap.Builder<String, ImmutableSortedMap<String, ReportingPeriod>> out =
        ImmutableSortedMap.naturalOrder();
    quarters.forEach((council, files) -> {
      ImmutableSortedMap.Builder<String, ReportingPeriod> byFile = ImmutableSortedMap.naturalOrder();
      files.forEach((file, periods) -> byFile.put(file, new ReportingPeriod(periods.get(0).start(),
          periods.get(periods.size() - 1).end())));
      out.put(council, byFile.buildOrThrow());
    });
    return new JoinedSubmissions(out.buildOrThrow());
  }

  /**
   * A selection given directly: council to file to reference period (for callers that already know the choice, and
   * for tests of the stages that read through it).
   */
  public static JoinedSubmissions ofChosen(Map<String, Map<String, ReportingPeriod>> chosen) {
    checkNotNull(chosen, "chosen");
    ImmutableSortedMap.Builder<String, ImmutableSortedMap<String, ReportingPeriod>> out =
        ImmutableSortedMap.naturalOrder();
    chosen.forEach((council, files) -> out.put(council, ImmutableSortedMap.copyOf(files)));
    return new JoinedSubmissions(out.buildOrThrow());
  }

  private static boolean covers(Candidate c, LocalDate start, LocalDate end) {
    return c.derived().map(p -> !p.start().isAfter(start) && !p.end().isBefore(end)).orElse(false);
  }

  private static boolean receivedInTime(@Nullable LocalDate received, LocalDate quarterEnd, SubmissionWindow window) {
    if (received == null) {
      return true;
    }
    return !received.isBefore(quarterEnd) && window.admits(received);
  }

  /** The reference period of {@code council}'s file {@code file}, or empty when the selection did not choose it. */
  public Optional<ReportingPeriod> referencePeriod(String council, String file) {
    ImmutableSortedMap<String, ReportingPeriod> files = chosen.get(checkNotNull(council, "council"));
    return files == null ? Optional.empty() : Optional.ofNullable(files.get(checkNotNull(file, "file")));
  }

  /** The council's reference periods in order of start (empty when none of its files was chosen). */
  public ImmutableList<ReportingPeriod> referencePeriods(String council) {
    ImmutableSortedMap<String, ReportingPeriod> files = chosen.get(checkNotNull(council, "council"));
    if (files == null) {
      return ImmutableList.of();
    }
    return files.values().stream().distinct().sorted(Comparator.comparing(ReportingPeriod::start))
        .collect(ImmutableList.toImmutableList());
  }

  /** Council to chosen file to reference period, for the run report. */
  public ImmutableSortedMap<String, ImmutableSortedMap<String, ReportingPeriod>> chosen() {
    return chosen;
  }

  /** True when {@code council} has at least one chosen file. */
  public boolean hasChoice(String council) {
    checkArgument(council != null, "council");
    return chosen.containsKey(council);
  }
}
