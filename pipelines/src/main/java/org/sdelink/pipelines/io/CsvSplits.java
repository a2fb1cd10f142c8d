package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte ranges of an RFC 4180 CSV file that each start at a record and end after one, so that several readers can parse
 * one file at once. It scans the bytes once, tracking whether it is inside a quoted field (a quote inside a quoted
 * field is written doubled, so the state simply flips at every quote): a line break outside quotes ends a record.
 * Meant for the files sdelink writes itself ({@link CsvLines}), whose quotes follow RFC 4180 strictly.
 */
public final class CsvSplits {
  /** A range [start, end) of whole records. */
  public record Range(long start, long end) {
    public Range {
      checkArgument(0 <= start && start <= end, "bad range %s..%s", start, end);
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long NEWLINES = ONES * '\n';

  private CsvSplits() {}

  /** Whether one of the eight bytes of {@code word} is a quote or a line feed (a zero byte after the XOR). */
  private static boolean holdsQuoteOrNewline(long word) {
    return (hasZeroByte(word ^ QUOTES) | hasZeroByte(word ^ NEWLINES)) != 0;
  }

  private static long hasZeroByte(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  /**
   * The ranges of records after the header, each at least {@code targetBytes} long except the last; an empty list
   * when the file holds a header only.
   */
  public static List<Range> of(InputStream in, long targetBytes) throws IOException {
    checkArgument(targetBytes > 0, "targetBytes must be positive");
    List<Range> ranges = new ArrayList<>();
    byte[] buffer = new byte[1 << 20];
    boolean quoted = false;
    long position = 0;
    long start = -1;
    int read;
    while ((read = in.read(buffer)) != -1) {
      for (int i = 0; i < read; i++) {
        // Eight bytes at a time while none is a quote or a line break (most of a file): only those change anything.
        while (i + Long.BYTES <= read && !holdsQuoteOrNewline((long) LONGS.get(buffer, i))) {
          i += Long.BYTES;
        }
        if (i == read) {
          break;
        }
        byte b = buffer[i];
        if (b == '"') {
          quoted = !quoted;
        } else if (b == '\n' && !quoted) {
          long next = position + i + 1;
          if (start < 0) {
            start = next;
          } else if (next - start >= targetBytes) {
            ranges.add(new Range(start, next));
            start = next;
          }
        }
      }
      position += read;
    }
    if (start >= 0 && position > start) {
      ranges.add(new Range(start, position));
    }
    return ranges;
  }
}
