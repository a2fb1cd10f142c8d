package org.sdelink.metrics.socialcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdelink.metrics.records.CldEvent;

class SocialCareFactsTest {

  private static CldEvent event(String type, String serviceType, String component, String route, String start,
      String end) {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", "E08000025:1");
    row.put("LA_Code", "E08000025");
    row.put("Date_of_Death", "");
    row.put("Event_Type", type);
    row.put("Event_Start_Date", start);
    row.put("Event_End_Date", end);
    row.put("Request_Route_of_Access", route);
    row.put("Service_Type", serviceType);
    row.put("Service_Component", component);
    return CldEvent.fromRow(row);
  }

  @ParameterizedTest(name = "{0} / {1}: care home {2}, LTS {3}")
  @CsvSource({
      "Service, Long Term Support: Residential Care, true, true",
      "Service, Long Term Support: Nursing Care, true, true",
      "Service, Long term support: Nursing care, true, true",       // Release 2
      "service, LONG TERM SUPPORT: RESIDENTIAL CARE, true, true",
      "Service, Long Term Support: Community, false, true",
      "Service, Long term support: Prison, false, true",
      "Service, Short Term Support: ST-Max, false, false",
      "Review, Long Term Support: Nursing Care, false, false",      // not a Service event
      "Service, Unpaid carer support: Direct to unpaid carer, false, false"})
  void careHomeAndLongTermSupport(String type, String serviceType, boolean careHome, boolean lts) {
    CldEvent event = event(type, serviceType, "", "", "2024-01-01", "");
    assertEquals(careHome, SocialCareFacts.isCareHomeService(event));
    assertEquals(lts, SocialCareFacts.isLongTermSupport(event));
  }

  @ParameterizedTest(name = "{0} / {1}: reablement {2}")
  @CsvSource({
      "Short Term Support: ST-Max, Reablement, true",
      "Short term support: ST-Max, reablement, true",   // Release 2
      "Short Term Support: ST-Max, Equipment, false",
      "Short Term Support: Other Short Term, Reablement, false"})
  void reablement(String serviceType, String component, boolean reablement) {
    assertEquals(reablement, SocialCareFacts.isReablement(event("Service", serviceType, component, "", "2024-01-01", "")));
  }

  @Test
  void hospitalRouteRequest() {
    assertTrue(SocialCareFacts.isHospitalRouteRequest(event("Request", "", "", "Discharge from Hospital", "2024-01-01", "")));
    assertTrue(SocialCareFacts.isHospitalRouteRequest(event("REQUEST", "", "", "discharge from hospital", "2024-01-01", "")));
    assertFalse(SocialCareFacts.isHospitalRouteRequest(event("Request", "", "", "Diversion from Hospital Services",
        "2024-01-01", "")));
    assertFalse(SocialCareFacts.isHospitalRouteRequest(event("Assessment", "", "", "Discharge from Hospital",
        "2024-01-01", "")));
  }

  @Test
  void openOnDay_bothEndsInclusive_noEndDateMeansStillOpen() {
    CldEvent bounded = event("Service", "Long Term Support: Community", "", "", "2024-05-01", "2024-05-10");
    assertFalse(SocialCareFacts.isOpenOn(bounded, LocalDate.of(2024, 4, 30)));
    assertTrue(SocialCareFacts.isOpenOn(bounded, LocalDate.of(2024, 5, 1)));
    assertTrue(SocialCareFacts.isOpenOn(bounded, LocalDate.of(2024, 5, 10)));
    assertFalse(SocialCareFacts.isOpenOn(bounded, LocalDate.of(2024, 5, 11)));
    CldEvent open = event("Service", "Long Term Support: Community", "", "", "2024-05-01", "");
    assertTrue(SocialCareFacts.isOpenOn(open, LocalDate.of(2030, 1, 1)));
    CldEvent noStart = event("Service", "Long Term Support: Community", "", "", "", "");
    assertFalse(SocialCareFacts.isOpenOn(noStart, LocalDate.of(2024, 5, 1)));
  }
}
