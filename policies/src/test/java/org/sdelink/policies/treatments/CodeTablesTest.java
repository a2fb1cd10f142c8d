package org.sdelink.policies.treatments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.CodeTableRule;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyProblem;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.ShippedPolicies;
import org.sdelink.policies.kanonymity.KAnonymityGate;

/** {@code generalise: lsoa} and {@code lookup:} ladders work only with a code table the operator names in the policy. */
class CodeTablesTest {
  private static final String LSOA_RULE = "    postcode:\n      action: generalise\n      to: lsoa\n";
  private static final String LOOKUPS = "lookups:\n  postcode-to-lsoa11:\n    file: lookups/postcodes.csv\n"
      + "    key_column: pcds\n    value_column: lsoa11\n";

  /** The researcher policy releasing the postcode as an LSOA (counted by the gate), optionally with lookups. */
  private static String lsoaPolicy(String lookups) {
    String text = ShippedPolicies.researcherWith("    postcode: drop\n", LSOA_RULE);
    text = ShippedPolicies.replaceOnce(text, "      - field: la_code\n        ladder: [withheld]\n    journeys:",
        "      - field: la_code\n        ladder: [withheld]\n      - field: postcode\n        ladder: [withheld]\n"
            + "    journeys:");
    return text + lookups;
  }

  private static Path write(Path dir, String policyText) throws Exception {
    Files.createDirectories(dir);
    Path policy = dir.resolve(ShippedPolicies.RESEARCHER + ".yaml");
    Files.writeString(policy, policyText);
    return policy;
  }

  @Test
  void lsoaWithoutALookupFailsTheCheckSayingWhatToSupply() {
    List<PolicyProblem> problems = PolicyValidator.validate(Policy.parse(lsoaPolicy(""), ShippedPolicies.RESEARCHER));
    assertEquals(1, problems.size(), problems.toString());
    PolicyProblem problem = problems.get(0);
    assertEquals("datasets.persons.postcode.to", problem.field());
    assertTrue(problem.message().contains("does not ship") && problem.message().contains("lookups:")
        && problem.message().contains(CodeTableRule.POSTCODE_TO_LSOA), problem.message());
    assertThrows(IllegalArgumentException.class, () -> RecordTreatment.forDataset(
        Policy.parse(lsoaPolicy(LOOKUPS), ShippedPolicies.RESEARCHER), "persons", id -> "L2", id -> 0, Map.of()));
  }

  @Test
  void aNamedLookupFileThatIsMissingFailsTheCheck(@TempDir Path dir) throws Exception {
    Policy policy = Policy.load(write(dir, lsoaPolicy(LOOKUPS)));
    List<PolicyProblem> problems = PolicyValidator.validate(policy);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("lookups.postcode-to-lsoa11.file", problems.get(0).field());
    assertTrue(problems.get(0).message().contains("there is no file"), problems.get(0).message());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> CodeTables.of(policy));
  }

  @Test
  void aTinyOperatorLookupGeneralisesPostcodesToLsoa(@TempDir Path dir) throws Exception {
    Path policyFile = write(dir, lsoaPolicy(LOOKUPS));
    Files.createDirectories(dir.resolve("lookups"));
    Files.writeString(dir.resolve("lookups/postcodes.csv"),
        "pcd,pcds,lsoa11,oa11\nLS1  6AB,LS1 6AB,E01011365,E00057001\nLS29 9AA,LS29 9AA,E01011268,E00056001\n"
            + ",,,\n");
    Policy policy = Policy.load(policyFile);
    assertEquals(List.of(), PolicyValidator.validate(policy));
    CodeTables tables = CodeTables.of(policy);
    Map<String, String> codes = tables.tables().get(CodeTableRule.POSTCODE_TO_LSOA);
    assertEquals(Map.of("LS16AB", "E01011365", "LS299AA", "E01011268"), codes, "keys normalised, blank row skipped");
    assertEquals(64, tables.sources().get(CodeTableRule.POSTCODE_TO_LSOA).sha256().length());

    RecordTreatment treatment = RecordTreatment.forDataset(policy, "persons", id -> "L2-" + id, id -> 0,
        tables.tables());
    assertTrue(treatment.releasedColumns().contains("postcode"));
    Map<String, String> row = new LinkedHashMap<>();
    row.put("person_id", "P1");
    row.put("postcode", "ls1 6ab");
    assertEquals("E01011365", treatment.apply(row, Optional.of(LocalDate.of(2024, 1, 1))).get("postcode"));
    row.put("postcode", "ZZ9 9ZZ");
    assertEquals("", treatment.apply(row, Optional.of(LocalDate.of(2024, 1, 1))).get("postcode"),
        "a postcode not in the table is released blank, never as itself");

    // Shipped to a worker, the tables are read again from the file and checked against the fingerprint.
    CodeTables shipped = roundTrip(tables);
    assertEquals(codes, shipped.tables().get(CodeTableRule.POSTCODE_TO_LSOA));
    Files.writeString(dir.resolve("lookups/postcodes.csv"), "pcds,lsoa11\nLS1 6AB,E01099999\n");
    IllegalStateException changed = assertThrows(IllegalStateException.class, () -> roundTrip(tables).tables());
    assertTrue(changed.getMessage().contains("changed while the release was being made"), changed.getMessage());
  }

  @Test
  void aLookupLadderNeedsItsTableNamedToo(@TempDir Path dir) throws Exception {
    String ladder = ShippedPolicies.researcherWith("    lsoa11: drop\n", "    lsoa11: keep\n");
    ladder = ShippedPolicies.replaceOnce(ladder, "      - field: la_code\n        ladder: [withheld]\n    journeys:",
        "      - field: la_code\n        ladder: [withheld]\n      - field: lsoa11\n"
            + "        ladder: [lookup:lsoa11-to-la, withheld]\n    journeys:");
    List<PolicyProblem> problems = PolicyValidator.validate(Policy.parse(ladder, ShippedPolicies.RESEARCHER));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("k_anonymity.quasi_identifiers.persons.lsoa11.ladder", problems.get(0).field());

    Path policyFile = write(dir, ladder + "lookups:\n  lsoa11-to-la:\n    file: " + dir.resolve("lsoa-la.csv")
        + "\n    key_column: LSOA11CD\n    value_column: LAD21CD\n");
    Files.writeString(dir.resolve("lsoa-la.csv"), "LSOA11CD,LAD21CD\nE01011365,E08000035\n");
    Policy policy = Policy.load(policyFile);
    assertEquals(List.of(), PolicyValidator.validate(policy), "an absolute path works too");
    KAnonymityGate gate = KAnonymityGate.forDataset(policy, "persons", CodeTables.of(policy).tables());
    assertTrue(gate.fields().contains("lsoa11"));
    assertEquals("E08000035", gate.quasiIdentifiers().get(gate.fields().indexOf("lsoa11")).generalise("E01011365", 1));
  }

  @Test
  void aTableThatCannotBeReadSafelyIsRefusedWithoutShowingItsCodes(@TempDir Path dir) throws Exception {
    Path policyFile = write(dir, lsoaPolicy(LOOKUPS));
    Files.createDirectories(dir.resolve("lookups"));
    Files.writeString(dir.resolve("lookups/postcodes.csv"), "pcds,lsoa\nLS1 6AB,E01011365\n");
    IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
        () -> CodeTables.of(Policy.load(policyFile)));
    assertTrue(column.getMessage().contains("has no column lsoa11") && column.getMessage().contains("pcds, lsoa"),
        column.getMessage());

    Files.writeString(dir.resolve("lookups/postcodes.csv"), "pcds,lsoa11\nLS1 6AB,E01011365\nls16ab,E01011366\n");
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> CodeTables.of(Policy.load(policyFile)));
    assertTrue(twice.getMessage().contains("two different values (line 2)"), twice.getMessage());
    for (String code : List.of("LS1", "E0101136")) {
      assertFalse(twice.getMessage().contains(code), "a code in the message");
    }
  }

  private static CodeTables roundTrip(CodeTables tables) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tables);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (CodeTables) in.readObject();
    }
  }
}
