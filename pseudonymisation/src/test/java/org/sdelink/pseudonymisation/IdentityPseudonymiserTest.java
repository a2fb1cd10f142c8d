package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pseudonymisation.keys.KeyPolicy;
import org.sdelink.pseudonymisation.keys.KeyRing;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

class IdentityPseudonymiserTest {
  private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 27);
  private static final MasterKey KEY = MasterKey.of("k20260101-1", new byte[32]);
  private static final RawIdentity PERSON =
      new RawIdentity("943 476 5919", "Bill", "O'Brien", "07/09/1956", "ls14ap", "Male");

  private final IdentityPseudonymiser pseudonymiser = IdentityPseudonymiser.create(KEY, REFERENCE);

  private static final Set<String> TOKEN_COLUMNS =
      Set.of(
          "nhs_number_token", "given_name_token", "given_name_first_token", "given_name_nickname_token",
          "given_name_dm_token", "given_name_soundex_token", "given_initial_token", "family_name_token",
          "family_name_part_tokens", "family_name_dm_token", "family_name_soundex_token", "given_name_bloom",
          "family_name_bloom", "dob_bloom", "dob_token", "dob_swapped_token", "dob_year_token",
          "dob_month_token", "dob_day_token", "postcode_token", "postcode_sector_token",
          "postcode_district_token");

  @Test
  void columnsAreExactlyTheAgreedList() {
    assertEquals(
        List.of(
            "key_id", "nhs_number_token", "nhs_number_status", "given_name_token", "given_name_first_token",
            "given_name_nickname_token", "given_name_dm_token", "given_name_soundex_token",
            "given_initial_token", "family_name_token", "family_name_part_tokens", "family_name_dm_token",
            "family_name_soundex_token", "given_name_bloom", "family_name_bloom", "dob_bloom", "dob_token",
            "dob_swapped_token", "dob_year_token", "dob_month_token", "dob_day_token", "dob_status",
            "birth_year", "postcode_token", "postcode_sector_token", "postcode_district_token",
            "postcode_district", "postcode_status", "sex", "identity_flags"),
        IdentityColumns.ALL);
    assertTrue(IdentityColumns.ALL.containsAll(TOKEN_COLUMNS));
  }

  @Test
  void aCompleteValidRecordGetsEveryValueAndNoFlag() {
    PseudonymisedIdentity out = pseudonymiser.pseudonymise(PERSON);
    assertEquals(IdentityColumns.ALL.size(), out.values().size());
    for (String column : IdentityColumns.ALL) {
      if (!column.equals("identity_flags")) {
        assertFalse(out.value(column).isEmpty(), column);
      }
    }
    assertEquals(List.of(), out.flags());
    assertEquals("k20260101-1", out.keyId());
    assertEquals("VALID", out.value("nhs_number_status"));
    assertEquals("VALID", out.value("dob_status"));
    assertEquals("VALID", out.value("postcode_status"));
    assertEquals("1956", out.value("birth_year"));
    assertEquals("LS1", out.value("postcode_district"));
    assertEquals("1", out.value("sex"));
  }

  @Test
  void noTokenEqualsOrContainsARawOrNormalisedIdentifier() {
    PseudonymisedIdentity out = pseudonymiser.pseudonymise(PERSON);
    List<String> identifiers =
        List.of("9434765919", "943 476 5919", "BILL", "Bill", "WILLIAM", "OBRIEN", "O'Brien", "1956-09-07",
            "07/09/1956", "LS1 4AP", "ls14ap", "LS14AP");
    for (String column : TOKEN_COLUMNS) {
      for (String identifier : identifiers) {
        assertFalse(out.value(column).contains(identifier), column);
      }
    }
  }

  @Test
  void invalidAndMissingIdentifiersGetNoTokenButAReason() {
    PseudonymisedIdentity out =
        pseudonymiser.pseudonymise(new RawIdentity("9434765918", "Mr", null, "2030-01-01", "ZZ99 3VZ", "q"));
    assertEquals("", out.value("nhs_number_token"));
    assertEquals("INVALID_CHECK_DIGIT", out.value("nhs_number_status"));
    assertEquals("IN_FUTURE", out.value("dob_status"));
    assertEquals("PSEUDO", out.value("postcode_status"));
    for (String column : TOKEN_COLUMNS) {
      assertEquals("", out.value(column), column);
    }
    assertEquals("", out.value("birth_year"));
    assertEquals("", out.value("postcode_district"));
    assertEquals("", out.value("sex"));
    assertEquals(
        List.of("DOB_IN_FUTURE", "FAMILY_NAME_MISSING", "GIVEN_NAME_TITLE_ONLY", "NHS_NUMBER_INVALID_CHECK_DIGIT",
            "POSTCODE_PSEUDO", "SEX_UNRECOGNISED"),
        out.flags());
    assertEquals(String.join(";", out.flags()), out.value("identity_flags"));
  }

  @Test
  void allMissingIsFlaggedFieldByField() {
    PseudonymisedIdentity out = pseudonymiser.pseudonymise(new RawIdentity(null, "", " ", null, "", null));
    assertEquals("MISSING", out.value("nhs_number_status"));
    assertEquals("MISSING", out.value("dob_status"));
    assertEquals("MISSING", out.value("postcode_status"));
    assertEquals(
        "DOB_MISSING;FAMILY_NAME_MISSING;GIVEN_NAME_MISSING;NHS_NUMBER_MISSING;POSTCODE_MISSING;SEX_MISSING",
        out.value("identity_flags"));
    assertEquals("k20260101-1", out.value("key_id"));
  }

  @Test
  void testRangeNumbersAreTokenisedAndFlagged() {
    PseudonymisedIdentity out =
        pseudonymiser.pseudonymise(new RawIdentity("9990000018", "Ann", "Lee", "1950-01-01", null, "F"));
    assertEquals("TEST_RANGE", out.value("nhs_number_status"));
    assertFalse(out.value("nhs_number_token").isEmpty());
    assertTrue(out.flags().contains("NHS_NUMBER_TEST_RANGE"));
  }

  @Test
  void comparableValuesShareTokens() {
    PseudonymisedIdentity a =
        pseudonymiser.pseudonymise(new RawIdentity(null, "John Paul", "Smith-Jones", "1956-09-07", "LS1 4AP", "1"));
    PseudonymisedIdentity b =
        pseudonymiser.pseudonymise(new RawIdentity(null, "JOHN", "Smith", "1956-07-09", "LS1 4ZZ", "Male"));
    PseudonymisedIdentity c =
        pseudonymiser.pseudonymise(new RawIdentity(null, "Jack", "Smythe", "1956-09-07", "LS2 7EW", "male"));
    PseudonymisedIdentity d =
        pseudonymiser.pseudonymise(new RawIdentity(null, "Jon", "Jones", "1960-09-07", "LS1 4AP", "male"));
    assertEquals(a.value("given_name_first_token"), b.value("given_name_token"));
    assertNotEquals(a.value("given_name_token"), b.value("given_name_token"));
    assertTrue(a.value("family_name_part_tokens").contains(b.value("family_name_token")));
    assertEquals(2, a.value("family_name_part_tokens").split(" ").length);
    assertEquals(a.value("dob_swapped_token"), b.value("dob_token"));
    assertEquals(a.value("dob_year_token"), b.value("dob_year_token"));
    assertEquals(a.value("postcode_sector_token"), b.value("postcode_sector_token"));
    assertNotEquals(a.value("postcode_token"), b.value("postcode_token"));
    assertEquals(a.value("given_name_nickname_token"), c.value("given_name_nickname_token"));
    assertEquals(b.value("family_name_dm_token"), c.value("family_name_dm_token"));
    assertEquals(a.value("dob_token"), c.value("dob_token"));
    assertEquals(a.value("given_initial_token"), d.value("given_initial_token"));
    assertEquals(a.value("dob_month_token"), d.value("dob_month_token"));
    assertEquals(a.value("dob_day_token"), d.value("dob_day_token"));
    assertEquals(a.value("postcode_token"), d.value("postcode_token"));
    assertEquals("1", a.value("sex"));
  }

  @Test
  void tokensOfDifferentFieldsNeverCoincide() {
    // the same text in different fields must give different tokens
    PseudonymisedIdentity out =
        pseudonymiser.pseudonymise(new RawIdentity(null, "Ann", "Ann", null, null, null));
    assertNotEquals(out.value("given_name_token"), out.value("family_name_token"));
    assertNotEquals(out.value("given_name_dm_token"), out.value("family_name_dm_token"));
    assertNotEquals(out.value("given_name_soundex_token"), out.value("family_name_soundex_token"));
    assertNotEquals(out.value("given_name_bloom"), out.value("family_name_bloom"));
  }

  @Test
  void aRotatedKeyGivesNewTokensUnderTheNewKeyId(@TempDir Path dir) {
    Path file = dir.resolve("keys.p12");
    char[] password = "rotate me, please".toCharArray();
    KeyStoreFile.init(file, password, Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
    MasterKey old = KeyStoreFile.open(file, password, KeyPolicy.PRODUCTION).primary();
    String newId = KeyStoreFile.rotate(file, password, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    KeyRing ring = KeyStoreFile.open(file, password, KeyPolicy.PRODUCTION);
    assertTrue(newId.startsWith("k20261201-2-"), newId);
    PseudonymisedIdentity before = IdentityPseudonymiser.create(old, REFERENCE).pseudonymise(PERSON);
    IdentityPseudonymiser rotated = IdentityPseudonymiser.create(ring.primary(), REFERENCE);
    assertEquals(newId, rotated.keyId());
    PseudonymisedIdentity after = rotated.pseudonymise(PERSON);
    assertEquals(newId, after.keyId());
    assertTrue(before.keyId().startsWith("k20261127-1-"), before.keyId());
    for (String column : TOKEN_COLUMNS) {
      assertNotEquals(before.value(column), after.value(column), column);
    }
    assertEquals(before, IdentityPseudonymiser.create(ring.byId(old.id()), REFERENCE).pseudonymise(PERSON));
  }

  @Test
  void survivesSerializationAndIsThreadSafe() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(pseudonymiser);
    }
    IdentityPseudonymiser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (IdentityPseudonymiser) in.readObject();
    }
    List<RawIdentity> people = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      people.add(new RawIdentity(null, "Given" + (char) ('A' + i % 26), "Family" + i, "1950-01-" + (10 + i % 18),
          "LS1 " + (i % 10) + "AP", i % 2 == 0 ? "Male" : "Female"));
    }
    List<PseudonymisedIdentity> expected = people.stream().map(pseudonymiser::pseudonymise).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<PseudonymisedIdentity>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        IdentityPseudonymiser instance = t % 2 == 0 ? copy : pseudonymiser;
        results.add(pool.submit(() -> people.stream().map(instance::pseudonymise).toList()));
      }
      for (Future<List<PseudonymisedIdentity>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
