package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.sdelink.pseudonymisation.dates.DateOfBirth;
import org.sdelink.pseudonymisation.dates.DateOfBirthStatus;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.names.FamilyName;
import org.sdelink.pseudonymisation.names.GivenName;
import org.sdelink.pseudonymisation.names.NameNormaliser;
import org.sdelink.pseudonymisation.names.Nicknames;
import org.sdelink.pseudonymisation.names.PersonName;
import org.sdelink.pseudonymisation.names.PhoneticCodes;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumberStatus;
import org.sdelink.pseudonymisation.postcode.Postcode;
import org.sdelink.pseudonymisation.postcode.PostcodeStatus;
import org.sdelink.pseudonymisation.tokens.KeyedHmac;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * Property tests that complete the set for every normaliser and tokeniser on random (not only well-formed) input.
 * Where the other properties live:
 * <ul>
 *   <li>normalisation is idempotent: {@code NameNormaliserTest.foldIsIdempotent}, {@code GivenNameTest},
 *       {@code FamilyNameTest}, {@code SexCodeTest}, {@code DateOfBirthTest}, {@code NhsNumberTest
 *       .validationIsIdempotent}, {@code PostcodeTest} (well-formed input); here on any input for NHS number,
 *       postcode, date of birth, nicknames and person names;
 *   <li>a token never equals its input: {@code TokenDeriverTest}, {@code BloomEncoderTest}, {@code
 *       Level2PseudonymiserTest}; here for the raw HMAC and for every column of {@link IdentityPseudonymiser};
 *   <li>the NHS number validator agrees with the modulus-11 definition: {@code NhsNumberTest
 *       .checkDigitAgreesWithPlainModulus11} (ten random digits); here on any input, separators and non-ASCII
 *       digits included.
 * </ul>
 */
class NormalisationPropertiesTest {
  private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 27);
  private static final MasterKey KEY = MasterKey.of("k20260101-1", new byte[32]);
  private static final IdentityPseudonymiser PSEUDONYMISER = IdentityPseudonymiser.create(KEY, REFERENCE);

  // ---- NHS number -------------------------------------------------------------------------------------------

  /** The NHS number rules written out from their definition, independently of the production code. */
  private static NhsNumberStatus definition(String raw) {
    if (raw == null || raw.isBlank()) {
      return NhsNumberStatus.MISSING;
    }
    StringBuilder digits = new StringBuilder();
    for (char c : raw.strip().toCharArray()) {
      if (c != ' ' && c != '-') {
        digits.append(c);
      }
    }
    String d = digits.toString();
    if (!d.matches("[0-9]{10}")) {
      return NhsNumberStatus.INVALID_FORMAT;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    if (check == 10 || check != d.charAt(9) - '0') {
      return NhsNumberStatus.INVALID_CHECK_DIGIT;
    }
    if (d.chars().distinct().count() == 1) {
      return NhsNumberStatus.INVALID_ALL_SAME_DIGIT;
    }
    if (d.equals("2333455667")) {
      return NhsNumberStatus.INVALID_DUMMY;
    }
    if (d.charAt(0) == d.charAt(9) && d.substring(1, 9).equals("00000000")) {
      return NhsNumberStatus.INVALID_PATTERN;
    }
    return d.startsWith("999") ? NhsNumberStatus.TEST_RANGE : NhsNumberStatus.VALID;
  }

  @Provide
  Arbitrary<String> nhsLike() {
    Arbitrary<String> digitsWithSeparators = Arbitraries.strings().numeric().ofLength(10)
        .flatMap(d -> Arbitraries.of("", " ", "-", "  ").list().ofSize(11).map(seps -> {
          StringBuilder out = new StringBuilder(seps.get(0));
          for (int i = 0; i < 10; i++) {
            out.append(d.charAt(i)).append(seps.get(i + 1));
          }
          return out.toString();
        }));
    Arbitrary<String> mixed = Arbitraries.strings().withChars("0123456789 -\t.x\u0663\u0969\uFF11").ofMaxLength(14);
    Arbitrary<String> placeholders = Arbitraries.of("2333455667", "4000000004", "1111111111", "9999999999",
        "999 000 0000", "\u00A09434765919", "943476591９");
    return Arbitraries.oneOf(digitsWithSeparators, mixed, placeholders, Arbitraries.strings().ofMaxLength(14));
  }

  @Property(tries = 2000)
  void nhsNumberValidatorAgreesWithTheDefinitionOnAnyInput(@ForAll("nhsLike") String raw) {
    Validated<NhsNumber, NhsNumberStatus> result = NhsNumber.validate(raw);
    assertEquals(definition(raw), result.status(), "status");
    assertEquals(result.isUsable(), result.status() == NhsNumberStatus.VALID
        || result.status() == NhsNumberStatus.TEST_RANGE);
    result.value().ifPresent(n -> assertEquals(result, NhsNumber.validate(n.digits()), "idempotent"));
  }

  // ---- postcode, date of birth, names: idempotent on any input ----------------------------------------------

  @Provide
  Arbitrary<String> postcodeLike() {
    Arbitrary<String> shaped = Combinators.combine(
            Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(2),
            Arbitraries.strings().withChars("0123456789ABEHJKMNPRSTUVWXY").ofMinLength(1).ofMaxLength(2),
            Arbitraries.of(" ", "", "  ", "\t", "\u00A0"),
            Arbitraries.strings().numeric().ofLength(1),
            Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
            Arbitraries.of(true, false))
        .as((area, district, space, digit, unit, lower) -> {
          String code = area + district + space + digit + unit;
          return lower ? code.toLowerCase(Locale.ROOT) : code;
        });
    return Arbitraries.oneOf(shaped, Arbitraries.strings().ofMaxLength(10),
        Arbitraries.of("GIR 0AA", "gir0aa", "ZZ99 3VZ", "ls1 4ap", "\u00DF1 4AP"));
  }

  @Property(tries = 2000)
  void postcodeNormalisationIsIdempotentOnAnyInput(@ForAll("postcodeLike") String raw) {
    Validated<Postcode, PostcodeStatus> once = Postcode.validate(raw);
    once.value().ifPresent(code -> {
      String canonical = code.canonical();
      assertTrue(canonical.matches("[A-Z0-9]{2,4} [0-9][A-Z]{2}"), "canonical shape");
      Validated<Postcode, PostcodeStatus> twice = Postcode.validate(canonical);
      assertEquals(once, twice);
      assertEquals(canonical, twice.get().canonical());
      assertTrue(canonical.startsWith(code.sector()) && code.sector().startsWith(code.district()));
    });
  }

  @Provide
  Arbitrary<String> dateLike() {
    Arbitrary<Integer> day = Arbitraries.integers().between(0, 32);
    Arbitrary<Integer> month = Arbitraries.integers().between(0, 13);
    Arbitrary<Integer> year = Arbitraries.integers().between(1850, 2030);
    Arbitrary<String> iso = Combinators.combine(year, month, day)
        .as((y, m, d) -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d));
    Arbitrary<String> uk = Combinators.combine(year, month, day)
        .as((y, m, d) -> String.format(Locale.ROOT, "%02d/%02d/%04d", d, m, y));
    Arbitrary<String> compact = Combinators.combine(year, month, day)
        .as((y, m, d) -> String.format(Locale.ROOT, "%04d%02d%02d", y, m, d));
    Arbitrary<String> padded = Arbitraries.oneOf(iso, uk).map(s -> " " + s + "\t");
    return Arbitraries.oneOf(iso, uk, compact, padded, Arbitraries.strings().ofMaxLength(12));
  }

  @Property(tries = 2000)
  void dateOfBirthNormalisationIsIdempotentOnAnyInput(@ForAll("dateLike") String raw) {
    Validated<DateOfBirth, DateOfBirthStatus> once = DateOfBirth.validate(raw, REFERENCE);
    once.value().ifPresent(date -> {
      assertEquals(once, DateOfBirth.validate(date.iso(), REFERENCE));
      assertEquals(once, DateOfBirth.validate(date.compact(), REFERENCE));
      assertEquals(date.date(), LocalDate.parse(date.iso()));
    });
  }

  @Property(tries = 1000)
  void nicknameStandardisingIsIdempotentOnAnyFoldedName(@ForAll String raw) {
    String folded = NameNormaliser.fold(raw);
    String once = Nicknames.standardise(folded);
    assertEquals(once, Nicknames.standardise(once));
  }

  @Property(tries = 1000)
  void aPersonNameIsItsTwoValidatedParts(@ForAll String given, @ForAll String family) {
    PersonName name = PersonName.of(given, family);
    assertEquals(GivenName.validate(given), name.given());
    assertEquals(FamilyName.validate(family), name.family());
  }

  @Property(tries = 1000)
  void phoneticCodesAreShortCodesOfTheFoldedNameOnly(@ForAll String raw) {
    String folded = NameNormaliser.fold(raw);
    String soundex = PhoneticCodes.soundex(folded);
    String metaphone = PhoneticCodes.doubleMetaphone(folded);
    assertTrue(soundex.isEmpty() || soundex.matches("[A-Z][0-9]{3}"), soundex);
    assertTrue(metaphone.matches("[A-Z0-9]{0,4}"), metaphone);
    assertEquals(soundex, PhoneticCodes.soundex(NameNormaliser.fold(folded.toLowerCase(Locale.ROOT))));
    assertEquals(metaphone, PhoneticCodes.doubleMetaphone(NameNormaliser.fold(folded.toLowerCase(Locale.ROOT))));
  }

  // ---- tokens never equal their input -------------------------------------------------------------------------

  @Property(tries = 500)
  void anHmacInAnyPrintedFormNeverEqualsItsInput(@ForAll @Size(max = 64) byte[] input) {
    KeyedHmac hmac = KeyedHmac.derive(KEY, "test/hmac");
    byte[] mac = hmac.compute(input);
    assertEquals(KeyedHmac.MAC_BYTES, mac.length);
    String text = new String(input, StandardCharsets.ISO_8859_1);
    for (String printed : Set.of(BaseEncoding.base16().encode(mac), BaseEncoding.base16().lowerCase().encode(mac),
        Base64.getEncoder().encodeToString(mac), Base64.getUrlEncoder().withoutPadding().encodeToString(mac))) {
      assertNotEquals(text, printed);
    }
    assertFalse(java.util.Arrays.equals(input, mac));
    assertTrue(java.util.Arrays.equals(mac, hmac.compute(input)), "deterministic");
    assertFalse(java.util.Arrays.equals(mac, KeyedHmac.derive(KEY, "test/other").compute(input)), "per purpose");
  }

  @Provide
  Arbitrary<RawIdentity> identities() {
    Arbitrary<String> nhs = Arbitraries.strings().numeric().ofLength(9).map(nine -> {
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (nine.charAt(i) - '0') * (10 - i);
      }
      int check = (11 - sum % 11) % 11;
      return check == 10 ? nine + "0" : nine + check;
    });
    Arbitrary<String> name = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
        Arbitraries.of("Mary-Jane", "O'Brien", "Zoë", "Al", "Bo", "X", "MRS ANN", "de la Cruz", "Bill"),
        Arbitraries.strings().ofMaxLength(10));
    Arbitrary<String> dob = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 50_000).map(d -> LocalDate.of(1890, 1, 1).plusDays(d).toString()),
        dateLike());
    return Combinators.combine(nhs, name, name, dob, postcodeLike(), Arbitraries.of("Male", "Female", "1", "2", "9"))
        .as(RawIdentity::new);
  }

  /**
   * No token, Bloom filter or token list of a pseudonymised identity equals an input value or a normalised form of it
   * (the only clear columns are the designed ones: key id, statuses, birth year, postcode district, sex, flags).
   */
  @Property(tries = 1000)
  void noPseudonymisedColumnEqualsAnInputOrItsNormalisedForm(@ForAll("identities") RawIdentity raw) {
    Set<String> forms = new HashSet<>();
    for (String value : new String[] {raw.nhsNumber(), raw.givenName(), raw.familyName(), raw.dateOfBirth(),
        raw.postcode()}) {
      if (value != null && !value.isBlank()) {
        forms.add(value);
        forms.add(value.strip());
        forms.add(NameNormaliser.fold(value));
        forms.addAll(NameNormaliser.words(value));
      }
    }
    NhsNumber.validate(raw.nhsNumber()).value().ifPresent(n -> forms.add(n.digits()));
    Postcode.validate(raw.postcode()).value().ifPresent(p -> {
      forms.add(p.canonical());
      forms.add(p.canonical().replace(" ", ""));
      forms.add(p.sector());
    });
    DateOfBirth.validate(raw.dateOfBirth(), REFERENCE).value().ifPresent(d -> {
      forms.add(d.iso());
      forms.add(d.compact());
    });
    GivenName.validate(raw.givenName()).value().ifPresent(g -> {
      forms.add(g.full());
      forms.add(g.first());
      forms.add(g.nicknameStandardised());
      forms.add(PhoneticCodes.soundex(g.first()));
      forms.add(PhoneticCodes.doubleMetaphone(g.first()));
    });
    FamilyName.validate(raw.familyName()).value().ifPresent(f -> {
      forms.add(f.full());
      forms.addAll(f.parts());
      forms.add(PhoneticCodes.soundex(f.full()));
      forms.add(PhoneticCodes.doubleMetaphone(f.full()));
    });
    forms.remove("");
    PseudonymisedIdentity out = PSEUDONYMISER.pseudonymise(raw);
    Set<String> clear = Set.of("key_id", "birth_year", "postcode_district", "sex", "identity_flags");
    for (String column : IdentityColumns.ALL) {
      if (clear.contains(column) || column.endsWith("_status")) {
        continue;
      }
      String value = out.value(column);
      if (value.isEmpty()) {
        continue;
      }
      for (String part : value.split(" ")) {
        assertFalse(forms.contains(part), column + " holds an input value or a normalised form of one");
      }
      for (String form : forms) {
        if (form.length() >= 6) {
          assertFalse(value.contains(form), column + " contains an input value");
        }
      }
    }
  }
}
