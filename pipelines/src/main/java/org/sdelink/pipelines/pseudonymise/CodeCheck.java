package org.sdelink.pipelines.pseudonymise;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.SourceRow;

/**
 * The unknown-code rule of the pseudonymise stage: a filled value of a coded column that the operator's code lists do
 * not hold is kept (the row is accepted as it is) and counted per file, per column and per council. Only the column
 * name is recorded, never the value. Without code lists nothing is checked and the report says so.
 */
public final class CodeCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  private final InputSource source;
  private final CodeLists lists;
  private final ImmutableList<String> columns;

  private CodeCheck(InputSource source, CodeLists lists) {
    this.source = source;
    this.lists = lists;
    this.columns = lists.checkedColumns(source).asList();
  }

  public static CodeCheck of(InputSource source, CodeLists lists) {
    return new CodeCheck(checkNotNull(source, "source"), checkNotNull(lists, "lists"));
  }

  /** Checks nothing. */
  public static CodeCheck none(InputSource source) {
    return of(source, CodeLists.none());
  }

  /** Whether any column is checked. */
  public boolean checks() {
    return !columns.isEmpty();
  }

  /** The checked columns, in contract order. */
  public ImmutableList<String> checkedColumns() {
    return columns;
  }

  /** Identifies the lists in the stage's settings (a rerun with other lists is not up to date). */
  public String fingerprint() {
    return lists.fingerprint();
  }

  /** The checked columns of {@code row} whose filled value is not a permitted code, in contract order. */
  public List<String> unknownColumns(SourceRow row) {
    if (columns.isEmpty()) {
      return List.of();
    }
    List<String> unknown = new ArrayList<>(2);
    for (String column : columns) {
      if (!lists.permits(source, column, row.get(column))) {
        unknown.add(column);
      }
    }
    return unknown;
  }
}
