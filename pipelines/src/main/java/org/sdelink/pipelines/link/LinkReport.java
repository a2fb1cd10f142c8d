package org.sdelink.pipelines.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;

/**
 * {@code link-report.json} and the self-contained {@code linkage-report.html} (inline PNG histogram, no external
 * resources) from the stage's counts. Holds counts, clear codes (council, sex, birth-year band, CLD ethnic group and
 * category), labels and weights only: never a token or an identifier.
 */
final class LinkReport {
  private LinkReport() {}

  static List<String> pairColumns(LinkageModel model) {
    List<String> columns = new ArrayList<>(List.of("left_entity", "right_entity", "status", "match_rule",
        "match_weight"));
    for (String name : model.comparisonNames()) {
      columns.add(name + "_level");
      columns.add(name + "_weight");
    }
    return columns;
  }

  static void write(LinkageModel model, ModelParameters parameters, Map<String, Long> counts, Path json, Path html)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    Map<String, Map<String, Long>> byKind = new TreeMap<>();
    Map<String, Map<String, Map<String, Long>>> rates = new TreeMap<>();
    SortedMap<Integer, Long> histogram = new TreeMap<>();
    Map<Integer, Long> clusterPersons = new TreeMap<>();
    Map<String, Map<String, Long>> cap = new TreeMap<>();
    counts.forEach((key, count) -> {
      String[] p = key.split("\t", -1);
      switch (p[0]) {
        case "rule", "la" -> byKind.computeIfAbsent(p[0], k -> new TreeMap<>()).put(p[1] + "|" + p[2], count);
        case "persons", "pairs", "accepted", "ambiguous", "vetoed" ->
            byKind.computeIfAbsent(p[0], k -> new TreeMap<>()).put(p[1], count);
        case "prior" -> byKind.computeIfAbsent(p[0], k -> new TreeMap<>())
            .put(String.join("|", List.of(p).subList(1, p.length)), count);
        case "rate" -> rates.computeIfAbsent(p[1], k -> new TreeMap<>()).computeIfAbsent(p[2], k -> new TreeMap<>())
            .put(p[3], count);
        case "hist" -> histogram.put(Integer.parseInt(p[1]), count);
        case "cluster_persons" -> clusterPersons.put(Integer.parseInt(p[1]), count);
        case "cap" -> cap.computeIfAbsent(p[1], k -> new TreeMap<>()).put(p[2], count);
        case "conflict" -> byKind.computeIfAbsent("conflict", k -> new TreeMap<>()).put(p[2], count);
        default -> { }
      }
    });
    ObjectNode root = mapper.createObjectNode();
    root.put("stage", "link");
    root.put("method", "deterministic: council client, then NHS-number token with date-of-birth check; then "
        + "Fellegi-Sunter on the pseudonymised fields of persons without a cross-source link (cascade steps first)");
    root.put("model", model.name());
    ObjectNode thresholds = root.putObject("thresholds");
    thresholds.put("match_weight", model.thresholds().matchWeight());
    thresholds.put("ambiguity_margin", model.thresholds().ambiguityMargin());
    thresholds.put("max_cluster_persons", model.thresholds().maxClusterPersons());
    thresholds.set("must_not_differ", mapper.valueToTree(model.thresholds().mustNotDiffer()));
    root.put("prior_match_probability", parameters.priorMatchProbability());
    root.put("prior_source", parameters.priorSource());
    root.set("records_by_rule", mapper.valueToTree(byKind.getOrDefault("rule", Map.of())));
    long unlinked = byKind.getOrDefault("rule", Map.of()).entrySet().stream()
        .filter(e -> e.getKey().endsWith("|" + DeterministicPersonLinker.RULE_UNLINKED))
        .mapToLong(Map.Entry::getValue).sum();
    root.put("unlinked_records", unlinked);
    root.set("persons_after_deterministic_phase", mapper.valueToTree(byKind.getOrDefault("persons", Map.of())));
    root.set("entities", mapper.valueToTree(byKind.getOrDefault("prior", Map.of())));
    root.set("clients_by_council", mapper.valueToTree(byKind.getOrDefault("la", Map.of())));
    root.set("candidate_pairs_by_blocking_rule", mapper.valueToTree(byKind.getOrDefault("pairs", Map.of())));
    root.set("accepted_links_by_rule", mapper.valueToTree(byKind.getOrDefault("accepted", Map.of())));
    root.set("ambiguous_entities", mapper.valueToTree(byKind.getOrDefault("ambiguous", Map.of())));
    root.set("candidate_pairs_vetoed_by_field", mapper.valueToTree(byKind.getOrDefault("vetoed", Map.of())));
    ObjectNode conflicts = root.putObject("cluster_conflicts");
    conflicts.set("fields", mapper.valueToTree(model.thresholds().mustNotDiffer()));
    conflicts.put("links_dropped", byKind.getOrDefault("conflict", Map.of()).getOrDefault("links_dropped", 0L));
    conflicts.put("links_ambiguous", byKind.getOrDefault("conflict", Map.of()).getOrDefault("links_ambiguous", 0L));
    ObjectNode capNode = root.putObject("cluster_cap");
    capNode.put("max_cluster_persons", model.thresholds().maxClusterPersons());
    for (String phase : List.of("apc_episode_joins", "cld_apc")) {
      ObjectNode p = capNode.putObject(phase);
      p.put("clusters_over_cap", cap.getOrDefault(phase, Map.of()).getOrDefault("clusters_over_cap", 0L));
      p.put("links_cut", cap.getOrDefault(phase, Map.of()).getOrDefault("links_cut", 0L));
    }
    ObjectNode personsNode = capNode.putObject("linked_clusters_by_persons");
    clusterPersons.forEach((n, c) -> personsNode.put(Integer.toString(n), c));
    ObjectNode rateNode = root.putObject("cld_person_link_rate");
    mergeCaseVariants(rates.get("ethnicity"));
    mergeCaseVariants(rates.get("ethnic_group"));
    rates.forEach((dimension, values) -> {
      ObjectNode d = rateNode.putObject(dimension);
      values.forEach((value, c) -> {
        ObjectNode v = d.putObject(value);
        long all = c.getOrDefault("cld_persons", 0L);
        long det = c.getOrDefault("linked_phase1", 0L);
        long prob = c.getOrDefault("linked_phase2", 0L);
        v.put("cld_persons", all);
        v.put("linked_deterministic", det);
        v.put("linked_probabilistic", prob);
        v.put("link_rate", all == 0 ? 0 : round4((double) (det + prob) / all));
      });
    });
    ObjectNode hist = root.putObject("match_weight_histogram");
    histogram.forEach((bin, c) -> hist.put(Integer.toString(bin), c));
    Files.write(json, (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.writeString(html, html(model, parameters, root, histogram), StandardCharsets.UTF_8);
  }

  /** Merges the rows of values that differ only in letter case (CLD Release 1 and 2 spellings). */
  private static void mergeCaseVariants(Map<String, Map<String, Long>> byValue) {
    if (byValue == null) {
      return;
    }
    Map<String, Long> persons = new TreeMap<>();
    byValue.forEach((value, c) -> persons.put(value, c.getOrDefault("cld_persons", 0L)));
    Map<String, String> labels = EthnicCategories.labels(persons);
    Map<String, Map<String, Long>> merged = new TreeMap<>();
    byValue.forEach((value, c) -> c.forEach((kind, n) ->
        merged.computeIfAbsent(labels.get(value), k -> new TreeMap<>()).merge(kind, n, Long::sum)));
    byValue.clear();
    byValue.putAll(merged);
  }

  private static double round4(double x) {
    return Math.round(x * 10000) / 10000.0;
  }

  private static String html(LinkageModel model, ModelParameters parameters, ObjectNode report,
      SortedMap<Integer, Long> histogram) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>sdelink linkage report</title>")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;")
        .append("margin:1em 0}td,th{border:1px solid #999;padding:2px 8px;text-align:right}th{background:#eee}")
        .append("td:first-child,th:first-child{text-align:left}td.bar,th.bar{width:12em;text-align:left}")
        .append("td.bar div{background:#369;height:0.8em}</style></head><body>\n")
        .append("<h1>Linkage report</h1>\n<p>Model <b>").append(esc(model.name())).append("</b>. ")
        .append(esc(report.get("method").asText())).append(".</p>\n");
    h.append("<p>Prior match probability ").append(String.format(Locale.ROOT, "%.3g", parameters.priorMatchProbability()))
        .append(" (").append(esc(parameters.priorSource())).append("); match-weight threshold ")
        .append(model.thresholds().matchWeight()).append(", ambiguity margin ")
        .append(model.thresholds().ambiguityMargin()).append(".</p>\n");
    h.append("<h2>Records by rule (cascade step)</h2>");
    table(h, List.of("source | rule", "records"), report.get("records_by_rule"));
    h.append("<p>Unlinked records: ").append(report.get("unlinked_records").asLong()).append("</p>");
    h.append("<h2>Probabilistic phase</h2><h3>Candidate pairs by blocking rule</h3>");
    table(h, List.of("rule", "pairs"), report.get("candidate_pairs_by_blocking_rule"));
    h.append("<h3>Accepted links by rule</h3>");
    table(h, List.of("rule", "links"), report.get("accepted_links_by_rule"));
    h.append("<h3>Ambiguous entities (left unlinked)</h3>");
    table(h, List.of("side", "entities"), report.get("ambiguous_entities"));
    h.append("<h3>Candidate pairs vetoed (must_not_differ)</h3>");
    table(h, List.of("field", "pairs"), report.get("candidate_pairs_vetoed_by_field"));
    JsonNode conflicts = report.get("cluster_conflicts");
    h.append("<h3>Links into one person bringing different ").append(esc(String.join(", ",
            model.thresholds().mustNotDiffer()))).append(" values</h3><p>")
        .append(conflicts.get("links_dropped").asLong()).append(" links dropped (a clearly stronger link brings")
        .append(" another value), ").append(conflicts.get("links_ambiguous").asLong())
        .append(" left unlinked as too close to call (e.g. both twins' hospital records matching one CLD client")
        .append(" who has no NHS number).</p>");
    JsonNode cap = report.get("cluster_cap");
    h.append("<h3>Cluster cap</h3><p>At most ").append(cap.get("max_cluster_persons").asInt())
        .append(" persons of the deterministic phase per linked person (<code>thresholds.max_cluster_persons</code>);")
        .append(" over it, the weakest links of the cluster are cut and the persons they would have joined stay")
        .append(" apart.</p><table><tr><th>links</th><th>clusters over the cap</th><th>links cut</th></tr>");
    for (String phase : List.of("apc_episode_joins", "cld_apc")) {
      h.append("<tr><td>").append(phase.equals("cld_apc") ? "CLD-APC links" : "APC episode joins")
          .append("</td><td>").append(cap.get(phase).get("clusters_over_cap").asLong()).append("</td><td>")
          .append(cap.get(phase).get("links_cut").asLong()).append("</td></tr>");
    }
    h.append("</table>");
    table(h, List.of("persons in a linked cluster", "clusters"), cap.get("linked_clusters_by_persons"));
    h.append("<h2>Link rate of CLD persons to hospital records</h2>")
        .append("<p>CLD persons (council clients, and clients of several councils sharing a valid NHS number)")
        .append(" with at least one linked hospital episode, by subgroup of the CLD person. A lower rate in a")
        .append(" subgroup means either fewer hospital stays or more missed links: compare groups with the")
        .append(" evaluation by subgroup before using linked figures by group.</p>");
    report.get("cld_person_link_rate").fields().forEachRemaining(dim -> {
      h.append("<h3>by ").append(esc(DIMENSION_TITLES.getOrDefault(dim.getKey(), dim.getKey())))
          .append("</h3><table><tr><th>").append(esc(dim.getKey()))
          .append("</th><th>CLD persons</th><th>linked (deterministic)</th><th>linked (probabilistic)</th>")
          .append("<th>link rate</th><th class=\"bar\"></th></tr>");
      dim.getValue().fields().forEachRemaining(v -> {
        double rate = v.getValue().get("link_rate").asDouble();
        String label = dim.getKey().equals("sex") ? SEX_LABELS.getOrDefault(v.getKey(), v.getKey()) : v.getKey();
        h.append("<tr><td>").append(esc(label)).append("</td><td>")
            .append(v.getValue().get("cld_persons").asLong()).append("</td><td>")
            .append(v.getValue().get("linked_deterministic").asLong()).append("</td><td>")
            .append(v.getValue().get("linked_probabilistic").asLong()).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.3f", rate)).append("</td><td class=\"bar\"><div style=\"width:")
            .append(String.format(Locale.ROOT, "%.1f", 100 * rate)).append("%\"></div></td></tr>");
      });
      h.append("</table>");
    });
    List<String> names = new ArrayList<>(model.comparisonNames());
    java.util.Set<String> unestimated = new java.util.TreeSet<>();
    if (parameters.estimation() != null && !parameters.estimation().sessions().isEmpty()) {
      unestimated.addAll(names);
      parameters.estimation().sessions().forEach(session -> unestimated.removeAll(session.estimated()));
    }
    h.append("<h2>m and u probabilities</h2>");
    if (!unestimated.isEmpty()) {
      h.append("<p>Not estimated (<i>starting m</i> below): ").append(esc(String.join(", ", unestimated)))
          .append(". No sampled pair could evaluate them (e.g. names: HES APC holds none), so they are missing on")
          .append(" every CLD-APC pair and their weights never apply.</p>");
    }
    h.append("<table><tr><th>comparison</th><th>level</th><th>m</th><th>u</th>")
        .append("<th>partial weight</th></tr>");
    for (int k = 0; k < names.size(); k++) {
      for (int l = 0; l < model.levelLabels().get(k).size(); l++) {
        if (model.isMissingLevel(k, l)) {
          continue;
        }
        double m = parameters.m().get(k, l);
        double u = parameters.u().get(k, l);
        h.append("<tr><td>").append(esc(names.get(k)))
            .append(unestimated.contains(names.get(k)) ? " <i>(starting m)</i>" : "").append("</td><td>")
            .append(esc(model.levelLabels().get(k).get(l))).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.4g", m)).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.4g", u)).append("</td><td>")
            .append(String.format(Locale.ROOT, "%+.2f", Math.log(Math.max(m, 1e-10) / Math.max(u, 1e-10))
                / Math.log(2))).append("</td></tr>");
      }
    }
    h.append("</table>");
    h.append("<h2>Match weights of scored CLD-APC candidate pairs</h2><p>Every pair blocking found, once; the")
        .append(" red line marks the bin of the match-weight threshold (").append(model.thresholds().matchWeight())
        .append("). Pairs just above it are where false links hide; pairs just below it, missed links.</p>");
    h.append("<img alt=\"histogram of match weights\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(histogramPng(histogram, model.thresholds().matchWeight())))
        .append("\">\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  /** Display labels of the unified sex codes (docs/pseudonymisation.md 2.5). */
  private static final Map<String, String> SEX_LABELS =
      Map.of("1", "1 (male)", "2", "2 (female)", "9", "9 (indeterminate)");

  private static final Map<String, String> DIMENSION_TITLES = Map.of(
      "council", "council (LA code of the CLD person's representative record)",
      "birth_year_band", "birth-year band (age)",
      "sex", "sex",
      "ethnic_group", "ethnic group (CLD Ethnicity, the part before \" - \" or \": \")",
      "ethnicity", "ethnicity (CLD category; Release 1 and 2 spellings merged)");

  private static void table(StringBuilder h, List<String> header, JsonNode node) {
    if (node.isEmpty()) {
      h.append("<p>none</p>");
      return;
    }
    h.append("<table><tr><th>").append(esc(header.get(0))).append("</th><th>").append(esc(header.get(1)))
        .append("</th></tr>");
    node.fields().forEachRemaining(e -> h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
        .append(e.getValue().asText()).append("</td></tr>"));
    h.append("</table>");
  }

  /** The histogram as a PNG: one bar per whole-number bin from the lowest to the highest, the threshold marked. */
  static byte[] histogramPng(SortedMap<Integer, Long> histogram, double threshold) throws IOException {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    if (!histogram.isEmpty()) {
      int from = Math.min(histogram.firstKey(), (int) Math.floor(threshold));
      int to = Math.max(histogram.lastKey(), (int) Math.floor(threshold));
      for (int bin = from; bin <= to; bin++) {
        data.addValue(histogram.getOrDefault(bin, 0L), "pairs", Integer.valueOf(bin));
      }
    }
    CategoryAxis x = new CategoryAxis("match weight (log2 odds, bin start)");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    NumberAxis y = new NumberAxis("candidate pairs");
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x33, 0x66, 0x99));
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    if (!histogram.isEmpty()) {
      CategoryMarker marker = new CategoryMarker(Integer.valueOf((int) Math.floor(threshold)), Color.RED,
          new BasicStroke(2f));
      marker.setDrawAsLine(true);
      plot.addDomainMarker(marker, Layer.FOREGROUND);
    }
    JFreeChart chart = new JFreeChart("Match-weight histogram", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(png, chart, 800, 400);
    return png.toByteArray();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
