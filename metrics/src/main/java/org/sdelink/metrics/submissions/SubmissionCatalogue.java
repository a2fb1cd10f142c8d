package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdelink.metrics.evaluation.FinancialYear;

/**
 * Every council's submissions, and the choices the statistics make from them: which submissions the window admits and
 * which one the year tables read ({@link LatestSubmission}). Built once per run on the driver from a small summary of
 * the records file, then handed to every worker.
 */
public final class SubmissionCatalogue implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableSortedMap<String, ImmutableList<Submission>> byCouncil;

  private SubmissionCatalogue(ImmutableSortedMap<String, ImmutableList<Submission>> byCouncil) {
    this.byCouncil = byCouncil;
  }

  /**
   * The catalogue of {@code submissions}.
   *
   * @throws IllegalArgumentException when a council has more than one file and a file lacks its received date: which
   *     submission is the latest cannot then be known; the message names the council and says what to add
   */
  public static SubmissionCatalogue of(List<Submission> submissions) {
    checkNotNull(submissions, "submissions");
    Map<String, List<Submission>> grouped = new TreeMap<>();
    for (Submission s : submissions) {
      grouped.computeIfAbsent(s.laCode(), k -> new ArrayList<>()).add(s);
    }
    ImmutableSortedMap.Builder<String, ImmutableList<Submission>> builder = ImmutableSortedMap.naturalOrder();
    grouped.forEach((council, files) -> {
      files.sort(Comparator.comparing(Submission::file));
      long undated = files.stream().filter(f -> f.received() == null).count();
      if (files.size() > 1 && undated > 0) {
        throw new IllegalArgumentException("council " + council + " sent " + files.size() + " files but "
            + undated + " of them have no received date, so the latest submission cannot be chosen: give"
            + " pseudonymise --submissions FILE (CSV file,la_code,received_date) and pseudonymise again");
      }
      builder.put(council, ImmutableList.copyOf(files));
    });
    return new SubmissionCatalogue(builder.build());
  }

  /** The councils, sorted. */
  public ImmutableList<String> councils() {
    return byCouncil.keySet().asList();
  }

  /** One council's submissions, by file name. */
  public ImmutableList<Submission> of(String council) {
    return byCouncil.getOrDefault(council, ImmutableList.of());
  }

  /** The file each council's year tables read; councils without a covering submission are absent. */
  public ImmutableMap<String, String> chosenFiles(FinancialYear year, SubmissionWindow window) {
    ImmutableMap.Builder<String, String> chosen = ImmutableMap.builder();
    byCouncil.forEach((council, files) -> LatestSubmission.choose(files, year, window)
        .ifPresent(s -> chosen.put(council, s.file())));
    return chosen.buildOrThrow();
  }

  /** The chosen submission of one council. */
  public Optional<Submission> chosen(String council, FinancialYear year, SubmissionWindow window) {
    return LatestSubmission.choose(of(council), year, window);
  }
}
