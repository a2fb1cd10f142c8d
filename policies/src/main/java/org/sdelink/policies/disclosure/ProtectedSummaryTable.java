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
   * The table as an ACRO output: one ACRO row per summary row (labelled {@code metric / breakdown / group}), columns
   * {@code numerator} and {@code denominator}; primary suppression is reported as {@code threshold}, secondary as
   * {@code secondary}.
   */
  public AcroOutput toAcroOutput(String uid, String fileName, String command) {
    ImmutableList<String> rowLabels = rows.stream()
        .map(r -> r.metric() + " / " + r.breakdown() + " / " + r.group())
        .collect(ImmutableList.toImmutableList());
    AcroCellFlags.Builder flags = AcroCellFlags.builder(rowLabels, ImmutableList.of("numerator", "denominator"));
    for (int r = 0; r < rows.size(); r++) {
      flag(flags, r, 0, rows.get(r).numeratorStatus());
      flag(flags, r, 1, rows.get(r).denominatorStatus());
    }
    return AcroOutput.countTable(uid, fileName, command, flags.build());
  }

  private static void flag(AcroCellFlags.Builder flags, int row, int column, CellStatus status) {
    if (status == CellStatus.PRIMARY) {
      flags.flag(row, column, AcroCheck.THRESHOLD);
    } else if (status == CellStatus.SECONDARY) {
      flags.flag(row, column, AcroCheck.SECONDARY);
    }
  }
}
