package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The summary table after the small-number rule, ready to publish. */
public final class ProtectedSummaryTable {
  /** The columns of the published CSV, in order. */
  public static final ImmutableList<String> COLUMNS =
      ImmutableList.of("metric", "breakdown", "group", "numerator", "denominator", "value");

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

  private final ImmutableList<PublishedSummaryRow> rows;

  ProtectedSummaryTable(ImmutableList<PublishedSummaryRow> rows) {
    this.rows = rows;
  }

  /** The published rows, in input order. */
  public ImmutableList<PublishedSummaryRow> rows() {
    return rows;
  }

  /** The number of numerator and denominator cells with {@code wanted} status. */
  public int count(CellStatus wanted) {
    int n = 0;
    for (PublishedSummaryRow row : rows) {
      n += (row.numeratorStatus() == wanted ? 1 : 0) + (row.denominatorStatus() == wanted ? 1 : 0);
    }
    return n;
  }

  /** Writes the table as CSV with a header line ({@link #COLUMNS}), {@code \n} line ends. */
  public void writeCsv(Appendable out) throws IOException {
    checkNotNull(out, "out");
    try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
      printer.printRecord(COLUMNS);
      for (PublishedSummaryRow row : rows) {
        printer.printRecord(row.metric(), row.breakdown(), row.group(), row.numerator(), row.denominator(),
            row.value());
      }
    }
  }

  /**
   * The table as an ACRO output laid out like the CSV file ({@link AcroCellFlags#forCsv}): one ACRO row per summary
   * row, ACRO columns the CSV columns after {@code metric}; primary suppression of a numerator or denominator is
   * reported as {@code threshold}, secondary as {@code secondary}.
   */
  public AcroOutput toAcroOutput(String uid, String fileName, String command) {
    AcroCellFlags.Builder flags = AcroCellFlags.forCsv(rows.size(), COLUMNS);
    for (int r = 0; r < rows.size(); r++) {
      flag(flags, r, "numerator", rows.get(r).numeratorStatus());
      flag(flags, r, "denominator", rows.get(r).denominatorStatus());
    }
    return AcroOutput.countTable(uid, fileName, command, flags.build());
  }

  private static void flag(AcroCellFlags.Builder flags, int row, String column, CellStatus status) {
    if (status == CellStatus.PRIMARY) {
      flags.flag(row, column, AcroCheck.THRESHOLD);
    } else if (status == CellStatus.SECONDARY) {
      flags.flag(row, column, AcroCheck.SECONDARY);
    }
  }
}
