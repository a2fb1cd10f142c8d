package org.sdelink.metrics.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.summary.AgeBand;
import org.sdelink.metrics.summary.BreakdownGroups;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.metrics.summary.MetricTally;

class SummaryTableTest {
  private static final BreakdownGroups GROUPS = BreakdownGroups.of(AgeBand.of(70), "2", "E08000025", false);

  private static SummaryRow row(List<SummaryRow> rows, String metric, String breakdown, String group) {
    return rows.stream()
        .filter(r -> r.metric().equals(metric) && r.breakdown().equals(breakdown) && r.group().equals(group))
        .findFirst().orElseThrow();
  }

  @Test
  void emptyTally_givesOneAllRowPerMetric_withBlankValues() {
    List<SummaryRow> rows = SummaryTable.rows(MetricTally.empty());
    assertEquals(Metric.values().length, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(Metric.values()[i].id(), rows.get(i).metric());
      assertEquals("all", rows.get(i).group());
      assertEquals("", rows.get(i).value());
    }
    assertEquals("0.000000", row(rows, "emergency_admissions_per_1000_lts_years", "all", "all").denominator());
    assertEquals("", row(rows, "median_days_discharge_to_service", "all", "all").numerator());
  }

  @Test
  void proportion_sixPlacesHalfEven() {
    MetricTally tally = MetricTally.empty();
    tally.addDischarge(Metric.REQUEST_AFTER_DISCHARGE, GROUPS, true);
    for (int i = 0; i < 127; i++) {
      tally.addDischarge(Metric.REQUEST_AFTER_DISCHARGE, GROUPS, false);
    }
    for (int i = 0; i < 3; i++) {
      tally.addDischarge(Metric.CARE_HOME_AFTER_DISCHARGE, GROUPS, i < 2);
    }
    List<SummaryRow> rows = SummaryTable.rows(tally);
    // 1/128 = 0.0078125: HALF_EVEN keeps the even 2 (HALF_UP would give 0.007813).
    assertEquals(new SummaryRow("request_after_discharge", "all", "all", "1", "128", "0.007812"),
        row(rows, "request_after_discharge", "all", "all"));
    assertEquals("0.666667", row(rows, "care_home_after_discharge", "all", "all").value());
  }

  @Test
  void rate_perThousandClientYears() {
    MetricTally tally = MetricTally.empty();
    tally.addRate(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, 3, 730);
    tally.addRate(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, 0, 0);
    SummaryRow rate = row(SummaryTable.rows(tally), "emergency_admissions_per_1000_lts_years", "all", "all");
    assertEquals("3", rate.numerator());
    assertEquals("1.998631", rate.denominator(), "730 / 365.25 client-years");
    assertEquals("1501.027397", rate.value(), "3 * 365250 / 730");
  }

  @Test
  void median_oddAndEvenCounts() {
    MetricTally odd = MetricTally.empty();
    for (int days : new int[] {5, 0, 28}) {
      odd.addDays(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, GROUPS, days);
    }
    assertEquals(new SummaryRow("median_days_discharge_to_service", "all", "all", "5.000000", "3", "5.000000"),
        row(SummaryTable.rows(odd), "median_days_discharge_to_service", "all", "all"));
    MetricTally even = MetricTally.empty();
    for (int days : new int[] {2, 7, 3, 3}) {
      even.addDays(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, GROUPS, days);
    }
    assertEquals("3.000000", row(SummaryTable.rows(even), "median_days_discharge_to_service", "all", "all").value());
    even.addDays(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, GROUPS, 8);
    even.addDays(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, GROUPS, 9);
    assertEquals("5.000000", row(SummaryTable.rows(even), "median_days_discharge_to_service", "all", "all").value(),
        "mean of the middle two (3 and 7)");
    assertEquals("5.000000", row(SummaryTable.rows(even), "median_days_discharge_to_service", "sex", "2").value());
  }

  @Test
  void rowOrder_metricThenBreakdownThenGroup() {
    MetricTally tally = MetricTally.empty();
    tally.addDischarge(Metric.EMERGENCY_READMISSION_30D, BreakdownGroups.of(AgeBand.of(90), "1", "E09000033", true),
        true);
    tally.addDischarge(Metric.EMERGENCY_READMISSION_30D, BreakdownGroups.of(AgeBand.of(10), "2", "E06000001", false),
        false);
    tally.addDischarge(Metric.REQUEST_AFTER_DISCHARGE, GROUPS, false);
    List<String> keys = SummaryTable.rows(tally).stream()
        .map(r -> r.metric() + "/" + r.breakdown() + "/" + r.group()).toList();
    assertEquals(List.of(
        "request_after_discharge/all/all", "request_after_discharge/age_band/65-74",
        "request_after_discharge/sex/2", "request_after_discharge/la/E08000025",
        "reablement_after_discharge/all/all", "at_home_91d_after_reablement/all/all",
        "emergency_readmission_30d/all/all", "emergency_readmission_30d/age_band/0-17",
        "emergency_readmission_30d/age_band/85+", "emergency_readmission_30d/sex/1", "emergency_readmission_30d/sex/2",
        "emergency_readmission_30d/la/E06000001", "emergency_readmission_30d/la/E09000033",
        "emergency_readmission_30d/social_care_at_discharge/no",
        "emergency_readmission_30d/social_care_at_discharge/yes",
        "care_home_after_discharge/all/all", "emergency_admissions_per_1000_lts_years/all/all",
        "median_days_discharge_to_service/all/all"), keys);
  }

  @Test
  void csv_isRfc4180WithLfAndHeader() throws IOException {
    MetricTally tally = MetricTally.empty();
    tally.addDischarge(Metric.REQUEST_AFTER_DISCHARGE, BreakdownGroups.of(AgeBand.of(70), "2", "A,B", false), true);
    StringBuilder out = new StringBuilder();
    SummaryTable.writeCsv(SummaryTable.rows(tally), out);
    String text = out.toString();
    assertTrue(text.startsWith("metric,breakdown,group,numerator,denominator,value\n"), text);
    assertTrue(text.contains("request_after_discharge,la,\"A,B\",1,1,1.000000\n"), text);
    assertTrue(!text.contains("\r"));
    assertEquals("a,\"b,c\",", CsvTables.line(List.of("a", "b,c", "")));
  }
}
