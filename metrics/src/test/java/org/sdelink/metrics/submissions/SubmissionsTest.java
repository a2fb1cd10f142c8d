package org.sdelink.metrics.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;

/** Latest submission, submission window, event de-duplication, catalogue checks. */
class SubmissionsTest {
  private static final FinancialYear YEAR = FinancialYear.parse("2024-25");
  private static final LocalDate APRIL = LocalDate.parse("2024-04-01");
  private static final LocalDate MARCH = LocalDate.parse("2025-03-31");

  private static Submission file(String name, String received, LocalDate start, LocalDate end) {
    return new Submission("E06000001", name, received == null ? null : LocalDate.parse(received), start, end, 10);
  }

  @Test
  void theLatestCoveringSubmissionReceivedAfterTheYearEndIsChosen() {
    List<Submission> council = List.of(
        file("q3.csv", "2025-01-20", APRIL, LocalDate.parse("2024-12-31")),
        file("q4.csv", "2025-04-25", APRIL, MARCH),
        file("q4-resubmitted.csv", "2025-05-02", APRIL, MARCH));
    assertEquals("q4-resubmitted.csv", LatestSubmission.choose(council, YEAR, SubmissionWindow.all())
        .orElseThrow().file());
    assertEquals("q4.csv", LatestSubmission.choose(council, YEAR, SubmissionWindow.asOf(LocalDate.parse(
        "2025-05-01"))).orElseThrow().file());
    assertTrue(LatestSubmission.choose(council, YEAR, SubmissionWindow.asOf(LocalDate.parse("2025-04-01")))
        .isEmpty());
  }

  @Test
  void aSingleUndatedFileIsChosenButTwoUndatedFilesStop() {
    var single = SubmissionCatalogue.of(List.of(file("all.csv", null, APRIL, MARCH)));
    assertEquals("all.csv", single.chosenFiles(YEAR, SubmissionWindow.all()).get("E06000001"));
    var e = assertThrows(IllegalArgumentException.class, () -> SubmissionCatalogue.of(List.of(
        file("a.csv", null, APRIL, MARCH), file("b.csv", "2025-04-20", APRIL, MARCH))));
    assertTrue(e.getMessage().contains("E06000001") && e.getMessage().contains("--submissions"), e.getMessage());
  }

  @Test
  void theLatestReceivedVersionOfAnEventWinsSoAClosedVersionReplacesAnOpenOne() {
    SaltEvent open = Ev.service("Long Term Support: Community", "2024-05-01", null)
        .file("q1.csv", "2024-07-20").build();
    SaltEvent closed = Ev.service("Long term support: Community", "2024-05-01", "2024-10-01")
        .file("q3.csv", "2025-01-20").build();
    SaltEvent other = Ev.request("2024-05-01", "2024-05-01").file("q1.csv", "2024-07-20").build();
    var result = LatestVersions.of(List.of(open, closed, other), SubmissionWindow.all());
    assertEquals(List.of(closed, other), result.kept());
    assertEquals(1, result.olderVersions());

    var asOf = LatestVersions.of(List.of(open, closed, other), SubmissionWindow.asOf(LocalDate.parse("2024-12-31")));
    assertEquals(List.of(open, other), asOf.kept());
    assertEquals(1, asOf.outsideWindow());
  }

  @Test
  void theEventKeyHasNoEndDateAndDiffersByType() {
    SaltEvent a = Ev.request("2024-05-01", null).build();
    SaltEvent b = Ev.request("2024-05-01", "2024-05-09").build();
    SaltEvent c = Ev.request("2024-05-01", null).set("Request_Route_of_Access", "Discharge from Hospital").build();
    assertEquals(EventKey.of(a), EventKey.of(b));
    assertTrue(!EventKey.of(a).equals(EventKey.of(c)));
  }

  @Test
  void financialYears() {
    assertEquals(LocalDate.parse("2024-04-01"), YEAR.start());
    assertEquals(MARCH, YEAR.end());
    assertEquals("2024-25", YEAR.toString());
    assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2024-26"));
    assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2024"));
  }
}
