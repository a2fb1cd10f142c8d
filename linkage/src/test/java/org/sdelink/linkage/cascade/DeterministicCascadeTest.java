package org.sdelink.linkage.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.PseudonymisedRows;
import org.sdelink.linkage.PseudonymisedRows.Identity;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

class DeterministicCascadeTest {
  private static final LinkageModel MODEL = LinkageModel.defaultCldApc();
  private static final DeterministicCascade CASCADE = DeterministicCascade.create(MODEL);
  private static final Identity ANNE =
      new Identity("9434765919", "Anne", "Smith", LocalDate.of(1941, 3, 7), "LS1 4AP", "F");

  private static LinkRecord cld(Identity identity) {
    return MODEL.record("cld", PseudonymisedRows.cldRow("c1", identity, "E08000035", "77"));
  }

  private static LinkRecord apc(Identity identity) {
    return MODEL.record("apc", PseudonymisedRows.apcRow("a1", identity, "E08000035"));
  }

  @Test
  void equalValidNhsNumberAndAgreeingDateOfBirthLink() {
    assertEquals(Optional.of("nhs_number+dob"), CASCADE.firstMatchingStep(cld(ANNE), apc(ANNE)));
    Identity swapped = ANNE.withDob(LocalDate.of(1941, 7, 3)).withGivenName("Annie");
    assertEquals(Optional.of("nhs_number+dob"), CASCADE.firstMatchingStep(cld(ANNE), apc(swapped)));
    Identity twoOfThree = ANNE.withDob(LocalDate.of(1941, 3, 8));
    assertEquals(Optional.of("nhs_number+dob"), CASCADE.firstMatchingStep(cld(ANNE), apc(twoOfThree)));
  }

  @Test
  void aValidNhsNumberWithADifferentDateOfBirthDoesNotLink() {
    Identity someoneElse = new Identity("9434765919", "Brian", "Jones", LocalDate.of(1962, 11, 23), "M1 1AE", "M");
    assertEquals(Optional.empty(), CASCADE.firstMatchingStep(cld(ANNE), apc(someoneElse)));
  }

  @Test
  void anInvalidNhsNumberLinksNothing() {
    Map<String, String> row = PseudonymisedRows.apcRow("a1", ANNE.withPostcode("M1 1AE"), "E08000035");
    row.put("nhs_number_status", "INVALID_CHECK_DIGIT");
    assertEquals(Optional.empty(), CASCADE.firstMatchingStep(cld(ANNE), MODEL.record("apc", row)));
  }

  @Test
  void nameDateOfBirthAndPostcodeLinkUnlessValidNhsNumbersDiffer() {
    Identity noNhs = ANNE.withNhsNumber(null);
    assertEquals(Optional.of("name+dob+postcode"), CASCADE.firstMatchingStep(cld(ANNE), apc(noNhs)));
    Identity otherNhs = ANNE.withNhsNumber("4010232137");
    assertEquals(Optional.empty(), CASCADE.firstMatchingStep(cld(ANNE), apc(otherNhs)));
  }

  @Test
  void twinsAtTheSameAddressDoNotLink() {
    Identity twin = new Identity("4010232137", "Mary", "Smith", ANNE.dob(), ANNE.postcode(), "F");
    assertEquals(Optional.empty(), CASCADE.firstMatchingStep(cld(ANNE), apc(twin)));
    assertEquals(Optional.empty(), CASCADE.firstMatchingStep(cld(twin), apc(ANNE)));
  }

  @Test
  void mustNotDifferVetoesOnlyWhenBothArePresent() {
    DeterministicCascade cascade = DeterministicCascade.create(TestModels.levels());
    LinkRecord a = TestModels.levelsRecord("1", "c", "k", "a", "x");
    assertEquals(Optional.of("c-unless-a-differs"),
        cascade.firstMatchingStep(a, TestModels.levelsRecord("2", "c", "k")));
    assertEquals(Optional.empty(), cascade.firstMatchingStep(a, TestModels.levelsRecord("3", "c", "k", "a", "y")));
    assertEquals(Optional.of("a+b+date"), cascade.firstMatchingStep(
        TestModels.levelsRecord("4", "a", "x", "b", "y", "d", "20000102"),
        TestModels.levelsRecord("5", "a", "x", "b", "y", "d", "20000201")));
    assertTrue(cascade.stepNames().contains("a+b+date"));
  }
}
