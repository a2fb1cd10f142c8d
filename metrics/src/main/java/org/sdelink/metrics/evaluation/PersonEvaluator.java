package org.sdelink.metrics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.sdelink.metrics.socialcare.SocialCareFacts.isCareHomeService;
import static org.sdelink.metrics.socialcare.SocialCareFacts.isHospitalRouteRequest;
import static org.sdelink.metrics.socialcare.SocialCareFacts.isLongTermSupport;
import static org.sdelink.metrics.socialcare.SocialCareFacts.isOpenOn;
import static org.sdelink.metrics.socialcare.SocialCareFacts.isReablement;
import static org.sdelink.metrics.socialcare.SocialCareFacts.isService;
import static org.sdelink.metrics.socialcare.SocialCareFacts.startsWithin;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.ApcEpisode;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.submissions.LatestVersions;
import org.sdelink.metrics.spells.HospitalSpell;
import org.sdelink.metrics.summary.AgeBand;
import org.sdelink.metrics.summary.BreakdownGroups;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.metrics.summary.MetricTally;
import org.sdelink.metrics.tables.DischargeRow;
import org.sdelink.metrics.tables.DischargeRow.Membership;
import org.sdelink.metrics.tables.JourneyRow;

/**
 * The per-person metric rules: from one linked person's CLD events and APC episodes, builds the journey, the
 * discharges of the period with their metric flags, and the person's {@link MetricTally}. The definitions are those
 * of docs/metrics.md; windows are inclusive unless written (a, b]. Stateless and serializable, so one instance can
 * serve a whole Beam stage.
 */
public final class PersonEvaluator implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int OLDER_PEOPLE_AGE = 65;
  static final int REQUEST_DAYS_AFTER_DISCHARGE = 14;
  static final int REABLEMENT_DAYS_BEFORE_DISCHARGE = 3;
  static final int REABLEMENT_DAYS_AFTER_DISCHARGE = 7;
  static final int AT_HOME_DAYS_AFTER_DISCHARGE = 91;
  static final int READMISSION_DAYS_AFTER_DISCHARGE = 29;
  static final int CARE_HOME_DAYS_AFTER_DISCHARGE = 28;
  static final int SERVICE_DAYS_AFTER_DISCHARGE = MetricTally.MAX_DAYS;

  /** ADMIMETH excluded from the reablement denominator (maternity and other non-standard admissions). */
  static final ImmutableSet<String> REABLEMENT_EXCLUDED_ADMISSION_METHODS = ImmutableSet.of("31", "32", "82", "83");
  /** DISDEST of transfers to another hospital (NHS 49-53). */
  static final ImmutableSet<String> OTHER_HOSPITAL_DESTINATIONS = ImmutableSet.of("49", "50", "51", "52", "53");
  /** DISDEST excluded from the reablement denominator: other hospitals, death, and non-NHS hospitals (87, 88). */
  static final ImmutableSet<String> REABLEMENT_EXCLUDED_DESTINATIONS = ImmutableSet.<String>builder()
      .addAll(OTHER_HOSPITAL_DESTINATIONS).add("79", "87", "88").build();
  /** DISDEST that are care homes (54, 55, 56, 65, 85). */
  static final ImmutableSet<String> CARE_HOME_DESTINATIONS = ImmutableSet.of("54", "55", "56", "65", "85");

  private final ReportingPeriod period;

  private PersonEvaluator(ReportingPeriod period) {
    this.period = period;
  }

  /** An evaluator for {@code period}. */
  public static PersonEvaluator forPeriod(ReportingPeriod period) {
    return new PersonEvaluator(checkNotNull(period, "period"));
  }

  /** The reporting period. */
  public ReportingPeriod period() {
    return period;
  }

  /**
   * Evaluates one linked person. The inputs may hold several copies of an event (resubmissions): the latest received
   * version of each counts once ({@link LatestVersions#ofRecords}: per record id, then per event key). The result does
   * not depend on the order of the inputs.
   */
  public PersonResult evaluate(String personId, Collection<CldEvent> cldEvents, Collection<ApcEpisode> apcEpisodes) {
    checkNotNull(personId, "personId");
    checkArgument(!personId.isEmpty(), "personId must not be blank");
    Person person = new Person(
        LatestVersions.ofRecords(cldEvents, e -> e).kept(),
        HospitalSpell.assemble(distinct(apcEpisodes, ApcEpisode::recordId, ApcEpisode.PREFERRED_COPY_FIRST)));

    MetricTally tally = MetricTally.empty();
    List<DischargeRow> discharges = new ArrayList<>();
    for (HospitalSpell spell : person.spells) {
      if (spell.isFinished() && period.contains(spell.dischargeDate())) {
        DischargeRow row = evaluateDischarge(personId, person, spell);
        discharges.add(row);
        addToTally(tally, row);
      }
    }
    discharges.sort(DischargeRow.ORDER);

    long clientDays = ltsClientDays(person);
    long admissions = ltsEmergencyAdmissions(person);
    tally.addRate(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, admissions, clientDays);

    return new PersonResult(personId, journey(personId, person), ImmutableList.copyOf(discharges), tally, clientDays,
        admissions);
  }

  private DischargeRow evaluateDischarge(String personId, Person person, HospitalSpell spell) {
    LocalDate admitted = spell.admissionDate();
    LocalDate discharged = spell.dischargeDate();
    String destination = spell.dischargeDestination();
    boolean alive = spell.isAliveDischarge();
    Integer age = spell.ageAtDischarge();
    boolean older = age != null && age >= OLDER_PEOPLE_AGE;
    boolean careHomeAtAdmission = person.anyEvent(e -> isCareHomeService(e) && isOpenOn(e, admitted));
    boolean serviceAtDischarge = person.anyEvent(e -> isService(e) && isOpenOn(e, discharged));
    Integer daysToService = daysToFirstService(person, discharged);

    Map<Metric, Membership> flags = new EnumMap<>(Metric.class);

    boolean requestDen = alive && older;
    boolean requestNum = requestDen && person.anyEvent(e -> isHospitalRouteRequest(e)
        && startsWithin(e, admitted, discharged.plusDays(REQUEST_DAYS_AFTER_DISCHARGE)));
    flags.put(Metric.REQUEST_AFTER_DISCHARGE, Membership.of(requestDen, requestNum));

    boolean reablementDen = alive && older
        && !REABLEMENT_EXCLUDED_ADMISSION_METHODS.contains(spell.admissionMethod())
        && !REABLEMENT_EXCLUDED_DESTINATIONS.contains(destination)
        && admitted.isBefore(discharged)
        && !careHomeAtAdmission;
    LocalDate reablementFrom = latest(admitted, discharged.minusDays(REABLEMENT_DAYS_BEFORE_DISCHARGE));
    boolean reablementNum = reablementDen && person.anyEvent(e -> isReablement(e)
        && startsWithin(e, reablementFrom, discharged.plusDays(REABLEMENT_DAYS_AFTER_DISCHARGE)));
    flags.put(Metric.REABLEMENT_AFTER_DISCHARGE, Membership.of(reablementDen, reablementNum));

    boolean atHomeDen = reablementNum;
    boolean atHomeNum = atHomeDen && !leftHomeWithin91Days(person, discharged);
    flags.put(Metric.AT_HOME_91D_AFTER_REABLEMENT, Membership.of(atHomeDen, atHomeNum));

    boolean readmissionDen = alive && !OTHER_HOSPITAL_DESTINATIONS.contains(destination);
    boolean readmissionNum = readmissionDen && person.spells.stream().anyMatch(other -> other != spell
        && other.isEmergency()
        && within(other.admissionDate(), discharged, discharged.plusDays(READMISSION_DAYS_AFTER_DISCHARGE)));
    flags.put(Metric.EMERGENCY_READMISSION_30D, Membership.of(readmissionDen, readmissionNum));

    boolean careHomeDen = alive && older && !careHomeAtAdmission;
    boolean careHomeNum = careHomeDen
        && (person.anyEvent(e -> isCareHomeService(e)
                && startsWithin(e, admitted, discharged.plusDays(CARE_HOME_DAYS_AFTER_DISCHARGE)))
            || CARE_HOME_DESTINATIONS.contains(destination));
    flags.put(Metric.CARE_HOME_AFTER_DISCHARGE, Membership.of(careHomeDen, careHomeNum));

    boolean serviceDen = alive && older && daysToService != null;
    flags.put(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, Membership.of(serviceDen, false));

    BreakdownGroups groups = BreakdownGroups.of(AgeBand.of(age), spell.sex(), spell.residenceLa(), serviceAtDischarge);
    return new DischargeRow(personId, spell.dischargeRecordId(), spell.provider(), admitted, discharged,
        spell.admissionMethod(), spell.dischargeMethod(), destination, groups, alive, daysToService,
        Maps.immutableEnumMap(flags));
  }

  /** (DISDATE, DISDATE + 91]: the death date, an emergency admission or a care-home service start. */
  private boolean leftHomeWithin91Days(Person person, LocalDate discharged) {
    LocalDate first = discharged.plusDays(1);
    LocalDate last = discharged.plusDays(AT_HOME_DAYS_AFTER_DISCHARGE);
    return (person.deathDate != null && within(person.deathDate, first, last))
        || person.spells.stream().anyMatch(s -> s.isEmergency() && within(s.admissionDate(), first, last))
        || person.anyEvent(e -> isCareHomeService(e) && startsWithin(e, first, last));
  }

  /** Days from DISDATE to the earliest CLD Service start in [DISDATE, DISDATE + 28], or {@code null}. */
  private static @Nullable Integer daysToFirstService(Person person, LocalDate discharged) {
    LocalDate last = discharged.plusDays(SERVICE_DAYS_AFTER_DISCHARGE);
    LocalDate earliest = null;
    for (CldEvent event : person.events) {
      if (isService(event) && startsWithin(event, discharged, last)
          && (earliest == null || event.eventStart().isBefore(earliest))) {
        earliest = event.eventStart();
      }
    }
    return earliest == null ? null : (int) ChronoUnit.DAYS.between(discharged, earliest);
  }

  private static void addToTally(MetricTally tally, DischargeRow row) {
    for (Metric metric : DischargeRow.FLAGGED_METRICS) {
      Membership membership = row.membership(metric);
      if (!membership.inDenominator()) {
        continue;
      }
      if (metric.kind() == Metric.Kind.MEDIAN_DAYS) {
        tally.addDays(metric, row.groups(), row.daysToFirstService());
      } else {
        tally.addDischarge(metric, row.groups(), membership.inNumerator());
      }
    }
  }

  /**
   * Distinct days in the period on which an LTS service is open and the person is not past the death date: the union
   * of the services' open intervals, clipped to the period and the death date.
   */
  private long ltsClientDays(Person person) {
    LocalDate last = person.deathDate != null && person.deathDate.isBefore(period.end()) ? person.deathDate
        : period.end();
    List<LocalDate[]> intervals = new ArrayList<>();
    for (CldEvent event : person.events) {
      if (isLongTermSupport(event) && event.eventStart() != null) {
        LocalDate from = latest(event.eventStart(), period.start());
        LocalDate to = event.eventEnd() == null || event.eventEnd().isAfter(last) ? last : event.eventEnd();
        if (!from.isAfter(to)) {
          intervals.add(new LocalDate[] {from, to});
        }
      }
    }
    intervals.sort(Comparator.comparing((LocalDate[] interval) -> interval[0]));
    long days = 0;
    LocalDate coveredUpTo = null;
    for (LocalDate[] interval : intervals) {
      LocalDate from = coveredUpTo != null && !interval[0].isAfter(coveredUpTo) ? coveredUpTo.plusDays(1) : interval[0];
      if (!from.isAfter(interval[1])) {
        days += ChronoUnit.DAYS.between(from, interval[1]) + 1;
        coveredUpTo = interval[1];
      }
    }
    return days;
  }

  /** Emergency spells with ADMIDATE in the period on which an LTS service is open. */
  private long ltsEmergencyAdmissions(Person person) {
    return person.spells.stream()
        .filter(s -> s.isEmergency() && period.contains(s.admissionDate()))
        .filter(s -> person.anyEvent(e -> isLongTermSupport(e) && isOpenOn(e, s.admissionDate())))
        .count();
  }

  private static ImmutableList<JourneyRow> journey(String personId, Person person) {
    List<JourneyRow> rows = new ArrayList<>();
    person.events.forEach(event -> rows.add(JourneyRow.ofEvent(personId, event)));
    person.spells.forEach(spell -> rows.add(JourneyRow.ofSpell(personId, spell)));
    rows.sort(JourneyRow.TIMELINE_ORDER);
    ImmutableList.Builder<JourneyRow> numbered = ImmutableList.builderWithExpectedSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      numbered.add(rows.get(i).withSeq(i + 1));
    }
    return numbered.build();
  }

  /** One copy per record id (the first in {@code preference}), in record-id order. */
  private static <T> ImmutableList<T> distinct(
      Collection<T> records, Function<T, String> recordId, Comparator<T> preference) {
    checkNotNull(records, "records");
    Map<String, T> byId = new TreeMap<>();
    for (T record : records) {
      byId.merge(recordId.apply(checkNotNull(record, "record")), record,
          (kept, other) -> preference.compare(kept, other) <= 0 ? kept : other);
    }
    return ImmutableList.copyOf(byId.values());
  }

  private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** One person's distinct events, spells and death date. */
  private static final class Person {
    final ImmutableList<CldEvent> events;
    final ImmutableList<HospitalSpell> spells;
    final @Nullable LocalDate deathDate;

    Person(ImmutableList<CldEvent> events, ImmutableList<HospitalSpell> spells) {
      this.events = events;
      this.spells = spells;
      this.deathDate = deathDate(events, spells);
    }

    boolean anyEvent(Predicate<CldEvent> predicate) {
      return events.stream().anyMatch(predicate);
    }

    /** The earliest CLD Date_of_Death and DISDATE of a spell ending in death. */
    private static @Nullable LocalDate deathDate(List<CldEvent> events, List<HospitalSpell> spells) {
      LocalDate earliest = null;
      for (CldEvent event : events) {
        earliest = earlier(earliest, event.dateOfDeath());
      }
      for (HospitalSpell spell : spells) {
        if (spell.endsInDeath()) {
          earliest = earlier(earliest, spell.dischargeDate());
        }
      }
      return earliest;
    }

    private static @Nullable LocalDate earlier(@Nullable LocalDate a, @Nullable LocalDate b) {
      return a == null ? b : b == null || b.isAfter(a) ? a : b;
    }
  }
}
