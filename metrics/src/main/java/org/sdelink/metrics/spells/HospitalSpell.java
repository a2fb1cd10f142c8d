package org.sdelink.metrics.spells;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.ApcEpisode;

/**
 * A hospital provider spell of one person: the APC episodes sharing (PROCODE3, ADMIDATE). Admission method comes from
 * the episode with the lowest EPIORDER; the discharge is the SPELEND = {@code Y} episode. Build spells with {@link
 * #assemble}.
 */
public final class HospitalSpell implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final ImmutableSet<String> DEATH_DISCHARGE_METHODS = ImmutableSet.of("4", "5");
  private static final String DIED_DESTINATION = "79";

  /** Episodes in spell order: EPIORDER ascending (unknown last), then record id. */
  private static final Comparator<ApcEpisode> EPISODE_ORDER =
      Comparator.comparing(ApcEpisode::epiOrder, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
          .thenComparing(ApcEpisode::recordId);

  /** Spells in time order: ADMIDATE, then provider, then first episode's record id. */
  public static final Comparator<HospitalSpell> TIME_ORDER =
      Comparator.comparing(HospitalSpell::admissionDate)
          .thenComparing(HospitalSpell::provider)
          .thenComparing(HospitalSpell::firstRecordId);

  private final String provider;
  private final LocalDate admissionDate;
  private final ImmutableList<ApcEpisode> episodes;
  private final @Nullable ApcEpisode dischargeEpisode;

  private HospitalSpell(String provider, LocalDate admissionDate, ImmutableList<ApcEpisode> episodes) {
    this.provider = provider;
    this.admissionDate = admissionDate;
    this.episodes = episodes;
    ApcEpisode last = null;
    for (ApcEpisode episode : episodes) {
      if (episode.endsSpell()) {
        last = episode; // episodes are in spell order, so the highest EPIORDER wins when several say SPELEND = Y
      }
    }
    this.dischargeEpisode = last;
  }

  /**
   * Groups one person's episodes into spells by (PROCODE3, ADMIDATE), in {@link #TIME_ORDER}. Episodes without an
   * admission date (blank or sentinel) cannot be placed in a spell and are left out.
   */
  public static ImmutableList<HospitalSpell> assemble(Collection<ApcEpisode> episodes) {
    checkNotNull(episodes, "episodes");
    Map<LocalDate, Map<String, List<ApcEpisode>>> byKey = new TreeMap<>();
    for (ApcEpisode episode : episodes) {
      if (episode.admissionDate() != null) {
        byKey.computeIfAbsent(episode.admissionDate(), d -> new TreeMap<>())
            .computeIfAbsent(episode.provider(), p -> new ArrayList<>())
            .add(episode);
      }
    }
    List<HospitalSpell> spells = new ArrayList<>();
    byKey.forEach((date, byProvider) -> byProvider.forEach((provider, group) ->
        spells.add(new HospitalSpell(provider, date, ImmutableList.sortedCopyOf(EPISODE_ORDER, group)))));
    spells.sort(TIME_ORDER);
    return ImmutableList.copyOf(spells);
  }

  /** PROCODE3 of the spell's episodes. */
  public String provider() {
    return provider;
  }

  /** ADMIDATE of the spell's episodes. */
  public LocalDate admissionDate() {
    return admissionDate;
  }

  /** The episodes in spell order (EPIORDER ascending). */
  public ImmutableList<ApcEpisode> episodes() {
    return episodes;
  }

  /** The record id of the first episode (lowest EPIORDER): the spell's identity in journeys. */
  public String firstRecordId() {
    return episodes.get(0).recordId();
  }

  /** ADMIMETH of the episode with the lowest EPIORDER. */
  public String admissionMethod() {
    return episodes.get(0).admissionMethod();
  }

  /** Emergency spell: the admission method starts with {@code 2}. */
  public boolean isEmergency() {
    return admissionMethod().startsWith("2");
  }

  /** The SPELEND = {@code Y} episode, or {@code null} when the spell has none. */
  public @Nullable ApcEpisode dischargeEpisode() {
    return dischargeEpisode;
  }

  /** Finished: a discharge episode exists and its DISDATE is a real date (not blank, not a HES sentinel). */
  public boolean isFinished() {
    return dischargeEpisode != null && dischargeEpisode.dischargeDate() != null;
  }

  /** DISDATE of a finished spell, else {@code null}. */
  public @Nullable LocalDate dischargeDate() {
    return isFinished() ? dischargeEpisode.dischargeDate() : null;
  }

  /** A finished spell whose discharge records a death: DISMETH 4 or 5, or DISDEST 79. */
  public boolean endsInDeath() {
    return isFinished()
        && (DEATH_DISCHARGE_METHODS.contains(dischargeEpisode.dischargeMethod())
            || DIED_DESTINATION.equals(dischargeEpisode.dischargeDestination()));
  }

  /** An alive discharge: a finished spell that does not end in death. */
  public boolean isAliveDischarge() {
    return isFinished() && !endsInDeath();
  }

  /** The discharge episode's field via {@code field}, or blank when the spell has no discharge episode. */
  private String fromDischarge(Function<ApcEpisode, String> field) {
    return dischargeEpisode == null ? "" : field.apply(dischargeEpisode);
  }

  /** DISMETH of the discharge episode (blank when none). */
  public String dischargeMethod() {
    return fromDischarge(ApcEpisode::dischargeMethod);
  }

  /** DISDEST of the discharge episode (blank when none). */
  public String dischargeDestination() {
    return fromDischarge(ApcEpisode::dischargeDestination);
  }

  /** SEX of the discharge episode (blank when none). */
  public String sex() {
    return fromDischarge(ApcEpisode::sex);
  }

  /** RESLADST_ONS of the discharge episode (blank when none). */
  public String residenceLa() {
    return fromDischarge(ApcEpisode::residenceLa);
  }

  /** The record id of the discharge episode (blank when none). */
  public String dischargeRecordId() {
    return fromDischarge(ApcEpisode::recordId);
  }

  /** {@code age_at_disdate} of the discharge episode, or {@code null} when unknown. */
  public @Nullable Integer ageAtDischarge() {
    return dischargeEpisode == null ? null : dischargeEpisode.ageAtDischarge();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HospitalSpell other
        && provider.equals(other.provider)
        && admissionDate.equals(other.admissionDate)
        && episodes.equals(other.episodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, admissionDate, episodes);
  }

  @Override
  public String toString() {
    return "HospitalSpell{provider=" + provider + ", admission=" + admissionDate + ", episodes=" + episodes.size()
        + ", finished=" + isFinished() + "}";
  }
}
