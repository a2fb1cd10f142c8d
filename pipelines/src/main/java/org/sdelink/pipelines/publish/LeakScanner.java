package org.sdelink.pipelines.publish;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;
import org.sdelink.pseudonymisation.postcode.Postcode;

/**
 * The last check before a release is written: every released value is tested for what must never leave the operator
 * zone. A hit names the dataset, column and kind of leak (never the value) and stops the release.
 *
 * <ul>
 *   <li>a valid NHS number (10 digits passing the modulus-11 check, spaces or hyphens allowed);
 *   <li>a full, valid UK postcode (a district alone is allowed);
 *   <li>a level-1 person id ({@code P} + 16 hex) or a keyed token (22 base64url characters) in any column other
 *       than the level-2 {@code person_id}, and the person's own level-1 values anywhere;
 *   <li>a full date in the {@code persons} dataset, where the only dates are person-level (birth, death).
 * </ul>
 */
public final class LeakScanner implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern LEVEL1_PERSON_ID = Pattern.compile("P[0-9a-f]{16}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern NHS_SHAPE = Pattern.compile("[0-9][0-9 -]{8,14}[0-9]");
  private static final Pattern POSTCODE_SHAPE = Pattern.compile("[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}");
  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4}");

  /** What leaked, for the error message: never the value itself. */
  public record Leak(String dataset, String column, String kind) {
    public String message() {
      return "release stopped: dataset " + dataset + ", column " + column + " holds " + kind
          + "; check the policy's action for this column (docs/ig-guide.md) and run publish again";
    }
  }

  /** Scans one released row; {@code level1Values} are the person's operator-side ids and tokens. */
  public Optional<Leak> scan(String dataset, Map<String, String> released, Iterable<String> level1Values) {
    for (Map.Entry<String, String> cell : released.entrySet()) {
      String column = cell.getKey();
      String value = cell.getValue() == null ? "" : cell.getValue().trim();
      if (value.isEmpty()) {
        continue;
      }
      for (String level1 : level1Values) {
        if (!level1.isEmpty() && value.contains(level1)) {
          return Optional.of(new Leak(dataset, column, "a level-1 (operator-zone) id or token"));
        }
      }
      // Each shape has a fixed length range: the length is checked first (the scan sees every released value).
      int length = value.length();
      if (length == 17 && value.charAt(0) == 'P' && LEVEL1_PERSON_ID.matcher(value).matches()) {
        return Optional.of(new Leak(dataset, column, "a level-1 person id"));
      }
      if (length == 22 && !column.equals("person_id") && TOKEN.matcher(value).matches() && hasLetterAndDigit(value)) {
        return Optional.of(new Leak(dataset, column, "a value shaped like a keyed token"));
      }
      if (length >= 10 && length <= 16 && isDigit(value.charAt(0)) && isDigit(value.charAt(length - 1))
          && NHS_SHAPE.matcher(value).matches() && NhsNumber.validate(value).isUsable()) {
        return Optional.of(new Leak(dataset, column, "a valid NHS number"));
      }
      if (length >= 5 && length <= 8 && POSTCODE_SHAPE.matcher(value).matches()
          && Postcode.validate(value).isUsable()) {
        return Optional.of(new Leak(dataset, column, "a full postcode"));
      }
      if (length >= 10 && dataset.equals("persons") && FULL_DATE.matcher(value).find()) {
        return Optional.of(new Leak(dataset, column, "a full date in a person-level column"));
      }
    }
    return Optional.empty();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean hasLetterAndDigit(String value) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }
}
