package org.sdelink.metrics.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonServiceCostsTest {
  private static Map<String, String> service(String id, String period, String type, String start, String end,
      String cost, String frequency, String units) {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", id);
    row.put("Reporting_Period_End_Date", period);
    row.put("LA_Code", "E08000035");
    row.put("Event_Type", "Service");
    row.put("Service_Type", type);
    row.put("Event_Start_Date", start);
    row.put("Event_End_Date", end);
    row.put("Unit_Cost", cost);
    row.put("Cost_Frequency_Unit_Type", frequency);
    row.put("Planned_Units_Per_Week", units);
    return row;
  }

  @Test
  void sumsOpenServicesPerCouncilAndServiceTypeCountingEachRecordOnce() {
    LocalDate snapshot = LocalDate.of(2025, 3, 31);
    List<Map<String, String>> rows = List.of(
        service("E08000035:1", "2024-12-31", "Long Term Support: Community", "2024-06-01", "", "20", "Hourly", "5"),
        service("E08000035:1", "2025-03-31", "Long Term Support: Community", "2024-06-01", "", "20", "Hourly", "5"),
        service("E08000035:2", "2025-03-31", "Long term support: community", "2025-01-01", "", "50", "Weekly", ""),
        service("E08000035:3", "2025-03-31", "Long Term Support: Nursing Care", "2024-01-01", "2025-03-30", "900",
            "Weekly", ""),
        service("E08000035:4", "2025-03-31", "Long Term Support: Residential Care", "2025-03-31", "", "700",
            "Weekly", ""));
    assertEquals(List.of(
            List.of("P1", "E08000035", "Long Term Support: Community", "150.00"),
            List.of("P1", "E08000035", "Long Term Support: Residential Care", "700.00")),
        PersonServiceCosts.rows("P1", rows, snapshot));
  }
}
