package org.sdelink.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sdelink.policies.catalogue.CatalogueField;
import org.sdelink.policies.catalogue.DatasetCatalogue;
import org.sdelink.policies.catalogue.IdentifierClass;

class PolicyValidatorTest {

  private static ImmutableList<PolicyProblem> problemsOf(String yaml) {
    return PolicyValidator.validate(Policy.parse(yaml, ShippedPolicies.RESEARCHER));
  }

  private static PolicyProblem only(List<PolicyProblem> problems, String field) {
    List<PolicyProblem> matching = problems.stream().filter(p -> p.field().equals(field)).toList();
    assertEquals(1, matching.size(), () -> "expected one problem at " + field + " in " + problems);
    return matching.get(0);
  }

  @Test
  void shippedResearcherPolicyIsValid() {
    Policy policy = ShippedPolicies.researcher();
    assertEquals(List.of(), PolicyValidator.validate(policy));
    assertEquals("researcher-linked-journeys", policy.name());
    assertEquals(List.of("persons", "journeys", "discharges", "costs"), policy.datasets().keySet().asList());
    assertEquals(10, policy.kAnonymity().orElseThrow().k());
  }

  @Test
  void shippedTablesPolicyIsValidAndCarriesNoRecordDataset() throws Exception {
    Policy policy = Policy.load(ShippedPolicies.path("published-metrics"));
    assertEquals(List.of(), PolicyValidator.validate(policy));
    // issue 15: the summary table travels without the record rows it counts.
    assertEquals(List.of("summary", "costs"), policy.datasets().keySet().asList());
  }

  @Test
  void fieldWithoutActionIsAnErrorNamingTheFieldAndTheFix() {
    List<PolicyProblem> problems = problemsOf(ShippedPolicies.researcherWith("    sex: keep\n    ethnicity:", "    ethnicity:"));
    PolicyProblem problem = only(problems, "datasets.persons.sex");
    assertTrue(problem.message().contains("has no action"), problem.message());
    assertTrue(problem.message().contains("add `sex: ACTION`"), problem.message());
    assertTrue(problem.message().contains("keep, drop"), problem.message());
  }

  @Test
  void unknownFieldIsAnError() {
    List<PolicyProblem> problems = problemsOf(ShippedPolicies.researcherWith("    sex: keep\n    ethnicity:",
        "    sex: keep\n    favourite_colour: keep\n    ethnicity:"));
    PolicyProblem problem = only(problems, "datasets.persons.favourite_colour");
    assertTrue(problem.message().contains("is not a field of persons"), problem.message());
    assertTrue(problem.message().contains("remove it"), problem.message());
  }

  @Test
  void unknownDatasetIsAnError() {
    List<PolicyProblem> problems = problemsOf(ShippedPolicies.researcherWith("  costs:\n",
        "  gp_records:\n    diagnosis: keep\n  costs:\n"));
    assertTrue(only(problems, "datasets.gp_records").message().contains("not a dataset in the catalogue"));
  }

  @Test
  void unknownActionIsAnErrorListingTheAllowedOnes() {
    List<PolicyProblem> problems = problemsOf(withAction("persons", "sex", "kep"));
    PolicyProblem problem = only(problems, "datasets.persons.sex");
    assertTrue(problem.message().contains("'kep' is not an action"), problem.message());
    assertTrue(problem.message().contains("keep, drop"), problem.message());
  }

  static Stream<Arguments> directIdentifiers() {
    return DatasetCatalogue.standard().datasets().values().stream()
        .flatMap(d -> d.fields().values().stream())
        .filter(f -> f.identifierClass() == IdentifierClass.DIRECT)
        .map(f -> Arguments.of(f.dataset(), f.name()));
  }

  @Test
  void catalogueMarksTheDirectIdentifiersOfTheBriefAsDirect() {
    List<String> direct = directIdentifiers().map(a -> a.get()[0] + "." + a.get()[1]).toList();
    for (String field : List.of("persons.person_id", "persons.nhs_number_token", "persons.first_name",
        "persons.last_name", "persons.postcode", "persons.date_of_birth", "journeys.person_id",
        "journeys.event_description", "discharges.person_id")) {
      assertTrue(direct.contains(field), field + " should be direct");
    }
  }

  @ParameterizedTest(name = "{0}.{1}: keep")
  @MethodSource("directIdentifiers")
  void keepOnADirectIdentifierFailsWhateverElseThePolicySays(String dataset, String field) {
    String yaml = withAction(dataset, field, "keep");
    String[] attempts = {
        yaml,
        // Settings someone might try in order to switch the rule off: each is itself an error and changes nothing.
        yaml.replace("policy: researcher-linked-journeys", "policy: researcher-linked-journeys\n"
            + "allow_direct_identifiers: true\noverrides:\n  " + dataset + "." + field + ": keep"),
        withAction(dataset, field, "{action: keep, force: true}"),
        withAction(dataset, field, "{action: keep, to: year}"),
    };
    for (String attempt : attempts) {
      List<PolicyProblem> problems = problemsOf(attempt);
      PolicyProblem problem = problems.stream()
          .filter(p -> p.field().equals("datasets." + dataset + "." + field)
              && p.message().contains("direct identifier"))
          .findFirst().orElseThrow(() -> new AssertionError("no direct-identifier problem in " + problems));
      assertTrue(problem.message().contains("no setting allows it"), problem.message());
      assertTrue(problem.message().contains("use drop") || problem.message().contains("use pseudonymise"),
          problem.message());
      assertThrows(InvalidPolicyException.class,
          () -> PolicyValidator.requireValid(Policy.parse(attempt, ShippedPolicies.RESEARCHER)));
    }
  }

  @Test
  void catalogueThatLetsADirectIdentifierBeKeptIsRefused() {
    String catalogue = "datasets:\n  persons:\n    description: x\n    fields:\n      first_name:\n"
        + "        class: direct\n        meaning: The first name.\n        actions: [keep, drop]\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetCatalogue.parse(catalogue));
    assertTrue(e.getMessage().contains("can never allow keep"), e.getMessage());
  }

  @Test
  void personIdMustBePseudonymisedOrDropped() {
    List<PolicyProblem> generalised = problemsOf(withAction("journeys", "person_id", "{action: generalise, to: year}"));
    assertTrue(only(generalised, "datasets.journeys.person_id").message().contains("cannot be generalise"));
    assertEquals(List.of(), problemsOf(withAction("journeys", "person_id", "drop")).stream()
        .filter(p -> p.field().contains("person_id")).toList());
  }

  @Test
  void generaliseNeedsAnAllowedTargetAndAgeBandsNeedTheirSettings() {
    PolicyProblem noTarget = only(problemsOf(withAction("persons", "ethnicity", "generalise")),
        "datasets.persons.ethnicity.to");
    assertTrue(noTarget.message().contains("generalise it to one of ethnic-group"), noTarget.message());
    PolicyProblem wrongTarget = only(problemsOf(withAction("persons", "ethnicity", "{action: generalise, to: month}")),
        "datasets.persons.ethnicity.to");
    assertTrue(wrongTarget.message().contains("'month' is not allowed"), wrongTarget.message());
    // The shipped policy releases birth_year, not an age band: build the age-band variant from it.
    String ageBands = ShippedPolicies.researcherWithAgeBandedDateOfBirth();
    assertEquals(List.of(), problemsOf(ageBands), "the age-band variant itself is valid");
    List<PolicyProblem> noAsOf = problemsOf(ShippedPolicies.replaceOnce(ageBands, "      as_of: 2025-03-31\n", ""));
    assertTrue(only(noAsOf, "datasets.persons.date_of_birth.as_of").message().contains("as_of: 2025-03-31"));
  }

  @Test
  void shippedResearcherPolicyReleasesTheBirthYearNotTheDateOfBirth() {
    Policy policy = ShippedPolicies.researcher();
    assertEquals(FieldAction.DROP, policy.rule("persons", "date_of_birth").orElseThrow().action().orElseThrow());
    assertEquals(FieldAction.KEEP, policy.rule("persons", "birth_year").orElseThrow().action().orElseThrow());
    assertEquals(List.of("birth_year", "sex", "ethnicity", "la_code"),
        policy.kAnonymity().orElseThrow().forDataset("persons").stream().map(QuasiIdentifierRule::field).toList());
  }

  @Test
  void releasedIndirectIdentifierMustBeCountedByTheGate() {
    List<PolicyProblem> problems = problemsOf(ShippedPolicies.researcherWith(
        "      - field: provider\n        ladder: [withheld]\n    discharges:",
        "    discharges:"));
    PolicyProblem problem = only(problems, "datasets.journeys.provider");
    assertTrue(problem.message().contains("k_anonymity.quasi_identifiers.journeys"), problem.message());
    assertTrue(problem.message().contains("or drop the field"), problem.message());
  }

  @Test
  void quasiIdentifierThatIsDroppedOrUnknownIsAnError() {
    String dropped = withAction("journeys", "provider", "drop");
    assertTrue(only(problemsOf(dropped), "k_anonymity.quasi_identifiers.journeys.provider").message()
        .contains("cannot be a quasi-identifier"));
    String badLevel = ShippedPolicies.researcherWith("ladder: [year-band-5y, year-band-10y, year-band-20y, withheld]",
        "ladder: [year-band-5y, decade]");
    assertTrue(only(problemsOf(badLevel), "k_anonymity.quasi_identifiers.persons.birth_year.ladder").message()
        .contains("'decade' is not a generalisation level"));
    String badAgeBandLevel = ShippedPolicies.replaceOnce(ShippedPolicies.researcherWithAgeBandedDateOfBirth(),
        "ladder: [age-band-10y, age-band-20y, withheld]", "ladder: [age-band-10y, decade]");
    assertTrue(only(problemsOf(badAgeBandLevel), "k_anonymity.quasi_identifiers.persons.date_of_birth.ladder")
        .message().contains("'decade' is not a generalisation level"));
  }

  @Test
  void outputRulesWeakerThanHesAndAcroAreErrors() {
    List<PolicyProblem> problems = problemsOf(ShippedPolicies.researcherWith("suppress_up_to: 7", "suppress_up_to: 5")
        .replace("round_to: 5", "round_to: 1").replace("threshold: 10", "threshold: 3"));
    assertTrue(only(problems, "output_checks.count_tables.suppress_up_to").message().contains("HES rule"));
    assertTrue(only(problems, "output_checks.count_tables.round_to").message().contains("nearest 5"));
    assertTrue(only(problems, "output_checks.magnitude_tables.threshold").message().contains("at least 10"));
    List<PolicyProblem> missing = problemsOf(ShippedPolicies.researcherWith(
        "  magnitude_tables:\n    threshold: 10\n    p_ratio: 0.10\n    nk_n: 2\n    nk_k: 0.90\n"
            + "    zeros_are_disclosive: true\n", ""));
    assertTrue(only(missing, "output_checks.magnitude_tables").message().contains("is missing"));
  }

  @Test
  void unknownSettingsAndMismatchedNameAreErrors() {
    List<PolicyProblem> problems = problemsOf(ShippedPolicies.researcherWith("  k: 10\n", "  k: 10\n  l: 3\n"));
    assertTrue(only(problems, "k_anonymity.l").message().contains("is not a policy setting"));
    List<PolicyProblem> renamed = PolicyValidator.validate(Policy.parse(ShippedPolicies.text(ShippedPolicies.RESEARCHER),
        "other-name"));
    assertTrue(only(renamed, "policy").message().contains("rename the file"));
  }

  @Test
  void duplicateKeysAreRefusedSoALaterKeepCannotWin() {
    String yaml = ShippedPolicies.researcherWith("    first_name: drop\n", "    first_name: drop\n    first_name: keep\n");
    PolicyFormatException e = assertThrows(PolicyFormatException.class,
        () -> Policy.parse(yaml, ShippedPolicies.RESEARCHER));
    assertTrue(e.getMessage().contains("Duplicate field 'first_name'"), e.getMessage());
  }

  /** Issue 15: a second document after `---` was silently ignored (it could hold a different k). */
  @Test
  void aSecondYamlDocumentIsRefusedNamingItsLine() {
    String shipped = ShippedPolicies.text(ShippedPolicies.RESEARCHER);
    int lines = shipped.split("\n", -1).length;
    String yaml = shipped + "---\nk_anonymity:\n  k: 2\n";
    PolicyFormatException e = assertThrows(PolicyFormatException.class,
        () -> Policy.parse(yaml, ShippedPolicies.RESEARCHER));
    assertTrue(e.getMessage().contains("holds a second YAML document, starting at line " + lines), e.getMessage());
    // An empty second document too; a single document may still start with `---`.
    assertThrows(PolicyFormatException.class, () -> Policy.parse(shipped + "---\n", ShippedPolicies.RESEARCHER));
    assertEquals(List.of(), PolicyValidator.validate(Policy.parse("---\n" + shipped, ShippedPolicies.RESEARCHER)));
  }

  /** Issue 15: a project id like ../../etc passed `policy check`; it becomes a folder name and a key purpose. */
  @Test
  void aProjectIdThatIsNotAPlainNameIsAnError() {
    for (String id : List.of("../../etc", "..", ".hidden", "a/b", "a\\b", "A B", "x".repeat(65), "-lead")) {
      String yaml = ShippedPolicies.researcherWith("  id: SDE-PROJECT-0001\n", "  id: '" + id + "'\n");
      PolicyProblem problem = only(problemsOf(yaml), "project.id");
      assertEquals("is not a valid project id: use " + ProjectIds.RULE, problem.message(), "the rule, not the value");
    }
    for (String id : List.of("SDE-PROJECT-0001", "p1", "A.b_c-9", "x".repeat(64))) {
      assertTrue(ProjectIds.isValid(id), id);
      String yaml = ShippedPolicies.researcherWith("  id: SDE-PROJECT-0001\n", "  id: " + id + "\n");
      assertEquals(List.of(), problemsOf(yaml), id);
    }
  }

  @Test
  void problemsNeverQuoteFieldValuesOtherThanWhatThePolicyWrote() {
    List<PolicyProblem> problems = problemsOf(withAction("persons", "first_name", "keep"));
    assertFalse(problems.isEmpty());
    for (PolicyProblem problem : problems) {
      assertFalse(problem.toString().matches(".*\\d{10}.*"), problem.toString());
    }
  }

  @Test
  void everyCatalogueFieldHasAMeaning() {
    for (var dataset : DatasetCatalogue.standard().datasets().values()) {
      for (CatalogueField field : dataset.fields().values()) {
        assertTrue(field.meaning().length() > 10, field.qualifiedName());
      }
    }
  }

  /** The researcher policy with {@code dataset.field}'s rule replaced by {@code action} (a scalar or flow map). */
  static String withAction(String dataset, String field, String action) {
    String text = ShippedPolicies.text(ShippedPolicies.RESEARCHER);
    int datasetAt = text.indexOf("\n  " + dataset + ":\n");
    int fieldAt = text.indexOf("\n    " + field + ":", datasetAt);
    int lineEnd = text.indexOf('\n', fieldAt + 1);
    int next = lineEnd;
    while (text.startsWith("\n      ", next)) {
      next = text.indexOf('\n', next + 1);
    }
    return text.substring(0, fieldAt) + "\n    " + field + ": " + action + text.substring(next);
  }
}
