package org.sdelink.pseudonymisation.names;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The nickname table ({@code nicknames.txt}, about 220 pairs of common English given names, e.g. BILL to
 * WILLIAM, PEGGY to MARGARET, plus spelling variants such as STEVEN to STEPHEN), used to give a
 * nickname-standardised first name so that a record holding BILL can match one holding WILLIAM.
 * Nicknames that commonly stand for two names (ALEX, CHRIS, SAM, ...) are not in the table.
 */
public final class Nicknames {
  private static final String RESOURCE = "nicknames.txt";
  private static final ImmutableMap<String, String> CANONICAL_BY_NICKNAME = load();

  private Nicknames() {}

  /** The canonical name for a folded first name, or the name itself when it is not a known nickname. */
  public static String standardise(String foldedFirstName) {
    checkNotNull(foldedFirstName, "foldedFirstName");
    return CANONICAL_BY_NICKNAME.getOrDefault(foldedFirstName, foldedFirstName);
  }

  /** The whole table, nickname to canonical name, in file order. */
  public static ImmutableMap<String, String> table() {
    return CANONICAL_BY_NICKNAME;
  }

  private static ImmutableMap<String, String> load() {
    List<String> lines;
    try {
      lines = Resources.readLines(Resources.getResource(Nicknames.class, RESOURCE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the nickname table " + RESOURCE, e);
    }
    ImmutableMap.Builder<String, String> table = ImmutableMap.builder();
    Splitter fields = Splitter.on(CharMatcher.whitespace()).omitEmptyStrings().trimResults();
    for (String line : lines) {
      String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      List<String> pair = fields.splitToList(content);
      if (pair.isEmpty()) {
        continue;
      }
      checkState(pair.size() == 2, "nickname table line is not 'NICKNAME CANONICAL': %s", line);
      table.put(pair.get(0), pair.get(1));
    }
    ImmutableMap<String, String> built = table.buildOrThrow();
    for (String canonical : built.values()) {
      checkState(!built.containsKey(canonical), "canonical name %s is also a nickname", canonical);
    }
    return built;
  }
}
