package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sdelink.pseudonymisation.dates.DateOfBirth;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.names.FamilyName;
import org.sdelink.pseudonymisation.names.GivenName;
import org.sdelink.pseudonymisation.names.PersonName;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;
import org.sdelink.pseudonymisation.postcode.Postcode;

/** No value type that holds an identifier shows it in {@link Object#toString()}. */
class ToStringRedactionTest {
  private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 27);
  private static final IdentityPseudonymiser PSEUDONYMISER =
      IdentityPseudonymiser.create(MasterKey.of("k20260101-1", new byte[32]), REFERENCE);

  @Provide
  Arbitrary<RawIdentity> identities() {
    Arbitrary<String> nhs =
        Arbitraries.longs().between(1_000_000_000L, 9_999_999_999L).map(Object::toString)
            .map(nine -> nine.substring(0, 9) + checkDigit(nine.substring(0, 9)))
            .filter(number -> !number.endsWith("X"));
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(6).ofMaxLength(12)
        .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
    Arbitrary<String> dob =
        Arbitraries.integers().between(0, 40_000).map(days -> LocalDate.of(1900, 1, 1).plusDays(days).toString());
    Arbitrary<String> postcode =
        Combinators.combine(
                Arbitraries.of("LS", "M", "B", "EC", "SW", "NE", "CR"),
                Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(0, 9),
                Arbitraries.of("AB", "DE", "HJ", "LN", "PQ", "WX", "YZ"))
            .as((area, district, sector, unit) -> area + district + " " + sector + unit);
    return Combinators.combine(nhs, name, name, dob, postcode, Arbitraries.of("Male", "Female", "1", "2"))
        .as(RawIdentity::new);
  }

  private static String checkDigit(String nine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nine.charAt(i) - '0') * (10 - i);
    }
    int check = (11 - sum % 11) % 11;
    return check == 10 ? "X" : Integer.toString(check);
  }

  @Property(tries = 200)
  void noToStringShowsARawOrNormalisedIdentifier(@ForAll("identities") RawIdentity raw) {
    List<Object> holders = new ArrayList<>();
    holders.add(raw);
    holders.add(PSEUDONYMISER.pseudonymise(raw));
    holders.add(NhsNumber.validate(raw.nhsNumber()));
    NhsNumber.validate(raw.nhsNumber()).value().ifPresent(holders::add);
    holders.add(GivenName.validate(raw.givenName()));
    holders.add(GivenName.parse(raw.givenName()));
    holders.add(FamilyName.validate(raw.familyName()));
    holders.add(FamilyName.parse(raw.familyName()));
    holders.add(PersonName.of(raw.givenName(), raw.familyName()));
    holders.add(DateOfBirth.validate(raw.dateOfBirth(), REFERENCE));
    holders.add(DateOfBirth.parse(raw.dateOfBirth(), REFERENCE));
    holders.add(Postcode.validate(raw.postcode()));
    holders.add(Postcode.parse(raw.postcode()));
    List<String> secrets =
        List.of(
            raw.nhsNumber(), raw.givenName().toUpperCase(Locale.ROOT), raw.familyName().toUpperCase(Locale.ROOT),
            raw.dateOfBirth(), raw.dateOfBirth().substring(0, 4), raw.postcode(), raw.postcode().replace(" ", ""));
    for (Object holder : holders) {
      String text = holder.toString().toUpperCase(Locale.ROOT);
      for (String secret : secrets) {
        assertFalse(text.contains(secret.toUpperCase(Locale.ROOT)), holder.getClass().getSimpleName());
      }
    }
  }
}
