package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.sdelink.policies.disclosure.CountTable;
import org.sdelink.policies.disclosure.ProtectedCountTable;
import org.sdelink.policies.disclosure.SmallNumberRule;

/**
 * Decides what of a {@link FigureTable} is published. The operator's view publishes every figure exactly. A view for
 * councils applies the release's small-number rule ({@link SmallNumberRule#hes()}: 1-7 suppressed, others rounded to
 * the nearest 5):
 *
 * <ul>
 *   <li>event counts, which add up, are published with their totals through the policies module's {@link
 *       CountTable#protect}, whose secondary suppression stops a suppressed cell being worked out from a total;
 *   <li>distinct people and record counts, which do not add up across a table, cell by cell;
 *   <li>planned spend without totals, each cell suppressed when the people it covers are 1-7 (or when the caller
 *       asks, e.g. a national cell one of whose councils' cells is suppressed), and shown in whole pounds.
 * </ul>
 */
public final class Disclosure {
  /** The label of a total row or column. */
  public static final String TOTAL = "Total";

  private final Audience audience;
  private final SmallNumberRule rule;

  private Disclosure(Audience audience, SmallNumberRule rule) {
    this.audience = audience;
    this.rule = rule;
  }

  /** The disclosure of {@code audience}, under the HES rule when it is not the operator's own view. */
  public static Disclosure forAudience(Audience audience) {
    return new Disclosure(checkNotNull(audience, "audience"), SmallNumberRule.hes());
  }

  public Audience audience() {
    return audience;
  }

  public SmallNumberRule rule() {
    return rule;
  }

  /** Whether figures are protected (any audience but the operator). */
  public boolean protects() {
    return audience != Audience.OPERATOR;
  }

  /** The published form of a table of counts or people (money goes through {@link #publishMoney}). */
  public PublishedTable publish(FigureTable table) {
    checkNotNull(table, "table");
    checkArgument(table.kind() != Measure.Kind.MONEY, "publish money with publishMoney");
    int rows = table.rowLabels().size();
    int columns = table.columnLabels().size();
    if (table.kind() == Measure.Kind.EVENTS) {
      Long[][] cells = new Long[rows + 1][columns + 1];
      if (!protects()) {
        fillWithTotals(table.values(), cells);
      } else {
        ProtectedCountTable protectedTable =
            CountTable.of(table.rowLabels(), table.columnLabels(), table.values()).protect(rule);
        for (int r = 0; r <= rows; r++) {
          for (int c = 0; c <= columns; c++) {
            String text = protectedTable.published(r, c);
            cells[r][c] = text.equals(SmallNumberRule.SUPPRESSED) ? null : Long.parseLong(text);
          }
        }
      }
      return new PublishedTable(table, cells, true, false);
    }
    Long[][] cells = new Long[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        cells[r][c] = publishCount(table.value(r, c));
      }
    }
    return new PublishedTable(table, cells, false, false);
  }

  /** One count published on its own: exact for the operator, else suppressed (null) or rounded. */
  public Long publishCount(long count) {
    if (!protects()) {
      return count;
    }
    return rule.isSmall(count) ? null : rule.round(count);
  }

  /**
   * The published form of a planned-spend table (pence), given the table of the people each cell covers (same
   * shape) and cells to suppress in any case ({@code alsoSuppress}, may be null). The operator's view has totals; a
   * protected view has none, so that no suppressed cell can be worked out from one.
   */
  public PublishedTable publishMoney(FigureTable pence, FigureTable people, boolean[][] alsoSuppress) {
    checkArgument(pence.kind() == Measure.Kind.MONEY && people.kind() == Measure.Kind.PEOPLE,
        "a money table and its people table");
    int rows = pence.rowLabels().size();
    int columns = pence.columnLabels().size();
    checkArgument(people.rowLabels().size() == rows && people.columnLabels().size() == columns,
        "the people table has another shape");
    if (!protects()) {
      Long[][] cells = new Long[rows + 1][columns + 1];
      fillWithTotals(pence.values(), cells);
      return new PublishedTable(pence, cells, true, false);
    }
    Long[][] cells = new Long[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        boolean suppress = rule.isSmall(people.value(r, c)) || (alsoSuppress != null && alsoSuppress[r][c]);
        cells[r][c] = suppress ? null : (pence.value(r, c) + 50) / 100 * 100;
      }
    }
    return new PublishedTable(pence, cells, false, true);
  }

  /** The body cells of a published table that are suppressed. */
  public static boolean[][] suppressedBody(PublishedTable table) {
    int rows = table.source().rowLabels().size();
    int columns = table.source().columnLabels().size();
    boolean[][] mask = new boolean[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        mask[r][c] = table.cell(r, c) == null;
      }
    }
    return mask;
  }

  private static void fillWithTotals(long[][] values, Long[][] cells) {
    int rows = values.length;
    int columns = values[0].length;
    long grand = 0;
    for (int r = 0; r < rows; r++) {
      long rowTotal = 0;
      for (int c = 0; c < columns; c++) {
        cells[r][c] = values[r][c];
        rowTotal += values[r][c];
      }
      cells[r][columns] = rowTotal;
      grand += rowTotal;
    }
    for (int c = 0; c < columns; c++) {
      long columnTotal = 0;
      for (int r = 0; r < rows; r++) {
        columnTotal += values[r][c];
      }
      cells[rows][c] = columnTotal;
    }
    cells[rows][columns] = grand;
  }
}
