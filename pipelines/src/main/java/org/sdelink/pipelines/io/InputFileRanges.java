package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Byte ranges of an input file (as councils and hospitals send it) that several readers can parse at once, each
 * starting at a data record and knowing the line and data-row number its first record has, so that rows, lines and
 * record ids come out exactly as one reader of the whole file gives them. One scan of the bytes checks that the file
 * is strictly RFC 4180 (a quote opens a field or closes it before a comma or line break; {@code ""} inside quotes;
 * LF or CRLF line breaks; no quote left open; a header of more than one column); for any other file the answer is
 * empty and the file is read whole by one reader, whose parser then decides, as before, what is unreadable.
 */
public final class InputFileRanges {
  /**
   * A range [start, end) of whole records; {@code firstLine} is the line number of its first record (counting every
   * line break before it, those inside quotes too) and {@code rowsBefore} the data rows before it (blank lines are
   * not rows).
   */
  public record Range(long start, long end, long firstLine, long rowsBefore) implements Serializable {
    public Range {
      checkArgument(0 <= start && start <= end && firstLine >= 1 && rowsBefore >= 0, "bad range");
    }
  }

  private InputFileRanges() {}

  /**
   * The ranges of the data records of {@code in}, each at least {@code targetBytes} long except the last (none when
   * the file holds a header only), or empty when the file is not strictly RFC 4180.
   */
  public static Optional<List<Range>> of(InputStream in, long targetBytes) throws IOException {
    checkArgument(targetBytes > 0, "targetBytes must be positive");
    return new Scanner(targetBytes).scan(in);
  }

  private static final class Scanner {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote inside a quoted field: the field's end, or the first of a doubled quote. */
    private static final int QUOTE_IN_QUOTED = 3;

    private final long targetBytes;
    private final List<Range> ranges = new ArrayList<>();
    private int state = FIELD_START;
    private boolean afterCr;
    private long lineBreaks;
    private long rows;
    private boolean header = true;
    private int headerFields = 1;
    private long recordBytes;
    private boolean quotesOnly = true;
    private long start = -1;
    private long startLine;
    private long startRows;

    Scanner(long targetBytes) {
      this.targetBytes = targetBytes;
    }

    Optional<List<Range>> scan(InputStream in) throws IOException {
      byte[] buffer = new byte[1 << 20];
      long position = 0;
      int read;
      boolean bom = true;
      while ((read = in.read(buffer)) != -1) {
        int from = 0;
        if (bom) {
          // A UTF-8 byte-order mark before the header is skipped, as the reader skips it.
          if (position == 0 && read >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
              && (buffer[2] & 0xFF) == 0xBF) {
            from = 3;
          }
          bom = false;
        }
        for (int i = from; i < read; i++) {
          if (!accept(buffer[i], position + i)) {
            return Optional.empty();
          }
        }
        position += read;
      }
      if (afterCr || state == QUOTED || header || headerFields < 2) {
        return Optional.empty();
      }
      if (recordBytes > 0) {
        endRecord(position);
      }
      if (start >= 0 && position > start) {
        ranges.add(new Range(start, position, startLine + 1, startRows));
      }
      return Optional.of(List.copyOf(ranges));
    }

    /** Takes one byte at {@code at}; false when the file breaks the strict form. */
    private boolean accept(byte b, long at) {
      if (afterCr) {
        if (b != '\n') {
          return false; // a lone CR: the parser would count it as a line break; leave such files to it
        }
        afterCr = false;
        lineBreaks++;
        if (state != QUOTED) {
          endRecord(at + 1);
        }
        return true;
      }
      switch (state) {
        case QUOTED -> {
          if (b == '"') {
            state = QUOTE_IN_QUOTED;
          } else if (b == '\n') {
            lineBreaks++;
          } else if (b == '\r') {
            afterCr = true;
          }
          recordBytes++;
          quotesOnly &= b == '"';
          return true;
        }
        case QUOTE_IN_QUOTED -> {
          if (b == '"') {
            state = QUOTED;
            recordBytes++;
            quotesOnly = false;
            return true;
          }
          state = UNQUOTED; // the field has ended: only a comma or a line break may follow
          if (b != ',' && b != '\n' && b != '\r') {
            return false;
          }
          return separator(b, at);
        }
        default -> {
          if (b == ',' || b == '\n' || b == '\r') {
            return separator(b, at);
          }
          if (b == '"') {
            if (state != FIELD_START) {
              return false; // a quote inside an unquoted field
            }
            state = QUOTED;
          } else {
            state = UNQUOTED;
            quotesOnly = false;
          }
          recordBytes++;
          return true;
        }
      }
    }

    private boolean separator(byte b, long at) {
      if (b == ',') {
        state = FIELD_START;
        recordBytes++;
        quotesOnly = false;
        if (header) {
          headerFields++;
        }
      } else if (b == '\r') {
        afterCr = true;
      } else {
        lineBreaks++;
        endRecord(at + 1);
      }
      return true;
    }

    /** A record (outside quotes) has ended; {@code next} is the position after its line break. */
    private void endRecord(long next) {
      boolean blank = recordBytes == 0 || (recordBytes == 2 && quotesOnly);
      state = FIELD_START;
      recordBytes = 0;
      quotesOnly = true;
      if (header) {
        header = false;
        start = next;
        startLine = lineBreaks;
        startRows = 0;
        return;
      }
      if (!blank) {
        rows++;
      }
      if (next - start >= targetBytes) {
        ranges.add(new Range(start, next, startLine + 1, startRows));
        start = next;
        startLine = lineBreaks;
        startRows = rows;
      }
    }
  }
}
