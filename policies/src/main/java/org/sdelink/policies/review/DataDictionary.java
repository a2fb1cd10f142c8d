package org.sdelink.policies.review;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.catalogue.CatalogueDataset;
import org.sdelink.policies.catalogue.CatalogueField;
import org.sdelink.policies.catalogue.DatasetCatalogue;

/**
 * The data dictionary that goes with a release: every released field of every released dataset, with its meaning
 * from the catalogue and how the policy released it, in the catalogue's column order.
 */
public final class DataDictionary {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

  private DataDictionary() {}

  /**
   * The dictionary as Markdown, one table per dataset.
   *
   * @throws org.sdelink.policies.InvalidPolicyException when the policy has problems
   */
  public static String markdown(Policy policy) {
    ReportDocument doc = new ReportDocument("Data dictionary: " + checkNotNull(policy, "policy").name());
    doc.paragraph("Project " + policy.project().id() + ". " + policy.description());
    for (CatalogueDataset dataset : releasedDatasets(policy)) {
      doc.heading(1, dataset.name());
      doc.paragraph(dataset.description());
      List<List<String>> rows = new ArrayList<>();
      List<String> styles = new ArrayList<>();
      for (FieldRule rule : releasedRules(policy, dataset)) {
        rows.add(List.of(rule.field(), dataset.field(rule.field()).map(CatalogueField::meaning).orElseThrow(),
            TreatmentDescriptions.describe(rule, policy)));
        styles.add("");
      }
      doc.table(List.of("Column", "Meaning", "How it was released"), rows, styles);
    }
    return doc.toMarkdown();
  }

  /** The dictionary as CSV: {@code dataset,column,meaning,treatment}, with a header line and {@code \n} endings. */
  public static void writeCsv(Policy policy, Appendable out) throws IOException {
    checkNotNull(out, "out");
    try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
      printer.printRecord("dataset", "column", "meaning", "treatment");
      for (CatalogueDataset dataset : releasedDatasets(policy)) {
        for (FieldRule rule : releasedRules(policy, dataset)) {
          printer.printRecord(dataset.name(), rule.field(),
              dataset.field(rule.field()).map(CatalogueField::meaning).orElseThrow(),
              TreatmentDescriptions.describe(rule, policy));
        }
      }
    }
  }

  private static List<CatalogueDataset> releasedDatasets(Policy policy) {
    PolicyValidator.requireValid(policy);
    List<CatalogueDataset> datasets = new ArrayList<>();
    for (String name : policy.datasets().keySet()) {
      datasets.add(DatasetCatalogue.standard().dataset(name).orElseThrow());
    }
    return datasets;
  }

  private static List<FieldRule> releasedRules(Policy policy, CatalogueDataset dataset) {
    List<FieldRule> rules = new ArrayList<>();
    for (String field : dataset.fields().keySet()) {
      policy.rule(dataset.name(), field).filter(FieldRule::isReleased).ifPresent(rules::add);
    }
    return rules;
  }
}
