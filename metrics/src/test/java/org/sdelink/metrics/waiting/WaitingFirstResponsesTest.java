package org.sdelink.metrics.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.SubmissionWindow;

/** The linking of requests to first responses and first services, the block rule and the overlap exclusion. */
class WaitingFirstResponsesTest {
  private static final String COMMUNITY = "Long Term Support: Community";

  private static List<Wait> waits(Ev... events) {
    return FirstResponses.of(Arrays.stream(events).map(Ev::build).toList());
  }

  private static Ev request(String start) {
    return Ev.request(start, start).outcome("Progress to Assessment");
  }

  private static Ev assessment(String start, String outcome) {
    return Ev.assessment(start, start).set("Assessment_Type", "Long Term Assessment").outcome(outcome);
  }

  /** A service of a submission covering 2024-25 (an open one's age band is taken at the period end). */
  private static Ev service(String type, String start, String end) {
    return Ev.service(type, start, end).set("Reporting_Period_End_Date", "2025-03-31");
  }

  private static long days(List<Wait> waits, String part) {
    return waits.stream().filter(w -> w.part().equals(part)).mapToLong(Wait::days).findFirst().orElse(-1);
  }

  @Test
  void assessmentThenServiceGivesBothParts() {
    List<Wait> waits = waits(request("2024-05-01"), assessment("2024-05-11", "Progress to Support Planning / Services"),
        service(COMMUNITY, "2024-06-01", null));
    assertEquals(10, days(waits, Wait.FIRST_RESPONSE));
    assertEquals(31, days(waits, Wait.FIRST_SERVICE));
    assertEquals("65+", waits.get(0).ageBand());
    assertEquals("2024-Q1", waits.get(0).quarter());
  }

  @Test
  void sameDayOrderIsRequestAssessmentService() {
    // An assessment on the request's day follows it; a service on the same day as the assessment comes after it.
    List<Wait> waits = waits(service(COMMUNITY, "2024-05-01", null),
        assessment("2024-05-01", "Progress to Reablement/ST-Max"), request("2024-05-01"));
    assertEquals(0, days(waits, Wait.FIRST_RESPONSE));
    assertEquals(0, days(waits, Wait.FIRST_SERVICE));
  }

  @Test
  void serviceBeforeAnyAssessmentIsTheFirstResponse() {
    List<Wait> waits = waits(request("2024-05-01"), service("Short Term Support: ST-Max", "2024-05-04", null),
        assessment("2024-05-20", "NFA- Other"));
    assertEquals(3, days(waits, Wait.FIRST_RESPONSE));
    assertEquals(3, days(waits, Wait.FIRST_SERVICE));
  }

  @Test
  void blockWithoutProgressDropsTheService() {
    List<Wait> waits = waits(request("2024-05-01"), assessment("2024-05-05", "NFA- Other"),
        assessment("2024-05-06", "NFA - Support declined"), service(COMMUNITY, "2024-06-01", null));
    assertEquals(4, days(waits, Wait.FIRST_RESPONSE));
    assertEquals(-1, days(waits, Wait.FIRST_SERVICE));
    // One assessment of the block progressing is enough.
    waits = waits(request("2024-05-01"), assessment("2024-05-05", "NFA- Other"),
        assessment("2024-05-06", "No change in package"), service(COMMUNITY, "2024-06-01", null));
    assertEquals(31, days(waits, Wait.FIRST_SERVICE));
  }

  @Test
  void overlappingRequestGivesNoWait() {
    // The second request comes before the first one's assessment: its follow-up overlaps, so only one wait per part.
    List<Wait> waits = waits(request("2024-05-01"), request("2024-05-03"),
        assessment("2024-05-10", "Progress to Support Planning / Services"), service(COMMUNITY, "2024-05-20", null));
    assertEquals(2, waits.size());
    assertEquals(9, days(waits, Wait.FIRST_RESPONSE));
    // A request after the previous follow-up ended has its own wait.
    waits = waits(request("2024-05-01"), assessment("2024-05-10", "NFA- Other"), request("2024-08-01"),
        assessment("2024-08-03", "Progress to Support Planning / Services"), service(COMMUNITY, "2024-08-10", null));
    assertEquals(List.of(9L, 2L, 9L), waits.stream().map(Wait::days).toList());
  }

  @Test
  void cumulativeSubmissionsInAnyOrderGiveEachWaitOnce() {
    // The same events in a Q1 file and again in the cumulative Q2 file (the assessment closed only in Q2), shuffled.
    List<Ev> q1 = List.of(request("2024-05-01"), Ev.assessment("2024-05-11", null).set("Assessment_Type",
        "Long Term Assessment"));
    List<Ev> q2 = List.of(request("2024-05-01"), assessment("2024-05-11", "Progress to Support Planning / Services")
        .set("Event_End_Date", "2024-07-20"), service(COMMUNITY, "2024-08-01", null));
    List<SaltEvent> rows = new java.util.ArrayList<>();
    for (Ev e : q1) {
      rows.add(e.file("q1.csv", "2024-07-15").set("Reporting_Period_Start_Date", "2024-04-01")
          .set("Reporting_Period_End_Date", "2024-06-30").build());
    }
    for (Ev e : q2) {
      rows.add(e.file("q2.csv", "2024-10-15").set("Reporting_Period_Start_Date", "2024-04-01")
          .set("Reporting_Period_End_Date", "2024-09-30").build());
    }
    java.util.Collections.shuffle(rows, new Random(3));
    List<Wait> waits = FirstResponses.ofSubmitted(rows, SubmissionWindow.all());
    assertEquals(List.of(10L, 92L), waits.stream().map(Wait::days).toList());
    java.util.Collections.reverse(rows);
    assertEquals(waits, FirstResponses.ofSubmitted(rows, SubmissionWindow.all()));
  }

  @Test
  void excludedRequestsAndYoungResponsesGiveNoWait() {
    assertTrue(waits(request("2024-05-01").outcome("NFA- Other"), assessment("2024-05-05", "NFA- Other")).isEmpty());
    assertTrue(waits(request("2024-05-01").set("birth_year", "2005"), assessment("2024-05-05", "NFA- Other"))
        .isEmpty());
    assertTrue(waits(request("2024-05-01"), Ev.assessment("2024-05-05", null).set("Assessment_Type",
        "Financial Assessment")).isEmpty());
  }

  @Test
  void histogramMedianEqualsListMedian() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(30);
      long[] waits = new long[n];
      Map<Long, Long> histogram = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        waits[i] = random.nextInt(40);
        histogram.merge(waits[i], 1L, Long::sum);
      }
      assertEquals(MedianDays.of(waits), MedianDays.ofHistogram(histogram));
    }
  }

  @Test
  void overlapRuleIgnoresMissingResponses() {
    assertEquals(List.of(false, false), OverlappingRequests.excluded(List.of(
        new OverlappingRequests.Linked(1, null, null), new OverlappingRequests.Linked(2, 3, null))));
    assertEquals(List.of(false, true), OverlappingRequests.excluded(List.of(
        new OverlappingRequests.Linked(1, 3, null), new OverlappingRequests.Linked(2, 3, null))));
    assertEquals(List.of(false, true), OverlappingRequests.excluded(List.of(
        new OverlappingRequests.Linked(1, 2, 5), new OverlappingRequests.Linked(3, 4, 5))));
    assertEquals(SaltEvent.REQUEST, "Request");
  }
}
