package org.sdelink.pipelines.io;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sdelink.pipelines.contract.InputSource;

/**
 * Whether a header cell that is not in the contract may be quoted in an error message. The cell may be data (a
 * file without its header row, or a name typed into the header): issue 15 saw {@code Patricia_Griffin} quoted. So
 * a cell is quoted only when it has the shape of a column name (words joined by underscores, at most 60 characters,
 * nothing that looks like a date, postcode, long number or e-mail) and every word is a known column word: a word of
 * either contract's column names, a word of the common data-dictionary vocabulary below, or a number. A person's
 * name is made of words outside that vocabulary, so it is never quoted; the message gives the cell's position.
 */
final class QuotableHeaderCell {
  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+");
  private static final Pattern DATA_LIKE = Pattern.compile(
      "\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2}|@|\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
  /** Words of column names in data dictionaries beyond the contracts' own (lower case). */
  private static final ImmutableSet<String> COMMON_WORDS = ImmutableSet.of(
      "patient", "name", "names", "surname", "forename", "given", "family", "middle", "title", "address", "addr",
      "line", "town", "city", "county", "phone", "telephone", "mobile", "email", "nhs", "no", "number", "num", "id",
      "identifier", "ref", "reference", "code", "codes", "date", "dob", "birth", "death", "age", "sex", "gender",
      "type", "status", "flag", "extra", "column", "col", "field", "notes", "note", "comment", "comments", "free",
      "text", "description", "desc", "value", "amount", "total", "count", "hospital", "ward", "consultant",
      "practice", "gp", "diag", "opertn", "oper", "procedure", "spell", "episode", "admission", "discharge", "local",
      "authority", "la", "client", "person", "unique", "record", "row", "key", "hes", "sus", "cld", "apc", "year",
      "month", "day", "start", "end", "period", "care", "service", "cost", "unit", "units", "hours", "hrs", "week",
      "per", "of", "the", "and", "in", "to", "for", "by", "on", "at", "new", "old", "main", "other");
  private static final ImmutableSet<String> WORDS = contractAndCommonWords();

  private QuotableHeaderCell() {}

  /** Whether {@code cell} may be quoted: a column-name shape made only of known column words. */
  static boolean isQuotable(String cell) {
    String trimmed = cell.strip();
    if (trimmed.length() > 60 || !COLUMN_NAME.matcher(trimmed).matches()
        || DATA_LIKE.matcher(trimmed.toUpperCase(Locale.ROOT)).find()) {
      return false;
    }
    for (String word : trimmed.toLowerCase(Locale.ROOT).split("_")) {
      if (!WORDS.contains(word) && !NUMBER.matcher(word).matches()) {
        return false;
      }
    }
    return true;
  }

  private static ImmutableSet<String> contractAndCommonWords() {
    ImmutableSet.Builder<String> words = ImmutableSet.<String>builder().addAll(COMMON_WORDS);
    for (InputSource source : InputSource.values()) {
      for (String column : source.columns()) {
        for (String word : column.toLowerCase(Locale.ROOT).split("_")) {
          if (!NUMBER.matcher(word).matches()) {
            words.add(word);
          }
        }
      }
    }
    return words.build();
  }
}
