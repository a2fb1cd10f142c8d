package org.sdelink.pipelines.report;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.policies.disclosure.SmallNumberRule;

/**
 * What is published of a {@link FigureTable}: each cell's value, or none when it is suppressed, with a total row
 * and column where the table has them. Money is held in pence and written in pounds. The CSV beside a chart is
 * {@link #csv()}, and the chart is drawn from {@link #chartValue}, so both show the same numbers.
 */
public final class PublishedTable {
  private final FigureTable source;
  private final ImmutableList<String> rowLabels;
  private final ImmutableList<String> columnLabels;
  private final Long[][] cells;
  private final boolean totals;
  private final boolean wholePounds;

  PublishedTable(FigureTable source, Long[][] cells, boolean totals, boolean wholePounds) {
    this.source = source;
    this.totals = totals;
    this.wholePounds = wholePounds;
    this.rowLabels = totals
        ? ImmutableList.<String>builder().addAll(source.rowLabels()).add(Disclosure.TOTAL).build()
        : source.rowLabels();
    // A one-column table's total column would repeat the column: it is left out (its cells stay addressable).
    this.columnLabels = totals && source.columnLabels().size() > 1
        ? ImmutableList.<String>builder().addAll(source.columnLabels()).add(Disclosure.TOTAL).build()
        : source.columnLabels();
    this.cells = cells;
  }

  public FigureTable source() {
    return source;
  }

  /** Row labels, with {@link Disclosure#TOTAL} last when the table has totals. */
  public ImmutableList<String> rowLabels() {
    return rowLabels;
  }

  /**
   * Column labels, with {@link Disclosure#TOTAL} last when the table has totals and more than one column (the last
   * column is then the total either way).
   */
  public ImmutableList<String> columnLabels() {
    return columnLabels;
  }

  public boolean hasTotals() {
    return totals;
  }

  /** The published value of a cell (pence for money), or null when suppressed. Totals are the last row/column. */
  public Long cell(int row, int column) {
    return cells[row][column];
  }

  /** A body cell in chart units (pounds for money), or null when suppressed. */
  public Double chartValue(int row, int column) {
    Long v = cells[row][column];
    if (v == null) {
      return null;
    }
    return source.kind() == Measure.Kind.MONEY ? v / 100.0 : v.doubleValue();
  }

  /** The number of suppressed cells, totals included. */
  public int suppressedCells() {
    int n = 0;
    for (Long[] row : cells) {
      for (Long v : row) {
        n += v == null ? 1 : 0;
      }
    }
    return n;
  }

  /** The text of a cell in the CSV: a whole number, pounds for money, or {@code *} when suppressed. */
  public String text(int row, int column) {
    Long v = cells[row][column];
    if (v == null) {
      return SmallNumberRule.SUPPRESSED;
    }
    if (source.kind() != Measure.Kind.MONEY) {
      return Long.toString(v);
    }
    BigDecimal pounds = BigDecimal.valueOf(v, 2);
    return wholePounds ? pounds.setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString() : pounds.toPlainString();
  }

  /** The text of a cell on a page: as {@link #text}, with thousands separated (and a pound sign for money). */
  public String displayText(int row, int column) {
    Long v = cells[row][column];
    if (v == null) {
      return SmallNumberRule.SUPPRESSED;
    }
    if (source.kind() != Measure.Kind.MONEY) {
      return String.format(Locale.UK, "%,d", v);
    }
    return wholePounds ? String.format(Locale.UK, "£%,.0f", v / 100.0) : String.format(Locale.UK, "£%,.2f",
        v / 100.0);
  }

  /** The table as CSV: a header of the row heading and column labels, then one line per row. */
  public String csv() {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add(source.rowHeading());
    header.addAll(columnLabels);
    csv.append(CsvLines.format(header)).append('\n');
    for (int r = 0; r < rowLabels.size(); r++) {
      List<String> line = new ArrayList<>();
      line.add(rowLabels.get(r));
      for (int c = 0; c < columnLabels.size(); c++) {
        line.add(text(r, c));
      }
      csv.append(CsvLines.format(line)).append('\n');
    }
    return csv.toString();
  }
}
