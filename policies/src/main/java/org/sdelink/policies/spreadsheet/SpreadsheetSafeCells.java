package org.sdelink.policies.spreadsheet;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OWASP "CSV injection" rule for every CSV file a person may open in a spreadsheet (a release, a dashboard's
 * downloads): a text cell that a spreadsheet would read as a formula gets a single quote {@code '} in front, so it
 * shows as text and never runs. Only human-facing writers apply it; files that sdelink reads back keep exact values,
 * and Parquet copies hold the true values ({@link #restore} undoes the rule exactly).
 *
 * <p>The rule, precisely: a cell is neutralised (one {@code '} put in front) when it begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return (OWASP's list) and is not a plain number, or when it already
 * begins with {@code '} (so that removing one leading {@code '} always gives the true value back). A plain number is
 * an optional sign, digits with at most one decimal point, and an optional exponent ({@code -3}, {@code -0.5},
 * {@code +1e5}): it is data, and a spreadsheet reads it as that number, so it is left as it is. The CSV writer then
 * quotes the cell as usual (RFC 4180).
 */
public final class SpreadsheetSafeCells {
  /** The character put in front of a neutralised cell. */
  public static final char PREFIX = '\'';

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private SpreadsheetSafeCells() {}

  /** Whether a spreadsheet could read {@code cell} as a formula (or it begins with the prefix itself). */
  public static boolean needsPrefix(String cell) {
    checkNotNull(cell, "cell");
    if (cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    if (first == PREFIX) {
      return true;
    }
    boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r';
    return formulaStart && !PLAIN_NUMBER.matcher(cell).matches();
  }

  /** {@code cell} as it is written to a human-facing CSV file; {@code null} stays {@code null}. */
  public static String neutralise(String cell) {
    return cell != null && needsPrefix(cell) ? PREFIX + cell : cell;
  }

  /** Every cell of {@code cells} neutralised, in order (a new list; nulls stay nulls). */
  public static List<String> neutralise(List<String> cells) {
    checkNotNull(cells, "cells");
    List<String> out = new ArrayList<>(cells.size());
    for (String cell : cells) {
      out.add(neutralise(cell));
    }
    return out;
  }

  /** The true value of a cell read from a human-facing CSV file: one leading {@code '} removed, if present. */
  public static String restore(String cell) {
    checkNotNull(cell, "cell");
    return !cell.isEmpty() && cell.charAt(0) == PREFIX ? cell.substring(1) : cell;
  }
}
