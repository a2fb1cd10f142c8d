package org.sdelink.pipelines.pseudonymise;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.metrics.spells.AgeAtDischarge;
import org.sdelink.pipelines.contract.ContractDates;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.SourceRow;
import org.sdelink.pseudonymisation.IdentityColumns;
import org.sdelink.pseudonymisation.IdentityPseudonymiser;
import org.sdelink.pseudonymisation.PseudonymisedIdentity;
import org.sdelink.pseudonymisation.RawIdentity;

/**
 * The per-row rule of the pseudonymise stage: one input row in, one pseudonymised row out. It builds the record id,
 * replaces the identifiers with tokens, normalises dates to {@code yyyy-MM-dd} and drops free text; the raw
 * identifier columns are never copied to the output.
 */
public final class RowPseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final ImmutableList<String> CLD_KEPT = ImmutableList.of(
      "LA_Code", "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "la_person_token", "GP_Practice_Code",
      "Gender", "Ethnicity", "Date_of_Death", "Client_Type", "Primary_Support_Reason", "Accommodation_Status",
      "Employment_Status", "Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Visual_Impairment",
      "Hearing_Impairment", "Dementia", "Client_Funding_Status", "Event_Type", "Event_Reference",
      "Event_Start_Date", "Event_End_Date", "Event_Outcome", "Request_Route_of_Access", "Assessment_Type",
      "Eligible_Needs_Identified", "Method_of_Assessment", "Service_Type", "Service_Component",
      "Delivery_Mechanism", "Provider_CQC_Location_Name", "Provider_CQC_Location_ID", "Review_Reason",
      "Review_Outcomes_Achieved", "Method_of_Review", "Unit_Cost", "Cost_Frequency_Unit_Type",
      "Planned_Units_Per_Week", "Total_Hrs_Caring_Per_Week", "No_of_adults_being_cared_for",
      "adult_1_linked_person_token", "adult_2_linked_person_token", "adult_3_linked_person_token",
      "received_date", "birth_month");
  private static final ImmutableList<String> APC_KEPT = ImmutableList.of(
      "EPIKEY", "SEX", "LSOA11", "RESLADST_ONS", "PROCODE3", "ADMIDATE", "ADMIMETH", "ADMISORC", "EPISTART",
      "EPIEND", "EPIORDER", "SPELEND", "DISDATE", "DISMETH", "DISDEST", "STARTAGE", "DIAG_4_01", "CLASSPAT",
      "MAINSPEF", "TRETSPEF", "DISREADYDATE", "GPPRAC", "age_at_disdate");

  /** Keyed tokens of council-local identifiers (a person's id within a council). */
  public interface LocalIdTokeniser extends Serializable {
    String token(String laCode, String localId);
  }

  private final InputSource source;
  private final IdentityPseudonymiser identity;
  private final LocalIdTokeniser localIds;
  private final ImmutableList<String> columns;
  private final ImmutableMap<String, String> receivedDates;
  private static final int BIRTH_YEAR = IdentityColumns.ALL.indexOf("birth_year");

  private RowPseudonymiser(InputSource source, IdentityPseudonymiser identity, LocalIdTokeniser localIds,
      ImmutableMap<String, String> receivedDates) {
    this.source = source;
    this.identity = identity;
    this.localIds = localIds;
    this.receivedDates = receivedDates;
    this.columns = ImmutableList.<String>builder()
        .add("record_id", "source_file", "source_line")
        .addAll(source == InputSource.CLD ? CLD_KEPT : APC_KEPT)
        .addAll(IdentityColumns.ALL)
        .build();
  }

  public static RowPseudonymiser create(
      InputSource source, IdentityPseudonymiser identity, LocalIdTokeniser localIds) {
    return new RowPseudonymiser(checkNotNull(source), checkNotNull(identity), checkNotNull(localIds),
        ImmutableMap.of());
  }

  /**
   * The same rule, writing on each CLD row the day its file was received ({@code received_date}, from the
   * submissions; blank for a file without one).
   */
  public RowPseudonymiser withReceivedDates(Map<String, String> byFileName) {
    return new RowPseudonymiser(source, identity, localIds, ImmutableMap.copyOf(byFileName));
  }

  /** The output columns, in order. */
  public ImmutableList<String> columns() {
    return columns;
  }

  /** The record id of the spine contract: CLD {@code LA:Event_Reference} or {@code LA:file:row}; APC EPIKEY. */
  public static String recordId(InputSource source, SourceRow row) {
    if (source == InputSource.APC) {
      return row.get("EPIKEY");
    }
    String reference = row.get("Event_Reference");
    return reference.isEmpty()
        ? row.get("LA_Code") + ":" + row.fileName() + ":" + row.rowNumber()
        : row.get("LA_Code") + ":" + reference;
  }

  /** Pseudonymises one accepted row. */
  public PseudonymisedRow apply(SourceRow row) {
    PseudonymisedIdentity id = identity.pseudonymise(rawIdentity(row));
    List<String> values = new ArrayList<>(columns.size());
    String recordId = recordId(source, row);
    values.add(recordId);
    values.add(row.fileName());
    values.add(Long.toString(row.line()));
    for (String column : source == InputSource.CLD ? CLD_KEPT : APC_KEPT) {
      values.add(switch (column) {
        case "received_date" -> receivedDates.getOrDefault(row.fileName(), "");
        case "birth_month" -> birthMonth(row, id.values().get(BIRTH_YEAR));
        default -> keptValue(column, row);
      });
    }
    values.addAll(id.values());
    String la = source == InputSource.CLD ? row.get("LA_Code") : row.get("RESLADST_ONS");
    return new PseudonymisedRow(recordId, la, values, id.flags());
  }

  private String keptValue(String column, SourceRow row) {
    switch (column) {
      case "la_person_token":
        return localIds.token(row.get("LA_Code"), row.get("LA_Person_Unique_Identifier"));
      case "adult_1_linked_person_token":
      case "adult_2_linked_person_token":
      case "adult_3_linked_person_token": {
        String local = row.get("Adult_" + column.charAt(6) + "_Linked_Person_ID");
        return local.isEmpty() ? "" : localIds.token(row.get("LA_Code"), local);
      }
      case "age_at_disdate":
        return AgeAtDischarge.column(isoOrRaw(row.get("DOB")), row.get("MYDOB"), isoOrRaw(row.get("DISDATE")));
      default:
        String value = row.get(column);
        if (source.dateColumns().contains(column) && !value.isEmpty()) {
          Optional<LocalDate> date = ContractDates.parse(value);
          return date.map(LocalDate::toString).orElse("");
        }
        return value;
    }
  }

  /**
   * The month of birth (1-12) of a CLD row, for ages at a date as NHS England derives them (first of the birth
   * month); blank whenever the birth year is (an unknown or invalid date of birth). A quasi-identifier like the year.
   */
  private static String birthMonth(SourceRow row, String birthYear) {
    if (birthYear.isEmpty()) {
      return "";
    }
    return ContractDates.parse(row.get("Date_of_Birth")).map(d -> Integer.toString(d.getMonthValue())).orElse("");
  }

  private RawIdentity rawIdentity(SourceRow row) {
    if (source == InputSource.CLD) {
      return new RawIdentity(row.get("NHS_Number"), row.get("First_Name"), row.get("Last_Name"),
          isoOrRaw(row.get("Date_of_Birth")), row.get("Postcode"), row.get("Gender"));
    }
    return new RawIdentity(row.get("NEWNHSNO"), null, null, isoOrRaw(row.get("DOB")), row.get("HOMEADD"),
        row.get("SEX"));
  }

  private static String isoOrRaw(String value) {
    return ContractDates.parse(value).map(LocalDate::toString).orElse(value);
  }

  /**
   * One pseudonymised row: its record id, council, output values, quality flags and the coded columns whose value is
   * not in the code lists (names only, never the values).
   */
  public static final class PseudonymisedRow implements Serializable {
    private static final long serialVersionUID = 2L;
    private final String recordId;
    private final String laCode;
    private final List<String> values;
    private final List<String> flags;
    private final List<String> unknownCodeColumns;

    PseudonymisedRow(String recordId, String laCode, List<String> values, List<String> flags) {
      this(recordId, laCode, values, flags, List.of());
    }

    PseudonymisedRow(String recordId, String laCode, List<String> values, List<String> flags,
        List<String> unknownCodeColumns) {
      this.recordId = recordId;
      this.laCode = laCode;
      this.values = List.copyOf(values);
      this.flags = List.copyOf(flags);
      this.unknownCodeColumns = List.copyOf(unknownCodeColumns);
    }

    /** The same row, noting the coded columns whose value the code lists do not hold. */
    public PseudonymisedRow withUnknownCodeColumns(List<String> columns) {
      return new PseudonymisedRow(recordId, laCode, values, flags, columns);
    }

    public String recordId() {
      return recordId;
    }

    public String laCode() {
      return laCode;
    }

    public List<String> values() {
      return values;
    }

    /** The input file the row came from (the {@code source_file} column). */
    public String sourceFile() {
      return values.get(1);
    }

    /** The physical line the row starts on (the {@code source_line} column). */
    public long sourceLine() {
      return Long.parseLong(values.get(2));
    }

    public List<String> flags() {
      return flags;
    }

    public List<String> unknownCodeColumns() {
      return unknownCodeColumns;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PseudonymisedRow other && recordId.equals(other.recordId) && laCode.equals(other.laCode)
          && values.equals(other.values) && flags.equals(other.flags)
          && unknownCodeColumns.equals(other.unknownCodeColumns);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(recordId, laCode, values, flags, unknownCodeColumns);
    }

    @Override
    public String toString() {
      return "PseudonymisedRow{" + sourceFile() + ":" + sourceLine() + "}";
    }
  }
}
