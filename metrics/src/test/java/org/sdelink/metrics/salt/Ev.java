package org.sdelink.metrics.salt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Builds test events from the columns of the pseudonymised records file. */
public final class Ev {
  private final Map<String, String> row = new HashMap<>();

  private Ev(String type, String start, String end) {
    row.put("LA_Code", "E06000001");
    row.put("la_person_token", "p1");
    row.put("source_file", "q4.csv");
    row.put("Client_Type", "Service User");
    row.put("Event_Type", type);
    row.put("Event_Start_Date", start);
    row.put("Event_End_Date", end == null ? "" : end);
    row.put("birth_year", "1950");
    row.put("birth_month", "6");
  }

  public static Ev of(String type, String start, String end) {
    return new Ev(type, start, end);
  }

  public static Ev request(String start, String end) {
    return new Ev("Request", start, end).set("Request_Route_of_Access", "Community / Other route");
  }

  public static Ev service(String type, String start, String end) {
    return new Ev("Service", start, end).set("Service_Type", type);
  }

  public static Ev assessment(String start, String end) {
    return new Ev("Assessment", start, end);
  }

  public Ev set(String column, String value) {
    row.put(column, value);
    return this;
  }

  public Ev outcome(String outcome) {
    return set("Event_Outcome", outcome);
  }

  public Ev file(String file, String received) {
    return set("source_file", file).set("received_date", received);
  }

  public SaltEvent build() {
    return SaltEvent.fromRow(row);
  }

  public static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }
}
