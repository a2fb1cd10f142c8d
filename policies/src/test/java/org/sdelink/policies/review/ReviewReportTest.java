package org.sdelink.policies.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import com.google.common.html.HtmlEscapers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.Policy;
import org.sdelink.policies.ShippedPolicies;
import org.sdelink.policies.approval.Approval;
import org.sdelink.policies.approval.ApprovedVersion;
import org.sdelink.policies.kanonymity.KAnonymityGate;
import org.sdelink.policies.kanonymity.KAnonymityResult;
import org.sdelink.policies.kanonymity.LinkedClassFigures;
import org.sdelink.policies.kanonymity.LinkedKAnonymityGate;
import org.sdelink.policies.kanonymity.LinkedKAnonymityResult;
import org.sdelink.policies.kanonymity.LinkedQuasiIdentifiers;
import org.sdelink.policies.kanonymity.PersonQuasiIdentifiers;

class ReviewReportTest {

  private static DryRunFigures figures(Policy policy) {
    KAnonymityGate gate = KAnonymityGate.forDataset(policy, "discharges", ImmutableMap.of());
    Map<List<String>, Long> counts = new HashMap<>();
    counts.put(List.of("65-74", "1", "E08000035", "RR8"), 40L);
    counts.put(List.of("75-84", "2", "E08000035", "RR8"), 25L);
    counts.put(List.of("85+", "2", "E09000001", "RR8"), 1L);
    KAnonymityResult result = gate.evaluate(counts);
    return DryRunFigures.of(Map.of("persons", 60L, "discharges", 66L), Map.of("discharges", result),
        Map.of("summary", "review; threshold: 2 cells suppressed; secondary: 2 cells suppressed; "));
  }

  private static void assertEveryFieldExplained(Policy policy, String html) {
    for (Map<String, FieldRule> dataset : policy.datasets().values()) {
      for (FieldRule rule : dataset.values()) {
        String sentence = HtmlEscapers.htmlEscaper().escape(TreatmentDescriptions.describe(rule, policy));
        assertTrue(html.contains("<td>" + rule.field() + "</td>"), rule.qualifiedName());
        assertTrue(html.contains(sentence), rule.qualifiedName() + ": " + sentence);
      }
    }
  }

  @Test
  void htmlExplainsEveryFieldInPlainEnglishAndIsSelfContained() {
    Policy policy = ShippedPolicies.researcher();
    ReviewReport report = ReviewReport.builder(policy).dryRun(figures(policy)).build();
    String html = report.html();
    assertEveryFieldExplained(policy, html);
    assertTrue(html.contains("Released as recorded."));
    assertTrue(html.contains("<td>birth_year</td>"));
    assertTrue(html.contains("if needed, first 5-year bands, then 10-year bands, then 20-year bands, then withheld"),
        html);
    // The age-band wording, on a policy that still releases the date of birth as an age band.
    Policy ageBands = ShippedPolicies.researcherWithAgeBands();
    String ageBandHtml = ReviewReport.builder(ageBands).dryRun(figures(ageBands)).build().html();
    assertEveryFieldExplained(ageBands, ageBandHtml);
    assertTrue(ageBandHtml.contains("Released as the person&#39;s age on 2025-03-31 in 5-year bands (e.g. 65-69)"));
    assertTrue(html.contains("Not released."));
    assertTrue(html.contains("Replaced by a pseudonym made for this project only (level 2)"));
    assertTrue(html.contains("counts from 1 to 7 are hidden and shown as *"));
    assertTrue(html.contains("passed every automatic check"));
    assertTrue(html.contains("Of 66 records, 1 (1.52%) would be left out"), html);
    assertTrue(html.contains("<style>"));
    for (String forbidden : List.of("<script", "http://", "https://", "<link", "@import", "url(", "@font-face",
        "<img", "<iframe")) {
      assertFalse(html.contains(forbidden), forbidden);
    }
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.endsWith("</html>\n"));
    assertEquals(html, ReviewReport.builder(policy).dryRun(figures(policy)).build().html(), "deterministic");
  }

  /** Dry-run figures with the person-level gate's decision over a few persons, three of whom stand out. */
  private static DryRunFigures linkedFigures(Policy policy) throws Exception {
    LinkedQuasiIdentifiers linked = LinkedQuasiIdentifiers.forPolicy(policy, List.of("persons", "journeys",
        "discharges"), ImmutableMap.of()).orElseThrow();
    List<PersonQuasiIdentifiers> persons = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      PersonQuasiIdentifiers.Builder b = PersonQuasiIdentifiers.builder()
          .add("persons", List.of(Integer.toString(1930 + i % 20), i % 2 == 0 ? "1" : "2", "White", "E08000035"))
          .add("journeys", List.of("E08000035", i < 3 ? "RAE" : "RR8"));
      persons.add(b.build());
    }
    LinkedKAnonymityResult result = LinkedKAnonymityGate.of(linked).search(linked.asReleased(), vectors ->
        vectors.stream().map(v -> LinkedClassFigures.of(linked, v, persons)).toList());
    return DryRunFigures.of(Map.of("persons", 200L), Map.of(), Map.of("summary",
        "review; threshold: 2 cells suppressed; secondary: 2 cells suppressed; "), Optional.of(result), Map.of());
  }

  @Test
  void aNonCoderFindsTheHeadlineFiguresFirstAndThePersonLevelFiguresInPlainWords() throws Exception {
    Policy policy = ShippedPolicies.researcher();
    DryRunFigures figures = linkedFigures(policy);
    DryRunFigures.LinkedFigures linked = figures.linked().orElseThrow();
    assertTrue(linked.withinLimit());
    String html = ReviewReport.builder(policy).dryRun(figures).build().html();
    assertTrue(html.indexOf("<h2 id=\"s1\">At a glance</h2>") < html.indexOf("Checks on the policy</h2>"), html);
    assertTrue(html.contains("<li><a href=\"#s6\">Risk figures from a dry run</a></li>"), html);
    assertTrue(html.contains("<li>Dry run: " + linked.personsSuppressed() + " of 200 people ("), html);
    assertTrue(html.contains("would be left out of every file; within the policy&#39;s limit.</li>"), html);
    assertTrue(html.contains("Table summary: to be looked at by the output checker (2 cells hidden: too few people "
        + "(hidden as a small number); 2 cells hidden: hidden so that another hidden value cannot be worked out "
        + "from a total)."), html);
    assertTrue(html.contains("k-anonymity per person, across the linked files"));
    assertTrue(html.contains("so that everything the joined files say about each remaining person is shared by at "
        + "least 10 people"), html);
    assertTrue(html.contains("<td>birth_year</td><td>"), html);
    assertTrue(html.contains("withheld (shown as *)") || html.contains("5-year bands"), html);
    assertTrue(html.contains("<th scope=\"col\">People before</th>"));
    assertTrue(linked.personsSuppressed() == 0 || html.contains("<tr class=\"leftout\">"), html);
    assertTrue(ReviewReport.builder(policy).dryRun(figures).build().markdown()
        .contains("### k-anonymity per person, across the linked files"));
  }

  @Test
  void showsTheDifferenceFromTheLastApprovedVersion() {
    String approvedText = ShippedPolicies.text(ShippedPolicies.RESEARCHER);
    String changedText = approvedText;
    changedText = ShippedPolicies.replaceOnce(changedText, "    provider: keep\n    client_type: keep",
        "    provider: drop\n    client_type: keep");
    changedText = ShippedPolicies.replaceOnce(changedText,
        "      - field: provider\n        ladder: [withheld]\n    discharges:", "    discharges:");
    changedText = ShippedPolicies.replaceOnce(changedText, "  k: 10\n", "  k: 15\n");
    Policy current = Policy.parse(changedText, ShippedPolicies.RESEARCHER);
    Approval approval = new Approval(1, ShippedPolicies.RESEARCHER, "SDE-PROJECT-0001",
        Policy.sha256Of(approvedText.getBytes()), "Jo Bloggs", "2025-06-02T09:30:00Z",
        "researcher-linked-journeys/x.yaml", "sha256:" + "a".repeat(64), "c2lnbmF0dXJl");
    ReviewReport report = ReviewReport.builder(current)
        .lastApproved(Optional.of(new ApprovedVersion(approval, approvedText))).build();
    String html = report.html();
    assertTrue(html.contains("<tr class=\"changed\"><td>journeys.provider</td><td>action changed</td>"
        + "<td>keep</td><td>drop</td></tr>"), html);
    assertTrue(html.contains("<td>k_anonymity.k</td><td>10</td><td>15</td>"), html);
    assertTrue(html.contains("<td>k_anonymity.quasi_identifiers.journeys.provider</td><td>ladder [withheld]</td>"
        + "<td>-</td>"), html);
    assertTrue(html.contains("Not approved: this file differs from the last approved version"));
    String markdown = report.markdown();
    assertTrue(markdown.contains("| journeys.provider | action changed | keep | drop |"), markdown);
    assertTrue(markdown.contains("| k\\_anonymity.k | 10 | 15 |"), markdown);
  }

  @Test
  void approvedFileAndInvalidPolicyAreReportedAsSuch(@TempDir Path dir) throws Exception {
    String text = ShippedPolicies.text(ShippedPolicies.RESEARCHER);
    Policy policy = Policy.parse(text, ShippedPolicies.RESEARCHER);
    Approval approval = new Approval(1, policy.name(), "SDE-PROJECT-0001", policy.sha256(), "Jo Bloggs",
        "2025-06-02T09:30:00Z", "researcher-linked-journeys/x.yaml", "sha256:" + "a".repeat(64), "c2lnbmF0dXJl");
    ReviewReport approved = ReviewReport.builder(policy)
        .lastApproved(Optional.of(new ApprovedVersion(approval, text))).build();
    assertTrue(approved.html().contains("This exact file was approved by Jo Bloggs on 2025-06-02T09:30:00Z (signed "
        + "with key sha256:" + "a".repeat(64)));
    Approval unsigned = new Approval(1, policy.name(), "SDE-PROJECT-0001", policy.sha256(), "A. Made-Up",
        "2025-06-02T09:30:00Z", "researcher-linked-journeys/x.yaml", "", "");
    assertTrue(ReviewReport.builder(policy).lastApproved(Optional.of(new ApprovedVersion(unsigned, text))).build()
        .html().contains("is not signed with a reviewer"), "a hand-written record is not shown as an approval");
    assertTrue(approved.html().contains("No changes: this is the approved file."));
    assertTrue(approved.html().contains("No dry-run figures were supplied"));

    Policy invalid = Policy.parse(text.replace("    first_name: drop\n", "    first_name: keep\n"),
        ShippedPolicies.RESEARCHER);
    String html = ReviewReport.builder(invalid).build().html();
    assertTrue(html.contains("has 1 problem(s) and cannot be approved"), html);
    assertTrue(html.contains("datasets.persons.first_name"));

    List<Path> files = ReviewReport.builder(policy).build().writeTo(dir);
    assertEquals(List.of(dir.resolve("researcher-linked-journeys-review.html"),
        dir.resolve("researcher-linked-journeys-review.md")), files);
    assertTrue(Files.readString(files.get(1)).startsWith("# Release policy review: researcher-linked-journeys\n"));
  }
}
