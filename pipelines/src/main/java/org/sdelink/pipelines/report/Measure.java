package org.sdelink.pipelines.report;

/**
 * What a dashboard cell counts. Cells of the same measure add up across councils (a person is counted within a
 * council), so the national figure is the sum of the councils'.
 */
public enum Measure {
  /** Rows of records.csv (copies of a record id included). */
  INPUT_ROWS(Kind.RECORDS),
  /** Distinct record ids. */
  RECORDS(Kind.RECORDS),
  /** Records whose event is open on at least one day of the period (the data-quality scope). */
  RECORDS_IN_PERIOD(Kind.RECORDS),
  REQUESTS(Kind.EVENTS),
  PEOPLE_REQUESTING(Kind.PEOPLE),
  ASSESSMENTS(Kind.EVENTS),
  PEOPLE_ASSESSED(Kind.PEOPLE),
  /** People with a service open on at least one day of the month (or period), by support term. */
  SERVICE_USERS(Kind.PEOPLE),
  /** The same people by service type. */
  SERVICE_USERS_BY_TYPE(Kind.PEOPLE),
  /** Planned spend in pence (see {@link MonthlySpend}). */
  PLANNED_SPEND(Kind.MONEY),
  /** People whose services make up a planned-spend cell. */
  SPEND_PEOPLE(Kind.PEOPLE),
  /** Services open in the period without a weekly cost (one-off price, unknown frequency, missing numbers). */
  SERVICES_WITHOUT_WEEKLY_COST(Kind.EVENTS),
  REVIEWS(Kind.EVENTS),
  PEOPLE_REVIEWED(Kind.PEOPLE),
  /** Data quality: records a field applies to. */
  DQ_APPLICABLE(Kind.RECORDS),
  /** Data quality: of those, records with the field filled. */
  DQ_FILLED(Kind.RECORDS),
  /** Data quality: of those, records with a valid value (only for fields whose validity is checked). */
  DQ_VALID(Kind.RECORDS);

  /** How a measure's cells are made and protected. */
  public enum Kind {
    /** Event counts: additive over categories and months. */
    EVENTS,
    /** Distinct people: not additive over categories or months. */
    PEOPLE,
    /** Sums of money. */
    MONEY,
    /** Record counts behind the data-quality figures and the input totals. */
    RECORDS
  }

  private final Kind kind;

  Measure(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
