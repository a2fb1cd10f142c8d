package org.sdelink.pipelines.pseudonymise;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The rule runs on one hash bucket of rows at a time (all copies of a record id share a bucket) and reads the
 * bucket twice: first a digest and up to {@value #LOCATIONS_SHOWN} locations per record id, then the decision per
 * row. It holds no row values between the passes.
 */
public final class DuplicateKeys {
  public static final String REASON = "DUPLICATE_KEY";
  static final int LOCATIONS_SHOWN = 5;

  /** Receives the decision for each row of a bucket. */
  public interface Decisions {
    /** The row is kept; {@code copies} is the number of identical rows with its record id (1 when unique). */
    void keep(RowPseudonymiser.PseudonymisedRow row, int copies);

    void reject(RejectedRow rejected);
  }

  private record Location(String file, long line) {}

  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::file).thenComparingLong(Location::line);

  private static final class Seen {
    final HashCode digest;
    int copies;
    boolean conflicting;
    final List<Location> locations = new ArrayList<>(1);

    Seen(HashCode digest) {
      this.digest = digest;
    }
  }

  private DuplicateKeys() {}

  /** Decides every row of {@code rows}, which must hold every row of each record id in it. Iterates twice. */
  public static void decide(Iterable<RowPseudonymiser.PseudonymisedRow> rows, String keyColumn, Decisions out) {
    Map<String, Seen> seen = new HashMap<>();
    for (RowPseudonymiser.PseudonymisedRow row : rows) {
      HashCode digest = contentDigest(row);
      Seen entry = seen.get(row.recordId());
      if (entry == null) {
        entry = new Seen(digest);
        seen.put(row.recordId(), entry);
      } else if (!entry.digest.equals(digest)) {
        entry.conflicting = true;
      }
      entry.copies++;
      entry.locations.add(new Location(row.sourceFile(), row.sourceLine()));
      if (entry.locations.size() > LOCATIONS_SHOWN) {
        entry.locations.sort(ORDER);
        entry.locations.remove(LOCATIONS_SHOWN);
      }
    }
    for (RowPseudonymiser.PseudonymisedRow row : rows) {
      Seen entry = seen.get(row.recordId());
      if (!entry.conflicting) {
        out.keep(row, entry.copies);
        continue;
      }
      entry.locations.sort(ORDER);
      String where = entry.locations.stream().map(l -> l.file() + ":" + l.line()).collect(Collectors.joining(", "))
          + (entry.copies > entry.locations.size() ? ", ..." : "");
      out.reject(RejectedRow.of(row.sourceFile(), row.sourceLine(), keyColumn, REASON,
          entry.copies + " rows share this " + keyColumn + " with different content (" + where
              + "); every copy is rejected: ask the sender which is right")
          .withLaCode(row.laCode()));
    }
  }

  /** SHA-256 of the record's values other than its source file and line, each length-prefixed. */
  static HashCode contentDigest(RowPseudonymiser.PseudonymisedRow row) {
    Hasher hasher = Hashing.sha256().newHasher();
    List<String> values = row.values();
    for (int i = 0; i < values.size(); i++) {
      if (i == 1 || i == 2) {
        continue;
      }
      byte[] bytes = values.get(i).getBytes(StandardCharsets.UTF_8);
      hasher.putInt(bytes.length).putBytes(bytes);
    }
    return hasher.hash();
  }
}
