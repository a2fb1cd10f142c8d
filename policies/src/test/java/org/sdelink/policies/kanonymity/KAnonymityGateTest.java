package org.sdelink.policies.kanonymity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdelink.policies.ShippedPolicies;

class KAnonymityGateTest {
  private static final Map<String, Map<String, String>> NO_TABLES = ImmutableMap.of();
  private static final String[] SEXES = {"1", "2", "9"};
  private static final String[] LAS = {"E08000035", "E08000036", "E06000014", "E09000001", "E07000163"};

  private static QuasiIdentifier qi(String field, String... levels) {
    ImmutableList.Builder<GeneralisationLevel> ladder = ImmutableList.builder();
    for (String level : levels) {
      ladder.add(GeneralisationLevels.resolve(level, NO_TABLES));
    }
    return new QuasiIdentifier(field, ladder.build());
  }

  private static KAnonymityGate gate(int k, double maxFraction) {
    return KAnonymityGate.of(k, maxFraction, List.of(
        qi("age_band", "age-band-10y", "age-band-20y", "withheld"),
        qi("sex", "withheld"),
        qi("la_code", "withheld")));
  }

  /** Records with skewed quasi-identifiers: many rare combinations, as in real small-area data. */
  private static List<Map<String, String>> records(long seed, int n) {
    Random random = new Random(seed);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int age = Math.min(99, (int) Math.abs(random.nextGaussian() * 15 + 72));
      int lower = (age / 5) * 5;
      Map<String, String> row = new LinkedHashMap<>();
      row.put("person_id", "P" + i);
      row.put("age_band", lower >= 90 ? "90+" : lower + "-" + (lower + 4));
      row.put("sex", SEXES[random.nextInt(10) < 9 ? random.nextInt(2) : 2]);
      row.put("la_code", LAS[Math.min(LAS.length - 1, (int) Math.abs(random.nextGaussian() * 1.5))]);
      rows.add(row);
    }
    return rows;
  }

  private static Map<List<String>, Long> count(KAnonymityGate gate, List<Map<String, String>> rows) {
    QuasiIdentifierCounts counts = gate.newCounts();
    for (Map<String, String> row : rows) {
      counts.add(gate.fields().stream().map(row::get).toList());
    }
    return counts.counts();
  }

  @Test
  void noReleasedClassIsSmallerThanKOnGeneratedTables() {
    for (long seed = 1; seed <= 20; seed++) {
      KAnonymityGate gate = gate(10, 0.05);
      List<Map<String, String>> rows = records(seed, 400 + (int) seed * 37);
      KAnonymityResult result = gate.decide(count(gate, rows));
      QuasiIdentifierGeneraliser generaliser = result.generaliser();
      Map<List<String>, Long> released = new HashMap<>();
      long suppressed = 0;
      for (Map<String, String> row : rows) {
        GeneralisedRow out = generaliser.apply(row);
        if (out.isSuppressed()) {
          suppressed++;
        } else {
          assertEquals(row.get("person_id"), out.values().get("person_id"), "other columns are unchanged");
          released.merge(gate.fields().stream().map(out.values()::get).toList(), 1L, Long::sum);
        }
      }
      long seedForMessage = seed;
      released.forEach((key, size) -> assertTrue(size >= 10, () -> "seed " + seedForMessage + ": class of " + size));
      assertEquals(result.recordsSuppressed(), suppressed);
      assertTrue(suppressed <= 0.05 * rows.size(), "suppression within the limit");
      assertEquals(rows.size(), result.totalRecords());
      assertEquals(rows.size(), result.classSizesBefore().records());
      assertEquals(suppressed, result.classSizesAfterGeneralisation().recordsInClassesBelow(10));
    }
  }

  @Test
  void takesTheLeastGeneralisationThatIsEnough() {
    KAnonymityGate gate = gate(3, 0.0);
    Map<List<String>, Long> counts = Map.of(
        List.of("65-69", "1", "E08000035"), 5L,
        List.of("70-74", "1", "E08000035"), 4L);
    KAnonymityResult asReleased = gate.decide(counts);
    assertEquals(List.of(0, 0, 0), asReleased.levels());
    assertEquals(0, asReleased.recordsGeneralised());

    Map<List<String>, Long> needsAgeBands = Map.of(
        List.of("65-69", "1", "E08000035"), 2L,
        List.of("60-64", "1", "E08000035"), 2L,
        List.of("70-74", "2", "E08000035"), 3L);
    KAnonymityResult decided = gate.decide(needsAgeBands);
    assertEquals(List.of(1, 0, 0), decided.levels(), decided.summary());
    assertEquals("age-band-10y", decided.levelNames().get("age_band"));
    assertEquals(7, decided.recordsGeneralised());
    assertEquals(ImmutableList.of("60-69", "1", "E08000035"),
        decided.generaliser().generalise(List.of("65-69", "1", "E08000035")));
  }

  @Test
  void failsWhenSuppressionWouldExceedThePolicyLimit() {
    KAnonymityGate strict = KAnonymityGate.of(5, 0.01, List.of(qi("la_code")));
    Map<List<String>, Long> counts = Map.of(List.of("E08000035"), 90L, List.of("E09000001"), 3L,
        List.of("E06000014"), 2L);
    KAnonymityNotReachedException e = assertThrows(KAnonymityNotReachedException.class, () -> strict.decide(counts));
    assertEquals(5, e.best().recordsSuppressed());
    assertFalse(e.best().withinLimit());
    assertTrue(e.getMessage().contains("raise k_anonymity.max_suppressed_fraction"), e.getMessage());
    assertFalse(e.getMessage().contains("E09000001"), "no values in the message");
    KAnonymityResult evaluated = strict.evaluate(counts);
    assertFalse(evaluated.withinLimit());
    KAnonymityResult lenient = KAnonymityGate.of(5, 0.06, List.of(qi("la_code"))).decide(counts);
    assertTrue(lenient.withinLimit());
    assertSame(GeneralisedRow.SUPPRESSED, lenient.generaliser().apply(Map.of("la_code", "E09000001")));
  }

  @Test
  void gateFromThePolicyUsesItsDeclaredQuasiIdentifiers() {
    KAnonymityGate gate = KAnonymityGate.forDataset(ShippedPolicies.researcher(), "discharges", NO_TABLES);
    assertEquals(List.of("age_band", "sex", "la", "provider"), gate.fields());
    assertEquals(List.of("as released", "age-band-20y", "withheld"), gate.ladderNames().get("age_band"));
    KAnonymityGate journeys = KAnonymityGate.forDataset(ShippedPolicies.researcher(), "journeys", NO_TABLES);
    assertEquals(List.of("la_code", "provider"), journeys.fields());
    KAnonymityGate persons = KAnonymityGate.forDataset(ShippedPolicies.researcher(), "persons", NO_TABLES);
    assertEquals(List.of("birth_year", "sex", "ethnicity", "la_code"), persons.fields());
    assertEquals(List.of("as released", "year-band-5y", "year-band-10y", "year-band-20y", "withheld"),
        persons.ladderNames().get("birth_year"));
    assertThrows(IllegalArgumentException.class,
        () -> KAnonymityGate.forDataset(ShippedPolicies.researcher(), "summary", NO_TABLES));
  }

  /** Persons rows as the shipped policy releases them: bare birth years, sex, broad ethnic group, local authority. */
  private static List<Map<String, String>> persons(long seed, int n) {
    String[] groups = {"White", "White", "White", "White", "Asian or Asian British", "Black or Black British",
        "Mixed", "Other Ethnic Groups"};
    Random random = new Random(seed);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int age = Math.min(104, Math.max(18, (int) Math.abs(random.nextGaussian() * 15 + 74)));
      Map<String, String> row = new LinkedHashMap<>();
      row.put("person_id", "P" + i);
      row.put("birth_year", Integer.toString(2024 - age));
      row.put("sex", SEXES[random.nextInt(20) < 19 ? random.nextInt(2) : 2]);
      row.put("ethnicity", groups[random.nextInt(groups.length)]);
      row.put("la_code", LAS[Math.min(LAS.length - 1, (int) Math.abs(random.nextGaussian() * 1.2))]);
      rows.add(row);
    }
    return rows;
  }

  @Test
  void bareBirthYearsAreBandedByTheShippedPersonsLadder() {
    KAnonymityGate gate = KAnonymityGate.forDataset(ShippedPolicies.researcher(), "persons", NO_TABLES);
    // Single birth years are too rare; 5-year bands are not enough; 10-year bands are.
    Map<List<String>, Long> counts = new HashMap<>();
    counts.put(List.of("1941", "1", "White", "E08000035"), 6L);
    counts.put(List.of("1943", "1", "White", "E08000035"), 2L);
    counts.put(List.of("1946", "1", "White", "E08000035"), 3L);
    counts.put(List.of("1949", "1", "White", "E08000035"), 2L);
    counts.put(List.of("1952", "2", "White", "E08000035"), 5L);
    counts.put(List.of("1958", "2", "White", "E08000035"), 5L);
    KAnonymityResult result = gate.decide(counts);
    assertEquals(List.of(2, 0, 0, 0), result.levels(), result.summary());
    assertEquals("year-band-10y", result.levelNames().get("birth_year"));
    assertEquals(0, result.recordsSuppressed());
    assertEquals(23, result.recordsGeneralised());
    QuasiIdentifierGeneraliser generaliser = result.generaliser();
    assertEquals(List.of("1940-1949", "1", "White", "E08000035"),
        generaliser.generalise(List.of("1946", "1", "White", "E08000035")));
    GeneralisedRow row = generaliser.apply(Map.of("person_id", "P1", "birth_year", "1952", "sex", "2",
        "ethnicity", "White", "la_code", "E08000035"));
    assertFalse(row.isSuppressed());
    assertEquals("1950-1959", row.values().get("birth_year"));
    assertEquals("P1", row.values().get("person_id"));

    // Years that need the 20-year rung.
    Map<List<String>, Long> sparse = Map.of(
        List.of("1941", "1", "White", "E08000035"), 4L,
        List.of("1944", "1", "White", "E08000035"), 3L,
        List.of("1957", "1", "White", "E08000035"), 3L,
        List.of("1962", "1", "White", "E08000035"), 10L);
    KAnonymityResult wide = gate.decide(sparse);
    assertEquals("year-band-20y", wide.levelNames().get("birth_year"), wide.summary());
    assertEquals(List.of("1940-1959", "1", "White", "E08000035"),
        wide.generaliser().generalise(List.of("1944", "1", "White", "E08000035")));
  }

  @Test
  void shippedPersonsGateReachesKOnGeneratedBirthYears() {
    for (long seed = 1; seed <= 10; seed++) {
      KAnonymityGate gate = KAnonymityGate.forDataset(ShippedPolicies.researcher(), "persons", NO_TABLES);
      List<Map<String, String>> rows = persons(seed, 600 + (int) seed * 53);
      KAnonymityResult result = gate.decide(count(gate, rows));
      assertTrue(result.levels().get(0) > 0, "single birth years are too rare to release: " + result.summary());
      QuasiIdentifierGeneraliser generaliser = result.generaliser();
      Map<List<String>, Long> released = new HashMap<>();
      long suppressed = 0;
      for (Map<String, String> row : rows) {
        GeneralisedRow out = generaliser.apply(row);
        if (out.isSuppressed()) {
          suppressed++;
          continue;
        }
        String band = out.values().get("birth_year");
        assertTrue(band.equals("*") || band.matches("\\d{4}-\\d{4}"), band);
        if (!band.equals("*")) {
          int year = Integer.parseInt(row.get("birth_year"));
          assertTrue(year >= Integer.parseInt(band.substring(0, 4)) && year <= Integer.parseInt(band.substring(5)),
              year + " outside " + band);
        }
        released.merge(gate.fields().stream().map(out.values()::get).toList(), 1L, Long::sum);
      }
      long seedForMessage = seed;
      released.forEach((key, size) -> assertTrue(size >= 10, () -> "seed " + seedForMessage + ": class of " + size));
      assertEquals(result.recordsSuppressed(), suppressed);
      assertTrue(suppressed <= 0.02 * rows.size(), "suppression within the shipped limit");
    }
  }

  @Test
  void generaliserSurvivesJavaSerialisation() throws Exception {
    KAnonymityGate gate = gate(10, 0.05);
    List<Map<String, String>> rows = records(7, 500);
    QuasiIdentifierGeneraliser generaliser = gate.decide(count(gate, rows)).generaliser();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(generaliser);
    }
    QuasiIdentifierGeneraliser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (QuasiIdentifierGeneraliser) in.readObject();
    }
    for (Map<String, String> row : rows) {
      GeneralisedRow a = generaliser.apply(row);
      GeneralisedRow b = copy.apply(row);
      assertEquals(a.isSuppressed(), b.isSuppressed());
      if (!a.isSuppressed()) {
        assertEquals(a.values(), b.values());
      }
    }
  }

  @Test
  void rowWithoutAQuasiIdentifierColumnIsRefusedByName() {
    QuasiIdentifierGeneraliser generaliser = gate(2, 0.5).decide(Map.of(List.of("65-69", "1", "E08000035"), 4L))
        .generaliser();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> generaliser.apply(Map.of("age_band", "65-69", "sex", "1")));
    assertTrue(e.getMessage().contains("la_code"));
  }
}
