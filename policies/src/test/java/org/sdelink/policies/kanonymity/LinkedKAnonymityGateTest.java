package org.sdelink.policies.kanonymity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdelink.policies.ShippedPolicies;

class LinkedKAnonymityGateTest {
  private static final Map<String, Map<String, String>> NO_TABLES = ImmutableMap.of();
  private static final String[] LAS = {"E08000035", "E08000036", "E06000014", "E09000001", "E07000163"};
  private static final String[] PROVIDERS = {"RR8", "RAE", "RCF", "RXF", "RWY", "RHQ"};

  private static QuasiIdentifier qi(String field, String... levels) {
    ImmutableList.Builder<GeneralisationLevel> ladder = ImmutableList.builder();
    for (String level : levels) {
      ladder.add(GeneralisationLevels.resolve(level, NO_TABLES));
    }
    return new QuasiIdentifier(field, ladder.build());
  }

  /** persons (birth year, sex, LA) joined to events (provider per event) and discharges (age band, LA). */
  private static LinkedQuasiIdentifiers linked(int k, double maxFraction) {
    return LinkedQuasiIdentifiers.of(k, maxFraction, Map.of(
            "persons", List.of(qi("birth_year", "year-band-10y", "year-band-20y", "withheld"), qi("sex", "withheld"),
                qi("la_code", "withheld")),
            "journeys", List.of(qi("provider", "withheld")),
            "discharges", List.of(qi("age_band", "age-band-20y", "withheld"), qi("la", "withheld"))),
        List.of("persons", "journeys", "discharges"));
  }

  /** A person's released rows: one persons row, 0-4 events at various providers, 0-2 discharges. */
  private record Person(String id, Map<String, String> person, List<Map<String, String>> journeys,
      List<Map<String, String>> discharges) {}

  private static List<Person> people(long seed, int n) {
    Random random = new Random(seed);
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int birthYear = 1930 + Math.min(60, (int) Math.abs(random.nextGaussian() * 15));
      String la = LAS[Math.min(LAS.length - 1, (int) Math.abs(random.nextGaussian() * 1.5))];
      Map<String, String> person = Map.of("birth_year", Integer.toString(birthYear),
          "sex", random.nextBoolean() ? "1" : "2", "la_code", la);
      List<Map<String, String>> journeys = new ArrayList<>();
      for (int e = random.nextInt(5); e > 0; e--) {
        journeys.add(Map.of("provider", PROVIDERS[Math.min(PROVIDERS.length - 1,
            (int) Math.abs(random.nextGaussian() * 2))]));
      }
      List<Map<String, String>> discharges = new ArrayList<>();
      for (int d = random.nextInt(3); d > 0; d--) {
        int age = 2024 - birthYear;
        int lower = age >= 85 ? 85 : age >= 75 ? 75 : age >= 65 ? 65 : 18;
        discharges.add(Map.of("age_band", lower == 85 ? "85+" : lower == 18 ? "18-64" : lower + "-" + (lower + 9),
            "la", random.nextInt(10) == 0 ? LAS[random.nextInt(LAS.length)] : la));
      }
      people.add(new Person("P" + i, person, journeys, discharges));
    }
    return people;
  }

  private static PersonQuasiIdentifiers quasiIdentifiers(LinkedQuasiIdentifiers linked, Person p) {
    PersonQuasiIdentifiers.Builder b = PersonQuasiIdentifiers.builder();
    b.add("persons", linked.fields("persons").stream().map(p.person()::get).toList());
    p.journeys().forEach(r -> b.add("journeys", linked.fields("journeys").stream().map(r::get).toList()));
    p.discharges().forEach(r -> b.add("discharges", linked.fields("discharges").stream().map(r::get).toList()));
    return b.build();
  }

  private static LinkedKAnonymityGate.ClassCounter inMemory(LinkedQuasiIdentifiers linked,
      List<PersonQuasiIdentifiers> persons, List<Integer> passes) {
    return vectors -> {
      passes.add(vectors.size());
      List<LinkedClassFigures> figures = new ArrayList<>();
      vectors.forEach(v -> figures.add(LinkedClassFigures.of(linked, v, persons)));
      return figures;
    };
  }

  @Test
  void aPersonKAnonymousInEachDatasetAloneIsUniqueOnceTheDatasetsAreJoined() throws Exception {
    // Ten persons share every value in persons and ten share every value in journeys, but only one person has
    // both: per dataset k=10 holds, joined on person_id that person is alone.
    LinkedQuasiIdentifiers linked = LinkedQuasiIdentifiers.of(10, 0.2, Map.of(
        "persons", List.of(qi("la_code", "withheld")), "journeys", List.of(qi("provider", "withheld"))),
        List.of("persons", "journeys"));
    List<PersonQuasiIdentifiers> persons = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      PersonQuasiIdentifiers.Builder b = PersonQuasiIdentifiers.builder();
      b.add("persons", List.of(i == 0 || i >= 20 ? "E08000035" : "E09000001"));
      b.add("journeys", List.of(i < 10 ? "RR8" : "RAE"));
      persons.add(b.build());
    }
    LinkedClassFigures asReleased = LinkedClassFigures.of(linked, linked.asReleased(), persons);
    assertEquals(1, asReleased.personClasses().smallestClass(), "the joined key isolates person 0");
    // Person 0 is the only one with E08000035 and RR8; persons 1-9 share E09000001 and RR8 (9 < 10).
    assertEquals(10, asReleased.personsSuppressed());

    LinkedKAnonymityResult result = LinkedKAnonymityGate.of(linked)
        .search(linked.asReleased(), inMemory(linked, persons, new ArrayList<>()));
    assertTrue(result.withinLimit(), result.summary());
    assertTrue(result.chosen().personClasses().smallestClass() >= 10 || result.chosen().personsSuppressed() > 0);
    // Left out (if any) are whole persons; what is released has no joined group under k.
    for (var bucket : result.chosen().personClasses().bySize().headMap(10L).values()) {
      assertTrue(bucket.records() <= result.chosen().personsSuppressed());
    }
    assertEquals(result.chosen().personClasses().recordsInClassesBelow(10), result.chosen().personsSuppressed());
  }

  @Test
  void theReleasedPersonsFormGroupsOfAtLeastKOnEverythingJoinedAndEachDatasetIsKAnonymousAlone() throws Exception {
    for (long seed = 1; seed <= 5; seed++) {
      LinkedQuasiIdentifiers linked = linked(5, 0.05);
      List<Person> people = people(seed, 1500);
      List<PersonQuasiIdentifiers> persons = people.stream().map(p -> quasiIdentifiers(linked, p)).toList();
      LinkedKAnonymityResult result = LinkedKAnonymityGate.of(linked)
          .search(linked.asReleased(), inMemory(linked, persons, new ArrayList<>()))
          .requireWithinLimit();
      List<Integer> levels = result.levels();

      // Release as the pipeline does: persons in groups under k left out of every dataset, the rest generalised.
      Map<String, Integer> groupSizes = new HashMap<>();
      persons.forEach(p -> groupSizes.merge(linked.linkedKey(p, levels), 1, Integer::sum));
      Map<String, Map<List<String>, Set<String>>> rowClasses = new LinkedHashMap<>();
      Map<String, Integer> released = new HashMap<>();
      long left = 0;
      for (int i = 0; i < people.size(); i++) {
        PersonQuasiIdentifiers p = persons.get(i);
        String key = linked.linkedKey(p, levels);
        if (groupSizes.get(key) < 5) {
          left++;
          continue;
        }
        released.merge(key, 1, Integer::sum);
        Person person = people.get(i);
        addRow(rowClasses, linked, "persons", person.person(), person.id(), levels);
        person.journeys().forEach(r -> addRow(rowClasses, linked, "journeys", r, person.id(), levels));
        person.discharges().forEach(r -> addRow(rowClasses, linked, "discharges", r, person.id(), levels));
      }
      assertEquals(result.chosen().personsSuppressed(), left);
      assertTrue(left <= linked.allowedSuppressions(people.size()), "seed " + seed);
      released.forEach((key, n) -> assertTrue(n >= 5, "a joined group of " + n));
      rowClasses.forEach((dataset, classes) -> classes.forEach((values, owners) ->
          assertTrue(owners.size() >= 5, dataset + " values " + values + " belong to " + owners.size() + " persons")));
    }
  }

  private static void addRow(Map<String, Map<List<String>, Set<String>>> classes, LinkedQuasiIdentifiers linked,
      String dataset, Map<String, String> row, String person, List<Integer> levels) {
    Map<String, String> generalised = linked.generaliseRow(dataset, row, levels);
    classes.computeIfAbsent(dataset, d -> new HashMap<>())
        .computeIfAbsent(linked.fields(dataset).stream().map(generalised::get).toList(), v -> new HashSet<>())
        .add(person);
  }

  @Test
  void searchClimbsGreedilyFromTheStartAndIsDeterministic() throws Exception {
    LinkedQuasiIdentifiers linked = linked(10, 0.02);
    List<PersonQuasiIdentifiers> persons = people(7, 2000).stream().map(p -> quasiIdentifiers(linked, p)).toList();
    List<Integer> passes = new ArrayList<>();
    LinkedKAnonymityResult first = LinkedKAnonymityGate.of(linked)
        .search(linked.asReleased(), inMemory(linked, persons, passes));
    LinkedKAnonymityResult again = LinkedKAnonymityGate.of(linked)
        .search(linked.asReleased(), inMemory(linked, persons, new ArrayList<>()));
    assertEquals(first.levels(), again.levels());
    assertEquals(first.path(), again.path());
    assertTrue(first.withinLimit(), first.summary());
    // One pass for the start (as released, deduplicated), then one per step, each counting every one-step climb.
    assertEquals(1, (int) passes.get(0));
    assertEquals(first.path().size(), passes.size());
    for (int step = 1; step < first.path().size(); step++) {
      List<Integer> before = first.path().get(step - 1);
      List<Integer> after = first.path().get(step);
      int raised = 0;
      for (int i = 0; i < before.size(); i++) {
        raised += after.get(i) - before.get(i);
      }
      assertEquals(1, raised, "each step raises one field by one level");
    }
    // The step before the last was over the limit (the climb stops at the first vector within it).
    if (first.path().size() > 1) {
      List<Integer> previous = first.path().get(first.path().size() - 2);
      assertFalse(LinkedClassFigures.of(linked, previous, persons).withinLimit(linked));
    }
    assertNotEquals(linked.asReleased(), first.levels());
  }

  @Test
  void overTheLimitAtTheTopTheResultSaysWhatToChange() throws Exception {
    // Every person has a distinct number of journeys providers that no ladder can hide: distinct empty-QI datasets.
    LinkedQuasiIdentifiers linked = LinkedQuasiIdentifiers.of(5, 0.0, Map.of("persons", List.of(qi("sex",
        "withheld"))), List.of("persons", "journeys"));
    List<PersonQuasiIdentifiers> persons = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      PersonQuasiIdentifiers.Builder b = PersonQuasiIdentifiers.builder().add("persons", List.of("1"));
      if (i < 2) {
        b.add("journeys", List.of());
      }
      persons.add(b.build());
    }
    LinkedKAnonymityResult result = LinkedKAnonymityGate.of(linked)
        .search(linked.asReleased(), inMemory(linked, persons, new ArrayList<>()));
    assertFalse(result.withinLimit());
    assertEquals(2, result.chosen().personsSuppressed(), "being in journeys at all is part of the joined key");
    KAnonymityNotReachedException e = assertThrows(KAnonymityNotReachedException.class, result::requireWithinLimit);
    assertTrue(e.getMessage().contains("max_suppressed_fraction") && e.getMessage().contains("person_id"),
        e.getMessage());
  }

  @Test
  void aPersonsEventValuesCountAsASetAndTheLinkedKeyIsUnambiguous() {
    LinkedQuasiIdentifiers linked = linked(2, 0.1);
    PersonQuasiIdentifiers twice = PersonQuasiIdentifiers.builder()
        .add("persons", List.of("1940", "1", "E08000035"))
        .add("journeys", List.of("RR8")).add("journeys", List.of("RAE")).add("journeys", List.of("RR8"))
        .build();
    PersonQuasiIdentifiers once = PersonQuasiIdentifiers.builder()
        .add("persons", List.of("1940", "1", "E08000035"))
        .add("journeys", List.of("RAE")).add("journeys", List.of("RR8"))
        .build();
    assertEquals(linked.linkedKey(twice, linked.asReleased()), linked.linkedKey(once, linked.asReleased()));
    assertEquals(3, twice.rows("journeys"));
    PersonQuasiIdentifiers other = PersonQuasiIdentifiers.builder()
        .add("persons", List.of("1940", "1", "E08000035")).add("journeys", List.of("RR8")).build();
    assertNotEquals(linked.linkedKey(other, linked.asReleased()), linked.linkedKey(once, linked.asReleased()));
    List<Integer> providerWithheld = new ArrayList<>(linked.asReleased());
    providerWithheld.set(linked.qualifiedFields().indexOf("journeys.provider"), 1);
    assertEquals(linked.linkedKey(other, providerWithheld), linked.linkedKey(once, providerWithheld));
    // Values that contain the key's own punctuation cannot make two different persons look alike.
    PersonQuasiIdentifiers tricky = PersonQuasiIdentifiers.builder()
        .add("persons", List.of("19", "40;1:1", "E08000035")).build();
    PersonQuasiIdentifiers plain = PersonQuasiIdentifiers.builder()
        .add("persons", List.of("1940;1", "1", "E08000035")).build();
    assertNotEquals(linked.linkedKey(tricky, linked.asReleased()), linked.linkedKey(plain, linked.asReleased()));
  }

  @Test
  void quasiIdentifiersSurviveEncodingAndCountsAddUpAcrossPartialAccumulators() {
    LinkedQuasiIdentifiers linked = linked(5, 0.05);
    List<PersonQuasiIdentifiers> persons = people(3, 400).stream().map(p -> quasiIdentifiers(linked, p)).toList();
    PersonQuasiIdentifiers odd = PersonQuasiIdentifiers.builder()
        .add("persons", List.of("\"quoted\", comma", "é", "")).add("discharges", List.of("85+", "")).build();
    assertEquals(odd, PersonQuasiIdentifiers.decode(odd.encode()));
    persons.forEach(p -> assertEquals(p, PersonQuasiIdentifiers.decode(p.encode())));

    List<Integer> levels = linked.asReleased();
    Map<String, long[]> classes = new HashMap<>();
    for (PersonQuasiIdentifiers p : persons) {
      long[] sums = classes.computeIfAbsent(linked.linkedKey(p, levels), k -> new long[4]);
      sums[0]++;
      sums[1] += p.rows("persons");
      sums[2] += p.rows("journeys");
      sums[3] += p.rows("discharges");
    }
    // Split the classes over three partial accumulators (as buckets do) and add their counts up.
    List<LinkedClassFigures.Accumulator> parts = List.of(LinkedClassFigures.accumulator(5),
        LinkedClassFigures.accumulator(5), LinkedClassFigures.accumulator(5));
    int i = 0;
    for (long[] sums : classes.values()) {
      parts.get(i++ % 3).addClass(sums[0], Map.of("persons", sums[1], "journeys", sums[2], "discharges", sums[3]));
    }
    Map<String, Long> total = new HashMap<>();
    parts.forEach(part -> part.counts().forEach((name, n) -> total.merge(name, n, Long::sum)));
    LinkedClassFigures summed = LinkedClassFigures.fromCounts(total);
    LinkedClassFigures whole = LinkedClassFigures.of(linked, levels, persons);
    assertEquals(whole.persons(), summed.persons());
    assertEquals(400, whole.persons());
    assertEquals(whole.personsSuppressed(), summed.personsSuppressed());
    assertEquals(whole.rows(), summed.rows());
    assertEquals(whole.rowsSuppressed(), summed.rowsSuppressed());
    assertEquals(whole.personClasses(), summed.personClasses());
  }

  @Test
  void theShippedPolicyLinksItsThreeRecordDatasets() {
    LinkedQuasiIdentifiers linked = LinkedQuasiIdentifiers.forPolicy(ShippedPolicies.researcher(),
        List.of("persons", "journeys", "discharges"), NO_TABLES).orElseThrow();
    assertEquals(List.of("persons.birth_year", "persons.sex", "persons.ethnicity", "persons.la_code",
        "journeys.la_code", "journeys.provider", "discharges.age_band", "discharges.sex", "discharges.la",
        "discharges.provider"), linked.qualifiedFields());
    assertEquals(10, linked.k());
    // The per-dataset gates' choices become the start of the climb, in dataset order.
    List<Integer> start = linked.levelsOf(Map.of("persons", List.of(4, 0, 1, 0), "discharges", List.of(0, 0, 1, 1)));
    assertEquals(List.of(4, 0, 1, 0, 0, 0, 0, 0, 1, 1), start);
    assertEquals(6, linked.successors(start).size(), "four fields are already at their coarsest level");
    assertEquals("withheld", linked.levelNames(start).get("persons.birth_year"));
  }
}
