package org.sdelink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.PseudonymisedRows;
import org.sdelink.linkage.PseudonymisedRows.Identity;
import org.sdelink.linkage.evaluation.EvaluationReport;
import org.sdelink.linkage.evaluation.PairwiseEvaluation;
import org.sdelink.linkage.evaluation.PairwiseEvaluation.EntityRecordLink;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;

/** The default CLD-APC model end to end on synthetic pseudonymised records with realistic errors and twins. */
class InMemoryLinkerTest {
  private static final LinkageModel MODEL = LinkageModel.defaultCldApc();
  private static final String[] GIVEN = {
    "anne", "mary", "john", "james", "robert", "susan", "margaret", "david", "peter", "elizabeth", "william",
    "patricia", "joan", "brian", "alan", "doris", "kathleen", "george", "thomas", "dorothy", "irene", "edith",
    "harold", "frank", "gladys", "ronald", "norman", "jean", "sheila", "barbara", "kenneth", "derek", "eileen",
    "ivy", "colin", "pauline", "maureen", "raymond", "stanley", "vera"};
  private static final String[] FAMILY = {
    "smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "robinson", "wright",
    "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson", "clarke", "patel",
    "khan", "lewis", "harris", "martin", "cooper", "king", "lee", "baker", "hill", "ward", "morris", "moore",
    "clark", "turner", "watson", "cook", "parker", "bennett", "shaw", "ali", "begum", "hussain", "kaur", "singh",
    "obi", "okafor", "nowak", "kowalski", "murphy"};
  private static final String[] COUNCILS = {"E08000035", "E08000036", "E06000014"};

  private static List<LinkRecord> cld;
  private static List<LinkRecord> apc;
  private static final Map<String, Integer> PERSON_BY_RECORD = new HashMap<>();
  private static final List<int[]> TWINS = new ArrayList<>();
  private static LinkResult result;

  @BeforeAll
  static void linkSyntheticPopulation() {
    Random random = new Random(20261127);
    List<Identity> people = new ArrayList<>();
    List<String> councils = new ArrayList<>();
    for (int p = 0; p < 700; p++) {
      String postcode = "LS" + (1 + random.nextInt(20)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
          + (char) ('A' + random.nextInt(26));
      LocalDate dob = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(70 * 365));
      people.add(new Identity(String.format("%010d", random.nextLong(1_000_000_000L, 9_999_999_999L)),
          pick(GIVEN, random), pick(FAMILY, random), dob, postcode, random.nextBoolean() ? "F" : "M"));
      councils.add(pick(COUNCILS, random));
    }
    for (int t = 0; t < 25; t++) { // twins: same family name, dob and address; different given name and NHS number
      int first = 699 - t;
      Identity a = people.get(first);
      String otherName = GIVEN[(java.util.Arrays.asList(GIVEN).indexOf(a.givenName()) + 7) % GIVEN.length];
      Identity b = new Identity(String.format("%010d", random.nextLong(1_000_000_000L, 9_999_999_999L)),
          otherName, a.familyName(), a.dob(), a.postcode(), a.sex());
      people.add(b);
      councils.add(councils.get(first));
      TWINS.add(new int[] {first, people.size() - 1});
    }
    cld = new ArrayList<>();
    apc = new ArrayList<>();
    for (int p = 0; p < people.size(); p++) {
      Identity person = people.get(p);
      boolean twin = p >= 700 - 25; // both twins of each pair appear in both sources
      if (twin || random.nextDouble() < 0.6) {
        for (int r = 0, n = 1 + random.nextInt(2); r < n; r++) {
          String id = "c" + p + "-" + r;
          cld.add(MODEL.record("cld", PseudonymisedRows.cldRow(id, person, councils.get(p), "la" + p)));
          PERSON_BY_RECORD.put("cld:" + id, p);
        }
      }
      if (twin || random.nextDouble() < 0.6) {
        for (int r = 0, n = 1 + random.nextInt(3); r < n; r++) {
          String id = "a" + p + "-" + r;
          Map<String, String> row =
              PseudonymisedRows.apcRow(id, corrupt(person, random), random.nextDouble() < 0.9 ? councils.get(p) : "");
          if (random.nextDouble() < 0.15) {
            row.put("nhs_number_status", "MISSING");
            row.put("nhs_number_token", "");
          }
          apc.add(MODEL.record("apc", row));
          PERSON_BY_RECORD.put("apc:" + id, p);
        }
      }
    }
    result = InMemoryLinker.link(cld, apc, MODEL, Optional.empty());
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }

  /** The errors hospital records carry: typos, nicknames, swapped or mistyped dates, moves. */
  private static Identity corrupt(Identity person, Random random) {
    Identity result = person;
    double x = random.nextDouble();
    if (x < 0.06) {
      String name = person.familyName();
      int i = random.nextInt(name.length() - 1);
      result = result.withFamilyName(name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2));
    } else if (x < 0.10 && person.givenName().equals("robert")) {
      result = result.withGivenName("bob");
    }
    double y = random.nextDouble();
    if (y < 0.05 && person.dob().getDayOfMonth() <= 12) {
      result = result.withDob(LocalDate.of(person.dob().getYear(), person.dob().getDayOfMonth(),
          person.dob().getMonthValue()));
    } else if (y < 0.10) {
      result = result.withDob(person.dob().withDayOfMonth(1 + (person.dob().getDayOfMonth() % 28)));
    }
    if (random.nextDouble() < 0.12) {
      result = result.withPostcode("M" + (1 + random.nextInt(30)) + " 1AA");
    }
    return result;
  }

  /** The CLD client (LA person id) of a CLD record: known to the LA, not a linkage output. */
  private static String cldEntity(String cldRecordKey) {
    return "la" + PERSON_BY_RECORD.get(cldRecordKey);
  }

  @Test
  void linksSyntheticApcEpisodesToCldClientsAccurately() {
    Map<String, String> personIds = result.personIdByRecord();
    Map<String, List<String>> recordsByPersonId = new HashMap<>();
    personIds.forEach((record, personId) -> recordsByPersonId.computeIfAbsent(personId, p -> new ArrayList<>()).add(record));
    Set<EntityRecordLink> predicted = new TreeSet<>();
    Set<EntityRecordLink> truth = new TreeSet<>();
    Map<Integer, String> clientOfPerson = new HashMap<>();
    for (LinkRecord record : cld) {
      clientOfPerson.put(PERSON_BY_RECORD.get(record.key()), cldEntity(record.key()));
    }
    Map<String, String> sexOfClient = new HashMap<>();
    for (LinkRecord record : cld) {
      sexOfClient.put(cldEntity(record.key()), record.value("sex"));
    }
    for (LinkRecord episode : apc) {
      String client = clientOfPerson.get(PERSON_BY_RECORD.get(episode.key()));
      if (client != null) {
        truth.add(new EntityRecordLink(client, episode.key()));
      }
      for (String member : recordsByPersonId.get(personIds.get(episode.key()))) {
        if (member.startsWith("cld:")) {
          predicted.add(new EntityRecordLink(cldEntity(member), episode.key()));
        }
      }
    }
    EvaluationReport report = PairwiseEvaluation.ofLinks(predicted, truth, sexOfClient);
    System.out.println("synthetic CLD-APC (client, episode) links: " + report + "\n" + result.statistics());
    assertTrue(report.overall().precision() >= 0.995, report.toString());
    assertTrue(report.overall().recall() >= 0.99, report.toString());
    assertEquals(Set.of("F", "M"), report.bySubgroup().keySet());
    assertEquals("deterministic", result.parameters().priorSource());
    assertTrue(result.statistics().deterministicPairs() > 100);
    assertEquals(cld.size() + apc.size(), result.spine().size());
  }

  @Test
  void twinsAtTheSameAddressAreNotLinkedToEachOther() {
    Map<String, String> personIds = result.personIdByRecord();
    int checked = 0;
    for (int[] twins : TWINS) {
      for (Map.Entry<String, Integer> a : PERSON_BY_RECORD.entrySet()) {
        if (a.getValue() != twins[0]) {
          continue;
        }
        for (Map.Entry<String, Integer> b : PERSON_BY_RECORD.entrySet()) {
          if (b.getValue() == twins[1]) {
            assertNotEquals(personIds.get(a.getKey()), personIds.get(b.getKey()), "twins " + a + " " + b);
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= 50, "compared " + checked + " twin record pairs");
  }

  @Test
  void theSpineRecordsRulesAndWeights() {
    List<SpineRow> spine = result.spine();
    assertTrue(spine.stream().anyMatch(row -> row.matchRule().equals("nhs_number+dob")));
    assertTrue(spine.stream().anyMatch(row -> row.matchRule().equals("probabilistic")));
    for (SpineRow row : spine) {
      assertTrue(row.personId().matches("P[0-9a-f]{16}"));
      if (row.matchRule().equals(SpineRow.UNLINKED)) {
        assertNull(row.matchWeight());
      }
    }
    String csv = result.spineCsv();
    assertTrue(csv.startsWith(SpineRow.HEADER + "\napc,a"));
    assertEquals(spine.size() + 1, csv.split("\n").length);
    for (AcceptedLink link : result.links()) {
      assertEquals(link.link().matchWeight(), link.waterfall().matchWeight(), 1e-9);
      assertEquals(MODEL.comparisons().size(), link.waterfall().steps().size());
    }
  }

  @Test
  void aRunWithTheEstimatedParametersFileReproducesTheSpineExactly() {
    ModelParameters reread = ModelParameters.fromJson(result.parameters().toJson());
    LinkResult again = InMemoryLinker.link(cld, apc, MODEL, Optional.of(reread));
    assertEquals(result.spineCsv(), again.spineCsv());
    assertEquals(result.parameters().toJson(), again.parameters().toJson());
  }

  @Test
  void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
    // Parallel streams run in the pool of the task that starts them: one thread, then four.
    for (int threads : new int[] {1, 4}) {
      java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
      try {
        LinkResult again = pool.submit(() -> InMemoryLinker.link(cld, apc, MODEL, Optional.empty())).get();
        assertEquals(result.parameters().toJson(), again.parameters().toJson(), threads + " threads");
        assertEquals(result.spineCsv(), again.spineCsv(), threads + " threads");
        assertEquals(result.statistics(), again.statistics(), threads + " threads");
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void aClientKnownToTwoCouncilsIsOnePersonWithTheirEpisodes() {
    Identity moved = new Identity("9434765919", "edith", "okafor", LocalDate.of(1938, 6, 2), "LS6 1AB", "F");
    Identity neighbour = new Identity("4010232137", "vera", "okafor", LocalDate.of(1940, 9, 14), "LS6 1AB", "F");
    List<LinkRecord> clients = List.of(
        MODEL.record("cld", PseudonymisedRows.cldRow("x1", moved, "E08000035", "501")),
        MODEL.record("cld", PseudonymisedRows.cldRow("x2", moved.withPostcode("M14 5RT"), "E08000003", "9")),
        MODEL.record("cld", PseudonymisedRows.cldRow("x3", neighbour, "E08000035", "502")));
    List<LinkRecord> episodes = List.of(
        MODEL.record("apc", PseudonymisedRows.apcRow("y1", moved, "E08000035")),
        MODEL.record("apc", PseudonymisedRows.apcRow("y2", moved.withPostcode("M14 5RT"), "E08000003")),
        MODEL.record("apc", PseudonymisedRows.apcRow("y3", neighbour, "E08000035")));
    LinkResult small = InMemoryLinker.link(clients, episodes, MODEL, Optional.of(result.parameters()));
    Map<String, String> ids = small.personIdByRecord();
    assertTrue(small.ambiguous().isEmpty(), small.ambiguous().toString());
    assertEquals(ids.get("cld:x1"), ids.get("cld:x2"));
    assertEquals(ids.get("cld:x1"), ids.get("apc:y1"));
    assertEquals(ids.get("cld:x1"), ids.get("apc:y2"));
    assertEquals(ids.get("cld:x3"), ids.get("apc:y3"));
    assertNotEquals(ids.get("cld:x1"), ids.get("cld:x3"));
    assertEquals(2, small.statistics().clusters());
  }

  @Test
  void refusesSourcesTheModelDoesNotLink() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InMemoryLinker.link(apc, cld, MODEL, Optional.empty()));
    assertTrue(e.getMessage().contains("[cld, apc]"), e.getMessage());
  }
}
