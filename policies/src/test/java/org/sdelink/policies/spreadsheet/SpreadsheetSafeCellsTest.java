package org.sdelink.policies.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeCellsTest {
  @Test
  void formulaCellsGetAQuoteInFront() {
    // The issue's probes: a HYPERLINK formula in Event_Outcome, DDE in Service_Component, @ as an LA code.
    assertEquals("'=HYPERLINK(\"http://x\",\"y\")", SpreadsheetSafeCells.neutralise("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("'+cmd|' /C calc'!A0", SpreadsheetSafeCells.neutralise("+cmd|' /C calc'!A0"));
    assertEquals("'@SUM(1+1)", SpreadsheetSafeCells.neutralise("@SUM(1+1)"));
    assertEquals("'-2+3+cmd|' /C calc'!A0", SpreadsheetSafeCells.neutralise("-2+3+cmd|' /C calc'!A0"));
    assertEquals("'\t=1+1", SpreadsheetSafeCells.neutralise("\t=1+1"));
    assertEquals("'\r=1+1", SpreadsheetSafeCells.neutralise("\r=1+1"));
    // A pseudonym may begin with '-' (base64url): text, so neutralised like any other.
    assertEquals("'-BAYaiDd_7Xtv2oOQh25jg", SpreadsheetSafeCells.neutralise("-BAYaiDd_7Xtv2oOQh25jg"));
    assertEquals("'-", SpreadsheetSafeCells.neutralise("-"));
  }

  @Test
  void plainNumbersAreDataAndStayAsTheyAre() {
    for (String number : List.of("-3", "-0.5", "+1", "-.5", "-3.", "+1e5", "-2.5E-3", "0", "42", "3.14")) {
      assertFalse(SpreadsheetSafeCells.needsPrefix(number), number);
      assertEquals(number, SpreadsheetSafeCells.neutralise(number));
    }
    for (String notNumber : List.of("-3-1", "-1e", "--1", "-1,5", "- 1", "-0x1F", "-Infinity", "-NaN", "+")) {
      assertTrue(SpreadsheetSafeCells.needsPrefix(notNumber), notNumber);
    }
  }

  @Test
  void ordinaryTextIsUntouched() {
    for (String text : List.of("", "E08000025", "Home Support", "a=b", "1+1", " =1", "x@y", "NFA - Deceased")) {
      assertEquals(text, SpreadsheetSafeCells.neutralise(text), text);
    }
  }

  @Test
  void restoreUndoesTheRuleExactly() {
    for (String value : List.of("", "'", "''", "'=1", "=1", "-3", "-x", "'-x", "text", "@", "\t", "'''=")) {
      String written = SpreadsheetSafeCells.neutralise(value);
      assertEquals(value, SpreadsheetSafeCells.restore(written), value);
      // What a spreadsheet sees never begins with a formula character unless it is a plain number.
      assertFalse(SpreadsheetSafeCells.needsPrefix(written) && !written.startsWith("'"), written);
    }
    assertEquals(Arrays.asList("'=1", null, "-2"), SpreadsheetSafeCells.neutralise(Arrays.asList("=1", null, "-2")));
  }
}
