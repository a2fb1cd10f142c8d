package org.sdelink.policies.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyFormatException;
import org.sdelink.policies.PolicyProblem;
import org.sdelink.policies.ShippedPolicies;
import org.sdelink.policies.approval.ReviewerPublicKey;
import org.sdelink.policies.approval.ReviewerSigningKey;

class SdeConfigurationTest {
  private static final ReviewerPublicKey KEY = ReviewerSigningKey.generate(new SecureRandom()).publicKey();
  private static final String REVIEWERS = "trusted_reviewers:\n  - name: Jo Bloggs\n    public_key: " + KEY.base64()
      + "\n";

  private static Path write(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("sde.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  private static String problems(Path dir, String yaml) throws Exception {
    Path file = write(dir, yaml);
    return assertThrows(SdeConfigurationException.class, () -> SdeConfiguration.load(file)).getMessage();
  }

  @Test
  void readsTrustedReviewersAndFloorsAndChecksAPolicyAgainstThem(@TempDir Path dir) throws Exception {
    SdeConfiguration sde = SdeConfiguration.load(write(dir, REVIEWERS + "floors:\n  k_anonymity:\n    k: 10\n"
        + "    max_suppressed_fraction: 0.02\n  output_checks:\n    count_tables: {suppress_up_to: 10, round_to: 5}\n"));
    assertEquals("Jo Bloggs", sde.reviewers().byFingerprint(KEY.fingerprint()).orElseThrow().name());
    assertEquals(10, sde.floors().floor(FloorSetting.K));
    assertEquals(10, sde.floors().floor(FloorSetting.COUNT_SUPPRESS_UP_TO));
    assertEquals(5, sde.floors().floor(FloorSetting.COUNT_ROUND_TO));
    assertEquals(10, sde.floors().floor(FloorSetting.MAGNITUDE_THRESHOLD), "not given: sdelink's own weakest");

    Policy shipped = Policy.parse(ShippedPolicies.text(ShippedPolicies.RESEARCHER), ShippedPolicies.RESEARCHER);
    List<PolicyProblem> problems = sde.floorProblems(shipped);
    assertEquals(List.of("output_checks.count_tables.suppress_up_to"),
        problems.stream().map(PolicyProblem::field).toList(), problems::toString);
    assertTrue(problems.get(0).message().startsWith("is 7, below the SDE's floor of 10 "
        + "(floors.output_checks.count_tables.suppress_up_to in " + dir.resolve("sde.yaml") + ")"),
        problems.get(0).message());

    Policy withoutK = Policy.parse(ShippedPolicies.text(ShippedPolicies.RESEARCHER)
        .replaceAll("(?s)\nk_anonymity:.*?\n(?=[a-z])", "\n"), ShippedPolicies.RESEARCHER);
    assertTrue(withoutK.kAnonymity().isEmpty());
    assertTrue(sde.floorProblems(withoutK).stream().anyMatch(p -> p.field().equals("k_anonymity")));
  }

  @Test
  void aFileOthersCanWriteIsRefused(@TempDir Path dir) throws Exception {
    Path file = write(dir, REVIEWERS + "floors: {k_anonymity: {k: 10, max_suppressed_fraction: 0.02}}\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    SdeConfigurationException e = assertThrows(SdeConfigurationException.class, () -> SdeConfiguration.load(file));
    assertTrue(e.getMessage().contains("can be changed by users other than its owner (mode rw-rw-r--)"),
        e.getMessage());
  }

  @Test
  void missingWeakUnknownAndMismatchedSettingsAreEachNamed(@TempDir Path dir) throws Exception {
    String missing = problems(dir, REVIEWERS);
    assertTrue(missing.contains("floors: is missing"), missing);

    String noK = problems(dir, REVIEWERS + "floors: {k_anonymity: {max_suppressed_fraction: 0.02}}\n");
    assertTrue(noK.contains("floors.k_anonymity.k: is missing"), noK);

    String weak = problems(dir, REVIEWERS + "floors: {k_anonymity: {k: 1, max_suppressed_fraction: 0.02},"
        + " output_checks: {count_tables: {round_to: 2}}}\n");
    assertTrue(weak.contains("floors.k_anonymity.k: must be at least 2"), weak);
    assertTrue(weak.contains("floors.output_checks.count_tables.round_to: must be at least 5"), weak);

    String unknown = problems(dir, REVIEWERS + "floors: {k_anonymity: {k: 10, max_suppressed_fraction: 0.02,"
        + " l_diversity: 3}}\nextra: 1\n");
    assertTrue(unknown.contains("floors.k_anonymity.l_diversity: is not a floor sdelink knows"), unknown);
    assertTrue(unknown.contains("extra: is not an SDE setting"), unknown);

    String mismatch = problems(dir, REVIEWERS + "    fingerprint: sha256:" + "0".repeat(64) + "\n"
        + "floors: {k_anonymity: {k: 10, max_suppressed_fraction: 0.02}}\n");
    assertTrue(mismatch.contains("trusted_reviewers[0].fingerprint: does not match the public key"), mismatch);

    String noReviewers = problems(dir, "trusted_reviewers: []\nfloors: {k_anonymity: {k: 10, "
        + "max_suppressed_fraction: 0.02}}\n");
    assertTrue(noReviewers.contains("trusted_reviewers: must be a list of at least one reviewer"), noReviewers);

    String badKey = problems(dir, "trusted_reviewers:\n  - {name: Jo, public_key: bm90IGEga2V5}\n"
        + "floors: {k_anonymity: {k: 10, max_suppressed_fraction: 0.02}}\n");
    assertTrue(badKey.contains("trusted_reviewers[0].public_key: the public key cannot be read"), badKey);

    Path twoDocuments = write(dir, REVIEWERS + "floors: {k_anonymity: {k: 10, max_suppressed_fraction: 0.02}}\n"
        + "---\nfloors: {k_anonymity: {k: 2, max_suppressed_fraction: 0.5}}\n");
    PolicyFormatException second = assertThrows(PolicyFormatException.class,
        () -> SdeConfiguration.load(twoDocuments));
    assertTrue(second.getMessage().contains("second YAML document, starting at line 5"), second.getMessage());
  }
}
