package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.submissions.SubmissionWindow;

/**
 * What every family of CLD person statistics (SALT, ASCOF, waiting times) is computed under: the columns of the CLD
 * rows (in order), the financial year, the submission window, each council's chosen submission file for the year, and
 * the number of buckets persons are grouped into. One immutable value shared by the families, so they cannot disagree.
 */
public final class StatisticsSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> columns;
  private final FinancialYear year;
  private final SubmissionWindow window;
  private final ImmutableMap<String, String> chosenFiles;
  private final int buckets;
  private final JoinedSubmissions joined;

  private StatisticsSettings(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets, JoinedSubmissions joined) {
    this.columns = ImmutableList.copyOf(columns);
    this.year = year;
    this.window = window;
    this.chosenFiles = ImmutableMap.copyOf(chosenFiles);
    this.buckets = buckets;
    this.joined = joined;
  }

  /**
   * The settings of {@code year} under {@code window} over CLD rows of {@code columns} (which hold {@code LA_Code} and
   * {@code la_person_token}), reading each council's year tables from its file in {@code chosenFiles}.
   */
  public static StatisticsSettings of(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    checkNotNull(columns, "columns");
    for (String column : List.of("LA_Code", "la_person_token")) {
      checkArgument(columns.contains(column), "the CLD rows need column %s", column);
    }
    checkArgument(buckets > 0, "buckets must be positive");
    return new StatisticsSettings(columns, checkNotNull(year, "year"), checkNotNull(window, "window"),
        checkNotNull(chosenFiles, "chosenFiles"), buckets, JoinedSubmissions.of(List.of(), window));
  }

  /**
   * The same settings with DHSC's joined-submissions selection ({@link JoinedSubmissions}), which the DHSC measures
   * (ASCOF, waiting times) read their persons' rows through; without it no file is chosen for them.
   */
  public StatisticsSettings withJoined(JoinedSubmissions joinedSubmissions) {
    return new StatisticsSettings(columns, year, window, chosenFiles, buckets,
        checkNotNull(joinedSubmissions, "joinedSubmissions"));
  }

  /** DHSC's joined-submissions selection. */
  public JoinedSubmissions joined() {
    return joined;
  }

  public ImmutableList<String> columns() {
    return columns;
  }

  public FinancialYear year() {
    return year;
  }

  public SubmissionWindow window() {
    return window;
  }

  /** The council's chosen submission file for the year, or null when none covers it. */
  public @Nullable String chosenFile(String council) {
    return chosenFiles.get(council);
  }

  public int buckets() {
    return buckets;
  }
}
