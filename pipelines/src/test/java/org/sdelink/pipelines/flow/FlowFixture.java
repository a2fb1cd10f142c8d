package org.sdelink.pipelines.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/** Generated data, a demo key and the stages run over them into a folder: the shared setup of flow tests. */
final class FlowFixture {
  static final ReportingPeriod PERIOD =
      ReportingPeriod.of(GeneratorConfig.DEFAULT_PERIOD_START, GeneratorConfig.DEFAULT_PERIOD_END);
  static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 6, 30);

  final Path root;
  final GenerationSummary generated;
  final MasterKey key;

  private FlowFixture(Path root, GenerationSummary generated, MasterKey key) {
    this.root = root;
    this.generated = generated;
    this.key = key;
  }

  static FlowFixture generate(Path root, int people, long seed) throws Exception {
    GenerationSummary generated = SyntheticDataGenerator.generate(GeneratorConfig.of(people, seed,
        root.resolve("input")));
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.initDemo(keystore, "test-password".toCharArray());
    MasterKey key = Stages.openPrimaryKey(keystore, "test-password".toCharArray(), true);
    return new FlowFixture(root, generated, key);
  }

  Path input(String name) {
    return generated.files().get(name);
  }

  /**
   * Runs pseudonymise (both sources), link, metrics and statistics (with the APC records and the spine: ASCOF 2D on
   * both linkages, and waiting times) into {@code out} with the given Beam arguments.
   */
  Path runStages(Path out, List<String> beamArgs) throws Exception {
    SdelinkPipelineOptions options = StageOptions.fromArgs(beamArgs);
    Stages.pseudonymise(InputSource.CLD, List.of(input("cld_events.csv")), key, REFERENCE_DATE)
        .run(options, out.resolve("cld"));
    Stages.pseudonymise(InputSource.APC, List.of(input("apc_episodes.csv")), key, REFERENCE_DATE)
        .run(options, out.resolve("apc"));
    LinkStage.of(out.resolve("cld"), out.resolve("apc")).run(options, out.resolve("linked"));
    MetricsStage.of(out.resolve("cld"), out.resolve("apc"), out.resolve("linked").resolve(LinkStage.SPINE), PERIOD)
        .run(options, out.resolve("metrics"));
    org.sdelink.pipelines.statistics.StatisticsStage.of(out.resolve("cld"),
            new org.sdelink.metrics.evaluation.FinancialYear(GeneratorConfig.DEFAULT_PERIOD_START.getYear()),
            org.sdelink.metrics.submissions.SubmissionWindow.all())
        .withPopulation(generated.population())
        .withHospital(org.sdelink.pipelines.statistics.HospitalInputs.of(out.resolve("apc"),
            out.resolve("linked").resolve(LinkStage.SPINE), null))
        .run(options, out.resolve("statistics"));
    return out;
  }

  static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }
}
