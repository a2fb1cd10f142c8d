package org.sdelink.metrics.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.sdelink.metrics.records.ApcEpisode;
import org.sdelink.metrics.records.CldEvent;

/** Builds typed records from pseudonymised-layout rows for the evaluator tests (blank = missing). */
final class Records {
  static final String ST_MAX = "Short Term Support: ST-Max";
  static final String COMMUNITY = "Long Term Support: Community";
  static final String RESIDENTIAL = "Long Term Support: Residential Care";
  static final String NURSING = "Long Term Support: Nursing Care";

  private Records() {}

  /** A CLD event row; {@code more} are extra column/value pairs. */
  static CldEvent event(String recordId, String type, String start, String end, String... more) {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", recordId);
    row.put("source_file", "cld.csv");
    row.put("source_line", "1");
    row.put("LA_Code", recordId.contains(":") ? recordId.substring(0, recordId.indexOf(':')) : "E08000025");
    row.put("Reporting_Period_End_Date", "2024-06-30");
    row.put("Date_of_Death", "");
    row.put("Event_Type", type);
    row.put("Event_Start_Date", start);
    row.put("Event_End_Date", end);
    row.put("Request_Route_of_Access", "");
    row.put("Service_Type", "");
    row.put("Service_Component", "");
    for (int i = 0; i < more.length; i += 2) {
      row.put(more[i], more[i + 1]);
    }
    return CldEvent.fromRow(row);
  }

  static CldEvent service(String recordId, String serviceType, String start, String end, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = "Service_Type";
    all[1] = serviceType;
    System.arraycopy(more, 0, all, 2, more.length);
    return event(recordId, "Service", start, end, all);
  }

  static CldEvent reablement(String recordId, String start) {
    return service(recordId, ST_MAX, start, "", "Service_Component", "Reablement");
  }

  static CldEvent hospitalRequest(String recordId, String start) {
    return event(recordId, "Request", start, "", "Request_Route_of_Access", "Discharge from Hospital");
  }

  static CldEvent death(String recordId, String dateOfDeath) {
    return event(recordId, "Assessment", "2024-01-01", "2024-01-01", "Date_of_Death", dateOfDeath);
  }

  /** A single-episode finished spell (SPELEND Y, DISMETH 1) at provider RAA. */
  static ApcEpisode spell(String recordId, String admitted, String admissionMethod, String discharged,
      String destination, int age) {
    return episode(recordId, "RAA", admitted, admissionMethod, "1", "Y", discharged, "1", destination,
        Integer.toString(age));
  }

  static ApcEpisode episode(String recordId, String provider, String admitted, String admissionMethod,
      String epiOrder, String spellEnd, String discharged, String dischargeMethod, String destination, String age,
      String... more) {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", recordId);
    row.put("source_file", "apc.csv");
    row.put("source_line", "1");
    row.put("SEX", "2");
    row.put("RESLADST_ONS", "E08000025");
    row.put("PROCODE3", provider);
    row.put("ADMIDATE", admitted);
    row.put("ADMIMETH", admissionMethod);
    row.put("EPIORDER", epiOrder);
    row.put("SPELEND", spellEnd);
    row.put("DISDATE", discharged);
    row.put("DISMETH", dischargeMethod);
    row.put("DISDEST", destination);
    row.put("age_at_disdate", age);
    for (int i = 0; i < more.length; i += 2) {
      row.put(more[i], more[i + 1]);
    }
    return ApcEpisode.fromRow(row);
  }
}
