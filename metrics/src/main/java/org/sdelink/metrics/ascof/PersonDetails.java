package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.DerivedAge;
import org.sdelink.metrics.salt.PrimarySupportReasonChoice;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * One person's latest details, as the DHSC ASCOF code reads them from its person details table ({@code
 * Create_personal_details_table.sql}): birth year and month (rows with both first, then the latest submission's
 * reporting period end, then the earliest birth), date of death (rows with one first, latest reporting period end,
 * latest date), primary support reason and accommodation status (known values first, then latest reporting period
 * end, latest event end with open events first, latest event start; still conflicting: {@code Unknown}). An unknown
 * accommodation status is derived from the person's latest services ({@link #accommodationStatus}). Every ASCOF rule
 * reads the person's age, death, reason and accommodation from here, as the code joins that table.
 */
public final class PersonDetails {
  private static final LocalDate OPEN = LocalDate.of(9999, 1, 1);
  private static final Comparator<LocalDate> NULLS_LOW = Comparator.nullsFirst(Comparator.naturalOrder());

  private final @Nullable Integer birthYear;
  private final @Nullable Integer birthMonth;
  private final @Nullable LocalDate dateOfDeath;
  private final String primarySupportReason;
  private final String accommodationStatus;

  private PersonDetails(@Nullable Integer birthYear, @Nullable Integer birthMonth, @Nullable LocalDate dateOfDeath,
      String primarySupportReason, String accommodationStatus) {
    this.birthYear = birthYear;
    this.birthMonth = birthMonth;
    this.dateOfDeath = dateOfDeath;
    this.primarySupportReason = primarySupportReason;
    this.accommodationStatus = accommodationStatus;
  }

  /** The details read from every row of one person (all client and event types). */
  public static PersonDetails of(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    SaltEvent birth = rows.stream().filter(r -> r.birthYear() != null && r.birthMonth() != null)
        .max(Comparator.comparing(SaltEvent::reportingPeriodEnd, NULLS_LOW)
            .thenComparing(SaltEvent::birthYear, Comparator.reverseOrder())
            .thenComparing(SaltEvent::birthMonth, Comparator.reverseOrder()))
        .orElse(null);
    LocalDate death = rows.stream().filter(r -> r.dateOfDeath() != null)
        .max(Comparator.comparing(SaltEvent::reportingPeriodEnd, NULLS_LOW)
            .thenComparing(SaltEvent::dateOfDeath))
        .map(SaltEvent::dateOfDeath).orElse(null);
    String psr = latest(rows, PersonDetails::knownReason,
        r -> PrimarySupportReasonChoice.DEFINED.contains(r.primarySupportReason()) ? r.primarySupportReason()
            : PrimarySupportReasonChoice.UNKNOWN);
    String accommodation = latest(rows, r -> AccommodationStatus.known(r.accommodationStatus()),
        r -> AccommodationStatus.canonical(r.accommodationStatus()));
    if (accommodation.equals(AccommodationStatus.UNKNOWN)) {
      accommodation = fromServices(rows);
    }
    return new PersonDetails(birth == null ? null : birth.birthYear(), birth == null ? null : birth.birthMonth(),
        death, psr, accommodation);
  }

  private static boolean knownReason(SaltEvent row) {
    String psr = row.primarySupportReason();
    return PrimarySupportReasonChoice.DEFINED.contains(psr) && !psr.equals(PrimarySupportReasonChoice.UNKNOWN)
        && !psr.equals("Social Support: Support to Carer");
  }

  /** The value of the top-ranked rows (known, latest period end, latest end, latest start); conflicting: Unknown. */
  private static String latest(List<SaltEvent> rows, Predicate<SaltEvent> known, Function<SaltEvent, String> value) {
    Comparator<SaltEvent> rank = Comparator.<SaltEvent, Boolean>comparing(known::test)
        .thenComparing(SaltEvent::reportingPeriodEnd, NULLS_LOW)
        .thenComparing(r -> r.end() == null ? OPEN : r.end())
        .thenComparing(SaltEvent::start);
    SaltEvent top = rows.stream().max(rank).orElse(null);
    if (top == null) {
      return "Unknown";
    }
    List<String> values = rows.stream().filter(r -> rank.compare(r, top) == 0).map(value).distinct().toList();
    return values.size() == 1 ? values.get(0) : "Unknown";
  }

  private static final Map<String, Integer> SERVICE_RANK = Map.of(
      AscofCodes.NURSING, 1, AscofCodes.RESIDENTIAL, 2, AscofCodes.COMMUNITY, 3, AscofCodes.PRISON, 4,
      AscofCodes.ST_MAX, 5, "Short Term Support: Ongoing Low Level", 6, "Short Term Support: Other Short Term", 7);
  private static final List<String> MAPPABLE = List.of(AscofCodes.COMPONENT_SHARED_LIVES,
      AscofCodes.COMPONENT_SUPPORTED_LIVING, AscofCodes.COMPONENT_EXTRA_CARE, AscofCodes.COMPONENT_HOME_SUPPORT);

  /**
   * The status derived from the latest services when the recorded one is unknown (code {@code #Service_Row1},
   * {@code #Unknowns_Services_Deduped}, {@code #Unknowns_Services_Mapped}): the services ending last (open first),
   * then of the best service type, then with a component that maps to an accommodation, then starting last; one
   * service type and one such component among them (else none) map to a status.
   */
  static String fromServices(List<SaltEvent> rows) {
    Comparator<SaltEvent> rank = Comparator.<SaltEvent, LocalDate>comparing(r -> r.end() == null ? OPEN : r.end())
        .thenComparing(r -> -SERVICE_RANK.getOrDefault(r.serviceType(), 99))
        .thenComparing(r -> MAPPABLE.contains(AscofCodes.component(r)))
        .thenComparing(SaltEvent::start);
    List<SaltEvent> services = rows.stream().filter(r -> r.is(SaltEvent.SERVICE)).toList();
    SaltEvent top = services.stream().max(rank).orElse(null);
    if (top == null) {
      return AccommodationStatus.UNKNOWN;
    }
    List<SaltEvent> latest = services.stream().filter(r -> rank.compare(r, top) == 0).toList();
    String type = single(latest.stream().map(SaltEvent::serviceType).filter(SERVICE_RANK::containsKey).toList());
    String component = single(latest.stream().map(AscofCodes::component).filter(MAPPABLE::contains).toList());
    if (AscofCodes.NURSING.equals(type)) {
      return AccommodationStatus.NURSING_HOME;
    } else if (AscofCodes.RESIDENTIAL.equals(type)) {
      return AccommodationStatus.CARE_HOME;
    } else if (AscofCodes.COMPONENT_SHARED_LIVES.equals(component)) {
      return AccommodationStatus.SHARED_LIVES;
    } else if (AscofCodes.COMPONENT_EXTRA_CARE.equals(component)) {
      return AccommodationStatus.SHELTERED;
    } else if (AscofCodes.COMPONENT_SUPPORTED_LIVING.equals(component)) {
      return AccommodationStatus.SUPPORTED;
    } else if (AscofCodes.COMMUNITY.equals(type) && AscofCodes.COMPONENT_HOME_SUPPORT.equals(component)) {
      return AccommodationStatus.PRESUMED_AT_HOME;
    } else if (AscofCodes.COMMUNITY.equals(type) && component == null) {
      return AccommodationStatus.PRESUMED_IN_COMMUNITY;
    } else if (AscofCodes.PRISON.equals(type)) {
      return AccommodationStatus.PRISON;
    }
    return AccommodationStatus.UNKNOWN;
  }

  private static @Nullable String single(List<String> values) {
    List<String> distinct = values.stream().filter(Objects::nonNull).distinct().toList();
    return distinct.size() == 1 ? distinct.get(0) : null;
  }

  /** The derived age on {@code date} (proxy birth date on the 1st of the month, {@code floor(days / 365.25)}). */
  public OptionalInt ageOn(LocalDate date) {
    return DerivedAge.at(birthYear, birthMonth, date);
  }

  /** True when the birth year and a valid birth month are known (the code's {@code Der_Birth_Date IS NOT NULL}). */
  public boolean birthKnown() {
    return birthYear != null && birthMonth != null && birthMonth >= 1 && birthMonth <= 12;
  }

  /** Alive on {@code day}: no date of death, or death on or after it ({@code Date_of_Death >= day}). */
  public boolean aliveOn(LocalDate day) {
    return dateOfDeath == null || !dateOfDeath.isBefore(day);
  }

  public @Nullable LocalDate dateOfDeath() {
    return dateOfDeath;
  }

  /** The primary support reason (Release 1 spelling), {@code Unknown} when none is known or they conflict. */
  public String primarySupportReason() {
    return primarySupportReason;
  }

  /** The accommodation status ({@link AccommodationStatus} text), derived from services when unknown. */
  public String accommodationStatus() {
    return accommodationStatus;
  }
}
