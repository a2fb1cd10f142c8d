package org.sdelink.pipelines.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw identifiers of some input files (NHS numbers, names, postcodes, dates of birth, council-local person ids),
 * and a scan of free text (a log, an exception message, a report) for any of them in any common written form. Names
 * are matched as whole words, so the inputs should carry distinctive names (see {@link LeakProbe}) for the scan of
 * prose to be free of false alarms.
 */
final class RawIdentifiers {
  private static final Pattern NHS = Pattern.compile("(?<!\\d)(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern POSTCODE =
      Pattern.compile("(?i)(?<![A-Z0-9])([A-Z]{1,2}\\d[A-Z\\d]?)[ \\t]*(\\d[A-Z]{2})(?![A-Z0-9])");
  private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4})(?!\\d)");
  private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9]+");

  final Set<String> nhsNumbers = new HashSet<>();
  final Set<String> names = new HashSet<>();
  final Set<String> postcodes = new HashSet<>();
  final Set<String> datesOfBirth = new HashSet<>();
  final Set<String> localIds = new HashSet<>();

  /** The identifiers of a CLD file and an APC file in the input contracts. */
  static RawIdentifiers fromInputs(Path cld, Path apc) throws Exception {
    RawIdentifiers ids = new RawIdentifiers();
    for (Map<String, String> row : FlowFixture.readCsv(cld)) {
      ids.addNhs(row.get("NHS_Number"));
      ids.addName(row.get("First_Name"));
      ids.addName(row.get("Last_Name"));
      ids.addPostcode(row.get("Postcode"));
      ids.addDate(row.get("Date_of_Birth"));
      ids.addLocalId(row.get("LA_Person_Unique_Identifier"));
    }
    for (Map<String, String> row : FlowFixture.readCsv(apc)) {
      ids.addNhs(row.get("NEWNHSNO"));
      ids.addPostcode(row.get("HOMEADD"));
      ids.addDate(row.get("DOB"));
    }
    return ids;
  }

  /** Adds loose values of any kind: each is tried as an NHS number, postcode, date, name and local id. */
  RawIdentifiers addAny(Iterable<String> values) {
    for (String value : values) {
      String digits = value.replaceAll("[^0-9]", "");
      if (digits.length() == 10 && value.matches("[0-9 -]+")) {
        addNhs(value);
      } else if (DATE.matcher(value).matches()) {
        addDate(value);
      } else if (POSTCODE.matcher(value).matches()) {
        addPostcode(value);
      } else if (value.matches("\\p{L}+")) {
        addName(value);
      } else {
        addLocalId(value);
      }
    }
    return this;
  }

  String counts() {
    return nhsNumbers.size() + " NHS numbers, " + names.size() + " names, " + postcodes.size() + " postcodes, "
        + datesOfBirth.size() + " dates of birth, " + localIds.size() + " local ids";
  }

  private void addNhs(String raw) {
    String digits = raw == null ? "" : raw.replaceAll("[^0-9]", "");
    if (digits.length() == 10) {
      nhsNumbers.add(digits);
    }
  }

  private void addName(String raw) {
    if (raw == null) {
      return;
    }
    Matcher words = WORD.matcher(raw);
    while (words.find()) {
      if (words.group().length() >= 3) {
        names.add(words.group().toUpperCase(Locale.ROOT));
      }
    }
  }

  private void addPostcode(String raw) {
    if (raw != null && !raw.isBlank()) {
      String compact = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      if (compact.length() >= 5) {
        postcodes.add(compact);
      }
    }
  }

  private void addDate(String raw) {
    if (raw == null || raw.isBlank()) {
      return;
    }
    String value = raw.trim();
    if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
      datesOfBirth.add(value);
      value = value.substring(6) + "-" + value.substring(3, 5) + "-" + value.substring(0, 2);
    }
    if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      datesOfBirth.add(value);
      datesOfBirth.add(value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4));
    }
  }

  private void addLocalId(String raw) {
    if (raw != null && raw.trim().length() >= 4) {
      localIds.add(raw.trim());
    }
  }

  /** Every place in {@code text} where an identifier appears; {@code where} names the text in each hit. */
  List<String> find(String where, String text) {
    return find(where, text, 0);
  }

  /** As {@link #find(String, String)}, but local ids shorter than {@code minLocalIdLength} are not looked for. */
  List<String> find(String where, String text, int minLocalIdLength) {
    List<String> hits = new ArrayList<>();
    Matcher nhs = NHS.matcher(text);
    // Also as digits separated by any spaces or hyphens (943 476 5919, 943-476-5919).
    while (nhs.find()) {
      if (nhsNumbers.contains(nhs.group(1) + nhs.group(2) + nhs.group(3))) {
        hits.add(where + ": an NHS number at " + nhs.start());
      }
    }
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      if (names.contains(word.group().toUpperCase(Locale.ROOT))) {
        hits.add(where + ": a name at " + word.start());
      }
    }
    Matcher postcode = POSTCODE.matcher(text);
    while (postcode.find()) {
      if (postcodes.contains((postcode.group(1) + postcode.group(2)).toUpperCase(Locale.ROOT))) {
        hits.add(where + ": a postcode at " + postcode.start());
      }
    }
    Matcher date = DATE.matcher(text);
    while (date.find()) {
      if (datesOfBirth.contains(date.group(1))) {
        hits.add(where + ": a date of birth at " + date.start());
      }
    }
    Matcher local = LOCAL_ID.matcher(text);
    while (local.find()) {
      if (local.group().length() >= minLocalIdLength && localIds.contains(local.group())) {
        hits.add(where + ": a council-local person id at " + local.start());
      }
    }
    return hits;
  }
}
