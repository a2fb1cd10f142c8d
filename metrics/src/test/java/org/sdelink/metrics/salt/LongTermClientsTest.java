package org.sdelink.metrics.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.SubmissionWindow;

/** LTS001c's 12-month chain, the year and snapshot filters, reviews and the person's birth. */
class LongTermClientsTest {
  private static final FinancialYear YEAR = FinancialYear.parse("2024-25");
  private static final String COMMUNITY = "Long Term Support: Community";

  private static PersonStatistics person(SaltEvent... rows) {
    return PersonStatistics.of(YEAR, SubmissionWindow.all(), "q4.csv", List.of(rows));
  }

  @Test
  void moreThanTwelveMonthsMeansAChainStartedBeforeTheYearEndMinusOneYear() {
    assertFalse(LongTermClients.overTwelveMonths(person(Ev.service(COMMUNITY, "2024-03-31", null).build())));
    assertTrue(LongTermClients.overTwelveMonths(person(Ev.service(COMMUNITY, "2024-03-30", null).build())));
    assertFalse(LongTermClients.overTwelveMonths(person(Ev.service(COMMUNITY, "2024-03-30", "2025-03-30").build())));
  }

  @Test
  void aChainAllowsOneDayGapsOnly() {
    assertTrue(LongTermClients.overTwelveMonths(person(
        Ev.service(COMMUNITY, "2023-06-01", "2024-06-30").build(),
        Ev.service("Long Term Support: Residential Care", "2024-07-01", null).build())));
    assertFalse(LongTermClients.overTwelveMonths(person(
        Ev.service(COMMUNITY, "2023-06-01", "2024-06-29").build(),
        Ev.service("Long Term Support: Residential Care", "2024-07-01", null).build())));
  }

  @Test
  void onlyTheChosenSubmissionsRowsCount() {
    SaltEvent other = Ev.service(COMMUNITY, "2024-05-01", null).file("q3.csv", "2025-01-20").build();
    assertTrue(LongTermClients.duringYear(person(other)).isEmpty());
    SaltEvent chosen = Ev.service(COMMUNITY, "2024-05-01", null).file("q4.csv", "2025-04-20").build();
    assertEquals(1, LongTermClients.duringYear(person(other, chosen)).size());
  }

  @Test
  void yearAndSnapshotFilters() {
    SaltEvent endedBefore = Ev.service(COMMUNITY, "2023-05-01", "2024-03-31").build();
    SaltEvent endedInYear = Ev.service(COMMUNITY, "2023-05-01", "2024-04-01").build();
    SaltEvent startsAfter = Ev.service(COMMUNITY, "2025-04-01", null).build();
    SaltEvent openAtEnd = Ev.service(COMMUNITY, "2024-05-01", "2025-03-31").build();
    assertEquals(List.of(endedInYear, openAtEnd),
        LongTermClients.duringYear(person(endedBefore, endedInYear, startsAfter, openAtEnd)));
    assertEquals(List.of(openAtEnd), LongTermClients.atYearEnd(person(endedBefore, endedInYear, openAtEnd)));
  }

  @Test
  void reviewsNeedTheClientsMethodAndAnEndInTheYear() {
    Ev review = Ev.of("Review", "2024-10-01", "2024-10-02").set("Review_Reason", "Unplanned - Safeguarding concern");
    assertTrue(Reviews.unplanned(person(review.build())).isEmpty());
    assertEquals(List.of("Unplanned - Safeguarding concern"),
        Reviews.unplanned(person(review.set("Method_of_Review", "Service user only").build(),
            review.build())));
    assertTrue(Reviews.unplanned(person(review.set("Method_of_Review", "Carer only").build())).isEmpty());
    assertTrue(Reviews.planned(person(review.set("Method_of_Review", "Service user only").build())).isEmpty());
  }

  @Test
  void aPersonsBirthIsThePairOnMostRows() {
    SaltEvent a = Ev.request("2024-05-01", "2024-05-01").set("birth_year", "1950").set("birth_month", "1").build();
    SaltEvent b = Ev.request("2024-06-01", "2024-06-01").set("birth_year", "1990").set("birth_month", "1").build();
    SaltEvent c = Ev.request("2024-07-01", "2024-07-01").set("birth_year", "1990").set("birth_month", "1").build();
    assertEquals(OptionalInt.of(35), PersonBirth.ageOn(List.of(a, b, c), YEAR.end()));
    assertEquals(OptionalInt.of(75), PersonBirth.ageOn(List.of(a, b), YEAR.end()));
  }
}
