package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.sdelink.metrics.costs.PlannedWeeklyCost;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.socialcare.SocialCareFacts;
import org.sdelink.metrics.submissions.LatestVersions;

/**
 * What one CLD record (one event, its latest received version: {@link #latestVersions}) adds to the dashboard:
 * amounts to add to cells (events,
 * pence, record counts) and the cells in which its person is to be counted once (distinct people). The person is
 * the record's {@code la_person_token} within its council.
 *
 * <p>Counting rules: requests, assessments and reviews count in the month their Event_Start_Date falls in, if it
 * falls in the period; a service counts its person in every month (and the period) in which it is open on at least
 * one day; planned spend is spread over the open days ({@link ServiceMonths}); data quality covers every record
 * whose event is open on at least one day of the period.
 */
public final class RecordFacts {
  /** The category of service-user cells that counts people with any service. */
  public static final String ANY_SERVICE = "Any service";
  public static final String ONE_OFF = "One-off price";
  public static final String NO_COST = "Cost fields missing or not a weekly cost";

  private final String personKey;
  private final ImmutableMap<CellKey, Long> amounts;
  private final ImmutableSet<CellKey> peopleCells;

  private RecordFacts(String personKey, ImmutableMap<CellKey, Long> amounts,
      ImmutableSet<CellKey> peopleCells) {
    this.personKey = personKey;
    this.amounts = amounts;
    this.peopleCells = peopleCells;
  }

  /**
   * The preferred copy of a record id's copies (rows of the pseudonymised records file): the latest received, then
   * the latest Reporting_Period_End_Date, then the lowest source file and line ({@link
   * LatestVersions#LATEST_COPY_FIRST}).
   */
  public static Map<String, String> preferredCopy(List<Map<String, String>> copies) {
    checkNotNull(copies, "copies");
    Map<String, String> best = null;
    CldEvent bestEvent = null;
    for (Map<String, String> copy : copies) {
      CldEvent event = CldEvent.fromRow(copy);
      if (best == null || LatestVersions.LATEST_COPY_FIRST.compare(event, bestEvent) < 0) {
        best = copy;
        bestEvent = event;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("a record id without copies");
    }
    return best;
  }

  /**
   * One council-local person's rows reduced to the latest received version of each event, the rule every stage that
   * reads CLD events shares ({@link LatestVersions#ofRecords}: one copy per record id, then per event key).
   */
  public static List<Map<String, String>> latestVersions(List<Map<String, String>> personRows) {
    checkNotNull(personRows, "personRows");
    return LatestVersions.ofRecords(personRows, CldEvent::fromRow).kept();
  }

  /** The facts of one record: the row of its preferred copy. */
  public static RecordFacts of(Map<String, String> row, ReportingPeriod period, DataQualityRules quality) {
    checkNotNull(row, "row");
    checkNotNull(period, "period");
    checkNotNull(quality, "quality");
    CldEvent event = CldEvent.fromRow(row);
    String council = event.laCode();
    String token = row.getOrDefault("la_person_token", "").trim();
    Builder facts = new Builder(council);
    facts.add(Measure.RECORDS, CellKey.PERIOD, "", 1);

    LocalDate start = event.eventStart();
    LocalDate end = event.eventEnd();
    boolean inPeriod = start != null && !start.isAfter(period.end()) && (end == null || !end.isBefore(period.start()));
    if (inPeriod) {
      facts.add(Measure.RECORDS_IN_PERIOD, CellKey.PERIOD, "", 1);
      for (DataQualityField field : DataQualityField.values()) {
        Optional<DataQualityRules.Outcome> outcome = quality.assess(field, row);
        if (outcome.isPresent()) {
          facts.add(Measure.DQ_APPLICABLE, CellKey.PERIOD, field.field(), 1);
          if (outcome.get().filled()) {
            facts.add(Measure.DQ_FILLED, CellKey.PERIOD, field.field(), 1);
          }
          if (outcome.get().valid()) {
            facts.add(Measure.DQ_VALID, CellKey.PERIOD, field.field(), 1);
          }
        }
      }
    }

    if (period.contains(start)) {
      String month = YearMonth.from(start).toString();
      if (SocialCareFacts.isRequest(event)) {
        facts.add(Measure.REQUESTS, month, EventLabels.route(event.requestRouteOfAccess()), 1);
        facts.person(Measure.PEOPLE_REQUESTING, month, "");
        facts.person(Measure.PEOPLE_REQUESTING, CellKey.PERIOD, "");
      } else if (event.eventType().equalsIgnoreCase("Assessment")) {
        facts.add(Measure.ASSESSMENTS, month, EventLabels.assessmentType(event.assessmentType()), 1);
        facts.person(Measure.PEOPLE_ASSESSED, month, "");
        facts.person(Measure.PEOPLE_ASSESSED, CellKey.PERIOD, "");
      } else if (event.eventType().equalsIgnoreCase("Review")) {
        facts.add(Measure.REVIEWS, month, EventLabels.reviewReason(event.reviewReason()), 1);
        facts.person(Measure.PEOPLE_REVIEWED, month, "");
        facts.person(Measure.PEOPLE_REVIEWED, CellKey.PERIOD, "");
      }
    }

    if (SocialCareFacts.isService(event) && start != null) {
      Map<YearMonth, Integer> open = ServiceMonths.openDays(start, end, period);
      if (!open.isEmpty()) {
        String type = EventLabels.serviceType(event.serviceType());
        String term = EventLabels.supportTerm(type);
        for (YearMonth m : open.keySet()) {
          facts.person(Measure.SERVICE_USERS, m.toString(), term);
          facts.person(Measure.SERVICE_USERS, m.toString(), ANY_SERVICE);
          facts.person(Measure.SERVICE_USERS_BY_TYPE, m.toString(), type);
        }
        facts.person(Measure.SERVICE_USERS, CellKey.PERIOD, term);
        facts.person(Measure.SERVICE_USERS, CellKey.PERIOD, ANY_SERVICE);
        facts.person(Measure.SERVICE_USERS_BY_TYPE, CellKey.PERIOD, type);
        String frequency = row.getOrDefault("Cost_Frequency_Unit_Type", "");
        Optional<BigDecimal> weekly = PlannedWeeklyCost.of(row.get("Unit_Cost"), frequency,
            row.get("Planned_Units_Per_Week"));
        if (weekly.isPresent()) {
          long total = 0;
          for (Map.Entry<YearMonth, Long> spend : ServiceMonths.plannedSpendPence(weekly.get(), open).entrySet()) {
            facts.add(Measure.PLANNED_SPEND, spend.getKey().toString(), term, spend.getValue());
            facts.person(Measure.SPEND_PEOPLE, spend.getKey().toString(), term);
            total += spend.getValue();
          }
          facts.add(Measure.PLANNED_SPEND, CellKey.PERIOD, type, total);
          facts.person(Measure.SPEND_PEOPLE, CellKey.PERIOD, type);
        } else {
          facts.add(Measure.SERVICES_WITHOUT_WEEKLY_COST, CellKey.PERIOD,
              frequency.trim().equalsIgnoreCase("One-off") ? ONE_OFF : NO_COST, 1);
        }
      }
    }
    return new RecordFacts(token.isEmpty() ? "" : council + '\u001f' + token, facts.amounts(),
        token.isEmpty() ? ImmutableSet.of() : facts.people());
  }

  /** The council and person token the people cells are counted for; blank when the record has no person token. */
  public String personKey() {
    return personKey;
  }

  /** Amounts to add, by cell. */
  public ImmutableMap<CellKey, Long> amounts() {
    return amounts;
  }

  /** Cells in which the record's person counts once. */
  public ImmutableSet<CellKey> peopleCells() {
    return peopleCells;
  }

  private static final class Builder {
    private final String council;
    private final Map<CellKey, Long> amounts = new HashMap<>();
    private final Set<CellKey> people = new LinkedHashSet<>();

    Builder(String council) {
      this.council = council;
    }

    void add(Measure measure, String slot, String category, long amount) {
      amounts.merge(CellKey.of(measure, council, slot, category), amount, Long::sum);
    }

    void person(Measure measure, String slot, String category) {
      people.add(CellKey.of(measure, council, slot, category));
    }

    ImmutableMap<CellKey, Long> amounts() {
      return ImmutableMap.copyOf(amounts);
    }

    ImmutableSet<CellKey> people() {
      return ImmutableSet.copyOf(people);
    }
  }
}
