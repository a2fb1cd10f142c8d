package org.sdelink.pipelines.pseudonymise;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sdelink.pipelines.io.RejectedRow;

/**
 * The rule for APC rows that share an EPIKEY (the record id). Copies whose content is the same are one episode seen
 * twice: all are kept, as CLD rows resubmitted verbatim are, and every later stage counts the record id once. Copies
 * whose content differs cannot all be right and sdelink cannot tell which is: every copy is rejected as
 * {@value #REASON}, so rows in = accepted + rejected still holds.
 *
 * <p>Content is the pseudonymised record without its {@code source_file} and {@code source_line}: what the later
 * stages see. Two copies that differ only in how a value is written (a date as 01/05/2024 or 2024-05-01, spaces in an
 * NHS number) are the same episode.
 *
 * <p>The decision is made on small summaries of the rows ({@link Copy}: record id, content digest, file, line), one
 * hash bucket at a time (all copies of a record id share a bucket), in a single pass that keeps a few fields per
 * record id; the rows themselves are then kept or rejected by looking their record id up among the conflicting ones.
 */
public final class DuplicateKeys {
  public static final String REASON = "DUPLICATE_KEY";
  static final int LOCATIONS_SHOWN = 5;

  /** A row as the rule sees it: its record id, a digest of its content, and where it is. */
  public record Copy(String recordId, String digest, String file, long line) {}

  /**
   * The outcome for one bucket: the reject message of each record id whose copies differ, and per input file the
   * number of kept rows whose record id an identical row shares.
   */
  public record Decision(Map<String, String> conflicts, Map<String, Long> repeatedRowsPerFile) {}

  private record Location(String file, long line) {}

  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::file).thenComparingLong(Location::line);

  private static final class Seen {
    final String digest;
    final String firstFile;
    int copies;
    boolean conflicting;
    final List<Location> firstLocations = new ArrayList<>(1);
    Map<String, Long> copiesPerFile;

    Seen(String digest, String firstFile) {
      this.digest = digest;
      this.firstFile = firstFile;
    }
  }

  private DuplicateKeys() {}

  /** Decides the copies of one bucket, which must hold every copy of each record id in it. Iterates once. */
  public static Decision decide(Iterable<Copy> copies, String keyColumn) {
    Map<String, Seen> seen = new HashMap<>();
    for (Copy copy : copies) {
      Seen entry = seen.get(copy.recordId());
      if (entry == null) {
        entry = new Seen(copy.digest(), copy.file());
        seen.put(copy.recordId(), entry);
      } else {
        entry.conflicting |= !entry.digest.equals(copy.digest());
        if (entry.copiesPerFile == null) {
          entry.copiesPerFile = new TreeMap<>(Map.of(entry.firstFile, 1L));
        }
        entry.copiesPerFile.merge(copy.file(), 1L, Long::sum);
      }
      entry.copies++;
      entry.firstLocations.add(new Location(copy.file(), copy.line()));
      if (entry.firstLocations.size() > LOCATIONS_SHOWN) {
        entry.firstLocations.sort(ORDER);
        entry.firstLocations.remove(LOCATIONS_SHOWN);
      }
    }
    Map<String, String> conflicts = new TreeMap<>();
    for (Map.Entry<String, Seen> e : seen.entrySet()) {
      Seen entry = e.getValue();
      if (entry.conflicting) {
        entry.firstLocations.sort(ORDER);
        String where = entry.firstLocations.stream().map(l -> l.file() + ":" + l.line())
            .collect(Collectors.joining(", ")) + (entry.copies > entry.firstLocations.size() ? ", ..." : "");
        conflicts.put(e.getKey(), entry.copies + " rows share this " + keyColumn + " with different content ("
            + where + "); every copy is rejected: ask the sender which is right");
      }
    }
    Map<String, Long> repeated = new TreeMap<>();
    for (Seen entry : seen.values()) {
      if (!entry.conflicting && entry.copiesPerFile != null) {
        entry.copiesPerFile.forEach((file, n) -> repeated.merge(file, n, Long::sum));
      }
    }
    return new Decision(conflicts, repeated);
  }

  /** The reject of one copy of a conflicting record id. */
  public static RejectedRow reject(RowPseudonymiser.PseudonymisedRow row, String keyColumn, String message) {
    return RejectedRow.of(row.sourceFile(), row.sourceLine(), keyColumn, REASON, message).withLaCode(row.laCode());
  }

  /** The summary of a row: record id, content digest, file and line. */
  public static Copy copyOf(RowPseudonymiser.PseudonymisedRow row) {
    return new Copy(row.recordId(), contentDigest(row), row.sourceFile(), row.sourceLine());
  }

  /** SHA-256 (hex) of the record's values other than its source file and line, each length-prefixed. */
  static String contentDigest(RowPseudonymiser.PseudonymisedRow row) {
    Hasher hasher = Hashing.sha256().newHasher();
    List<String> values = row.values();
    for (int i = 0; i < values.size(); i++) {
      if (i == 1 || i == 2) {
        continue;
      }
      byte[] bytes = values.get(i).getBytes(StandardCharsets.UTF_8);
      hasher.putInt(bytes.length).putBytes(bytes);
    }
    return hasher.hash().toString();
  }
}
