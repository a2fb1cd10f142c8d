package org.sdelink.pipelines.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.approval.PolicyApprovals;
import org.sdelink.policies.approval.ReviewerKeyFiles;
import org.sdelink.policies.approval.ReviewerPublicKey;
import org.sdelink.policies.approval.ReviewerSigningKey;
import org.sdelink.policies.approval.TrustedReviewer;
import org.sdelink.policies.sde.FloorSetting;
import org.sdelink.policies.sde.SdeConfiguration;

/**
 * The demo's release policy: the shipped {@code researcher-linked-journeys.yaml} with the demo project id, copied into
 * the demo folder and approved there by a throwaway demo reviewer. In {@code sde/} beside it: the reviewer's key pair
 * (private key 0600, its random password in a 0600 file) and an SDE configuration trusting that key only, with floors
 * of k = 10 and 2% suppressed. That approval is the demo's own: it is not an IG approval, and no SDE trusts its key.
 */
final class DemoPolicy {
  static final String RESOURCE = "/policies/researcher-linked-journeys.yaml";
  static final String REVIEWER = "sdelink demo (not an IG approval)";

  /** The approved demo policy and the demo SDE configuration that trusts its approval. */
  record Approved(Path policy, SdeConfiguration sde) {}

  private DemoPolicy() {}

  static Approved approvedCopy(Path demoOutput, String projectId) throws IOException {
    String text;
    try (InputStream in = DemoPolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the shipped policy " + RESOURCE + " is missing from the sdelink jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String demo = text.replaceFirst("(?m)^(\\s*id:\\s*).*$", "$1" + projectId);
    Path dir = demoOutput.resolve("policy");
    Files.createDirectories(dir);
    Path policy = dir.resolve("researcher-linked-journeys.yaml");
    Files.writeString(policy, demo, StandardCharsets.UTF_8);
    SdeConfiguration sde = demoSde(demoOutput.resolve("sde"));
    char[] password = Files.readString(demoOutput.resolve("sde/demo-reviewer.password"), StandardCharsets.UTF_8)
        .strip().toCharArray();
    ReviewerSigningKey key;
    try {
      key = ReviewerKeyFiles.open(demoOutput.resolve("sde/demo-reviewer.key"), password);
    } finally {
      Arrays.fill(password, '\0');
    }
    new PolicyApprovals(Clock.systemUTC()).approve(policy, key, Optional.empty(), sde);
    return new Approved(policy, sde);
  }

  /** A throwaway reviewer key and an SDE configuration (mode 0644) trusting it, in {@code dir}. */
  private static SdeConfiguration demoSde(Path dir) throws IOException {
    Files.createDirectories(dir);
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    Arrays.fill(bytes, (byte) 0);
    Path passwordFile = dir.resolve("demo-reviewer.password");
    Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(passwordFile, new String(password) + "\n", StandardCharsets.UTF_8);
    ReviewerPublicKey publicKey;
    try {
      publicKey = ReviewerKeyFiles.create(dir.resolve("demo-reviewer.key"), password, random);
    } finally {
      Arrays.fill(password, '\0');
    }
    Path file = dir.resolve("sde.yaml");
    Files.writeString(file, "# The demo's SDE configuration: it trusts the throwaway demo reviewer key only.\n"
        + SdeConfiguration.render(List.of(new TrustedReviewer(REVIEWER, publicKey)),
            Map.of(FloorSetting.K, 10.0, FloorSetting.MAX_SUPPRESSED_FRACTION, 0.02)), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return SdeConfiguration.load(file);
  }
}
