package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.LatestVersions;
import org.sdelink.metrics.submissions.SubmissionWindow;

/**
 * One person's rows as the SALT tables read them: the history (the latest version of each event across the council's
 * submissions inside the window, {@link LatestVersions}) for the request and ST-Max tables, and the rows of the
 * council's chosen submission ({@code LatestSubmission}) for the year and snapshot tables. It also holds what several
 * tables share (age, the STS001 outcomes, the LTS001a/c cohorts) and the counts the stage reports.
 */
public final class PersonStatistics {
  private final FinancialYear year;
  private final String laCode;
  private final ImmutableList<SaltEvent> history;
  private final ImmutableList<SaltEvent> chosen;
  private final OptionalInt age;
  private final Map<String, Long> counts = new TreeMap<>();
  private @Nullable List<RequestSequels.Outcome> requestOutcomes;

  private PersonStatistics(FinancialYear year, String laCode, ImmutableList<SaltEvent> history,
      ImmutableList<SaltEvent> chosen, OptionalInt age) {
    this.year = year;
    this.laCode = laCode;
    this.history = history;
    this.chosen = chosen;
    this.age = age;
  }

  /**
   * The person with {@code rows} (all of one council and person), under {@code window}; {@code chosenFile} is the
   * council's chosen submission for the year, or null when none covers it.
   */
  public static PersonStatistics of(FinancialYear year, SubmissionWindow window, @Nullable String chosenFile,
      List<SaltEvent> rows) {
    checkNotNull(year, "year");
    checkNotNull(window, "window");
    checkNotNull(rows, "rows");
    String la = rows.isEmpty() ? "" : rows.get(0).laCode();
    LatestVersions.Result<SaltEvent> versions = LatestVersions.of(rows, window);
    ImmutableList<SaltEvent> chosen = chosenFile == null ? ImmutableList.of()
        : rows.stream().filter(r -> r.sourceFile().equals(chosenFile) && window.admits(r.receivedDate()))
            .collect(ImmutableList.toImmutableList());
    PersonStatistics person = new PersonStatistics(year, la, versions.kept(), chosen,
        PersonBirth.ageOn(rows, year.end()));
    person.count("rows_read", rows.size());
    person.count("rows_older_versions", versions.olderVersions());
    person.count("rows_after_submission_window", versions.outsideWindow());
    person.count("rows_of_chosen_submission", chosen.size());
    long nhsNumbers = rows.stream().map(SaltEvent::nhsToken).filter(t -> !t.isEmpty()).distinct().count();
    person.count("deviation_persons_with_several_nhs_numbers", nhsNumbers > 1 ? 1 : 0);
    person.count("deviation_rows_without_nhs_number_of_persons_with_one",
        nhsNumbers > 0 ? rows.stream().filter(r -> r.nhsToken().isEmpty()).count() : 0);
    LatestVersions.Result<SaltEvent> requestsAndServicesOnly = LatestVersions.of(rows.stream()
        .filter(r -> r.is(SaltEvent.REQUEST) || r.is(SaltEvent.SERVICE)).toList(), window);
    person.count("deviation_assessment_review_older_versions",
        versions.olderVersions() - requestsAndServicesOnly.olderVersions());
    return person;
  }

  public FinancialYear year() {
    return year;
  }

  public String laCode() {
    return laCode;
  }

  /** The latest version of each event inside the window. */
  public ImmutableList<SaltEvent> history() {
    return history;
  }

  /** The rows of the council's chosen submission (empty when none covers the year). */
  public ImmutableList<SaltEvent> chosen() {
    return chosen;
  }

  /** The client age band at the year end; empty for under-18s. */
  public Optional<String> clientAgeBand() {
    return SaltAgeBand.of(age);
  }

  /** The LTS003 carer age band at the year end. */
  public String carerAgeBand() {
    return CarerAgeBand.of(age);
  }

  /** The outcomes of the person's new-client requests (STS001), computed once. */
  public List<RequestSequels.Outcome> requestOutcomes() {
    if (requestOutcomes == null) {
      requestOutcomes = RequestSequels.of(this);
    }
    return requestOutcomes;
  }

  /** Start dates of the ST-Max services that were the sequel of a new client's request: the STS002a cohort. */
  public List<LocalDate> stMaxCohortStarts() {
    return requestOutcomes().stream().flatMap(o -> o.stMaxStarts().stream()).distinct().toList();
  }

  /** Adds {@code n} to a count of the stage report. */
  public void count(String name, long n) {
    if (n != 0) {
      counts.merge(name, n, Long::sum);
    }
  }

  /** The counts so far. */
  public Map<String, Long> counts() {
    return counts;
  }
}
