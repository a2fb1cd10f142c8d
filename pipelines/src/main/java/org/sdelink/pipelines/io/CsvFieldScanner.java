package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads chosen fields of the RFC 4180 records of a file sdelink wrote ({@link CsvLines}) straight from its UTF-8 bytes:
 * fields not asked for are skipped without being decoded, so reading 24 of a records file's 78 columns costs a scan of
 * the bytes instead of a string per field (what a general CSV parser builds). The values are those commons-csv's
 * {@code CSVFormat.RFC4180} gives: a quoted field unquoted with doubled quotes halved, a quote inside an unquoted
 * field kept as written, a record ended by LF, CR or CR LF outside quotes. The delimiter, quote and line breaks are
 * ASCII, so they never occur inside a multi-byte UTF-8 character. A quoted field followed by anything but a delimiter
 * or line break, or a record with too few fields, is an error naming the byte offset (never a value).
 */
final class CsvFieldScanner {
  private final InputStream in;
  private final String source;
  private final int[] slotOfField;
  private final int wanted;
  /** For a field asked for at several positions: the first position each later one copies, else -1. */
  private final int[] copyOf;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long offset;
  private byte[] field = new byte[256];

  /**
   * Reads the records of {@code in} (the bytes of {@code source} from byte {@code startOffset}), giving for each the
   * fields at {@code indexes} (0-based, in that order).
   */
  CsvFieldScanner(InputStream in, String source, long startOffset, int[] indexes) {
    this.in = checkNotNull(in, "in");
    this.source = checkNotNull(source, "source");
    checkArgument(indexes.length > 0, "at least one field");
    int max = Arrays.stream(indexes).max().getAsInt();
    checkArgument(Arrays.stream(indexes).allMatch(i -> i >= 0), "field indexes are 0 or more");
    this.slotOfField = new int[max + 1];
    Arrays.fill(slotOfField, -1);
    this.copyOf = new int[indexes.length];
    for (int slot = 0; slot < indexes.length; slot++) {
      copyOf[slot] = slotOfField[indexes[slot]];
      if (slotOfField[indexes[slot]] < 0) {
        slotOfField[indexes[slot]] = slot;
      }
    }
    this.wanted = indexes.length;
    this.offset = startOffset;
  }

  /** The chosen fields of the next record, or null at the end. */
  @Nullable List<String> next() throws IOException {
    int b = read();
    if (b < 0) {
      return null;
    }
    long recordStart = offset - 1;
    String[] values = new String[wanted];
    int index = 0;
    while (true) {
      boolean keep = index < slotOfField.length && slotOfField[index] >= 0;
      int length = 0;
      int end;
      if (b == '"') {
        while (true) {
          int c = read();
          if (c < 0) {
            throw new IOException("file " + source + ": a quoted field starting in the record at byte " + recordStart
                + " is not closed before the end of the file");
          }
          if (c == '"') {
            int d = read();
            if (d == '"') {
              length = append(keep, length, d);
              continue;
            }
            end = d;
            break;
          }
          length = append(keep, length, c);
        }
        if (end >= 0 && end != ',' && end != '\n' && end != '\r') {
          throw new IOException("file " + source + ": the record at byte " + recordStart
              + " has a character between a closing quote and the next delimiter");
        }
      } else {
        int c = b;
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          length = append(keep, length, c);
          c = read();
        }
        end = c;
      }
      if (keep) {
        values[slotOfField[index]] = new String(field, 0, length, StandardCharsets.UTF_8);
      }
      index++;
      if (end == ',') {
        b = read();
        if (b < 0 || b == '\n' || b == '\r') {
          // A trailing delimiter: the record ends with an empty field.
          if (index < slotOfField.length && slotOfField[index] >= 0) {
            values[slotOfField[index]] = "";
          }
          index++;
          end = b;
        } else {
          continue;
        }
      }
      if (end == '\r' && peek() == '\n') {
        read();
      }
      break;
    }
    if (index < slotOfField.length) {
      throw new IOException("file " + source + ": the record at byte " + recordStart + " has " + index
          + " fields, fewer than the header's columns read");
    }
    for (int slot = 0; slot < wanted; slot++) {
      if (copyOf[slot] >= 0) {
        values[slot] = values[copyOf[slot]];
      }
    }
    return new ArrayList<>(Arrays.asList(values));
  }

  private int append(boolean keep, int length, int c) {
    if (!keep) {
      return length;
    }
    if (length == field.length) {
      field = Arrays.copyOf(field, field.length * 2);
    }
    field[length] = (byte) c;
    return length + 1;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    offset++;
    return buffer[position++] & 0xff;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xff;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    while (n == 0) {
      n = in.read(buffer);
    }
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
