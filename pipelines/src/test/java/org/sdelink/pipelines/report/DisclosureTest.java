package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureTest {
  private static final Disclosure OPERATOR = Disclosure.forAudience(Audience.OPERATOR);
  private static final Disclosure COUNCILS = Disclosure.forAudience(Audience.COUNCILS);

  private static FigureTable events(long[][] values) {
    return FigureTable.of("t", "T", "month", List.of("2024-04", "2024-05"), List.of("a", "b"), values,
        Measure.Kind.EVENTS);
  }

  @Test
  void theOperatorSeesExactFiguresWithTotals() {
    PublishedTable table = OPERATOR.publish(events(new long[][] {{3, 40}, {0, 12}}));
    assertEquals(List.of("a", "b", Disclosure.TOTAL), table.columnLabels());
    assertEquals(3L, table.cell(0, 0));
    assertEquals(43L, table.cell(0, 2));
    assertEquals(55L, table.cell(2, 2));
    assertEquals("month,a,b,Total\n2024-04,3,40,43\n2024-05,0,12,12\nTotal,3,52,55\n", table.csv());
    assertEquals(0, table.suppressedCells());
  }

  @Test
  void councilsGetTheHesRuleAndNoSmallCountCanBeWorkedOutFromATotal() {
    PublishedTable table = COUNCILS.publish(events(new long[][] {{3, 40}, {0, 12}}));
    assertNull(table.cell(0, 0), "3 is suppressed");
    assertEquals(55L, table.cell(2, 2), "the grand total is rounded to 5 and shown");
    // Row 2024-04 and column a both hold the suppressed 3: each needs a second unknown cell.
    int unknownInRow = 0;
    int unknownInColumn = 0;
    for (int c = 0; c < 3; c++) {
      unknownInRow += table.cell(0, c) == null ? 1 : 0;
    }
    for (int r = 0; r < 3; r++) {
      unknownInColumn += table.cell(r, 0) == null ? 1 : 0;
    }
    assertTrue(unknownInRow >= 2 && unknownInColumn >= 2, table.csv());
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        Long v = table.cell(r, c);
        assertTrue(v == null || v % 5 == 0, "rounded to 5: " + v);
      }
    }
    assertTrue(table.csv().contains("*"));
  }

  @Test
  void peopleAreProtectedCellByCell() {
    FigureTable people = FigureTable.of("p", "P", "month", List.of("2024-04"), List.of("x", "y", "z", "w"),
        new long[][] {{0, 7, 8, 12}}, Measure.Kind.PEOPLE);
    PublishedTable published = COUNCILS.publish(people);
    assertFalse(published.hasTotals());
    assertEquals("month,x,y,z,w\n2024-04,0,*,10,10\n", published.csv());
    assertEquals("month,x,y,z,w\n2024-04,0,7,8,12\n", OPERATOR.publish(people).csv());
    assertNull(COUNCILS.publishCount(1));
    assertEquals(10L, COUNCILS.publishCount(8));
    assertEquals(1L, OPERATOR.publishCount(1));
  }

  @Test
  void spendIsSuppressedWhereItCoversFewPeopleAndHasNoTotalsForCouncils() {
    FigureTable pence = FigureTable.of("s", "S", "month", List.of("2024-04"), List.of("x", "y", "z"),
        new long[][] {{123_456, 99_949, 5_000_00}}, Measure.Kind.MONEY);
    FigureTable people = FigureTable.of("s-people", "P", "month", List.of("2024-04"), List.of("x", "y", "z"),
        new long[][] {{3, 20, 40}}, Measure.Kind.PEOPLE);
    PublishedTable councils = COUNCILS.publishMoney(pence, people, new boolean[][] {{false, false, true}});
    assertEquals(List.of("x", "y", "z"), councils.columnLabels());
    assertEquals("month,x,y,z\n2024-04,*,999,*\n", councils.csv());
    assertEquals("£999", councils.displayText(0, 1));
    assertTrue(Disclosure.suppressedBody(councils)[0][0]);
    PublishedTable operator = OPERATOR.publishMoney(pence, people, null);
    assertEquals("month,x,y,z,Total\n2024-04,1234.56,999.49,5000.00,7234.05\nTotal,1234.56,999.49,5000.00,7234.05\n",
        operator.csv());
    assertEquals(1234.56, operator.chartValue(0, 0));
  }

  @Test
  void aOneColumnTableHasNoSeparateTotalColumn() {
    FigureTable single = FigureTable.of("one", "One", "reason", List.of("a", "b"), List.of("n"),
        new long[][] {{20}, {30}}, Measure.Kind.EVENTS);
    assertEquals("reason,n\na,20\nb,30\nTotal,50\n", OPERATOR.publish(single).csv());
  }
}
