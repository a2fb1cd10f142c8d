package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sizes of sdelink's documented ASCOF deviations from the DHSC code (docs/statistics.md), counted per person so a
 * stage can sum them: how many persons or episodes the deviation changes, and how many 2A episodes each sequel step
 * decided. Counter names start {@code deviation_} (a change against the published code) or {@code ascof_} (a
 * breakdown for the reader).
 */
public final class AscofDeviations {
  /** A1: persons whose 2B/2C admission group differs because a blank service component is kept. */
  public static final String BLANK_COMPONENT_ADMISSIONS = "deviation_A1_2B2C_blank_component_persons";
  /** A2: carers whose 3D placement differs because direct support with a blank component is categorised. */
  public static final String BLANK_COMPONENT_CARERS = "deviation_A2_3D_blank_component_carers";
  /**
   * A4: carers whose 3D placement rests on rows of client type {@code Carer known by association} (Release 2 {@code
   * Unpaid carer known by association}); DHSC's 3D code lists both spellings, NHS England's 2023/24 lookups neither
   * the Release 2 one.
   */
  public static final String KNOWN_BY_ASSOCIATION_CARERS = "deviation_A4_3D_carers_known_by_association";
  /** A11: unique events of the joined table whose differing versions only the code's record-id tie-break orders. */
  public static final String TIED_UNIQUE_EVENTS = "deviation_A11_unique_events_decided_by_record_id";
  /** A9: 2A episodes whose sequel an outcome decided (steps 2, 4, 6): the ones the substitute hierarchy can change. */
  public static final String OUTCOME_DECIDED_EPISODES = "deviation_A9_2A_episodes_decided_by_outcome_hierarchy";

  private AscofDeviations() {}

  /** The counters of one person (absent counters are zero). */
  public static Map<String, Long> of(AscofPerson person) {
    checkNotNull(person, "person");
    Map<String, Long> counts = new TreeMap<>();
    if (!CareHomeAdmissions.group(person, true).equals(CareHomeAdmissions.group(person, false))) {
      counts.merge(BLANK_COMPONENT_ADMISSIONS, 1L, Long::sum);
    }
    if (!SelfDirectedSupport.carer(person).equals(SelfDirectedSupport.publishedCarer(person))) {
      counts.merge(BLANK_COMPONENT_CARERS, 1L, Long::sum);
    }
    if (!SelfDirectedSupport.carer(person).equals(SelfDirectedSupport.carerWithoutKnownByAssociation(person))) {
      counts.merge(KNOWN_BY_ASSOCIATION_CARERS, 1L, Long::sum);
    }
    if (person.tiedEvents() > 0) {
      counts.merge(TIED_UNIQUE_EVENTS, (long) person.tiedEvents(), Long::sum);
    }
    for (ReablementEpisodes.Episode episode : ReablementEpisodes.of(person)) {
      ReablementSequel.Sequel sequel = ReablementSequel.of(person, episode);
      counts.merge("ascof_2A_episodes_sequel_step_" + sequel.step(), 1L, Long::sum);
      if (sequel.step().equals("2") || sequel.step().startsWith("4") || sequel.step().equals("6")) {
        counts.merge(OUTCOME_DECIDED_EPISODES, 1L, Long::sum);
      }
    }
    return counts;
  }
}
