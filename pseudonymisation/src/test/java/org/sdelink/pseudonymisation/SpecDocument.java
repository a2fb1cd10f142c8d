package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Reads the test-vector blocks of docs/pseudonymisation.md (the spec is in the repo, so it must be there). */
public final class SpecDocument {
  private final String text;

  private SpecDocument(String text) {
    this.text = text;
  }

  public static SpecDocument load() {
    Path module = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    Path doc = module.resolveSibling("docs").resolve("pseudonymisation.md");
    if (!Files.isReadable(doc)) {
      doc = module.getParent().resolve("docs").resolve("pseudonymisation.md");
    }
    assertTrue(Files.isReadable(doc), "the spec is missing: " + doc);
    try {
      return new SpecDocument(Files.readString(doc, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text between {@code <!-- test-vectors:NAME -->} and {@code <!-- /test-vectors:NAME -->}. */
  public String block(String name) {
    String open = "<!-- test-vectors:" + name + " -->";
    String close = "<!-- /test-vectors:" + name + " -->";
    int start = text.indexOf(open);
    int end = text.indexOf(close);
    assertTrue(start >= 0 && end > start, "no test-vector block " + name + " in the spec");
    return text.substring(start + open.length(), end).strip();
  }

  /** The data rows of the markdown table in a block; cells trimmed and stripped of one pair of backticks. */
  public List<List<String>> table(String name) {
    List<List<String>> rows = new ArrayList<>();
    List<String> lines = block(name).lines().filter(line -> line.startsWith("|")).toList();
    for (String line : lines.subList(2, lines.size())) {
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      List<String> row = new ArrayList<>();
      for (String cell : cells) {
        row.add(unquote(cell.strip()));
      }
      rows.add(row);
    }
    assertTrue(!rows.isEmpty(), "empty test-vector table " + name);
    return rows;
  }

  static String unquote(String cell) {
    return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
        ? cell.substring(1, cell.length() - 1)
        : cell;
  }
}
