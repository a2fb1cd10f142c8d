package org.sdelink.pseudonymisation.postcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdelink.pseudonymisation.validation.Validated;

class PostcodeTest {

  @ParameterizedTest
  @CsvSource({
    // raw, canonical, district, sector: one per official format
    "M1 1AE, M1 1AE, M1, M1 1",
    "b338th, B33 8TH, B33, B33 8",
    "CR2 6XH, CR2 6XH, CR2, CR2 6",
    "dn551pt, DN55 1PT, DN55, DN55 1",
    "W1A 0AX, W1A 0AX, W1A, W1A 0",
    "ec1a 1bb, EC1A 1BB, EC1A, EC1A 1",
    "'  ls1   4ap ', LS1 4AP, LS1, LS1 4",
    "GIR 0AA, GIR 0AA, GIR, GIR 0",
  })
  void officialFormatsAreCanonicalised(String raw, String canonical, String district, String sector) {
    Postcode postcode = Postcode.parse(raw);
    assertEquals(canonical, postcode.canonical());
    assertEquals(district, postcode.district());
    assertEquals(sector, postcode.sector());
  }

  @ParameterizedTest
  @CsvSource({
    "QA1 1AA", // Q never first
    "AI1 1AA", // I never second
    "A1I 1AA", // I not allowed third in A9A
    "AA1C 1AA", // C not allowed fourth in AA9A
    "LS1 4AC", // C never in the inward code
    "LS1 AAP",
    "LS14",
    "LS1 4AP X",
    "12345",
  })
  void otherShapesAreInvalid(String raw) {
    assertEquals(PostcodeStatus.INVALID_FORMAT, Postcode.validate(raw).status());
  }

  @Test
  void pseudoAndMissingPostcodesGetNoValue() {
    Validated<Postcode, PostcodeStatus> pseudo = Postcode.validate("zz99 3vz");
    assertEquals(PostcodeStatus.PSEUDO, pseudo.status());
    assertFalse(pseudo.isUsable());
    assertEquals(PostcodeStatus.MISSING, Postcode.validate("").status());
    assertEquals(PostcodeStatus.MISSING, Postcode.validate(null).status());
  }

  @Provide
  Arbitrary<String> validPostcodes() {
    Arbitrary<String> first = Arbitraries.of("ABCDEFGHIJKLMNOPRSTUWYZ".split(""));
    Arbitrary<String> second = Arbitraries.of("ABCDEFGHKLMNOPQRSTUVWXY".split(""));
    Arbitrary<String> digit = Arbitraries.of("0123456789".split(""));
    Arbitrary<String> third = Arbitraries.of("ABCDEFGHJKPSTUW".split(""));
    Arbitrary<String> fourth = Arbitraries.of("ABEHMNPRVWXY".split(""));
    Arbitrary<String> inwardLetter = Arbitraries.of("ABDEFGHJLNPQRSTUWXYZ".split(""));
    Arbitrary<String> outward =
        Arbitraries.oneOf(
            Combinators.combine(first, digit).as(String::concat),
            Combinators.combine(first, digit, digit).as((a, b, c) -> a + b + c),
            Combinators.combine(first, second, digit).as((a, b, c) -> a + b + c),
            Combinators.combine(first, second, digit, digit).as((a, b, c, d) -> a + b + c + d),
            Combinators.combine(first, digit, third).as((a, b, c) -> a + b + c),
            Combinators.combine(first, second, digit, fourth).as((a, b, c, d) -> a + b + c + d));
    return Combinators.combine(outward, digit, inwardLetter, inwardLetter, Arbitraries.of("", " ", "  "))
        .as((out, d, a, b, space) -> out + space + d + a + b)
        .filter(code -> !code.startsWith("ZZ99"));
  }

  @Property
  void validationIsIdempotentAndToStringHidesThePostcode(@ForAll("validPostcodes") String raw, @ForAll boolean lower) {
    String written = lower ? raw.toLowerCase() : raw;
    Validated<Postcode, PostcodeStatus> once = Postcode.validate(written);
    assertEquals(PostcodeStatus.VALID, once.status());
    Postcode postcode = once.get();
    assertEquals(once, Postcode.validate(postcode.canonical()));
    assertEquals(raw.replace(" ", ""), postcode.canonical().replace(" ", ""));
    assertFalse(postcode.toString().contains(postcode.canonical()));
    assertFalse(postcode.toString().contains(postcode.canonical().replace(" ", "")));
  }
}
