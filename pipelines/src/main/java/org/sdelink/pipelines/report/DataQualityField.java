package org.sdelink.pipelines.report;

/**
 * The CLD fields whose completeness and validity the dashboard measures: those the SALT returns and the ASCOF
 * measures are built from. Each names the contract field, the column of the pseudonymised records that holds it (a
 * status column for the tokenised NHS number and date of birth), which records it applies to and how a filled
 * value is checked.
 */
public enum DataQualityField {
  LA_PERSON_UNIQUE_IDENTIFIER("LA_Person_Unique_Identifier", "la_person_token", Scope.ALL, Check.PRESENT),
  NHS_NUMBER("NHS_Number", "nhs_number_status", Scope.ALL, Check.NHS_NUMBER),
  DATE_OF_BIRTH("Date_of_Birth", "dob_status", Scope.ALL, Check.DATE_OF_BIRTH),
  GENDER("Gender", "Gender", Scope.ALL, Check.CODE),
  ETHNICITY("Ethnicity", "Ethnicity", Scope.ALL, Check.CODE),
  CLIENT_TYPE("Client_Type", "Client_Type", Scope.ALL, Check.CODE),
  PRIMARY_SUPPORT_REASON("Primary_Support_Reason", "Primary_Support_Reason", Scope.SERVICE_USERS, Check.CODE),
  ACCOMMODATION_STATUS("Accommodation_Status", "Accommodation_Status", Scope.SERVICE_USERS, Check.CODE),
  EMPLOYMENT_STATUS("Employment_Status", "Employment_Status", Scope.SERVICE_USERS, Check.CODE),
  HAS_UNPAID_CARER("Has_Unpaid_Carer", "Has_Unpaid_Carer", Scope.SERVICE_USERS, Check.CODE),
  EVENT_TYPE("Event_Type", "Event_Type", Scope.ALL, Check.CODE),
  EVENT_START_DATE("Event_Start_Date", "Event_Start_Date", Scope.ALL, Check.DATE),
  EVENT_OUTCOME("Event_Outcome", "Event_Outcome", Scope.ENDED_EVENTS, Check.CODE),
  REQUEST_ROUTE_OF_ACCESS("Request_Route_of_Access", "Request_Route_of_Access", Scope.REQUESTS, Check.CODE),
  ASSESSMENT_TYPE("Assessment_Type", "Assessment_Type", Scope.ASSESSMENTS, Check.CODE),
  ELIGIBLE_NEEDS_IDENTIFIED("Eligible_Needs_Identified", "Eligible_Needs_Identified", Scope.ASSESSMENTS,
      Check.CODE),
  SERVICE_TYPE("Service_Type", "Service_Type", Scope.SERVICES, Check.CODE),
  SERVICE_COMPONENT("Service_Component", "Service_Component", Scope.SERVICES, Check.CODE),
  DELIVERY_MECHANISM("Delivery_Mechanism", "Delivery_Mechanism", Scope.SERVICES, Check.CODE),
  UNIT_COST("Unit_Cost", "Unit_Cost", Scope.SERVICES, Check.NUMBER),
  COST_FREQUENCY_UNIT_TYPE("Cost_Frequency_Unit_Type", "Cost_Frequency_Unit_Type", Scope.SERVICES, Check.CODE),
  PLANNED_UNITS_PER_WEEK("Planned_Units_Per_Week", "Planned_Units_Per_Week", Scope.PER_UNIT_SERVICES,
      Check.NUMBER),
  REVIEW_REASON("Review_Reason", "Review_Reason", Scope.REVIEWS, Check.CODE),
  REVIEW_OUTCOMES_ACHIEVED("Review_Outcomes_Achieved", "Review_Outcomes_Achieved", Scope.ENDED_REVIEWS,
      Check.CODE);

  /** Which records a field applies to. */
  public enum Scope {
    ALL("every record"),
    SERVICE_USERS("records of service users (Client_Type not a carer)"),
    ENDED_EVENTS("events with an Event_End_Date"),
    REQUESTS("requests"),
    ASSESSMENTS("assessments"),
    SERVICES("services"),
    PER_UNIT_SERVICES("services priced per hour, session or day"),
    REVIEWS("reviews"),
    ENDED_REVIEWS("reviews with an Event_End_Date");

    private final String description;

    Scope(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** What a valid filled value is. */
  public enum Check {
    PRESENT("filled (a token of the council's person id)"),
    NHS_NUMBER("an NHS number passing the modulus-11 check and the HES placeholder rules (nhs_number_status VALID;"
        + " the 999 test range counts as invalid)"),
    DATE_OF_BIRTH("a real date, not in the future, not before 1890 (dob_status VALID)"),
    DATE("a real yyyy-MM-dd date"),
    NUMBER("a number, not negative"),
    CODE("a permitted code of the operator's code-list file (Release 1 or 2 spelling, any case)");

    private final String description;

    Check(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final String field;
  private final String column;
  private final Scope scope;
  private final Check check;

  DataQualityField(String field, String column, Scope scope, Check check) {
    this.field = field;
    this.column = column;
    this.scope = scope;
    this.check = check;
  }

  /** The CLD contract name of the field. */
  public String field() {
    return field;
  }

  /** The column of the pseudonymised records that is read. */
  public String column() {
    return column;
  }

  public Scope scope() {
    return scope;
  }

  public Check check() {
    return check;
  }

  /** The field with this contract name. */
  public static DataQualityField byField(String name) {
    for (DataQualityField f : values()) {
      if (f.field.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no data-quality field " + name);
  }
}
