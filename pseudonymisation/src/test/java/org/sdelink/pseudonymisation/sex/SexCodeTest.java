package org.sdelink.pseudonymisation.sex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdelink.pseudonymisation.SharedDir;

class SexCodeTest {

  @ParameterizedTest
  @CsvSource({
    "Male, 1", "MALE, 1", "m, 1", "1, 1",
    "Female, 2", "female, 2", "F, 2", "2, 2",
    "Other, 9", "Indeterminate, 9", "9, 9", "3, 9",
    "Unknown, 0", "not  known, 0", "Not stated, 0", "0, 0", "X, 0", "x, 0",
  })
  void cldAndHesValuesMapToOneCodeSet(String raw, String code) {
    assertEquals(code, SexCode.validate(raw).get().code());
    assertEquals(SexCode.validate(raw).get(), SexCode.fromCode(code));
  }

  @Property
  void validationIsIdempotent(@ForAll("sexValues") String raw) {
    SexCode.validate(raw).value().ifPresent(code -> assertEquals(code, SexCode.validate(code.code()).get()));
  }

  @Provide
  Arbitrary<String> sexValues() {
    return Arbitraries.oneOf(
        Arbitraries.of("Male", "female", " OTHER ", "Unknown", "not stated", "1", "2", "3", "9", "0", "X", "u"),
        Arbitraries.strings().ofMaxLength(12));
  }

  @Test
  void blankIsMissingAndOtherValuesUnrecognised() {
    assertEquals(SexStatus.MISSING, SexCode.validate(" ").status());
    assertEquals(SexStatus.MISSING, SexCode.validate(null).status());
    assertEquals(SexStatus.UNRECOGNISED, SexCode.validate("Mail").status());
    assertEquals(SexStatus.UNRECOGNISED, SexCode.validate("4").status());
  }

  @Test
  void everyPublishedCodeIsRecognised() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode cld = json.readTree(SharedDir.require("reference/cld_code_lists.json").toFile());
    JsonNode hes = json.readTree(SharedDir.require("reference/hes_apc_code_lists.json").toFile());
    int checked = 0;
    for (Iterator<String> releases = cld.get("Gender").fieldNames(); releases.hasNext(); ) {
      String release = releases.next();
      if (release.startsWith("_")) {
        continue;
      }
      for (JsonNode value : cld.get("Gender").get(release)) {
        assertTrue(SexCode.validate(value.asText()).isUsable(), "CLD Gender " + release + " value " + value);
        checked++;
      }
    }
    for (Iterator<String> codes = hes.get("SEX").get("codes").fieldNames(); codes.hasNext(); ) {
      String code = codes.next();
      assertTrue(SexCode.validate(code).isUsable(), "HES SEX code " + code);
      checked++;
    }
    assertTrue(checked >= 10, "checked " + checked + " published values");
  }
}
