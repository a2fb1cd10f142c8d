package org.sdelink.metrics.reference;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes raw generator-format files (cld_events.csv, apc_episodes.csv, spine.csv) from rows given as maps. */
public final class RawFiles {
  /** The CLD Release 1 columns of the generator's cld_events.csv, in order. */
  public static final List<String> CLD_COLUMNS = List.of(
      "LA_Code", "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "LA_Person_Unique_Identifier",
      "NHS_Number", "First_Name", "Last_Name", "GP_Practice_Code", "GP_Practice_Name", "Gender", "Ethnicity",
      "Date_of_Birth", "Date_of_Death", "Client_Type", "Primary_Support_Reason", "Postcode", "Accommodation_Status",
      "Employment_Status", "Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Visual_Impairment",
      "Hearing_Impairment", "Dementia", "Client_Funding_Status", "Event_Type", "Event_Reference", "Event_Start_Date",
      "Event_End_Date", "Event_Description", "Event_Outcome", "Request_Route_of_Access", "Assessment_Type",
      "Eligible_Needs_Identified", "Method_of_Assessment", "Service_Type", "Service_Component", "Delivery_Mechanism",
      "Provider_CQC_Location_Name", "Provider_CQC_Location_ID", "Review_Reason", "Review_Outcomes_Achieved",
      "Method_of_Review", "Unit_Cost", "Cost_Frequency_Unit_Type", "Planned_Units_Per_Week",
      "Total_Hrs_Caring_Per_Week", "No_of_adults_being_cared_for", "Adult_1_Linked_Person_ID",
      "Adult_2_Linked_Person_ID", "Adult_3_Linked_Person_ID");

  /** The HES APC columns of the generator's apc_episodes.csv, in order. */
  public static final List<String> APC_COLUMNS = List.of(
      "EPIKEY", "NEWNHSNO", "DOB", "MYDOB", "SEX", "HOMEADD", "LSOA11", "RESLADST_ONS", "PROCODE3", "ADMIDATE",
      "ADMIMETH", "ADMISORC", "EPISTART", "EPIEND", "EPIORDER", "SPELEND", "DISDATE", "DISMETH", "DISDEST",
      "STARTAGE", "DIAG_4_01", "CLASSPAT", "MAINSPEF", "TRETSPEF", "DISREADYDATE");

  /** The columns of spine.csv. */
  public static final List<String> SPINE_COLUMNS =
      List.of("source", "record_id", "person_id", "match_rule", "match_weight");

  private RawFiles() {}

  /** Writes {@code rows} under {@code columns} (absent keys = blank); fails on a key that is not a column. */
  public static void write(Path file, List<String> columns, List<Map<String, String>> rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      printer.printRecord(columns);
      for (Map<String, String> row : rows) {
        for (String key : row.keySet()) {
          if (!columns.contains(key)) {
            throw new IllegalArgumentException("not a column of this file: " + key);
          }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(row.getOrDefault(column, ""));
        }
        printer.printRecord(values);
      }
    }
  }
}
