package org.sdelink.pipelines.link;

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
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/** Generated people, pseudonymised with a demo key: the inputs of the link-stage tests. */
final class LinkFixture {
  static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 6, 30);

  final Path root;
  final GenerationSummary generated;

  private LinkFixture(Path root, GenerationSummary generated) {
    this.root = root;
    this.generated = generated;
  }

  /** Generates {@code people} with {@code seed} and pseudonymises both sources into root/cld and root/apc. */
  static LinkFixture pseudonymised(Path root, int people, long seed) throws Exception {
    return pseudonymised(root, GeneratorConfig.of(people, seed, root.resolve("input")));
  }

  /** Generates with {@code config} (its output folder must be root/input) and pseudonymises both sources. */
  static LinkFixture pseudonymised(Path root, GeneratorConfig config) throws Exception {
    GenerationSummary generated = SyntheticDataGenerator.generate(config);
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.initDemo(keystore, "test-password".toCharArray());
    MasterKey key = Stages.openPrimaryKey(keystore, "test-password".toCharArray(), true);
    SdelinkPipelineOptions options = StageOptions.fromArgs(List.of());
    Stages.pseudonymise(InputSource.CLD, List.of(generated.files().get("cld_events.csv")), key, REFERENCE_DATE)
        .run(options, root.resolve("cld"));
    Stages.pseudonymise(InputSource.APC, List.of(generated.files().get("apc_episodes.csv")), key, REFERENCE_DATE)
        .run(options, root.resolve("apc"));
    return new LinkFixture(root, generated);
  }

  /** A fixture over an earlier run's folders (root/input, root/cld, root/apc). */
  static LinkFixture existing(Path root) {
    return new LinkFixture(root, null);
  }

  Path cld() {
    return root.resolve("cld");
  }

  Path apc() {
    return root.resolve("apc");
  }

  Path input(String name) {
    return root.resolve("input").resolve(name);
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
