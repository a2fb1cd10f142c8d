package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Disclosure control across the files of one release (issue 15): a count table with suppressed cells is never
 * released beside record-level rows of the population it counts.
 *
 * <p>Why a rule on the release's make-up rather than a check of each cell: a suppressed cell hides a count of rows,
 * and a reader who holds the rows can count them. Summing the released discharges' 0/1 columns by age band gave back
 * every {@code *} of the summary table; without those columns the denominators are still row counts (the discharges
 * of people 65+ who were alive), and the numerators follow from the released event dates with the published metric
 * definitions. Rounding, secondary suppression and withheld breakdowns do not stop this in general: the property test
 * finds releases where the rows pin a suppressed cell even when every row's breakdown value is hidden. So a release is
 * either tables (protected by the small-number rule, for a wider audience) or records (protected by k-anonymity,
 * for an approved researcher, whose own outputs are checked when they leave the SDE), never a suppressed table beside
 * its rows. Magnitude tables (costs) are not affected: no record dataset carries a cost or its contributions.
 */
public final class TablesBesideRecords {
  private TablesBesideRecords() {}

  /**
   * Why {@code table} (written as {@code tableFile}) may not be released beside {@code recordFiles}, or empty when it
   * may: it has no suppressed cell, or there are no record files. The message names the table's metrics and
   * breakdowns with suppressed cells and the record files, never a group or a count.
   */
  public static Optional<String> problem(ProtectedSummaryTable table, String tableFile, List<String> recordFiles) {
    checkNotNull(table, "table");
    checkNotNull(tableFile, "tableFile");
    checkNotNull(recordFiles, "recordFiles");
    int suppressed = table.count(CellStatus.PRIMARY) + table.count(CellStatus.SECONDARY);
    if (suppressed == 0 || recordFiles.isEmpty()) {
      return Optional.empty();
    }
    Set<String> where = new LinkedHashSet<>();
    for (PublishedSummaryRow row : table.rows()) {
      if (row.numeratorStatus().isUnknown() || row.denominatorStatus().isUnknown()) {
        where.add(row.metric() + " by " + row.breakdown());
      }
    }
    List<String> examples = ImmutableList.copyOf(where).subList(0, Math.min(3, where.size()));
    return Optional.of(tableFile + " has " + suppressed + " suppressed cells (" + String.join(", ", examples)
        + (where.size() > examples.size() ? ", ..." : "") + ") and the same release carries "
        + String.join(", ", recordFiles) + ", the rows those cells count: adding up the rows would give the "
        + "suppressed cells back. Release the table under a policy without record datasets, or remove it from this "
        + "policy's datasets (docs/ig-guide.md, \"Tables beside records\")");
  }
}
