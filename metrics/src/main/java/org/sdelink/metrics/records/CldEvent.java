package org.sdelink.metrics.records;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Longs;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One CLD event (request, assessment, service or review) of a linked person, typed from a row of the pseudonymised
 * CLD records file, with the received date of the submission it came in (copies of an event across submissions are
 * reduced by {@code submissions.LatestVersions}). Code strings are kept as submitted (Release 1 or Release 2 spelling, trimmed; blank = missing);
 * dates are {@code null} when missing.
 */
public record CldEvent(
    String recordId,
    String sourceFile,
    long sourceLine,
    String laCode,
    @Nullable LocalDate reportingPeriodEnd,
    @Nullable LocalDate receivedDate,
    String clientType,
    String primarySupportReason,
    @Nullable LocalDate dateOfDeath,
    String eventType,
    @Nullable LocalDate eventStart,
    @Nullable LocalDate eventEnd,
    String eventOutcome,
    String requestRouteOfAccess,
    String assessmentType,
    String eligibleNeedsIdentified,
    String serviceType,
    String serviceComponent,
    String deliveryMechanism,
    String reviewReason,
    String reviewOutcomesAchieved)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Columns that must be in the header (the contract's required CLD columns, plus record_id). */
  public static final ImmutableList<String> REQUIRED_COLUMNS =
      ImmutableList.of("record_id", "LA_Code", "Event_Type", "Event_Start_Date");

  /**
   * Every column the metrics read. Those not in {@link #REQUIRED_COLUMNS} may be absent from a file (the pseudonymise
   * stage writes the input's columns), which means blank on every row; check a header with {@link
   * #absentColumns} to warn about it.
   */
  public static final ImmutableList<String> READ_COLUMNS = ImmutableList.of(
      "record_id", "source_file", "source_line", "LA_Code", "Reporting_Period_End_Date", "received_date",
      "Client_Type",
      "Primary_Support_Reason", "Date_of_Death", "Event_Type", "Event_Start_Date", "Event_End_Date", "Event_Outcome",
      "Request_Route_of_Access", "Assessment_Type", "Eligible_Needs_Identified", "Service_Type", "Service_Component",
      "Delivery_Mechanism", "Review_Reason", "Review_Outcomes_Achieved");

  /** The columns of {@link #READ_COLUMNS} that {@code header} lacks (those will read as blank). */
  public static ImmutableList<String> absentColumns(Collection<String> header) {
    checkNotNull(header, "header");
    return READ_COLUMNS.stream().filter(c -> !header.contains(c)).collect(ImmutableList.toImmutableList());
  }

  public CldEvent {
    checkNotNull(recordId, "recordId");
    checkArgument(!recordId.isEmpty(), "a CLD record needs a record_id");
    checkNotNull(sourceFile, "sourceFile");
    checkNotNull(laCode, "laCode");
    checkNotNull(clientType, "clientType");
    checkNotNull(primarySupportReason, "primarySupportReason");
    checkNotNull(eventType, "eventType");
    checkNotNull(eventOutcome, "eventOutcome");
    checkNotNull(requestRouteOfAccess, "requestRouteOfAccess");
    checkNotNull(assessmentType, "assessmentType");
    checkNotNull(eligibleNeedsIdentified, "eligibleNeedsIdentified");
    checkNotNull(serviceType, "serviceType");
    checkNotNull(serviceComponent, "serviceComponent");
    checkNotNull(deliveryMechanism, "deliveryMechanism");
    checkNotNull(reviewReason, "reviewReason");
    checkNotNull(reviewOutcomesAchieved, "reviewOutcomesAchieved");
  }

  /**
   * Types one row (column name to value) of the pseudonymised CLD records file. Identity columns are ignored.
   *
   * @throws IllegalArgumentException when a {@linkplain #REQUIRED_COLUMNS required column} is absent, record_id is
   *     blank or a date is not {@code yyyy-MM-dd}; the message names the column, never a value
   */
  public static CldEvent fromRow(Map<String, String> row) {
    checkNotNull(row, "row");
    RowReader r = new RowReader(row, "CLD records");
    String recordId = r.required("record_id");
    checkArgument(!recordId.isEmpty(),
        "a CLD row has a blank record_id; the pseudonymise stage assigns one to every row");
    try {
      return new CldEvent(
          recordId,
          r.optional("source_file"),
          parseLine(r.optional("source_line")),
          r.required("LA_Code"),
          r.optionalDate("Reporting_Period_End_Date"),
          r.optionalDate("received_date"),
          r.optional("Client_Type"),
          r.optional("Primary_Support_Reason"),
          r.optionalDate("Date_of_Death"),
          r.required("Event_Type"),
          r.requiredDate("Event_Start_Date"),
          r.optionalDate("Event_End_Date"),
          r.optional("Event_Outcome"),
          r.optional("Request_Route_of_Access"),
          r.optional("Assessment_Type"),
          r.optional("Eligible_Needs_Identified"),
          r.optional("Service_Type"),
          r.optional("Service_Component"),
          r.optional("Delivery_Mechanism"),
          r.optional("Review_Reason"),
          r.optional("Review_Outcomes_Achieved"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CLD record " + recordId + ": " + e.getMessage(), e);
    }
  }

  static long parseLine(String text) {
    if (text.isEmpty()) {
      return 0L;
    }
    Long line = Longs.tryParse(text);
    checkArgument(line != null, "column source_line is not a whole number");
    return line;
  }
}
