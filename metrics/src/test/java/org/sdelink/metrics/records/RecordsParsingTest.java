package org.sdelink.metrics.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.Sets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordsParsingTest {

  private static Map<String, String> cldRow() {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", "E08000025:EV1");
    row.put("source_file", "cld_events.csv");
    row.put("source_line", "12");
    row.put("LA_Code", "E08000025");
    row.put("Reporting_Period_End_Date", "2024-06-30");
    row.put("Date_of_Death", "");
    row.put("Event_Type", " Service ");
    row.put("Event_Start_Date", "2024-05-01");
    row.put("Event_End_Date", "");
    row.put("Request_Route_of_Access", "");
    row.put("Service_Type", "Long Term Support: Community");
    row.put("Service_Component", "");
    row.put("nhs_number_token", "abc"); // identity columns are ignored
    return row;
  }

  private static Map<String, String> apcRow() {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", "123");
    row.put("SEX", "2");
    row.put("RESLADST_ONS", "E08000025");
    row.put("PROCODE3", "RAA");
    row.put("ADMIDATE", "2024-05-01");
    row.put("ADMIMETH", "21");
    row.put("EPIORDER", "01");
    row.put("SPELEND", "y");
    row.put("DISDATE", "1801-01-01");
    row.put("DISMETH", "8");
    row.put("DISDEST", "98");
    row.put("age_at_disdate", "");
    return row;
  }

  @Test
  void cldRow_typed_trimmed_blankDatesNull() {
    CldEvent event = CldEvent.fromRow(cldRow());
    assertEquals("Service", event.eventType());
    assertEquals(LocalDate.of(2024, 5, 1), event.eventStart());
    assertNull(event.eventEnd());
    assertNull(event.dateOfDeath());
    assertEquals(12, event.sourceLine());
    assertEquals("", event.deliveryMechanism(), "optional columns default to blank");
  }

  @Test
  void apcRow_sentinelDisdateIsMissing_epiorderNumeric_spellEndCaseInsensitive() {
    ApcEpisode episode = ApcEpisode.fromRow(apcRow());
    assertNull(episode.dischargeDate());
    assertEquals(1, episode.epiOrder());
    assertTrue(episode.endsSpell());
    assertNull(episode.ageAtDischarge());
    Map<String, String> row = apcRow();
    row.put("age_at_disdate", "84");
    row.put("EPIORDER", "99x");
    assertEquals(84, ApcEpisode.fromRow(row).ageAtDischarge());
    assertNull(ApcEpisode.fromRow(row).epiOrder());
  }

  @Test
  void missingRequiredColumn_failsNamingTheColumnAndTheFix() {
    Map<String, String> row = cldRow();
    row.remove("Event_Start_Date");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CldEvent.fromRow(row));
    assertTrue(e.getMessage().contains("Event_Start_Date"), e.getMessage());
    assertTrue(e.getMessage().contains("pseudonymised CLD records"), e.getMessage());
    Map<String, String> apc = apcRow();
    apc.remove("age_at_disdate");
    assertThrows(IllegalArgumentException.class, () -> ApcEpisode.fromRow(apc));
  }

  @Test
  void absentOptionalColumn_readsAsBlank_andIsReportedByAbsentColumns() {
    Map<String, String> row = cldRow();
    row.remove("Service_Type");
    assertEquals("", CldEvent.fromRow(row).serviceType());
    assertEquals(List.of("Service_Type"), CldEvent.absentColumns(Sets.difference(
        Set.copyOf(CldEvent.READ_COLUMNS), Set.of("Service_Type"))));
    assertTrue(ApcEpisode.absentColumns(ApcEpisode.READ_COLUMNS).isEmpty());
    assertTrue(CldEvent.READ_COLUMNS.containsAll(CldEvent.REQUIRED_COLUMNS));
    assertTrue(ApcEpisode.READ_COLUMNS.containsAll(ApcEpisode.REQUIRED_COLUMNS));
  }

  @Test
  void unreadableDate_failsWithoutEchoingTheValue() {
    Map<String, String> row = cldRow();
    row.put("Date_of_Death", "07/03/1931");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CldEvent.fromRow(row));
    assertTrue(e.getMessage().contains("Date_of_Death"), e.getMessage());
    assertTrue(e.getMessage().contains("E08000025:EV1"), "names the record");
    assertFalse(e.getMessage().contains("1931"), "never echoes a value");
  }

  @Test
  void badAge_andBlankRecordId_fail() {
    Map<String, String> row = apcRow();
    row.put("age_at_disdate", "eighty");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApcEpisode.fromRow(row));
    assertFalse(e.getMessage().contains("eighty"));
    Map<String, String> blank = apcRow();
    blank.put("record_id", " ");
    assertThrows(IllegalArgumentException.class, () -> ApcEpisode.fromRow(blank));
  }

  @Test
  void recordDates() {
    assertTrue(RecordDates.parse("", "x").isEmpty());
    assertTrue(RecordDates.parse("1800-01-01", "x").isEmpty());
    assertTrue(RecordDates.parse("1801-01-01", "x").isEmpty());
    assertEquals(LocalDate.of(2024, 2, 29), RecordDates.parse("2024-02-29", "x").orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> RecordDates.parse("2023-02-29", "x"));
    assertTrue(RecordDates.tryParse("2023-02-29").isEmpty());
    assertEquals("", RecordDates.format(null));
  }
}
