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
import java.util.List;
import java.util.Optional;
import org.sdelink.linkage.em.UnestimatedComparisonsException;
import org.sdelink.linkage.engine.AcceptedLink;
import org.sdelink.linkage.engine.InMemoryLinker;
import org.sdelink.linkage.engine.LinkResult;
import org.sdelink.linkage.engine.RecordFiles;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.Waterfall;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.UserError;

/**
 * The generic mode of {@code sdelink link}: two CSV files (plaintext or pseudonymised, as the model's fields say)
 * linked in memory by the library's {@link InMemoryLinker}; writes spine.csv, pairs.csv (accepted links with
 * waterfalls), model-params.json and link-report.json. For files that fit in memory.
 */
public final class FileLinker {
  private FileLinker() {}

  public static Path link(Path left, Path right, ModelSpecFile spec, Optional<Path> parametersFile, Path output)
      throws IOException {
    LinkageModel model = spec.model();
    if (model.sources().size() != 2) {
      throw new IllegalArgumentException("model '" + model.name() + "' must name its two sources");
    }
    List<Path> inputs = new ArrayList<>(List.of(left, right));
    parametersFile.ifPresent(inputs::add);
    StageDirectory.checkOutput(output, inputs);
    Optional<ModelParameters> parameters = Optional.empty();
    if (parametersFile.isPresent()) {
      try (InputStream in = Files.newInputStream(parametersFile.get())) {
        parameters = Optional.of(ModelParameters.read(in));
      }
    }
    List<LinkRecord> lefts = RecordFiles.readCsv(left, model, model.sources().get(0));
    List<LinkRecord> rights = RecordFiles.readCsv(right, model, model.sources().get(1));
    LinkResult result;
    try {
      result = InMemoryLinker.link(lefts, rights, model, parameters);
    } catch (UnestimatedComparisonsException e) {
      throw new UserError("cannot estimate the parameters of model '" + model.name() + "' from these files: "
          + e.getMessage() + " (give --model-params FILE, e.g. the model-params.json of a link run on more data)",
          e);
    }
    StageDirectory stage = StageDirectory.begin(output, inputs);
    try {
      write(stage, model, result);
      stage.commit("link", inputs, "model=" + model.name() + ";model_sha256=" + spec.sha256()
          + ";model_params_sha256=" + parametersFile.map(StageDirectory::sha256).orElse("none"));
    } catch (IOException | RuntimeException | Error e) {
      stage.abandon();
      throw e;
    }
    return stage.target();
  }

  private static void write(StageDirectory stage, LinkageModel model, LinkResult result) throws IOException {
    Files.writeString(stage.work().resolve(LinkStage.SPINE), result.spineCsv(), StandardCharsets.UTF_8);
    Files.write(stage.work().resolve(LinkStage.PARAMETERS), result.parameters().toJsonBytes());
    List<String> lines = new ArrayList<>();
    lines.add(CsvLines.format(LinkReport.pairColumns(model)));
    for (AcceptedLink link : result.links()) {
      List<String> line = new ArrayList<>(List.of(link.fromRecord(), link.toRecord(),
          link.cut() ? "cut" : "accepted", link.link().matchRule(), PairFns.weight4(link.link().matchWeight())));
      for (Waterfall.Step step : link.waterfall().steps()) {
        line.add(step.level());
        line.add(PairFns.weight4(step.partialWeight()));
      }
      lines.add(CsvLines.format(line));
    }
    Files.writeString(stage.work().resolve(LinkStage.PAIRS), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = mapper.createObjectNode();
    report.put("stage", "link");
    report.put("method", "in-memory (InMemoryLinker): blocking, cascade, Fellegi-Sunter, assignment, clustering");
    report.put("model", model.name());
    report.set("statistics", mapper.valueToTree(result.statistics()));
    report.put("ambiguous_entities", result.ambiguous().size());
    Files.writeString(stage.work().resolve(LinkStage.REPORT), mapper.writeValueAsString(report) + "\n",
        StandardCharsets.UTF_8);
  }
}
