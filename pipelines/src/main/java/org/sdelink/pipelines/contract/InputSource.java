package org.sdelink.pipelines.contract;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Optional;

/**
 * The two input contracts sdelink accepts: CLD event submissions and HES/SUS APC episodes. Each declares its
 * columns, the columns a row cannot do without, the date columns and the identifier columns that are never written.
 */
public enum InputSource {
  CLD(
      "cld",
      ImmutableList.of(
          "LA_Code", "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "LA_Person_Unique_Identifier",
          "NHS_Number", "First_Name", "Last_Name", "GP_Practice_Code", "GP_Practice_Name", "Gender", "Ethnicity",
          "Date_of_Birth", "Date_of_Death", "Client_Type", "Primary_Support_Reason", "Postcode",
          "Accommodation_Status", "Employment_Status", "Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD",
          "Visual_Impairment", "Hearing_Impairment", "Dementia", "Client_Funding_Status", "Event_Type",
          "Event_Reference", "Event_Start_Date", "Event_End_Date", "Event_Description", "Event_Outcome",
          "Request_Route_of_Access", "Assessment_Type", "Eligible_Needs_Identified", "Method_of_Assessment",
          "Service_Type", "Service_Component", "Delivery_Mechanism", "Provider_CQC_Location_Name",
          "Provider_CQC_Location_ID", "Review_Reason", "Review_Outcomes_Achieved", "Method_of_Review", "Unit_Cost",
          "Cost_Frequency_Unit_Type", "Planned_Units_Per_Week", "Total_Hrs_Caring_Per_Week",
          "No_of_adults_being_cared_for", "Adult_1_Linked_Person_ID", "Adult_2_Linked_Person_ID",
          "Adult_3_Linked_Person_ID"),
      ImmutableSet.of("LA_Code", "LA_Person_Unique_Identifier", "Event_Type", "Event_Start_Date"),
      ImmutableSet.of(
          "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "Date_of_Birth", "Date_of_Death",
          "Event_Start_Date", "Event_End_Date"),
      ImmutableSet.of(
          "LA_Person_Unique_Identifier", "NHS_Number", "First_Name", "Last_Name", "GP_Practice_Name",
          "Date_of_Birth", "Postcode", "Event_Description", "Adult_1_Linked_Person_ID", "Adult_2_Linked_Person_ID",
          "Adult_3_Linked_Person_ID")),
  APC(
      "apc",
      ImmutableList.of(
          "EPIKEY", "NEWNHSNO", "DOB", "MYDOB", "SEX", "HOMEADD", "LSOA11", "RESLADST_ONS", "PROCODE3", "ADMIDATE",
          "ADMIMETH", "ADMISORC", "EPISTART", "EPIEND", "EPIORDER", "SPELEND", "DISDATE", "DISMETH", "DISDEST",
          "STARTAGE", "DIAG_4_01", "CLASSPAT", "MAINSPEF", "TRETSPEF", "DISREADYDATE", "GPPRAC"),
      ImmutableSet.of("EPIKEY", "ADMIDATE", "PROCODE3"),
      ImmutableSet.of("DOB", "ADMIDATE", "EPISTART", "EPIEND", "DISDATE", "DISREADYDATE"),
      ImmutableSet.of("NEWNHSNO", "DOB", "MYDOB", "HOMEADD"));

  private final String id;
  private final ImmutableList<String> columns;
  private final ImmutableSet<String> required;
  private final ImmutableSet<String> dateColumns;
  private final ImmutableSet<String> identifierColumns;

  InputSource(
      String id,
      ImmutableList<String> columns,
      ImmutableSet<String> required,
      ImmutableSet<String> dateColumns,
      ImmutableSet<String> identifierColumns) {
    this.id = id;
    this.columns = columns;
    this.required = required;
    this.dateColumns = dateColumns;
    this.identifierColumns = identifierColumns;
  }

  /** The short name used on the command line and in the spine's {@code source} column. */
  public String id() {
    return id;
  }

  public ImmutableList<String> columns() {
    return columns;
  }

  public ImmutableSet<String> requiredColumns() {
    return required;
  }

  public ImmutableSet<String> dateColumns() {
    return dateColumns;
  }

  /** Columns that hold a direct identifier: read, tokenised or dropped, never written in clear. */
  public ImmutableSet<String> identifierColumns() {
    return identifierColumns;
  }

  /** The contract's spelling of a header name, matched case-insensitively, or empty if it is not declared. */
  public Optional<String> canonicalColumn(String header) {
    String wanted = header.trim().toLowerCase(Locale.ROOT);
    for (String column : columns) {
      if (column.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  public static InputSource fromId(String id) {
    for (InputSource source : values()) {
      if (source.id.equalsIgnoreCase(id)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown source '" + id + "': use cld or apc");
  }
}
