package org.sdelink.pipelines.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/** Generated CLD, pseudonymised with a demo key into {@code root/cld}: the input of the dashboard tests. */
final class ReportFixture {
  static final ReportingPeriod PERIOD =
      ReportingPeriod.of(GeneratorConfig.DEFAULT_PERIOD_START, GeneratorConfig.DEFAULT_PERIOD_END);
  static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 6, 30);

  final Path root;
  final GenerationSummary generated;
  final Path cldDir;

  private ReportFixture(Path root, GenerationSummary generated, Path cldDir) {
    this.root = root;
    this.generated = generated;
    this.cldDir = cldDir;
  }

  static ReportFixture create(Path root, int people, long seed, CouncilFaultRates rates) throws Exception {
    GenerationSummary generated = SyntheticDataGenerator.generate(
        GeneratorConfig.of(people, seed, root.resolve("input")).withCouncilFaultRates(rates));
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.initDemo(keystore, "test-password".toCharArray());
    MasterKey key = Stages.openPrimaryKey(keystore, "test-password".toCharArray(), true);
    Path cld = root.resolve("cld");
    Stages.pseudonymise(InputSource.CLD, List.of(generated.files().get("cld_events.csv")), key, REFERENCE_DATE)
        .run(StageOptions.fromArgs(List.of()), cld);
    return new ReportFixture(root, generated, cld);
  }

  /** A code-list file covering some CLD fields (others stay unchecked), in {@code root/codes}. */
  Path codeLists() throws IOException {
    Path dir = root.resolve("codes");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cld_code_lists.json"), String.join("\n",
        "{\"_about\": \"test lists\",",
        " \"Event_Type\": {\"R1\": [\"Request\", \"Assessment\", \"Service\", \"Review\"]},",
        " \"Gender\": {\"R1\": [\"Male\", \"Female\", \"Other\", \"Unknown\"]},",
        " \"Client_Type\": {\"R1\": [\"Service User\", \"Carer\"], \"R2\": [\"Service user\", \"Unpaid carer\"]},",
        " \"Request_Route_of_Access\": {\"R1\": [\"Discharge from Hospital\", \"Community / Other route\"]},",
        " \"Service_Type\": {\"R1\": [\"Long Term Support: Community\", \"Long Term Support: Residential Care\"]},",
        " \"Review_Reason\": {\"R1\": [\"Planned\"]}}"), StandardCharsets.UTF_8);
    return dir;
  }

  /** A CSV file as rows of column name to value, in file order. */
  static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord record : parser) {
        rows.add(new LinkedHashMap<>(record.toMap()));
      }
    }
    return rows;
  }

  /** A dashboard CSV as row label -> column -> text. */
  static Map<String, Map<String, String>> readTable(Path file) throws IOException {
    Map<String, Map<String, String>> table = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      String first = parser.getHeaderNames().get(0);
      for (CSVRecord record : parser) {
        Map<String, String> row = new LinkedHashMap<>(record.toMap());
        table.put(row.remove(first), row);
      }
    }
    return table;
  }
}
