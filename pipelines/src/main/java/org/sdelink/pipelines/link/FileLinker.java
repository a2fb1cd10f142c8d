package org.sdelink.pipelines.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdelink.linkage.em.UnestimatedComparisonsException;
import org.sdelink.linkage.engine.InMemoryLinker;
import org.sdelink.linkage.engine.LinkResult;
import org.sdelink.linkage.engine.LinkedPair;
import org.sdelink.linkage.engine.RecordFiles;
import org.sdelink.linkage.model.LinkType;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.model.ModelSpecException;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.PairScorer;
import org.sdelink.linkage.scoring.Waterfall;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.UserError;

/**
 * The generic mode of {@code sdelink link}: one or more CSV files (plaintext or pseudonymised, as the model's
 * fields say) linked or de-duplicated in memory by the library's {@link InMemoryLinker}, as the model's {@code
 * link_type} says; writes spine.csv (one row per record, {@code person_id} = its cluster), pairs.csv (the scored
 * pairs behind every decision, with waterfalls), model-params.json and link-report.json. For files that fit in
 * memory.
 */
public final class FileLinker {
  /** The leading columns of the generic mode's pairs.csv; then each comparison's level and partial weight. */
  public static final List<String> PAIR_COLUMNS = List.of("source_l", "record_id_l", "source_r", "record_id_r",
      "match_weight", "match_probability", "status", "match_rule");

  private FileLinker() {}

  /** Links {@code left} and {@code right} (the model's two sources, in order). */
  public static Result link(Path left, Path right, ModelSpecFile spec, Optional<Path> parametersFile, Path output)
      throws IOException {
    LinkageModel model = spec.model();
    if (model.sources().size() != 2) {
      throw ModelSpecException.at("sources", "--left/--right link the model's two sources, but model '"
          + model.name() + "' names " + model.sources().size() + " (use --input FILE for each input)");
    }
    return link(List.of(left, right), spec, parametersFile, output);
  }

  /**
   * Links or de-duplicates {@code inputs}: input i is read as the model's i-th source if the model names its
   * sources (one name per input), else as a source named after the file (or {@code input1}, {@code input2}...).
   */
  public static Result link(List<Path> inputs, ModelSpecFile spec, Optional<Path> parametersFile, Path output)
      throws IOException {
    LinkageModel model = spec.model();
    List<String> sources = sourceNames(inputs, model);
    Optional<ModelParameters> parameters = Optional.empty();
    if (parametersFile.isPresent()) {
      try (InputStream in = Files.newInputStream(parametersFile.get())) {
        parameters = Optional.of(ModelParameters.read(in));
      }
    }
    List<LinkRecord> records = new ArrayList<>();
    Map<String, RecordFiles.Contents> contents = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      RecordFiles.Contents read = RecordFiles.read(inputs.get(i), model, sources.get(i));
      contents.put(sources.get(i), read);
      records.addAll(read.records());
    }
    LinkResult result;
    try {
      result = InMemoryLinker.link(records, model, parameters);
    } catch (UnestimatedComparisonsException e) {
      throw new UserError("cannot estimate the parameters of model '" + model.name() + "' from these files: "
          + e.getMessage() + " (give --model-params FILE, e.g. the model-params.json of a link run on more data)",
          e);
    }
    StageDirectory stage = StageDirectory.begin(output);
    Files.writeString(stage.work().resolve(LinkStage.SPINE), result.spineCsv(), StandardCharsets.UTF_8);
    Files.write(stage.work().resolve(LinkStage.PARAMETERS), result.parameters().toJsonBytes());
    Files.writeString(stage.work().resolve(LinkStage.PAIRS), pairsCsv(model, result), StandardCharsets.UTF_8);
    Map<String, Long> unreadable = new TreeMap<>();
    contents.values().forEach(c -> c.unreadableDates().forEach((f, n) -> unreadable.merge(f, n, Long::sum)));
    Files.writeString(stage.work().resolve(LinkStage.REPORT), report(model, result, contents),
        StandardCharsets.UTF_8);
    List<Path> stageInputs = new ArrayList<>(inputs);
    parametersFile.ifPresent(stageInputs::add);
    stage.commit("link", stageInputs, "model=" + model.name() + ";model_sha256=" + spec.sha256()
        + ";model_params_sha256=" + parametersFile.map(StageDirectory::sha256).orElse("none")
        + ";sources=" + String.join(",", sources));
    return new Result(stage.target(), result.statistics().clusters(), unreadable);
  }

  /**
   * What a run wrote.
   *
   * @param output the output folder
   * @param clusters the number of persons (clusters) in the spine
   * @param unreadableDates per date field, the dates present but unreadable (read as missing)
   */
  public record Result(Path output, long clusters, Map<String, Long> unreadableDates) {}

  /** The source of each input: the model's sources in order, else names from the file names. */
  static List<String> sourceNames(List<Path> inputs, LinkageModel model) {
    if (inputs.isEmpty()) {
      throw new UserError("give at least one --input FILE");
    }
    if (!model.sources().isEmpty()) {
      if (model.sources().size() != inputs.size()) {
        throw ModelSpecException.at("sources", "model '" + model.name() + "' names " + model.sources().size()
            + " sources " + model.sources() + " but " + inputs.size() + " input file(s) were given; give one"
            + " --input per source, in that order");
      }
      return model.sources();
    }
    if (model.linkType() == LinkType.LINK_ONLY && inputs.size() < 2) {
      throw ModelSpecException.at("link_type", "link_type link_only links two or more inputs, but one was given"
          + " (use link_type: dedupe_only to de-duplicate one file)");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String file = String.valueOf(inputs.get(i).getFileName());
      String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
      names.add(stem);
    }
    boolean usable = names.stream().allMatch(n -> n.matches("[A-Za-z][A-Za-z0-9_.-]*"))
        && names.stream().distinct().count() == names.size();
    if (!usable) {
      names.clear();
      for (int i = 0; i < inputs.size(); i++) {
        names.add(inputs.size() == 1 ? "input" : "input" + (i + 1));
      }
    }
    return names;
  }

  /** pairs.csv: {@link #PAIR_COLUMNS}, then each comparison's level label and partial weight. */
  static String pairsCsv(LinkageModel model, LinkResult result) {
    List<String> header = new ArrayList<>(PAIR_COLUMNS);
    for (String name : model.comparisonNames()) {
      header.add(name + "_level");
      header.add(name + "_weight");
    }
    StringBuilder csv = new StringBuilder(CsvLines.format(header)).append('\n');
    for (LinkedPair pair : result.pairs()) {
      List<String> line = new ArrayList<>(List.of(pair.sourceL(), pair.recordIdL(), pair.sourceR(),
          pair.recordIdR(), fixed(pair.matchWeight(), 4), fixed(PairScorer.probability(pair.matchWeight()), 6),
          pair.status(), pair.matchRule()));
      for (Waterfall.Step step : pair.waterfall().steps()) {
        line.add(step.level());
        line.add(fixed(step.partialWeight(), 4));
      }
      csv.append(CsvLines.format(line)).append('\n');
    }
    return csv.toString();
  }

  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /**
   * {@code value} rounded to {@code decimals} places (half away from zero on the scaled value), much faster than
   * {@code String.format} for the hundreds of thousands of numbers of a large pairs.csv; deterministic.
   */
  static String fixed(double value, int decimals) {
    long scale = POWERS_OF_TEN[decimals];
    if (!Double.isFinite(value) || Math.abs(value) >= 1e12) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    long scaled = Math.round(Math.abs(value) * scale);
    StringBuilder text = new StringBuilder(decimals + 8);
    if (value < 0 && scaled != 0) {
      text.append('-');
    }
    text.append(scaled / scale).append('.');
    String fraction = Long.toString(scaled % scale);
    for (int i = fraction.length(); i < decimals; i++) {
      text.append('0');
    }
    return text.append(fraction).toString();
  }

  private static String report(LinkageModel model, LinkResult result, Map<String, RecordFiles.Contents> contents)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = mapper.createObjectNode();
    report.put("stage", "link");
    report.put("method", "in-memory (InMemoryLinker): blocking, cascade, Fellegi-Sunter, "
        + model.clusteringMethod().name().toLowerCase(Locale.ROOT));
    report.put("model", model.name());
    report.put("link_type", model.linkType().specName());
    report.put("clustering", model.clusteringMethod().name().toLowerCase(Locale.ROOT));
    report.put("match_weight_threshold", model.thresholds().matchWeight());
    ObjectNode inputs = report.putObject("inputs");
    contents.forEach((source, read) -> {
      ObjectNode node = inputs.putObject(source);
      node.put("rows", read.rows());
      node.put("records", read.records().size());
      node.put("repeated_ids_read_once", read.repeatedIds());
      ObjectNode dates = node.putObject("unreadable_dates_read_as_missing");
      read.unreadableDates().forEach(dates::put);
    });
    report.set("statistics", mapper.valueToTree(result.statistics()));
    report.put("ambiguous_entities", result.ambiguous().size());
    Map<String, Long> byStatus = new TreeMap<>();
    result.pairs().forEach(p -> byStatus.merge(p.status(), 1L, Long::sum));
    ObjectNode pairs = report.putObject("pairs_by_status");
    byStatus.forEach(pairs::put);
    return mapper.writeValueAsString(report) + "\n";
  }
}
