package org.sdelink.pipelines.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.linkage.evaluation.EvaluationReport;
import org.sdelink.linkage.evaluation.PairwiseCounts;
import org.sdelink.linkage.evaluation.PairwiseEvaluation;
import org.sdelink.linkage.evaluation.PairwiseEvaluation.EntityRecordLink;

/**
 * Evaluates a spine against the generator's {@code truth.csv} ({@code source,record_id,person_id}).
 *
 * <p>Links are scored as pairs (CLD person of a council, APC episode): every CLD record and APC record that the
 * spine puts in one person predicts the link (council of the CLD record + its true person, APC episode); the truth
 * holds the same pairs for true persons. So a predicted link is right exactly when the CLD record and the episode
 * are the same true person. Reported overall, by council (the LA code that prefixes CLD record ids), and for the
 * deterministic NHS-number rule alone (episodes whose {@code match_rule} is {@code nhs_number+dob}). When the truth
 * folder holds the generator's {@code people.csv}, links are also reported by the true person's ethnic group and
 * ethnicity ({@link EthnicCategories}; only its {@code person_id} and {@code ethnicity} columns are read). Clusters
 * are also scored record pair by record pair, by source.
 */
public final class SpineEvaluation {
  public static final String TRUTH_FILE = "truth.csv";
  public static final String PEOPLE_FILE = "people.csv";

  private final EvaluationReport links;
  private final EvaluationReport nhsOnly;
  private final EvaluationReport clusters;
  private final Optional<EvaluationReport> linksByEthnicGroup;
  private final Optional<EvaluationReport> linksByEthnicity;

  private SpineEvaluation(EvaluationReport links, EvaluationReport nhsOnly, EvaluationReport clusters,
      Optional<EvaluationReport> linksByEthnicGroup, Optional<EvaluationReport> linksByEthnicity) {
    this.links = links;
    this.nhsOnly = nhsOnly;
    this.clusters = clusters;
    this.linksByEthnicGroup = linksByEthnicGroup;
    this.linksByEthnicity = linksByEthnicity;
  }

  /** Links by the true person's ethnic group, when the truth has {@code people.csv}. */
  public Optional<EvaluationReport> linksByEthnicGroup() {
    return linksByEthnicGroup;
  }

  /** Links by the true person's ethnicity (Release 2 form), when the truth has {@code people.csv}. */
  public Optional<EvaluationReport> linksByEthnicity() {
    return linksByEthnicity;
  }

  public EvaluationReport links() {
    return links;
  }

  public EvaluationReport nhsOnly() {
    return nhsOnly;
  }

  public EvaluationReport clusters() {
    return clusters;
  }

  /** Evaluates {@code spine} against {@code truth} (a {@code truth.csv} file or the folder holding it). */
  public static SpineEvaluation evaluate(Path spine, Path truth) throws IOException {
    Path truthFile = Files.isDirectory(truth) ? truth.resolve(TRUTH_FILE) : truth;
    Map<String, String> truePerson = new HashMap<>();
    for (Map<String, String> row : read(truthFile, List.of("source", "record_id", "person_id"))) {
      truePerson.put(row.get("source") + ":" + row.get("record_id"), row.get("person_id"));
    }
    Map<String, String> predictedPerson = new HashMap<>();
    Map<String, String> rule = new HashMap<>();
    for (Map<String, String> row : read(spine, LinkStage.SPINE_COLUMNS)) {
      String key = row.get("source") + ":" + row.get("record_id");
      predictedPerson.put(key, row.get("person_id"));
      rule.put(key, row.get("match_rule"));
    }
    Map<String, String> councilByEntity = new TreeMap<>();
    List<EntityRecordLink> predicted = links(predictedPerson, truePerson, councilByEntity, k -> true);
    List<EntityRecordLink> predictedNhs = links(predictedPerson, truePerson, councilByEntity,
        k -> DeterministicPersonLinker.RULE_NHS.equals(rule.get(k)));
    List<EntityRecordLink> actual = links(truePerson, truePerson, councilByEntity, k -> true);
    Map<String, String> sourceByRecord = new HashMap<>();
    for (String key : truePerson.keySet()) {
      sourceByRecord.put(key, key.substring(0, key.indexOf(':')));
    }
    Optional<EvaluationReport> byGroup = Optional.empty();
    Optional<EvaluationReport> byEthnicity = Optional.empty();
    Path people = Files.isDirectory(truth) ? truth.resolve(PEOPLE_FILE) : truthFile.resolveSibling(PEOPLE_FILE);
    if (Files.isRegularFile(people)) {
      Map<String, String> ethnicityByPerson = new HashMap<>();
      Map<String, Long> spellings = new TreeMap<>();
      for (Map<String, String> row : read(people, List.of("person_id", "ethnicity"))) {
        String category = EthnicCategories.category(row.get("ethnicity"));
        ethnicityByPerson.put(row.get("person_id"), category);
        spellings.merge(category, 1L, Long::sum);
      }
      Map<String, String> labels = EthnicCategories.labels(spellings);
      Map<String, String> groupByEntity = new TreeMap<>();
      Map<String, String> ethnicityByEntity = new TreeMap<>();
      for (String entity : councilByEntity.keySet()) {
        String category = ethnicityByPerson.get(entity.substring(entity.indexOf('|') + 1));
        String label = category == null ? EthnicCategories.UNKNOWN : labels.get(category);
        ethnicityByEntity.put(entity, label);
        groupByEntity.put(entity, EthnicCategories.group(label));
      }
      byGroup = Optional.of(PairwiseEvaluation.ofLinks(predicted, actual, groupByEntity));
      byEthnicity = Optional.of(PairwiseEvaluation.ofLinks(predicted, actual, ethnicityByEntity));
    }
    return new SpineEvaluation(
        PairwiseEvaluation.ofLinks(predicted, actual, councilByEntity),
        PairwiseEvaluation.ofLinks(predictedNhs, actual, councilByEntity),
        PairwiseEvaluation.ofClusters(predictedPerson, truePerson, sourceByRecord),
        byGroup, byEthnicity);
  }

  private interface KeyFilter {
    boolean keep(String recordKey);
  }

  /** (council|true person of a CLD record, APC record) for every CLD and APC record grouped by {@code group}. */
  private static List<EntityRecordLink> links(Map<String, String> group, Map<String, String> truePerson,
      Map<String, String> councilByEntity, KeyFilter apcFilter) {
    Map<String, Set<String>> leftByGroup = new HashMap<>();
    Map<String, List<String>> apcByGroup = new HashMap<>();
    group.forEach((key, person) -> {
      if (key.startsWith("cld:")) {
        String recordId = key.substring(4);
        String council = recordId.contains(":") ? recordId.substring(0, recordId.indexOf(':')) : "";
        String entity = council + "|" + truePerson.getOrDefault(key, "?" + key);
        councilByEntity.put(entity, council);
        leftByGroup.computeIfAbsent(person, p -> new TreeSet<>()).add(entity);
      } else if (key.startsWith("apc:") && apcFilter.keep(key)) {
        apcByGroup.computeIfAbsent(person, p -> new ArrayList<>()).add(key);
      }
    });
    List<EntityRecordLink> links = new ArrayList<>();
    leftByGroup.forEach((person, entities) -> {
      for (String apc : apcByGroup.getOrDefault(person, List.of())) {
        for (String entity : entities) {
          links.add(new EntityRecordLink(entity, apc));
        }
      }
    });
    return links;
  }

  private static List<Map<String, String>> read(Path file, List<String> required) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (String column : required) {
        if (!parser.getHeaderNames().contains(column)) {
          throw new IllegalArgumentException("file " + file + " has no column '" + column + "'");
        }
      }
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }

  /** A plain-text table of the figures. */
  public String table() {
    Map<String, PairwiseCounts> rows = new LinkedHashMap<>();
    rows.put("links (CLD person of a council, APC episode)", links.overall());
    rows.put("links, NHS-number rule only", nhsOnly.overall());
    links.bySubgroup().forEach((council, counts) -> rows.put("  council " + council, counts));
    linksByEthnicGroup.ifPresent(r -> r.bySubgroup().forEach((g, c) -> rows.put("  ethnic group " + g, c)));
    linksByEthnicity.ifPresent(r -> r.bySubgroup().forEach((g, c) -> rows.put("  ethnicity " + g, c)));
    rows.put("record pairs in clusters", clusters.overall());
    clusters.bySubgroup().forEach((source, counts) -> rows.put("  source " + source, counts));
    // Labels longer than the first column (ethnicity categories) go on a line of their own.
    int width = 44;
    String numbers = "%9d %7d %7d %9s %7s %7s%n";
    java.util.Set<String> reasons = new java.util.TreeSet<>();
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %9s %7s %7s %9s %7s %7s%n",
        "pairs", "TP", "FP", "FN", "precision", "recall", "F1"));
    rows.forEach((label, c) -> {
      if (label.length() > width) {
        t.append(String.format(Locale.ROOT, "%s%n", label));
      }
      t.append(String.format(Locale.ROOT, "%-" + width + "s " + numbers, label.length() > width ? "" : label,
          c.truePositives(), c.falsePositives(), c.falseNegatives(), c.precisionText(), c.recallText(),
          c.f1Text()));
      if (!c.notApplicableReason().isEmpty()) {
        reasons.add(c.notApplicableReason());
      }
    });
    reasons.forEach(reason -> t.append("n/a: ").append(reason).append('\n'));
    return t.toString();
  }

  /** The figures as JSON. */
  public String toJson() throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode linkNode = report(mapper, links, "by_council");
    linksByEthnicGroup.ifPresent(r -> linkNode.set("by_ethnic_group", subgroups(mapper, r)));
    linksByEthnicity.ifPresent(r -> linkNode.set("by_ethnicity", subgroups(mapper, r)));
    root.set("links", linkNode);
    root.set("links_nhs_number_rule_only", report(mapper, nhsOnly, "by_council"));
    root.set("record_pairs", report(mapper, clusters, "by_source"));
    return mapper.writeValueAsString(root) + "\n";
  }

  private static ObjectNode report(ObjectMapper mapper, EvaluationReport report, String groupName) {
    ObjectNode node = mapper.createObjectNode();
    node.set("overall", counts(mapper, report.overall()));
    ObjectNode groups = node.putObject(groupName);
    report.bySubgroup().forEach((g, c) -> groups.set(g, counts(mapper, c)));
    return node;
  }

  private static ObjectNode subgroups(ObjectMapper mapper, EvaluationReport report) {
    ObjectNode groups = mapper.createObjectNode();
    report.bySubgroup().forEach((g, c) -> groups.set(g, counts(mapper, c)));
    return groups;
  }

  static ObjectNode counts(ObjectMapper mapper, PairwiseCounts c) {
    ObjectNode n = mapper.createObjectNode();
    n.put("true_positives", c.truePositives());
    n.put("false_positives", c.falsePositives());
    n.put("false_negatives", c.falseNegatives());
    putFigure(n, "precision", c.hasPredictedPairs(), c.precision());
    putFigure(n, "recall", c.hasTruePairs(), c.recall());
    putFigure(n, "f1", c.hasPredictedPairs() && c.hasTruePairs(), c.f1());
    if (!c.notApplicableReason().isEmpty()) {
      n.put("not_applicable", c.notApplicableReason());
    }
    return n;
  }

  /** A figure, or null when it is undefined (no predicted or no true pairs). */
  static void putFigure(ObjectNode node, String name, boolean defined, double value) {
    if (defined) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
