package org.sdelink.policies.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.sdelink.policies.sde.SdeConfiguration;

/** Writes SDE configurations for tests: trusted reviewers and floors, mode 0644. */
public final class TestSde {
  /** The floors of the shipped policy's own settings (k 10, 2% suppressed). */
  public static final String SHIPPED_FLOORS = "floors:\n  k_anonymity:\n    k: 10\n    max_suppressed_fraction: 0.02\n";

  private TestSde() {}

  /** An SDE configuration at {@code file} trusting {@code reviewers} (name, key), with {@code floors}. */
  public static SdeConfiguration write(Path file, List<TrustedReviewer> reviewers, String floors) throws IOException {
    StringBuilder yaml = new StringBuilder("trusted_reviewers:\n");
    for (TrustedReviewer reviewer : reviewers) {
      yaml.append("  - name: \"").append(reviewer.name()).append("\"\n")
          .append("    public_key: ").append(reviewer.key().base64()).append('\n')
          .append("    fingerprint: ").append(reviewer.key().fingerprint()).append('\n');
    }
    yaml.append(floors);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return SdeConfiguration.load(file);
  }
}
