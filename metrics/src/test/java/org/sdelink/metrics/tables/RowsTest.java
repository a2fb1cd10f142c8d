package org.sdelink.metrics.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.summary.AgeBand;
import org.sdelink.metrics.summary.BreakdownGroups;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.metrics.tables.DischargeRow.Membership;

class RowsTest {
  @Test
  void dischargeRow_valuesFollowTheHeader() {
    DischargeRow row = new DischargeRow("p1", "E1", "RAA", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10), "21",
        "1", "19", BreakdownGroups.of(AgeBand.of(80), "2", "E08000025", true), true, 3,
        ImmutableMap.of(Metric.REABLEMENT_AFTER_DISCHARGE, Membership.NUMERATOR,
            Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, Membership.DENOMINATOR_ONLY));
    assertEquals(DischargeRow.HEADER.size(), row.values().size());
    Map<String, String> byColumn = new java.util.HashMap<>();
    for (int i = 0; i < DischargeRow.HEADER.size(); i++) {
      byColumn.put(DischargeRow.HEADER.get(i), row.values().get(i));
    }
    assertEquals("1", byColumn.get("reablement_after_discharge_den"));
    assertEquals("1", byColumn.get("reablement_after_discharge_num"));
    assertEquals("0", byColumn.get("request_after_discharge_den"));
    assertEquals("1", byColumn.get("median_days_discharge_to_service_den"));
    assertEquals("3", byColumn.get("days_to_first_service"));
    assertEquals("75-84", byColumn.get("age_band"));
    assertEquals("2024-06-10", byColumn.get("discharge_date"));
    assertEquals(Membership.NOT_COUNTED, row.membership(Metric.CARE_HOME_AFTER_DISCHARGE));
  }

  @Test
  void dischargeRow_rejectsRateMetricFlagsAndNumeratorWithoutDenominator() {
    assertThrows(IllegalArgumentException.class, () -> Membership.of(false, true));
    assertThrows(IllegalArgumentException.class, () -> new DischargeRow("p1", "E1", "RAA", LocalDate.of(2024, 6, 1),
        LocalDate.of(2024, 6, 10), "21", "1", "19", BreakdownGroups.of(AgeBand.of(80), "2", "", true), true, null,
        ImmutableMap.of(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, Membership.NUMERATOR)));
  }

  @Test
  void journeyHeader_andValuesHaveTheSameWidth() {
    JourneyRow row = new JourneyRow("p1", 1, "cld", "service", LocalDate.of(2024, 1, 1), null, "E08000025:1",
        "E08000025", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", 0);
    assertEquals(JourneyRow.HEADER.size(), row.values().size());
    assertEquals("", row.values().get(JourneyRow.HEADER.indexOf("end")));
    assertEquals("", row.values().get(JourneyRow.HEADER.indexOf("episodes")), "episodes only for spells");
  }
}
