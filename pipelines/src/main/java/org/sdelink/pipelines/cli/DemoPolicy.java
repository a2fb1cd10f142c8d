package org.sdelink.pipelines.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.sdelink.policies.approval.PolicyApprovals;

/**
 * The demo's release policy: the shipped {@code researcher-linked-journeys.yaml} with the demo project id, copied into
 * the demo folder and approved there by "sdelink demo". That approval is the demo's own: it is not an IG approval and
 * lives only beside the demo copy.
 */
final class DemoPolicy {
  static final String RESOURCE = "/policies/researcher-linked-journeys.yaml";

  private DemoPolicy() {}

  static Path approvedCopy(Path demoOutput, String projectId) throws IOException {
    String text;
    try (InputStream in = DemoPolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the shipped policy " + RESOURCE + " is missing from the sdelink jar");
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String demo = text.replaceFirst("(?m)^(\\s*id:\\s*).*$", "$1" + projectId);
    Path dir = demoOutput.resolve("policy");
    Files.createDirectories(dir);
    Path policy = dir.resolve("researcher-linked-journeys.yaml");
    Files.writeString(policy, demo, java.nio.charset.StandardCharsets.UTF_8);
    new PolicyApprovals(Clock.systemUTC()).approve(policy, "sdelink demo (not an IG approval)");
    return policy;
  }
}
