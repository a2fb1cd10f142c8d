package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A code table a policy names in its {@code lookups:} section, as written: a CSV file the operator supplies (its path
 * relative to the policy file's folder, or absolute), the column holding the codes looked up and the column holding
 * what they become. {@code generalise: lsoa} needs the table {@value #POSTCODE_TO_LSOA}; a ladder level
 * {@code lookup:NAME} needs the table NAME.
 */
public record CodeTableRule(String name, String file, String keyColumn, String valueColumn) {
  /** The table {@code generalise: lsoa} reads: full postcode to 2011 LSOA code. */
  public static final String POSTCODE_TO_LSOA = "postcode-to-lsoa11";

  public CodeTableRule {
    checkNotNull(name, "name");
    checkNotNull(file, "file");
    checkNotNull(keyColumn, "keyColumn");
    checkNotNull(valueColumn, "valueColumn");
  }

  /** The table file, resolved against the folder of {@code policyFile} when it is a relative path. */
  public Path resolve(Optional<Path> policyFile) {
    Path path = Path.of(file);
    if (path.isAbsolute() || policyFile.isEmpty()) {
      return path;
    }
    Path folder = policyFile.get().toAbsolutePath().getParent();
    return folder == null ? path : folder.resolve(path).normalize();
  }
}
