package org.sdelink.metrics.differential;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.metrics.spells.AgeAtDischarge;

/**
 * A small stand-in for the pseudonymise stage, for tests: turns raw generator rows into the pseudonymised column
 * layout the metrics read (record ids as in the spine contract, dates normalised to yyyy-MM-dd, DOB replaced by
 * age_at_disdate from {@link AgeAtDischarge}, direct identifiers dropped). Identity token columns are not produced;
 * the metrics do not read them.
 */
final class RawToPseudonymised {
  static final List<String> CLD_KEPT_COLUMNS = List.of(
      "LA_Code", "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "GP_Practice_Code", "Gender",
      "Ethnicity", "Date_of_Death", "Client_Type", "Primary_Support_Reason", "Accommodation_Status",
      "Employment_Status", "Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Visual_Impairment",
      "Hearing_Impairment", "Dementia", "Client_Funding_Status", "Event_Type", "Event_Reference", "Event_Start_Date",
      "Event_End_Date", "Event_Outcome", "Request_Route_of_Access", "Assessment_Type", "Eligible_Needs_Identified",
      "Method_of_Assessment", "Service_Type", "Service_Component", "Delivery_Mechanism", "Provider_CQC_Location_Name",
      "Provider_CQC_Location_ID", "Review_Reason", "Review_Outcomes_Achieved", "Method_of_Review", "Unit_Cost",
      "Cost_Frequency_Unit_Type", "Planned_Units_Per_Week", "Total_Hrs_Caring_Per_Week",
      "No_of_adults_being_cared_for");
  static final List<String> CLD_DATE_COLUMNS = List.of(
      "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "Date_of_Death", "Event_Start_Date",
      "Event_End_Date");
  static final List<String> APC_KEPT_COLUMNS = List.of(
      "EPIKEY", "SEX", "LSOA11", "RESLADST_ONS", "PROCODE3", "ADMIDATE", "ADMIMETH", "ADMISORC", "EPISTART", "EPIEND",
      "EPIORDER", "SPELEND", "DISDATE", "DISMETH", "DISDEST", "STARTAGE", "DIAG_4_01", "CLASSPAT", "MAINSPEF",
      "TRETSPEF", "DISREADYDATE");

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private RawToPseudonymised() {}

  static List<Map<String, String>> cldRows(Path rawCld) throws IOException {
    String fileName = rawCld.getFileName().toString();
    List<Map<String, String>> out = new ArrayList<>();
    List<Map<String, String>> raw = read(rawCld);
    for (int i = 0; i < raw.size(); i++) {
      Map<String, String> row = raw.get(i);
      String line = Integer.toString(i + 1);
      String la = row.get("LA_Code").trim();
      String reference = row.get("Event_Reference").trim();
      Map<String, String> pseudo = new LinkedHashMap<>();
      pseudo.put("record_id", reference.isEmpty() ? la + ":" + fileName + ":" + line : la + ":" + reference);
      pseudo.put("source_file", fileName);
      pseudo.put("source_line", line);
      for (String column : CLD_KEPT_COLUMNS) {
        String value = row.get(column);
        pseudo.put(column, CLD_DATE_COLUMNS.contains(column) ? isoDate(value) : value);
      }
      pseudo.put("la_person_token", "");
      out.add(pseudo);
    }
    return out;
  }

  static List<Map<String, String>> apcRows(Path rawApc) throws IOException {
    String fileName = rawApc.getFileName().toString();
    List<Map<String, String>> out = new ArrayList<>();
    List<Map<String, String>> raw = read(rawApc);
    for (int i = 0; i < raw.size(); i++) {
      Map<String, String> row = raw.get(i);
      Map<String, String> pseudo = new LinkedHashMap<>();
      pseudo.put("record_id", row.get("EPIKEY").trim());
      pseudo.put("source_file", fileName);
      pseudo.put("source_line", Integer.toString(i + 1));
      for (String column : APC_KEPT_COLUMNS) {
        pseudo.put(column, row.get(column));
      }
      pseudo.put("age_at_disdate", AgeAtDischarge.column(row.get("DOB"), row.get("MYDOB"), row.get("DISDATE")));
      out.add(pseudo);
    }
    return out;
  }

  static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }

  private static String isoDate(String value) {
    String text = value == null ? "" : value.trim();
    return text.contains("/") ? LocalDate.parse(text, UK).toString() : text;
  }
}
