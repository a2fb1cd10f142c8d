package org.sdelink.pseudonymisation.names;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * A person's normalised family name, as a canonical full form plus parts. Rules, after
 * {@link NameNormaliser#fold(String)}:
 *
 * <ul>
 *   <li>trailing suffixes (JR, SNR, III, OBE, ...) are removed when a name remains: they are not part of
 *       the surname and are recorded inconsistently;
 *   <li>the prefixes MC, MAC, O and ST are joined to the next word (MC DONALD = MCDONALD, O BRIEN =
 *       O'BRIEN = OBRIEN): the space is a spelling variant, not a second surname;
 *   <li>{@link #full()} concatenates the words without spaces, so SMITH-JONES, SMITH JONES and SMITHJONES,
 *       or VAN DER BERG and VANDERBERG, compare equal;
 *   <li>{@link #parts()} are the distinct words that are not particles (VAN, DER, DE, LA, AL, BIN, ...),
 *       sorted; a name made only of particles keeps them all. Parts let SMITH-JONES match a record that
 *       holds only SMITH or only JONES, and VAN DER BERG match BERG.
 * </ul>
 *
 * {@link #toString()} never shows the name.
 */
public final class FamilyName {
  private static final ImmutableSet<String> SUFFIXES =
      ImmutableSet.of(
          "JR", "JNR", "JUNIOR", "SR", "SNR", "SENIOR", "II", "III", "IV", "OBE", "MBE", "CBE", "KBE",
          "DBE", "BEM", "QC", "KC");
  private static final ImmutableSet<String> JOINED_PREFIXES = ImmutableSet.of("MC", "MAC", "O", "ST");
  private static final ImmutableSet<String> PARTICLES =
      ImmutableSet.of(
          "AL", "EL", "BIN", "BINTI", "BINT", "DA", "DAL", "DAS", "DE", "DEL", "DELA", "DELLA", "DEN",
          "DER", "DES", "DI", "DOS", "DU", "LA", "LE", "TER", "TEN", "VAN", "VANDER", "VANDEN", "VON",
          "ZU");

  private final ImmutableList<String> words;

  private FamilyName(ImmutableList<String> words) {
    this.words = words;
  }

  public static Validated<FamilyName, NameStatus> validate(String raw) {
    if (raw == null || raw.isBlank()) {
      return Validated.rejected(NameStatus.MISSING);
    }
    List<String> words = new ArrayList<>(NameNormaliser.words(raw));
    if (words.isEmpty()) {
      return Validated.rejected(NameStatus.NO_LETTERS);
    }
    while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    ImmutableList<String> joined = joinPrefixes(words);
    if (NameRules.isPlaceholder(joined)) {
      return Validated.rejected(NameStatus.PLACEHOLDER);
    }
    return Validated.usable(new FamilyName(joined), NameStatus.VALID);
  }

  public static FamilyName parse(String raw) {
    Validated<FamilyName, NameStatus> result = validate(raw);
    checkArgument(result.isUsable(), "family name is not usable: %s", result.status());
    return result.get();
  }

  private static ImmutableList<String> joinPrefixes(List<String> words) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    StringBuilder pending = new StringBuilder();
    for (String word : words) {
      pending.append(word);
      if (!JOINED_PREFIXES.contains(word)) {
        out.add(pending.toString());
        pending.setLength(0);
      }
    }
    if (pending.length() > 0) {
      out.add(pending.toString());
    }
    return out.build();
  }

  /** The canonical full form: the words without spaces, e.g. {@code SMITHJONES}, {@code VANDERBERG}. */
  public String full() {
    return String.join("", words);
  }

  /** The distinct non-particle words, sorted, e.g. {@code [JONES, SMITH]}, {@code [BERG]}. */
  public ImmutableSortedSet<String> parts() {
    ImmutableSortedSet<String> parts =
        words.stream()
            .filter(word -> !PARTICLES.contains(word))
            .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    return parts.isEmpty() ? ImmutableSortedSet.copyOf(words) : parts;
  }

  /** The words, single-space separated, e.g. {@code VAN DER BERG}: validating this gives this name. */
  public String spaced() {
    return Joiner.on(' ').join(words);
  }

  public ImmutableList<String> words() {
    return words;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FamilyName other && words.equals(other.words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  @Override
  public String toString() {
    return "FamilyName{redacted}";
  }
}
