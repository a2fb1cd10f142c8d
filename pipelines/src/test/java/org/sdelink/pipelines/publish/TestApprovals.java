package org.sdelink.pipelines.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.approval.PolicyApprovals;
import org.sdelink.policies.approval.ReviewerSigningKey;
import org.sdelink.policies.approval.TrustedReviewer;
import org.sdelink.policies.sde.FloorSetting;
import org.sdelink.policies.sde.SdeConfiguration;

/**
 * Signed approvals for tests: a fresh reviewer key (in memory), an SDE configuration trusting it in {@code sde/} beside
 * the policy (floors k = 10, 2% suppressed: the shipped policy's own settings), and the policy approved with it.
 */
public final class TestApprovals {
  public static final String REVIEWER = "Test Reviewer";

  private TestApprovals() {}

  /** The SDE configuration file of a policy approved by {@link #approve}. */
  public static Path sdeConfigFile(Path policy) {
    return policy.toAbsolutePath().getParent().resolve("sde").resolve("sde.yaml");
  }

  /** The SDE configuration of a policy approved by {@link #approve}. */
  public static SdeConfiguration sde(Path policy) {
    try {
      return SdeConfiguration.load(sdeConfigFile(policy));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Approves {@code policy} with a new trusted test reviewer's key; returns that key. */
  public static ReviewerSigningKey approve(Path policy) throws IOException {
    ReviewerSigningKey key = ReviewerSigningKey.generate(new SecureRandom());
    Path file = sdeConfigFile(policy);
    Files.createDirectories(file.getParent());
    Files.writeString(file, SdeConfiguration.render(List.of(new TrustedReviewer(REVIEWER, key.publicKey())),
        Map.of(FloorSetting.K, 10.0, FloorSetting.MAX_SUPPRESSED_FRACTION, 0.02)), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    new PolicyApprovals(Clock.systemUTC()).approve(policy, key, Optional.empty(), sde(policy));
    return key;
  }
}
