package org.sdelink.linkage.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ascii;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link LinkRecord}s from source rows (column name to text) according to a model's {@link FieldSpec}s: it
 * picks each field's column for the row's source, trims, applies {@code valid_when}, {@code missing_values} and
 * case folding, and splits date fields into their parts. Serializable, so a Beam DoFn can hold it.
 */
public final class RecordReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<FieldSpec> fields;
  private final String idColumn;
  private final RecordLayout layout;

  private RecordReader(List<FieldSpec> fields, String idColumn) {
    this.fields = ImmutableList.copyOf(fields);
    this.idColumn = idColumn;
    List<String> names = new ArrayList<>();
    List<String> blooms = new ArrayList<>();
    for (FieldSpec field : fields) {
      names.addAll(field.layoutNames());
      if (field.type() == FieldType.BLOOM) {
        blooms.add(field.name());
      }
    }
    this.layout = RecordLayout.of(names, blooms);
  }

  /**
   * A reader of {@code fields}, taking the record id from {@code idColumn}.
   *
   * @throws IllegalArgumentException if two fields (or derived date parts) share a name
   */
  public static RecordReader create(List<FieldSpec> fields, String idColumn) {
    checkNotNull(fields, "fields");
    checkArgument(!Strings.isNullOrEmpty(idColumn), "the id column must be named");
    return new RecordReader(fields, idColumn);
  }

  public RecordLayout layout() {
    return layout;
  }

  public String idColumn() {
    return idColumn;
  }

  /**
   * The record of {@code row} from {@code source}.
   *
   * @throws IllegalArgumentException if the row lacks the id column or a field's column (names the column, never
   *     a value), or the id is blank
   */
  public LinkRecord read(String source, Map<String, String> row) {
    checkNotNull(source, "source");
    checkNotNull(row, "row");
    String id = row.get(idColumn);
    checkArgument(id != null, "a row from source '%s' has no id column '%s'", source, idColumn);
    checkArgument(!id.isBlank(), "a row from source '%s' has a blank '%s'", source, idColumn);
    @Nullable String[] values = new String[layout.size()];
    int position = 0;
    for (FieldSpec field : fields) {
      String value = readValue(field, source, row);
      if (field.type() == FieldType.DATE) {
        DateParts parts = DateParts.parse(value);
        values[position++] = parts == null ? null : parts.full();
        values[position++] = parts == null ? null : parts.swapped();
        values[position++] = parts == null ? null : parts.year();
        values[position++] = parts == null ? null : parts.month();
        values[position++] = parts == null ? null : parts.day();
      } else {
        values[position++] = value;
      }
    }
    return LinkRecord.create(layout, id, source, values);
  }

  private static @Nullable String readValue(FieldSpec field, String source, Map<String, String> row) {
    String column = field.columnFor(source);
    if (column.isEmpty()) {
      return null;
    }
    checkArgument(
        row.containsKey(column),
        "rows from source '%s' have no column '%s' (read by field '%s'); fix the model's fields or the input",
        source,
        column,
        field.name());
    String value = LinkRecord.blankToNull(row.get(column));
    if (value == null) {
      return null;
    }
    if (field.validWhen() != null) {
      String status = LinkRecord.blankToNull(row.get(field.validWhen().column()));
      if (status != null && field.validWhen().values().stream().noneMatch(status::equalsIgnoreCase)) {
        return null;
      }
    }
    if (field.caseInsensitive()) {
      value = Ascii.toUpperCase(value);
    }
    for (String missing : field.missingValues()) {
      if (missing.equalsIgnoreCase(value)) {
        return null;
      }
    }
    if (field.transform() != null) {
      value = LinkRecord.blankToNull(field.transform().apply(value));
      if (value == null) {
        return null;
      }
    }
    if (field.prefix() != null && value.length() > field.prefix()) {
      value = value.substring(0, field.prefix());
    }
    return value;
  }

  /**
   * The date fields of {@code row} whose text is present but not a readable date ({@code YYYY-MM-DD} or {@code
   * YYYYMMDD}, digits): such a date is read as missing, and callers count these to report them.
   */
  public List<String> unreadableDates(String source, Map<String, String> row) {
    List<String> unreadable = new ArrayList<>();
    for (FieldSpec field : fields) {
      if (field.type() == FieldType.DATE) {
        String value = readValue(field, source, row);
        if (value != null && DateParts.parse(value) == null) {
          unreadable.add(field.name());
        }
      }
    }
    return unreadable;
  }

  /** The fields read by this reader. */
  public ImmutableList<FieldSpec> fields() {
    return fields;
  }

  /** A clear date split into parts, as text; {@code swapped} is null when the day cannot be a month. */
  private record DateParts(String full, @Nullable String swapped, String year, String month, String day) {
    private static final ImmutableSet<Integer> DIGIT_LENGTHS = ImmutableSet.of(8, 10);

    static @Nullable DateParts parse(@Nullable String text) {
      if (text == null || !DIGIT_LENGTHS.contains(text.length())) {
        return null;
      }
      String year;
      String month;
      String day;
      if (text.length() == 8 && allDigits(text)) {
        year = text.substring(0, 4);
        month = text.substring(4, 6);
        day = text.substring(6, 8);
      } else if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        year = text.substring(0, 4);
        month = text.substring(5, 7);
        day = text.substring(8, 10);
        if (!allDigits(year + month + day)) {
          return null;
        }
      } else {
        return null;
      }
      String swapped = Integer.parseInt(day) <= 12 ? year + "-" + day + "-" + month : null;
      return new DateParts(year + "-" + month + "-" + day, swapped, year, month, day);
    }

    private static boolean allDigits(String text) {
      return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
  }
}
