package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A row that was not accepted: file, physical line, the column at fault (or "" for the whole row), a reason code and a
 * message. Neither ever holds the rejected value itself, which may be an identifier.
 */
public final class RejectedRow implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final List<String> COLUMNS = List.of("file", "line", "column", "reason", "message");

  private final String fileName;
  private final long line;
  private final String column;
  private final String reason;
  private final String message;
  private final String laCode;

  private RejectedRow(String fileName, long line, String column, String reason, String message, String laCode) {
    this.fileName = fileName;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.message = message;
    this.laCode = laCode;
  }

  public static RejectedRow of(String fileName, long line, String column, String reason, String message) {
    return new RejectedRow(
        checkNotNull(fileName), line, checkNotNull(column), checkNotNull(reason), checkNotNull(message), "");
  }

  /** The same rejection, tagged with the council it came from (for per-council counts); "" when unknown. */
  public RejectedRow withLaCode(String la) {
    return new RejectedRow(fileName, line, column, reason, message, la == null ? "" : la);
  }

  public String fileName() {
    return fileName;
  }

  public long line() {
    return line;
  }

  public String column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  public String message() {
    return message;
  }

  public String laCode() {
    return laCode;
  }

  public List<String> csvValues() {
    return List.of(fileName, Long.toString(line), column, reason, message);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RejectedRow)) {
      return false;
    }
    RejectedRow r = (RejectedRow) o;
    return line == r.line && fileName.equals(r.fileName) && column.equals(r.column) && reason.equals(r.reason)
        && message.equals(r.message) && laCode.equals(r.laCode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, line, column, reason, message, laCode);
  }

  @Override
  public String toString() {
    return fileName + ":" + line + " " + column + " " + reason;
  }
}
