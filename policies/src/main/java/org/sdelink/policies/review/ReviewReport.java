package org.sdelink.policies.review;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.KAnonymityRules;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyFormatException;
import org.sdelink.policies.PolicyProblem;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.QuasiIdentifierRule;
import org.sdelink.policies.approval.ApprovedVersion;
import org.sdelink.policies.catalogue.CatalogueField;
import org.sdelink.policies.catalogue.DatasetCatalogue;
import org.sdelink.policies.catalogue.IdentifierClass;
import org.sdelink.policies.kanonymity.ClassSizeDistribution;

/**
 * The review report of a policy for the Information Governance reviewer, as self-contained HTML (inline CSS; no
 * scripts, fonts or remote resources) and Markdown: every field's treatment in plain English, the protection and
 * output-check rules, the risk figures of a dry run, and what changed since the last approved version. Holds no data
 * values and no time stamps: the same inputs give the same bytes.
 */
public final class ReviewReport {
  private final ReportDocument document;
  private final String policyName;

  private ReviewReport(ReportDocument document, String policyName) {
    this.document = document;
    this.policyName = policyName;
  }

  /** A builder for the report of {@code policy}. */
  public static Builder builder(Policy policy) {
    return new Builder(policy);
  }

  /** The report as a complete HTML page. */
  public String html() {
    return document.toHtml();
  }

  /** The report as Markdown. */
  public String markdown() {
    return document.toMarkdown();
  }

  /**
   * Writes {@code <policy>-review.html} and {@code <policy>-review.md} into {@code directory} (created if needed).
   *
   * @return the two files, HTML first
   */
  public ImmutableList<Path> writeTo(Path directory) throws IOException {
    checkNotNull(directory, "directory");
    Files.createDirectories(directory);
    Path html = directory.resolve(policyName + "-review.html");
    Path markdown = directory.resolve(policyName + "-review.md");
    Files.write(html, html().getBytes(StandardCharsets.UTF_8));
    Files.write(markdown, markdown().getBytes(StandardCharsets.UTF_8));
    return ImmutableList.of(html, markdown);
  }

  /** Collects the report's inputs. */
  public static final class Builder {
    private final Policy policy;
    private Optional<DryRunFigures> dryRun = Optional.empty();
    private Optional<ApprovedVersion> lastApproved = Optional.empty();

    private Builder(Policy policy) {
      this.policy = checkNotNull(policy, "policy");
    }

    /** The risk figures of a dry run of the release. */
    public Builder dryRun(DryRunFigures figures) {
      this.dryRun = Optional.of(checkNotNull(figures, "figures"));
      return this;
    }

    /** The last approved version of this policy, to diff against (see {@code PolicyApprovals.lastApproved}). */
    public Builder lastApproved(Optional<ApprovedVersion> approved) {
      this.lastApproved = checkNotNull(approved, "approved");
      return this;
    }

    public ReviewReport build() {
      return new ReviewReport(new Writer(policy, dryRun, lastApproved).write(), policy.name());
    }
  }

  private static final class Writer {
    private final Policy policy;
    private final Optional<DryRunFigures> dryRun;
    private final Optional<ApprovedVersion> lastApproved;
    private final DatasetCatalogue catalogue = DatasetCatalogue.standard();
    private final ImmutableList<PolicyProblem> problems;
    private final ReportDocument doc;

    Writer(Policy policy, Optional<DryRunFigures> dryRun, Optional<ApprovedVersion> lastApproved) {
      this.policy = policy;
      this.dryRun = dryRun;
      this.lastApproved = lastApproved;
      this.problems = PolicyValidator.validate(policy);
      this.doc = new ReportDocument("Release policy review: " + policy.name());
    }

    ReportDocument write() {
      overview();
      atAGlance();
      validation();
      fields();
      protection();
      outputChecks();
      codeTables();
      figures();
      changes();
      approving();
      return doc;
    }

    /** The few facts a reviewer needs first, in plain words, each pointing to its section below. */
    private void atAGlance() {
      doc.heading(1, "At a glance");
      List<String> facts = new ArrayList<>();
      facts.add(problems.isEmpty() ? "Automatic checks: passed (see \"Checks on the policy\")."
          : "Automatic checks: " + problems.size() + " problem(s); the policy cannot be approved until they are "
              + "fixed (see \"Checks on the policy\").");
      long released = policy.datasets().values().stream().flatMap(d -> d.values().stream())
          .filter(FieldRule::isReleased).count();
      facts.add("Fields released: " + released + " across " + policy.datasets().size() + " files; every other "
          + "field is not released (see \"What is released, field by field\").");
      policy.kAnonymity().ifPresent(k -> facts.add("Protection: every person's joined details must be shared by at "
          + "least " + k.k() + " people; at most " + TreatmentDescriptions.percent(k.maxSuppressedFraction())
          + " of the people may be left out to achieve this (see \"Protection against re-identification\")."));
      if (dryRun.isEmpty()) {
        facts.add("Dry run: none supplied, so the report cannot say how many people would be left out.");
      } else {
        DryRunFigures figures = dryRun.get();
        figures.linked().ifPresent(l -> {
          double fraction = l.persons() == 0 ? 0 : (double) l.personsSuppressed() / l.persons();
          facts.add("Dry run: " + l.personsSuppressed() + " of " + l.persons() + " people ("
              + TreatmentDescriptions.percent(fraction) + ") would be left out of every file; "
              + (l.withinLimit() ? "within the policy's limit." : "OVER the policy's limit, so the release would "
              + "stop."));
          List<String> coarser = new ArrayList<>();
          l.levels().forEach((field, level) -> {
            if (!level.equals("as released")) {
              int dot = field.indexOf('.');
              coarser.add(field.substring(dot + 1) + " (in " + field.substring(0, dot) + "): "
                  + TreatmentDescriptions.describeLevel(level));
            }
          });
          facts.add("Made coarser to protect people: " + (coarser.isEmpty() ? "nothing." : String.join("; ", coarser)
              + "."));
        });
        figures.kAnonymity().forEach((dataset, f) -> {
          if (figures.linked().filter(l -> l.datasets().contains(dataset)).isEmpty()) {
            facts.add("Dry run, file " + dataset + " (checked on its own): " + f.recordsSuppressed() + " of "
                + f.totalRecords() + " rows would be left out; " + (f.withinLimit() ? "within the policy's limit."
                : "OVER the policy's limit, so the release would stop."));
          }
        });
        figures.outputChecks().forEach((output, summary) -> facts.add("Table " + output + ": "
            + TreatmentDescriptions.describeOutputCheck(summary) + "."));
      }
      if (lastApproved.isEmpty()) {
        facts.add("Changes: no earlier version was approved, so everything is new.");
      } else {
        Optional<PolicyDiff> diff = diff();
        facts.add(diff.map(d -> d.isEmpty() ? "Changes since the last approval: none to any field or setting."
            : "Changes since the last approval: " + (d.fieldChanges().size() + d.settingChanges().size())
                + " (see \"Changes since the last approved version\").")
            .orElse("Changes: the last approved version cannot be read."));
      }
      doc.bullets(facts);
    }

    private Optional<PolicyDiff> diff() {
      try {
        return Optional.of(PolicyDiff.between(Policy.parse(lastApproved.get().text(), policy.name()), policy));
      } catch (PolicyFormatException e) {
        return Optional.empty();
      }
    }

    private void codeTables() {
      if (policy.lookups().isEmpty()) {
        return;
      }
      doc.heading(1, "Code tables supplied by the operator");
      doc.paragraph("sdelink ships no code tables. This policy uses the tables below, which the operator supplies; "
          + "the release records each table's fingerprint in its manifest.");
      List<List<String>> rows = new ArrayList<>();
      policy.lookups().values().forEach(t -> rows.add(List.of(t.name(), t.file(), t.keyColumn() + " becomes "
          + t.valueColumn(), dryRun.map(f -> f.codeTables().getOrDefault(t.name(), "not read")).orElse("not read"))));
      doc.table(List.of("Table", "File", "Columns", "Fingerprint (SHA-256) in the dry run"), rows,
          styles(rows.size(), ""));
    }

    private void overview() {
      doc.paragraph("This report explains, in plain English, what the release policy \"" + policy.name()
          + "\" lets out of the secure data environment and how. Read it before approving the policy: an approval "
          + "covers this exact file and no other version of it.");
      doc.table(List.of("Item", "Value"), List.of(
          List.of("Policy", policy.name()),
          List.of("Project", policy.project().id()),
          List.of("Approved purpose", policy.project().purpose()),
          List.of("What is released", policy.description()),
          List.of("Policy file fingerprint (SHA-256)", policy.sha256()),
          List.of("Approval", approvalStatus())), List.of("", "", "", "", "", ""));
    }

    private String approvalStatus() {
      if (lastApproved.isEmpty()) {
        return "Not approved: no version of this policy has been approved yet.";
      }
      ApprovedVersion approved = lastApproved.get();
      if (!approved.approval().isSigned()) {
        return "Not approved: the registry's last record (naming " + approved.approval().reviewer() + ") is not "
            + "signed with a reviewer's key, so it does not count; publishing refuses it.";
      }
      if (approved.approval().sha256().equals(policy.sha256())) {
        return "This exact file was approved by " + approved.approval().reviewer() + " on "
            + approved.approval().approvedAt() + " (signed with key " + approved.approval().keyFingerprint()
            + "; publishing checks the signature against the SDE's trusted reviewers).";
      }
      return "Not approved: this file differs from the last approved version (approved by "
          + approved.approval().reviewer() + " on " + approved.approval().approvedAt() + ").";
    }

    private void validation() {
      doc.heading(1, "Checks on the policy");
      if (problems.isEmpty()) {
        doc.paragraph("The policy passed every automatic check: each field of each released dataset has an allowed "
            + "action, no direct identifier is released unchanged, every released indirect identifier is counted "
            + "by the k-anonymity check, and the table rules are at least as strict as the HES and ACRO rules.", "ok");
        return;
      }
      doc.paragraph("The policy has " + problems.size() + " problem(s) and cannot be approved or used until each is "
          + "fixed.", "warning");
      List<List<String>> rows = new ArrayList<>();
      problems.forEach(p -> rows.add(List.of(p.field(), p.message())));
      doc.table(List.of("Where", "Problem and what to do"), rows, styles(rows.size(), ""));
    }

    private void fields() {
      doc.heading(1, "What is released, field by field");
      doc.paragraph("Direct identifiers (names, NHS number, full postcode, full date of birth, free text and the "
          + "environment's own identifiers) are highlighted; none of them can ever be released unchanged.", "note");
      for (Map.Entry<String, ImmutableMap<String, FieldRule>> dataset : policy.datasets().entrySet()) {
        Optional<org.sdelink.policies.catalogue.CatalogueDataset> known = catalogue.dataset(dataset.getKey());
        doc.heading(2, "Dataset: " + dataset.getKey());
        known.ifPresent(d -> doc.paragraph(d.description()));
        List<List<String>> rows = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        known.ifPresent(d -> names.addAll(d.fields().keySet()));
        dataset.getValue().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String name : names) {
          Optional<CatalogueField> field = known.flatMap(d -> d.field(name));
          FieldRule rule = dataset.getValue().get(name);
          rows.add(List.of(name,
              field.map(CatalogueField::meaning).orElse("Not in the dataset catalogue."),
              field.map(f -> f.identifierClass().plainName()).orElse("Unknown"),
              rule == null ? "No action given: see the problems above." : TreatmentDescriptions.describe(rule, policy)));
          styles.add(field.filter(f -> f.identifierClass() == IdentifierClass.DIRECT).isPresent() ? "direct" : "");
        }
        doc.table(List.of("Field", "What it is", "Kind of information", "How it is released"), rows, styles);
      }
    }

    private void protection() {
      doc.heading(1, "Protection against re-identification (k-anonymity)");
      Optional<KAnonymityRules> rules = policy.kAnonymity();
      if (rules.isEmpty()) {
        doc.paragraph("The policy sets no k-anonymity check.", "warning");
        return;
      }
      doc.paragraph(TreatmentDescriptions.describe(rules.get()));
      for (Map.Entry<String, ImmutableList<QuasiIdentifierRule>> dataset
          : rules.get().quasiIdentifiers().entrySet()) {
        doc.heading(2, "Dataset: " + dataset.getKey() + " (fields counted: "
            + TreatmentDescriptions.fieldList(dataset.getValue()) + ")");
        List<List<String>> rows = new ArrayList<>();
        for (QuasiIdentifierRule qi : dataset.getValue()) {
          rows.add(List.of(qi.field(), TreatmentDescriptions.describeLadder(qi)));
        }
        doc.table(List.of("Field", "How it may be made coarser"), rows, styles(rows.size(), ""));
      }
    }

    private void outputChecks() {
      doc.heading(1, "Checks on aggregate tables");
      if (policy.countTableRule().isPresent()) {
        doc.paragraph(TreatmentDescriptions.describe(policy.countTableRule().get()));
      } else {
        doc.paragraph("The policy sets no rule for tables of counts.", "warning");
      }
      if (policy.magnitudeRules().isPresent()) {
        doc.paragraph(TreatmentDescriptions.describe(policy.magnitudeRules().get()));
      } else {
        doc.paragraph("The policy sets no rule for tables of amounts.", "warning");
      }
      doc.paragraph("The results of these checks are written in the ACRO results.json format, so output checkers "
          + "can open them in the SACRO viewer.");
    }

    private void figures() {
      doc.heading(1, "Risk figures from a dry run");
      if (dryRun.isEmpty()) {
        doc.paragraph("No dry-run figures were supplied with this report. Ask for a report made with a dry run "
            + "before approving a policy for the first time or after changing how fields are released.", "warning");
        return;
      }
      DryRunFigures figures = dryRun.get();
      if (!figures.rowsPerDataset().isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        figures.rowsPerDataset().forEach((d, n) -> rows.add(List.of(d, Long.toString(n))));
        doc.table(List.of("Dataset", "Rows that would be released"), rows, styles(rows.size(), ""));
      }
      figures.linked().ifPresent(this::linkedFigures);
      figures.kAnonymity().forEach((dataset, f) -> gateFigures(dataset, f,
          figures.linked().filter(l -> l.datasets().contains(dataset)).isPresent()));
      if (!figures.outputChecks().isEmpty()) {
        doc.heading(2, "Output checks");
        List<List<String>> rows = new ArrayList<>();
        figures.outputChecks().forEach((o, s) -> rows.add(List.of(o, TreatmentDescriptions.describeOutputCheck(s),
            s)));
        doc.table(List.of("Table", "Outcome", "As recorded for ACRO"), rows, styles(rows.size(), ""));
      }
    }

    private void linkedFigures(DryRunFigures.LinkedFigures l) {
      doc.heading(2, "k-anonymity per person, across the linked files");
      double fraction = l.persons() == 0 ? 0 : (double) l.personsSuppressed() / l.persons();
      doc.paragraph("The files " + String.join(", ", l.datasets()) + " share the person's pseudonym, so a "
          + "researcher can join them. Of " + l.persons() + " people, " + l.personsSuppressed() + " ("
          + TreatmentDescriptions.percent(fraction) + ") would be left out of every one of these files so that "
          + "everything the joined files say about each remaining person is shared by at least " + l.k()
          + " people. " + (l.withinLimit() ? "This is within the policy's limit of "
          + TreatmentDescriptions.percent(l.maxSuppressedFraction()) + "." : "This is OVER the policy's limit of "
          + TreatmentDescriptions.percent(l.maxSuppressedFraction()) + ": the release would stop."),
          l.withinLimit() ? "ok" : "warning");
      List<List<String>> left = new ArrayList<>();
      l.rows().forEach((dataset, n) -> left.add(List.of(dataset, Long.toString(n),
          Long.toString(l.rowsSuppressed().getOrDefault(dataset, 0L)), TreatmentDescriptions.percent(
              n == 0 ? 0 : (double) l.rowsSuppressed().getOrDefault(dataset, 0L) / n))));
      doc.table(List.of("File", "Rows before the check", "Rows left out with their person", "Share left out"),
          left, styles(left.size(), ""));
      List<List<String>> levels = new ArrayList<>();
      List<String> styles = new ArrayList<>();
      l.levels().forEach((field, level) -> {
        int dot = field.indexOf('.');
        levels.add(List.of(field.substring(0, dot), field.substring(dot + 1),
            TreatmentDescriptions.describeLevel(level)));
        styles.add(level.equals("as released") ? "" : "changed");
      });
      doc.paragraph("How each counted field would be released (highlighted: made coarser than the policy's action "
          + "alone):");
      doc.table(List.of("File", "Field", "Released as"), levels, styles);
      doc.paragraph("Sizes of the groups of people who share everything the joined files say about them, before "
          + "and after making fields coarser (groups smaller than " + l.k() + " are left out):");
      sizeTable(l.k(), l.classSizesBefore(), l.classSizesAfterGeneralisation(), "People");
    }

    private void gateFigures(String dataset, DryRunFigures.KAnonymityFigures f, boolean linked) {
      doc.heading(2, linked ? "The file " + dataset + " on its own" : "k-anonymity in " + dataset);
      double fraction = f.totalRecords() == 0 ? 0 : (double) f.recordsSuppressed() / f.totalRecords();
      if (linked) {
        doc.paragraph("Of " + f.totalRecords() + " rows, " + f.recordsSuppressed() + " ("
            + TreatmentDescriptions.percent(fraction) + ") would be left out because their person is left out "
            + "(above), and " + f.recordsGeneralised() + " would have fields made coarser.");
      } else {
        doc.paragraph("Of " + f.totalRecords() + " records, " + f.recordsSuppressed() + " ("
                + TreatmentDescriptions.percent(fraction) + ") would be left out and " + f.recordsGeneralised()
                + " would have fields made coarser to reach k = " + f.k() + ". "
                + (f.withinLimit() ? "This is within the policy's limit." : "This is OVER the policy's limit: the "
                + "release would stop."), f.withinLimit() ? "" : "warning");
      }
      List<String> levels = new ArrayList<>();
      f.levels().forEach((field, level) -> levels.add(field + ": " + TreatmentDescriptions.describeLevel(level)));
      doc.paragraph("Level chosen for each field: " + String.join("; ", levels) + ".");
      doc.paragraph("Sizes of the groups of rows that share every counted value of this file, before and after "
          + "making fields coarser (groups smaller than " + f.k() + " are left out):");
      sizeTable(f.k(), f.classSizesBefore(), f.classSizesAfterGeneralisation(), "Rows");
    }

    /** The group-size table; sizes with no group before or after are left out, so the table stays short. */
    private void sizeTable(int k, ClassSizeDistribution before, ClassSizeDistribution after, String what) {
      List<List<String>> rows = new ArrayList<>();
      List<String> styles = new ArrayList<>();
      long largest = Math.max(before.bySize().isEmpty() ? 0 : before.bySize().lastKey(),
          after.bySize().isEmpty() ? 0 : after.bySize().lastKey());
      for (long[] band : bands(k, largest)) {
        long[] b = bucket(before, band[0], band[1]);
        long[] a = bucket(after, band[0], band[1]);
        if (b[0] == 0 && a[0] == 0) {
          continue;
        }
        String label = band[1] == Long.MAX_VALUE ? band[0] + " or more"
            : band[0] == band[1] ? Long.toString(band[0]) : band[0] + " to " + band[1];
        rows.add(List.of(label, Long.toString(b[0]), Long.toString(b[1]), Long.toString(a[0]),
            Long.toString(a[1])));
        styles.add(band[0] < k && a[0] > 0 ? "leftout" : "");
      }
      doc.table(List.of("Group size", "Groups before", what + " before", "Groups after", what + " after"), rows,
          styles);
      doc.paragraph("Group sizes with no group before or after are not shown. A row in red has groups smaller than "
          + k + " even after making fields coarser: the " + what.toLowerCase(java.util.Locale.ROOT) + " in them are "
          + "left out.");
    }

    private static List<long[]> bands(int k, long largest) {
      List<long[]> bands = new ArrayList<>();
      for (long size = 1; size < k; size++) {
        bands.add(new long[] {size, size});
      }
      long[] edges = {k, 2L * k, 5L * k, 10L * k};
      for (int i = 0; i < edges.length; i++) {
        long upper = i + 1 < edges.length ? edges[i + 1] - 1 : Long.MAX_VALUE;
        bands.add(new long[] {edges[i], upper});
        if (largest <= upper) {
          break;
        }
      }
      return bands;
    }

    private static long[] bucket(ClassSizeDistribution distribution, long from, long to) {
      long[] totals = new long[2];
      distribution.bySize().subMap(from, true, to, true).values().forEach(b -> {
        totals[0] += b.classes();
        totals[1] += b.records();
      });
      return totals;
    }

    private void changes() {
      doc.heading(1, "Changes since the last approved version");
      if (lastApproved.isEmpty()) {
        doc.paragraph("No earlier version of this policy has been approved, so everything in it is new.");
        return;
      }
      ApprovedVersion approved = lastApproved.get();
      Policy previous;
      try {
        previous = Policy.parse(approved.text(), policy.name());
      } catch (PolicyFormatException e) {
        doc.paragraph("The last approved version cannot be read, so no comparison is shown.", "warning");
        return;
      }
      doc.paragraph("Compared with the version approved by " + approved.approval().reviewer() + " on "
          + approved.approval().approvedAt() + " (fingerprint " + approved.approval().sha256() + ").");
      PolicyDiff diff = PolicyDiff.between(previous, policy);
      if (diff.isEmpty()) {
        doc.paragraph(approved.approval().sha256().equals(policy.sha256())
            ? "No changes: this is the approved file."
            : "No changes to any field or setting (only comments or layout differ), but the file differs, so it "
                + "needs approving again.", "ok");
        return;
      }
      if (!diff.fieldChanges().isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        for (PolicyDiff.FieldChange change : diff.fieldChanges()) {
          rows.add(List.of(change.field(), change.kind().plainName(), dash(change.before()), dash(change.after())));
        }
        doc.table(List.of("Field", "Change", "Before", "After"), rows, styles(rows.size(), "changed"));
      }
      if (!diff.settingChanges().isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        for (PolicyDiff.SettingChange change : diff.settingChanges()) {
          rows.add(List.of(change.setting(), dash(change.before()), dash(change.after())));
        }
        doc.table(List.of("Setting", "Before", "After"), rows, styles(rows.size(), "changed"));
      }
    }

    private void approving() {
      doc.heading(1, "Approving this policy");
      doc.bullets(List.of(
          "Check that every field's treatment fits the approved purpose and that nothing more is released than "
              + "the purpose needs.",
          "Check the dry-run figures: how many records would be left out or made coarser.",
          "Check every change since the last approved version.",
          "If you approve, record it with the command below. The approval covers this exact file (fingerprint "
              + policy.sha256() + "); any later change, even of one character, needs a new review and approval, "
              + "and publishing refuses an unapproved file. The approval is signed with your reviewer's key (made "
              + "once with `sdelink policy keys init`), which the SDE must list as trusted."));
      String file = policy.source().map(Path::toString).orElse("policies/" + policy.name() + ".yaml");
      doc.command("sdelink policy approve " + file + " --key YOUR_KEY_FILE --sde-config SDE_CONFIG_FILE");
    }

    private static String dash(String text) {
      return text.isEmpty() ? "-" : text;
    }

    private static List<String> styles(int rows, String style) {
      List<String> styles = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        styles.add(style);
      }
      return styles;
    }
  }
}
