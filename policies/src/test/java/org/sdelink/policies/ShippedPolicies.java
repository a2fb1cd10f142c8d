package org.sdelink.policies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The policy files shipped in the module folder, for tests (surefire runs in the module folder). */
public final class ShippedPolicies {
  public static final String RESEARCHER = "researcher-linked-journeys";

  private ShippedPolicies() {}

  public static Path path(String name) {
    return Path.of(name + ".yaml");
  }

  public static String text(String name) {
    try {
      return Files.readString(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The researcher policy text with {@code from} replaced by {@code to} (which must occur exactly once). */
  public static String researcherWith(String from, String to) {
    String text = text(RESEARCHER);
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("expected exactly one occurrence of: " + from);
    }
    return text.replace(from, to);
  }

  public static Policy researcher() {
    try {
      return Policy.load(path(RESEARCHER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
