package org.sdelink.metrics.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.records.ApcEpisode;

class HospitalSpellTest {

  private static ApcEpisode episode(String id, String provider, String admitted, String method, String order,
      String spellEnd, String discharged, String dischargeMethod, String destination) {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", id);
    row.put("SEX", "1");
    row.put("RESLADST_ONS", "E08000025");
    row.put("PROCODE3", provider);
    row.put("ADMIDATE", admitted);
    row.put("ADMIMETH", method);
    row.put("EPIORDER", order);
    row.put("SPELEND", spellEnd);
    row.put("DISDATE", discharged);
    row.put("DISMETH", dischargeMethod);
    row.put("DISDEST", destination);
    row.put("age_at_disdate", discharged.isEmpty() || discharged.startsWith("18") ? "" : "70");
    return ApcEpisode.fromRow(row);
  }

  @Test
  void multiEpisodeSpell_groupedByProviderAndAdmissionDate() {
    List<HospitalSpell> spells = HospitalSpell.assemble(List.of(
        episode("E3", "RAA", "2024-05-01", "99", "03", "Y", "2024-05-20", "1", "19"),
        episode("E1", "RAA", "2024-05-01", "21", "01", "N", "", "8", "98"),
        episode("E2", "RAA", "2024-05-01", "99", "02", "N", "", "8", "98"),
        episode("E9", "RBB", "2024-05-01", "11", "01", "Y", "2024-05-02", "1", "19")));
    assertEquals(2, spells.size(), "same day at two providers is two spells");
    HospitalSpell spell = spells.get(0);
    assertEquals("RAA", spell.provider());
    assertEquals(List.of("E1", "E2", "E3"), spell.episodes().stream().map(ApcEpisode::recordId).toList());
    assertEquals("21", spell.admissionMethod());
    assertTrue(spell.isEmergency());
    assertEquals("E3", spell.dischargeRecordId());
    assertEquals(LocalDate.of(2024, 5, 20), spell.dischargeDate());
    assertTrue(spell.isAliveDischarge());
    assertFalse(spells.get(1).isEmergency());
  }

  @Test
  void unfinishedSpells() {
    List<HospitalSpell> spells = HospitalSpell.assemble(List.of(
        episode("E1", "RAA", "2024-05-01", "21", "1", "N", "", "8", "98"),
        episode("E2", "RAA", "2024-06-01", "21", "1", "Y", "1800-01-01", "8", "98"),
        episode("E3", "RAA", "2024-07-01", "21", "1", "Y", "1801-01-01", "8", "98"),
        episode("E4", "RAA", "2024-08-01", "21", "1", "Y", "", "8", "98")));
    assertEquals(4, spells.size());
    for (HospitalSpell spell : spells) {
      assertFalse(spell.isFinished(), spell.firstRecordId());
      assertFalse(spell.isAliveDischarge());
      assertFalse(spell.endsInDeath());
      assertNull(spell.dischargeDate());
    }
    assertNull(spells.get(0).dischargeEpisode());
    assertEquals("", spells.get(0).dischargeDestination());
  }

  @Test
  void deathDischarges() {
    assertTrue(HospitalSpell.assemble(List.of(episode("E1", "RAA", "2024-05-01", "21", "1", "Y", "2024-05-03", "4",
        "19"))).get(0).endsInDeath());
    assertTrue(HospitalSpell.assemble(List.of(episode("E1", "RAA", "2024-05-01", "21", "1", "Y", "2024-05-03", "5",
        "19"))).get(0).endsInDeath());
    assertTrue(HospitalSpell.assemble(List.of(episode("E1", "RAA", "2024-05-01", "21", "1", "Y", "2024-05-03", "1",
        "79"))).get(0).endsInDeath());
    assertFalse(HospitalSpell.assemble(List.of(episode("E1", "RAA", "2024-05-01", "21", "1", "Y", "1800-01-01", "4",
        "79"))).get(0).endsInDeath(), "no real DISDATE: not a death date either");
  }

  @Test
  void episodeWithoutAdmissionDate_isLeftOut() {
    assertTrue(HospitalSpell.assemble(List.of(episode("E1", "RAA", "1800-01-01", "21", "1", "Y", "2024-05-03", "1",
        "19"), episode("E2", "RAA", "", "21", "1", "Y", "2024-05-03", "1", "19"))).isEmpty());
  }

  @Test
  void spellsAreInTimeOrder_andUnknownEpiorderSortsLast() {
    List<HospitalSpell> spells = HospitalSpell.assemble(List.of(
        episode("E5", "RBB", "2024-07-01", "11", "1", "Y", "2024-07-02", "1", "19"),
        episode("E4", "RAA", "2024-06-01", "12", "", "Y", "2024-06-03", "1", "19"),
        episode("E3", "RAA", "2024-06-01", "21", "1", "N", "", "8", "98")));
    assertEquals(List.of("E3", "E5"), spells.stream().map(HospitalSpell::firstRecordId).toList());
    assertEquals("E4", spells.get(0).dischargeRecordId());
  }
}
