package org.sdelink.pseudonymisation.postcode;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.CharMatcher;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * A validated UK postcode in canonical form {@code OUTWARD INWARD} (e.g. {@code LS1 4AP}). Normalisation:
 * upper case and every whitespace character removed, because spacing and case vary between systems; the
 * inward code is then the last three characters. Format check: the official shapes A9, A99, AA9, AA99, A9A
 * and AA9A for the outward code with the letters allowed in each position (no Q, V, X first; no I, J, Z
 * second; ...), and 9AA inward without C, I, K, M, O, V; plus the special GIR 0AA. Postcodes starting ZZ99
 * are the NHS pseudo-postcodes ({@link PostcodeStatus#PSEUDO}: no token). {@link #toString()} never shows
 * the postcode.
 */
public final class Postcode {
  private static final Pattern OUTWARD =
      Pattern.compile(
          "[A-PR-UWYZ](?:[0-9]|[0-9][0-9]|[A-HK-Y][0-9]|[A-HK-Y][0-9][0-9]|[0-9][A-HJKPS-UW]"
              + "|[A-HK-Y][0-9][ABEHMNPRV-Y])");
  private static final Pattern INWARD = Pattern.compile("[0-9][ABD-HJLNP-UW-Z]{2}");
  private static final String GIROBANK = "GIR0AA";
  private static final String PSEUDO_PREFIX = "ZZ99";

  private final String outward;
  private final String inward;

  private Postcode(String outward, String inward) {
    this.outward = outward;
    this.inward = inward;
  }

  public static Validated<Postcode, PostcodeStatus> validate(String raw) {
    if (raw == null || raw.isBlank()) {
      return Validated.rejected(PostcodeStatus.MISSING);
    }
    String compact = CharMatcher.whitespace().removeFrom(raw).toUpperCase(Locale.ROOT);
    if (compact.startsWith(PSEUDO_PREFIX)) {
      return Validated.rejected(PostcodeStatus.PSEUDO);
    }
    if (compact.length() < 5 || compact.length() > 7) {
      return Validated.rejected(PostcodeStatus.INVALID_FORMAT);
    }
    String outward = compact.substring(0, compact.length() - 3);
    String inward = compact.substring(compact.length() - 3);
    boolean valid =
        compact.equals(GIROBANK)
            || (OUTWARD.matcher(outward).matches() && INWARD.matcher(inward).matches());
    if (!valid) {
      return Validated.rejected(PostcodeStatus.INVALID_FORMAT);
    }
    return Validated.usable(new Postcode(outward, inward), PostcodeStatus.VALID);
  }

  public static Postcode parse(String raw) {
    Validated<Postcode, PostcodeStatus> result = validate(raw);
    checkArgument(result.isUsable(), "postcode is not usable: %s", result.status());
    return result.get();
  }

  /** {@code OUTWARD INWARD}, one space, e.g. {@code LS1 4AP}: the form that is tokenised. */
  public String canonical() {
    return outward + " " + inward;
  }

  /** The outward code (postcode district), e.g. {@code LS1}. */
  public String district() {
    return outward;
  }

  /** The postcode sector: outward code, space, first inward digit, e.g. {@code LS1 4}. */
  public String sector() {
    return outward + " " + inward.charAt(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Postcode other && outward.equals(other.outward) && inward.equals(other.inward);
  }

  @Override
  public int hashCode() {
    return 31 * outward.hashCode() + inward.hashCode();
  }

  @Override
  public String toString() {
    return "Postcode{redacted}";
  }
}
