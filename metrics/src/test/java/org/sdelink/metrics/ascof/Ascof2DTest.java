package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.YEAR;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;

/** ASCOF 2D: the SUS filters, the council of residence, and one linked person's contributions. */
class Ascof2DTest {
  private static final String ST_MAX = "Short term support: ST-Max";

  static HospitalDischarge spell(String id, String admission, String discharge) {
    return new HospitalDischarge(id, LocalDate.parse(admission), LocalDate.parse(discharge), "21", "1", "19", "300",
        true, 80, "E01000001", "E06000001");
  }

  private static HospitalDischarge with(HospitalDischarge d, String field, String value) {
    return new HospitalDischarge(d.recordId(), d.admission(), d.discharge(),
        field.equals("ADMIMETH") ? value : d.admissionMethod(), field.equals("DISMETH") ? value : d.dischargeMethod(),
        field.equals("DISDEST") ? value : d.dischargeDestination(),
        field.equals("TRETSPEF") ? value : d.treatmentFunction(), !field.equals("SPELEND") && d.lastEpisode(),
        field.equals("age") ? Integer.valueOf(value) : d.ageAtDischarge(), d.lsoa(),
        field.equals("RESLADST_ONS") ? value : d.residenceLa());
  }

  private static Ev reablement(String start, String end) {
    return Ev.service(ST_MAX, start, end).set("Service_Component", "Reablement");
  }

  private static List<Contribution> evaluate(List<HospitalDischarge> apc, Ev... events) {
    Map<String, List<SaltEvent>> byCouncil = new TreeMap<>();
    for (Ev e : events) {
      SaltEvent row = e.build();
      byCouncil.computeIfAbsent(row.laCode(), k -> new java.util.ArrayList<>()).add(row);
    }
    return Ascof2D.of(YEAR, byCouncil, apc, CouncilOfResidence.fallback());
  }

  private static long sum(List<Contribution> cs, String measure, String la, boolean numerator) {
    return cs.stream().filter(c -> c.measure().equals(measure) && c.laCode().equals(la))
        .mapToLong(c -> numerator ? c.numerator() : c.denominator()).sum();
  }

  @Test
  void susFiltersFollowTheCode() {
    HospitalDischarge ok = spell("a", "2024-06-01", "2024-06-10");
    assertTrue(SusDischarges.counted(ok, YEAR));
    assertFalse(SusDischarges.counted(with(ok, "age", "64"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "ADMIMETH", "31"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "DISMETH", "4"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "DISDEST", "79"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "TRETSPEF", "710"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "TRETSPEF", "650"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "TRETSPEF", "424"), YEAR));
    assertFalse(SusDischarges.counted(with(ok, "TRETSPEF", ""), YEAR), "blank fails NOT IN, as in the code");
    assertFalse(SusDischarges.counted(with(ok, "SPELEND", "N"), YEAR));
    assertFalse(SusDischarges.counted(spell("b", "2024-06-01", "2024-06-01"), YEAR), "same-day spells");
    assertFalse(SusDischarges.counted(spell("c", "2023-03-01", "2024-06-01"), YEAR), "admitted before CLD");
    assertFalse(SusDischarges.counted(spell("d", "2025-03-20", "2025-04-01"), YEAR), "discharged after period");
    assertTrue(SusDischarges.emergencyReadmission(ok, YEAR));
    assertFalse(SusDischarges.emergencyReadmission(with(ok, "ADMIMETH", "11"), YEAR));
    assertTrue(SusDischarges.emergencyReadmission(with(ok, "ADMIMETH", "2a"), YEAR));
    assertFalse(SusDischarges.emergencyReadmission(with(ok, "DISMETH", "5"), YEAR));
  }

  @Test
  void councilOfResidenceFromLookupOrFallback() {
    HospitalDischarge d = spell("a", "2024-06-01", "2024-06-10");
    assertEquals(Optional.of("E10000001"), CouncilOfResidence.fromLookup(Map.of("E01000001", "E10000001"))
        .of(d, List.of()));
    assertEquals(Optional.empty(), CouncilOfResidence.fromLookup(Map.of("E01000001", "W06000001")).of(d, List.of()));
    // SQL Server's join and LIKE 'E%' ignore letter case (and trailing spaces: codes are trimmed when read).
    assertEquals(Optional.of("E10000001"), CouncilOfResidence.fromLookup(Map.of("e01000001", "e10000001"))
        .of(d, List.of()));
    assertEquals(Optional.of("E08000001"), CouncilOfResidence.fallback().of(with(d, "RESLADST_ONS", "e08000001"),
        List.of("E06000001")));
    assertEquals(Optional.empty(), CouncilOfResidence.fromLookup(Map.of("E01000002", "E10000001")).of(d, List.of()));
    CouncilOfResidence fallback = CouncilOfResidence.fallback();
    assertEquals(Optional.of("E06000001"), fallback.of(d, List.of("E08000001")));
    assertEquals(Optional.of("E08000001"), fallback.of(with(d, "RESLADST_ONS", "E07000001"), List.of("E08000001")));
    assertEquals(Optional.of("ENGLAND"), fallback.of(with(d, "RESLADST_ONS", ""), List.of()));
    assertEquals(Optional.empty(), fallback.of(with(d, "RESLADST_ONS", "W06000001"), List.of()));
  }

  @Test
  void dischargeIntoReablementStillAtHome() {
    List<Contribution> cs = evaluate(List.of(spell("a", "2024-06-01", "2024-06-10")),
        reablement("2024-06-12", "2024-07-01"));
    assertEquals(1, sum(cs, Ascof2D.PART_1, "E06000001", true));
    assertEquals(1, sum(cs, Ascof2D.PART_1, "E06000001", false));
    assertEquals(1, sum(cs, Ascof2D.PART_2, "E06000001", true));
    assertEquals(1, sum(cs, Ascof2D.PART_2, "E06000001", false));
  }

  @Test
  void codedValuesMatchAsSqlServerComparesThem() {
    // Letter case and trailing spaces do not matter (SQL Server's default collation), in CLD and in HES codes.
    Ev variant = Ev.of("SERVICE ", "2024-06-12", "2024-07-01").set("Service_Type", "short term support: st-max ")
        .set("Service_Component", "REABLEMENT ").set("Client_Type", "service user");
    HospitalDischarge spell = HospitalDischarge.fromRow(Map.ofEntries(Map.entry("record_id", "a"),
        Map.entry("PROCODE3", "RXX"), Map.entry("ADMIDATE", "2024-06-01"), Map.entry("DISDATE", "2024-06-10"),
        Map.entry("ADMIMETH", "2a "), Map.entry("DISMETH", " 1"), Map.entry("DISDEST", "19 "),
        Map.entry("TRETSPEF", "300 "), Map.entry("SPELEND", "y"), Map.entry("age_at_disdate", "80"),
        Map.entry("LSOA11", "E01000001"), Map.entry("RESLADST_ONS", "E06000001 ")));
    List<Contribution> cs = evaluate(List.of(spell), variant);
    assertEquals(1, sum(cs, Ascof2D.PART_1, "E06000001", false));
    assertEquals(1, sum(cs, Ascof2D.PART_2, "E06000001", false));
  }

  @Test
  void readmissionDeathOrCareHomeWithin84DaysIsNotAtHome() {
    HospitalDischarge first = spell("a", "2024-06-01", "2024-06-10");
    List<Contribution> readmitted = evaluate(List.of(first, spell("b", "2024-09-02", "2024-09-05")),
        reablement("2024-06-12", "2024-07-01"));
    assertEquals(0, sum(readmitted, Ascof2D.PART_1, "E06000001", true));
    assertEquals(1, sum(readmitted, Ascof2D.PART_1, "E06000001", false));
    List<Contribution> lateReadmission = evaluate(List.of(first, spell("b", "2024-09-03", "2024-09-05")),
        reablement("2024-06-12", "2024-07-01"));
    assertEquals(1, sum(lateReadmission, Ascof2D.PART_1, "E06000001", true), "day 85 is outside");
    // Deviation sizes: with 91 days the day-85 readmission would take the episode out (A5); the day-84 one
    // is an episode kept out by a readmission alone (D2's upper bound).
    assertEquals(1, sum(lateReadmission, Ascof2D.OUTCOMES_CHANGED_BY_91_DAYS, "ENGLAND", true));
    assertEquals(0, sum(readmitted, Ascof2D.OUTCOMES_CHANGED_BY_91_DAYS, "ENGLAND", true));
    assertEquals(1, sum(readmitted, Ascof2D.DECIDED_BY_READMISSION_ONLY, "ENGLAND", true));
    assertEquals(0, sum(evaluate(List.of(first, spell("b", "2024-09-12", "2024-09-15")),
        reablement("2024-06-12", "2024-07-01")), Ascof2D.OUTCOMES_CHANGED_BY_91_DAYS, "ENGLAND", true),
        "day 94 is outside both");
    List<Contribution> died = evaluate(List.of(first),
        reablement("2024-06-12", "2024-07-01").set("Date_of_Death", "2024-08-01"));
    assertEquals(0, sum(died, Ascof2D.PART_1, "E06000001", true));
    List<Contribution> careHome = evaluate(List.of(first), reablement("2024-06-12", "2024-07-01"),
        Ev.service("Long Term Support: Residential Care", "2024-08-01", null).set("LA_Code", "E08000001"));
    assertEquals(0, sum(careHome, Ascof2D.PART_1, "E06000001", true), "a care home in another council counts");
  }

  @Test
  void inCareAtAdmissionExcludesAndUnlinkedDischargesCountOnlyInPart2() {
    HospitalDischarge d = spell("a", "2024-06-01", "2024-06-10");
    List<Contribution> inCare = evaluate(List.of(d), reablement("2024-06-12", "2024-07-01"),
        Ev.service("Long Term Support: Nursing Care", "2024-01-01", null).set("LA_Code", "E08000001"));
    assertEquals(0, sum(inCare, Ascof2D.PART_2, "E06000001", false));
    assertEquals(0, sum(inCare, Ascof2D.PART_1, "E06000001", false));
    List<Contribution> noReablement = evaluate(List.of(d), reablement("2024-06-20", "2024-07-01"));
    assertEquals(1, sum(noReablement, Ascof2D.PART_2, "E06000001", false));
    assertEquals(0, sum(noReablement, Ascof2D.PART_2, "E06000001", true));
  }
}
