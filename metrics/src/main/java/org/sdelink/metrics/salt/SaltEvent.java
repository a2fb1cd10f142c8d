package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Ints;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.RecordDates;

/**
 * One CLD event as the official statistics read it: a row of the pseudonymised CLD records file with its submission
 * ({@code source_file}, {@code received_date}), the person's council-local token, birth year and month, and the code
 * values in their Release 1 spelling ({@link Spellings}); {@code Accommodation_Status} (read by ASCOF 2E) is kept as
 * written and read through {@code ascof.AccommodationStatus}. Kept apart from {@code CldEvent}, which serves the
 * transition metrics. Blank strings mean missing; missing dates and numbers are {@code null}.
 */
public record SaltEvent(
    String sourceFile,
    @Nullable LocalDate receivedDate,
    String laCode,
    String personToken,
    String nhsToken,
    @Nullable LocalDate reportingPeriodStart,
    @Nullable LocalDate reportingPeriodEnd,
    String clientType,
    String primarySupportReason,
    @Nullable LocalDate dateOfDeath,
    @Nullable Integer birthYear,
    @Nullable Integer birthMonth,
    String eventType,
    LocalDate start,
    @Nullable LocalDate end,
    String outcome,
    String routeOfAccess,
    String assessmentType,
    String serviceType,
    String serviceComponent,
    String deliveryMechanism,
    String reviewReason,
    String methodOfReview,
    String accommodationStatus)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String REQUEST = "Request";
  public static final String ASSESSMENT = "Assessment";
  public static final String SERVICE = "Service";
  public static final String REVIEW = "Review";
  public static final String SERVICE_USER = "Service User";

  /** Columns that must be in the records file. */
  public static final ImmutableList<String> REQUIRED_COLUMNS =
      ImmutableList.of("LA_Code", "la_person_token", "Event_Type", "Event_Start_Date");

  /** Every column read; those not required may be absent (blank on every row). */
  public static final ImmutableList<String> READ_COLUMNS = ImmutableList.of(
      "source_file", "received_date", "LA_Code", "la_person_token", "nhs_number_token",
      "Reporting_Period_Start_Date", "Reporting_Period_End_Date", "Client_Type", "Primary_Support_Reason",
      "Date_of_Death", "birth_year", "birth_month", "Event_Type", "Event_Start_Date", "Event_End_Date",
      "Event_Outcome", "Request_Route_of_Access", "Assessment_Type", "Service_Type", "Service_Component",
      "Delivery_Mechanism", "Review_Reason", "Method_of_Review", "Accommodation_Status");

  public SaltEvent {
    checkNotNull(sourceFile, "sourceFile");
    checkNotNull(laCode, "laCode");
    checkNotNull(personToken, "personToken");
    checkNotNull(nhsToken, "nhsToken");
    checkNotNull(clientType, "clientType");
    checkNotNull(primarySupportReason, "primarySupportReason");
    checkNotNull(eventType, "eventType");
    checkNotNull(start, "start");
    checkNotNull(outcome, "outcome");
    checkNotNull(routeOfAccess, "routeOfAccess");
    checkNotNull(assessmentType, "assessmentType");
    checkNotNull(serviceType, "serviceType");
    checkNotNull(serviceComponent, "serviceComponent");
    checkNotNull(deliveryMechanism, "deliveryMechanism");
    checkNotNull(reviewReason, "reviewReason");
    checkNotNull(methodOfReview, "methodOfReview");
    checkNotNull(accommodationStatus, "accommodationStatus");
  }

  /** The columns of {@link #READ_COLUMNS} that {@code header} holds, in {@link #READ_COLUMNS} order. */
  public static ImmutableList<String> presentColumns(Collection<String> header) {
    return READ_COLUMNS.stream().filter(header::contains).collect(ImmutableList.toImmutableList());
  }

  /**
   * Types one row (column name to value). Code values are brought to their Release 1 spelling.
   *
   * @throws IllegalArgumentException naming the column (never the value) when a required column is missing or blank,
   *     a date is not {@code yyyy-MM-dd}, or birth_year / birth_month is not a whole number
   */
  public static SaltEvent fromRow(Map<String, String> row) {
    checkNotNull(row, "row");
    return new SaltEvent(
        text(row, "source_file"),
        date(row, "received_date"),
        required(row, "LA_Code"),
        required(row, "la_person_token"),
        text(row, "nhs_number_token"),
        date(row, "Reporting_Period_Start_Date"),
        date(row, "Reporting_Period_End_Date"),
        code(row, "Client_Type"),
        code(row, "Primary_Support_Reason"),
        date(row, "Date_of_Death"),
        number(row, "birth_year"),
        number(row, "birth_month"),
        Spellings.canonical(required(row, "Event_Type")),
        checkNotNull(date(row, "Event_Start_Date"), "column Event_Start_Date is blank"),
        date(row, "Event_End_Date"),
        code(row, "Event_Outcome"),
        code(row, "Request_Route_of_Access"),
        text(row, "Assessment_Type"),
        code(row, "Service_Type"),
        text(row, "Service_Component"),
        code(row, "Delivery_Mechanism"),
        code(row, "Review_Reason"),
        code(row, "Method_of_Review"),
        text(row, "Accommodation_Status"));
  }

  private static String text(Map<String, String> row, String column) {
    return Strings.nullToEmpty(row.get(column)).trim();
  }

  private static String code(Map<String, String> row, String column) {
    return Spellings.canonical(text(row, column));
  }

  private static String required(Map<String, String> row, String column) {
    checkArgument(row.containsKey(column), "column %s is missing from the CLD records file: give the folder written"
        + " by sdelink pseudonymise --source cld", column);
    String value = text(row, column);
    checkArgument(!value.isEmpty(), "column %s is blank on a CLD row", column);
    return value;
  }

  private static @Nullable LocalDate date(Map<String, String> row, String column) {
    return RecordDates.parse(text(row, column), "CLD records " + column).orElse(null);
  }

  private static @Nullable Integer number(Map<String, String> row, String column) {
    String value = text(row, column);
    if (value.isEmpty()) {
      return null;
    }
    Integer parsed = Ints.tryParse(value);
    checkArgument(parsed != null, "column %s is not a whole number on a CLD row", column);
    return parsed;
  }

  /** Event_Type is {@code type} (Release 1 spelling). */
  /** The same row with another end date (DHSC's derived end, or a service closed at a reference period's end). */
  public SaltEvent withEnd(@Nullable LocalDate newEnd) {
    return new SaltEvent(sourceFile, receivedDate, laCode, personToken, nhsToken, reportingPeriodStart,
        reportingPeriodEnd, clientType, primarySupportReason, dateOfDeath, birthYear, birthMonth, eventType, start,
        newEnd, outcome, routeOfAccess, assessmentType, serviceType, serviceComponent, deliveryMechanism, reviewReason,
        methodOfReview, accommodationStatus);
  }

  /** The same row under another person token (a linked person's rows read as one person's). */
  public SaltEvent withPersonToken(String newPersonToken) {
    return new SaltEvent(sourceFile, receivedDate, laCode, newPersonToken, nhsToken, reportingPeriodStart,
        reportingPeriodEnd, clientType, primarySupportReason, dateOfDeath, birthYear, birthMonth, eventType, start, end,
        outcome, routeOfAccess, assessmentType, serviceType, serviceComponent, deliveryMechanism, reviewReason,
        methodOfReview, accommodationStatus);
  }

  /** The same row read over another reporting period (the reference period its file was chosen for). */
  public SaltEvent withReportingPeriod(LocalDate periodStart, LocalDate periodEnd) {
    return new SaltEvent(sourceFile, receivedDate, laCode, personToken, nhsToken, periodStart, periodEnd, clientType,
        primarySupportReason, dateOfDeath, birthYear, birthMonth, eventType, start, end, outcome, routeOfAccess,
        assessmentType, serviceType, serviceComponent, deliveryMechanism, reviewReason, methodOfReview,
        accommodationStatus);
  }

  public boolean is(String type) {
    return eventType.equals(type);
  }

  /** A Service of Service_Type {@code type}. */
  public boolean isService(String type) {
    return is(SERVICE) && serviceType.equals(type);
  }

  /** Client_Type Service User. */
  public boolean isServiceUser() {
    return clientType.equals(SERVICE_USER);
  }

  /** Alive on {@code day}: no date of death, or death on or after it (the methods' {@code Date_of_Death >= date}). */
  public boolean aliveOn(LocalDate day) {
    return dateOfDeath == null || !dateOfDeath.isBefore(day);
  }

  /** Open on {@code day}: started on or before it and not ended before it. */
  public boolean openOn(LocalDate day) {
    return !start.isAfter(day) && (end == null || !end.isBefore(day));
  }
}
