package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.publish.TestApprovals;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.policies.Policy;
import org.sdelink.policies.kanonymity.KAnonymityGate;

/** Releases generated data for two projects and proves the release's safety properties on the written files. */
class ReleasePropertiesTest {
  @TempDir static Path root;
  static FlowFixture fixture;
  static Path stages;
  static Path releaseA;
  static Path releaseB;
  static Path policyA;
  /** A tables-only release (the shipped published-metrics policy): the summary table travels without rows. */
  static Path releaseTables;

  @BeforeAll
  static void publishTwoProjects() throws Exception {
    fixture = FlowFixture.generate(root, 1500, 60_606);
    stages = fixture.runStages(root.resolve("stages"), List.of());
    policyA = approvedPolicy("PROJECT-A");
    Path policyB = approvedPolicy("PROJECT-B");
    releaseA = PublishStage.of("PROJECT-A", policyA, stages.resolve("metrics"), fixture.key,
        TestApprovals.sde(policyA))
        .run(StageOptions.fromArgs(List.of()), root.resolve("release-a"));
    releaseB = PublishStage.of("PROJECT-B", policyB, stages.resolve("metrics"), fixture.key,
        TestApprovals.sde(policyB))
        .run(StageOptions.fromArgs(List.of()), root.resolve("release-b"));
    Path policyTables = approvedPolicyIn(root, "PROJECT-T", "published-metrics");
    releaseTables = PublishStage.of("PROJECT-T", policyTables, stages.resolve("metrics"), fixture.key,
        TestApprovals.sde(policyTables))
        .run(StageOptions.fromArgs(List.of()), root.resolve("release-tables"));
  }

  static Path approvedPolicy(String project) throws Exception {
    return approvedPolicyIn(root, project);
  }

  /** A copy of the shipped policy for {@code project}, approved by a test reviewer, in a folder under {@code dir}. */
  static Path approvedPolicyIn(Path dir0, String project) throws Exception {
    return approvedPolicyIn(dir0, project, "researcher-linked-journeys");
  }

  /** A copy of the shipped policy {@code name} for {@code project}, approved by a test reviewer. */
  static Path approvedPolicyIn(Path dir0, String project, String name) throws Exception {
    Path shipped = Path.of(System.getProperty("user.dir")).resolve("../policies/" + name + ".yaml");
    String text = Files.readString(shipped).replaceFirst("(?m)^(\\s*id:\\s*).*$", "$1" + project);
    Path dir = dir0.resolve("policy-" + project);
    Files.createDirectories(dir);
    Path policy = dir.resolve(name + ".yaml");
    Files.writeString(policy, text);
    TestApprovals.approve(policy);
    return policy;
  }

  @Test
  void noQuasiIdentifierClassIsSmallerThanK() throws Exception {
    Policy policy = Policy.load(policyA);
    int k = policy.kAnonymity().orElseThrow().k();
    for (String dataset : PublishStage.RECORD_DATASETS) {
      List<String> fields = KAnonymityGate.forDataset(policy, dataset, Map.of()).fields();
      Map<List<String>, Integer> classes = new HashMap<>();
      List<Map<String, String>> rows = FlowFixture.readCsv(releaseA.resolve(dataset + ".csv"));
      assertFalse(rows.isEmpty(), dataset + " is empty");
      for (Map<String, String> row : rows) {
        classes.merge(fields.stream().map(row::get).toList(), 1, Integer::sum);
      }
      classes.forEach((key, size) -> assertTrue(size >= k, dataset + " has a class of " + size + " < k=" + k));
    }
  }

  /**
   * A researcher joins the released files on person_id and puts together, for each person, every quasi-identifier
   * value the three files give (the persons row's, and the set of each file's combinations over the person's rows).
   * Every such combination is shared by at least k persons; persons who would not be were left out of every file.
   */
  @Test
  void joinedOnPersonIdEveryPersonsCombinedQuasiIdentifiersAreSharedByAtLeastKPersons() throws Exception {
    Policy policy = Policy.load(policyA);
    int k = policy.kAnonymity().orElseThrow().k();
    Map<String, Map<String, Set<List<String>>>> joined = new java.util.TreeMap<>();
    Map<String, Set<String>> idsByDataset = new HashMap<>();
    for (String dataset : PublishStage.RECORD_DATASETS) {
      List<String> fields = KAnonymityGate.forDataset(policy, dataset, Map.of()).fields();
      Set<String> ids = new HashSet<>();
      for (Map<String, String> row : FlowFixture.readCsv(releaseA.resolve(dataset + ".csv"))) {
        ids.add(row.get("person_id"));
        joined.computeIfAbsent(row.get("person_id"), p -> new java.util.TreeMap<>())
            .computeIfAbsent(dataset, d -> new HashSet<>())
            .add(fields.stream().map(row::get).toList());
      }
      idsByDataset.put(dataset, ids);
    }
    Map<Map<String, Set<List<String>>>, Integer> groups = new HashMap<>();
    joined.values().forEach(person -> groups.merge(person, 1, Integer::sum));
    assertTrue(joined.size() > 1000, "persons released: " + joined.size());
    groups.forEach((combined, size) -> assertTrue(size >= k, "a joined group of " + size + " < k=" + k));
    assertTrue(idsByDataset.get("persons").containsAll(idsByDataset.get("journeys"))
        && idsByDataset.get("persons").containsAll(idsByDataset.get("discharges")),
        "a person left out of persons.csv is left out of every file");

    // The manifest reports what was left out, and it is what is missing from the files.
    JsonNode perPerson = new ObjectMapper().readTree(releaseA.resolve(PublishStage.MANIFEST).toFile())
        .path("k_anonymity").path("per_person");
    long personsIn = FlowFixture.readCsv(stages.resolve("metrics").resolve("persons.csv")).size();
    assertEquals(personsIn, perPerson.path("persons").asLong());
    assertEquals(personsIn - idsByDataset.get("persons").size(), perPerson.path("persons_suppressed").asLong());
    for (String dataset : PublishStage.RECORD_DATASETS) {
      long in = FlowFixture.readCsv(stages.resolve("metrics").resolve(Map.of("persons",
          org.sdelink.pipelines.metrics.MetricsStage.PERSONS, "journeys",
          org.sdelink.pipelines.metrics.MetricsStage.JOURNEYS, "discharges",
          org.sdelink.pipelines.metrics.MetricsStage.DISCHARGES).get(dataset))).size();
      long out = FlowFixture.readCsv(releaseA.resolve(dataset + ".csv")).size();
      assertEquals(in - out, perPerson.path("rows_suppressed").path(dataset).asLong(), dataset);
    }
  }

  @Test
  void noUnsuppressedSmallCountAndNoSuppressedCellRecoverableFromItsTotal() throws Exception {
    List<Map<String, String>> summary = FlowFixture.readCsv(releaseTables.resolve("summary.csv"));
    assertTrue(summary.size() > 20);
    Map<String, Map<String, String>> totals = new HashMap<>();
    Map<String, List<Map<String, String>>> groups = new HashMap<>();
    for (Map<String, String> row : summary) {
      for (String column : List.of("numerator", "denominator")) {
        String value = row.get(column);
        if (!value.equals("*") && !value.isEmpty() && !value.contains(".")) {
          long count = Long.parseLong(value);
          assertFalse(count >= 1 && count <= 7, "unsuppressed small count in " + row);
          assertEquals(0, count % 5, "count not rounded to 5 in " + row);
        }
      }
      if (row.get("breakdown").equals("all")) {
        totals.put(row.get("metric"), row);
      } else {
        groups.computeIfAbsent(row.get("metric") + "|" + row.get("breakdown"), g -> new java.util.ArrayList<>())
            .add(row);
      }
    }
    groups.forEach((key, rows) -> {
      for (String column : List.of("numerator", "denominator")) {
        long suppressed = rows.stream().filter(r -> r.get(column).equals("*")).count();
        String total = totals.get(key.substring(0, key.indexOf('|'))).get(column);
        if (!total.equals("*")) {
          assertFalse(suppressed == 1, "a single suppressed " + column + " in " + key + " is recoverable from the"
              + " published total");
        }
      }
    });
  }

  @Test
  void noLevel1IdOrTokenInAnyFileAndProjectsDoNotShareIds() throws Exception {
    Set<String> level1 = new HashSet<>();
    for (Map<String, String> row : FlowFixture.readCsv(stages.resolve("metrics").resolve("persons.csv"))) {
      level1.add(row.get("person_id"));
      if (!row.get("nhs_number_token").isEmpty()) {
        level1.add(row.get("nhs_number_token"));
      }
    }
    for (Map<String, String> row : FlowFixture.readCsv(stages.resolve("cld").resolve("records.csv"))) {
      for (String column : List.of("nhs_number_token", "family_name_token", "postcode_token", "dob_token")) {
        if (!row.get(column).isEmpty()) {
          level1.add(row.get(column));
        }
      }
    }
    try (Stream<Path> files = Files.list(releaseA)) {
      // Parquet copies hold exactly the CSV values (everyDatasetIsAlsoWrittenAsParquet...), so text files suffice.
      for (Path file : files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().endsWith(".parquet")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // A leading ' is the spreadsheet-safety prefix (issue 15): split on it too, so no id hides behind it.
        for (String cell : text.split("[,\"\\n\\r|{}\\[\\] :']+")) {
          assertFalse(level1.contains(cell.trim()), "a level-1 value in " + file.getFileName());
        }
      }
    }
    Set<String> idsA = personIds(releaseA);
    Set<String> idsB = personIds(releaseB);
    assertTrue(idsA.size() > 100 && idsB.size() > 100);
    Set<String> shared = new HashSet<>(idsA);
    shared.retainAll(idsB);
    assertTrue(shared.isEmpty(), shared.size() + " person ids shared by two projects");
  }

  /**
   * An attacker with the release but not the key tries the classic attack on hashed NHS numbers: hash every candidate
   * number without a key (SHA-256, and HMAC with an empty or guessed key, in the encodings tokens use) and look for
   * matches. The candidates here are the true NHS numbers of every generated person, which contain every number an
   * enumeration of all 10-digit numbers could match; none of their unkeyed hashes appears in the release.
   */
  @Test
  void hashingEveryTrueNhsNumberWithoutTheKeyMatchesNothingInTheRelease() throws Exception {
    Set<String> released = new HashSet<>();
    try (Stream<Path> files = Files.list(releaseA)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
        for (Map<String, String> row : FlowFixture.readCsv(file)) {
          released.addAll(row.values());
        }
      }
    }
    List<String> people = FlowFixture.readCsv(fixture.input("people.csv")).stream()
        .map(r -> r.get("nhs_number")).filter(n -> n != null && n.length() == 10).toList();
    assertTrue(people.size() > 1000);
    java.util.Base64.Encoder base64url = java.util.Base64.getUrlEncoder().withoutPadding();
    java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
    List<javax.crypto.Mac> guessedKeys = new java.util.ArrayList<>();
    for (String guess : List.of("\0", "sdelink", "sdelink/v1", "PROJECT-A", "link/nhs_number")) {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(guess.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      guessedKeys.add(mac);
    }
    int tried = 0;
    for (String nhs : people) {
      byte[] input = nhs.getBytes(StandardCharsets.UTF_8);
      List<byte[]> digests = new java.util.ArrayList<>();
      digests.add(sha256.digest(input));
      for (javax.crypto.Mac mac : guessedKeys) {
        digests.add(mac.doFinal(input));
      }
      for (byte[] digest : digests) {
        for (String candidate : List.of(java.util.HexFormat.of().formatHex(digest), base64url.encodeToString(digest),
            base64url.encodeToString(java.util.Arrays.copyOf(digest, 16)))) {
          tried++;
          assertFalse(released.contains(candidate), "an unkeyed hash of an NHS number is in the release");
        }
      }
    }
    assertTrue(tried >= people.size() * 18);
  }

  @Test
  void publishingAgainGivesByteIdenticalFilesParquetIncluded() throws Exception {
    Path again = PublishStage.of("PROJECT-A", policyA, stages.resolve("metrics"), fixture.key,
        TestApprovals.sde(policyA))
        .run(StageOptions.fromArgs(List.of("--buckets=5")), root.resolve("release-a-again"));
    try (Stream<Path> files = Files.list(releaseA)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (!name.equals(StageDirectory.SUCCESS)) {
          assertEquals(StageDirectory.sha256(file), StageDirectory.sha256(again.resolve(name)), name);
        }
      }
    }
  }

  @Test
  void manifestHashesMatchTheFiles() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(releaseA.resolve(PublishStage.MANIFEST).toFile());
    JsonNode hashes = manifest.get("files_sha256");
    assertTrue(hashes.size() >= 6);
    for (Iterator<Map.Entry<String, JsonNode>> it = hashes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      assertEquals(file.getValue().asText(), StageDirectory.sha256(releaseA.resolve(file.getKey())), file.getKey());
    }
    assertEquals(Policy.load(policyA).sha256(), manifest.get("policy").get("sha256").asText());
    assertEquals(fixture.key.id(), manifest.get("keys").get("master_key_id").asText());
  }

  /** Issue 15: the manifest carries the approval's signature and key fingerprint, verifiable from it alone. */
  @Test
  void theManifestRecordsTheSignedApprovalAndTheReviewersKeyFingerprint() throws Exception {
    var sde = TestApprovals.sde(policyA);
    var registered = new org.sdelink.policies.approval.PolicyApprovals(java.time.Clock.systemUTC())
        .requireApproved(policyA, sde.reviewers());
    var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(releaseA.resolve("manifest.json")
        .toFile()).path("policy");
    var node = manifest.path("approval");
    assertEquals(registered.keyFingerprint(), node.path("key_fingerprint").asText());
    assertEquals(registered.signature(), node.path("signature").asText());
    var fromManifest = new org.sdelink.policies.approval.Approval(node.path("sequence").asInt(),
        manifest.path("name").asText(), node.path("project").asText(), node.path("sha256").asText(),
        node.path("reviewer").asText(), node.path("approved_at").asText(), node.path("approved_copy").asText(),
        node.path("key_fingerprint").asText(), node.path("signature").asText());
    assertEquals(registered, fromManifest);
    assertEquals(TestApprovals.REVIEWER,
        sde.reviewers().verify(fromManifest, Path.of("manifest.json")).name(), "the signature verifies");
    assertEquals(Policy.load(policyA).sha256(), fromManifest.sha256());
  }

  @Test
  void oneChangedCharacterInAnApprovedPolicyMakesPublishRefuse() throws Exception {
    String text = Files.readString(policyA);
    Files.writeString(policyA, text.replace("k: 10", "k: 11"));
    try {
      Exception refused = assertThrows(Exception.class, () ->
          PublishStage.of("PROJECT-A", policyA, stages.resolve("metrics"), fixture.key,
                  TestApprovals.sde(policyA))
              .run(StageOptions.fromArgs(List.of()), root.resolve("release-refused")));
      assertTrue(refused.getMessage().contains("sdelink policy review")
          && refused.getMessage().contains("sdelink policy approve"), refused.getMessage());
      assertFalse(Files.exists(root.resolve("release-refused")), "a refused release left a folder");
    } finally {
      Files.writeString(policyA, text);
    }
  }

  @Test
  void costTableCellsPassTheAcroRulesOrAreSuppressedAndResultsAreRecorded() throws Exception {
    List<Map<String, String>> costs = FlowFixture.readCsv(releaseA.resolve("costs.csv"));
    assertTrue(costs.size() > 5, "cost table too small: " + costs.size());
    int threshold = Policy.load(policyA).magnitudeRules().orElseThrow().threshold();
    long suppressed = 0;
    for (Map<String, String> cell : costs) {
      if (cell.get("sdc_outcome").equals("ok")) {
        assertTrue(Integer.parseInt(cell.get("people")) >= threshold, "a cell under the threshold: " + cell);
      } else {
        suppressed++;
        assertEquals("", cell.get("people"));
        assertEquals("", cell.get("weekly_cost"));
      }
    }
    assertTrue(suppressed > 0 && suppressed < costs.size(), "expected some, not all, cells suppressed");
    JsonNode results = new ObjectMapper().readTree(releaseA.resolve("results.json").toFile()).get("results");
    assertTrue(!results.has("summary") && results.has("costs"), results.toString());
    JsonNode tables = new ObjectMapper().readTree(releaseTables.resolve("results.json").toFile()).get("results");
    assertTrue(tables.has("summary") && tables.has("costs"), tables.toString());
  }

  /**
   * The release opens in ACRO and the SACRO viewer: every field they read is there, the checksums match, and every
   * flagged cell position points (as the viewer highlights it: body row, column after the first) at a value the
   * release actually withheld.
   */
  @Test
  void acroResultsHaveTheLayoutAcroAndTheSacroViewerReadAndPointAtTheWithheldCells() throws Exception {
    acroResultsPointAtWithheldCells(releaseA, policyA, "costs", 1);
    acroResultsPointAtWithheldCells(releaseTables, null, "summary", 11);
  }

  private static void acroResultsPointAtWithheldCells(Path releaseA, Path policyA, String checkedTable,
      int minFlagged) throws Exception {
    assertEquals(List.of(), org.sdelink.policies.disclosure.AcroResultsCheck.problems(releaseA));
    JsonNode root = new ObjectMapper().readTree(releaseA.resolve("results.json").toFile());
    if (policyA != null) {
      assertEquals(Policy.load(policyA).sha256(), new ObjectMapper().readTree(releaseA.resolve(PublishStage.MANIFEST)
          .toFile()).path("policy").path("approval").path("sha256").asText());
    }
    int flagged = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("results").fields(); it.hasNext(); ) {
      JsonNode output = it.next().getValue();
      JsonNode file = output.path("files").get(0);
      List<List<String>> table = new java.util.ArrayList<>();
      try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(
          Files.newBufferedReader(releaseA.resolve(file.path("name").asText())))) {
        parser.forEach(record -> table.add(record.toList()));
      }
      for (Iterator<Map.Entry<String, JsonNode>> checks = file.path("sdc").path("cells").fields(); checks.hasNext(); ) {
        for (JsonNode cell : checks.next().getValue()) {
          String value = table.get(cell.get(0).asInt() + 1).get(cell.get(1).asInt() + 1);
          assertTrue(value.equals("*") || value.isEmpty(), "a flagged cell holds " + value);
          flagged++;
        }
      }
    }
    assertTrue(flagged >= minFlagged, "flagged cells: " + flagged);
    assertTrue(Files.isRegularFile(releaseA.resolve("config.json")));
    assertTrue(new ObjectMapper().readTree(releaseA.resolve(PublishStage.MANIFEST).toFile()).path("files_sha256")
        .has("checksums/" + checkedTable + ".csv.txt"));
  }

  /**
   * Issue 15, item 5: the summary table beside the discharge rows it counts (the shipped policy before the fix) let a
   * reader add up the rows to get every suppressed cell back. Publishing that make-up now stops, names the files,
   * and leaves nothing behind; the same table in a release of its own is published (releaseTables).
   */
  @Test
  void aSummaryTableBesideTheRowsItCountsStopsTheRelease() throws Exception {
    Path dir = root.resolve("both-policy");
    Files.createDirectories(dir);
    Path policy = dir.resolve("researcher-linked-journeys.yaml");
    String summary = "  summary:\n    metric: keep\n    breakdown: keep\n    group: keep\n    numerator: keep\n"
        + "    denominator: keep\n    value: keep\n\n  costs:\n";
    String text = Files.readString(policyA);
    assertEquals(1, text.split("\n  costs:\n", -1).length - 1);
    Files.writeString(policy, text.replace("\n  costs:\n", "\n" + summary));
    TestApprovals.approve(policy);
    Exception refused = assertThrows(Exception.class, () ->
        PublishStage.of("PROJECT-A", policy, stages.resolve("metrics"), fixture.key, TestApprovals.sde(policy))
            .run(StageOptions.fromArgs(List.of()), root.resolve("release-both")));
    assertTrue(refused.getMessage().contains("summary.csv has") && refused.getMessage().contains("discharges.csv")
        && refused.getMessage().contains("suppressed"), refused.getMessage());
    assertFalse(Files.exists(root.resolve("release-both")));
    // The tables-only release has suppressed cells and no record file.
    List<Map<String, String>> table = FlowFixture.readCsv(releaseTables.resolve("summary.csv"));
    assertTrue(table.stream().anyMatch(r -> r.get("numerator").equals("*")));
    for (String dataset : PublishStage.RECORD_DATASETS) {
      assertFalse(Files.exists(releaseTables.resolve(dataset + ".csv")), dataset);
    }
  }

  @Test
  void postcodesToLsoaWithoutAnOperatorLookupIsRefusedSayingWhatToSupply() throws Exception {
    Path dir = root.resolve("lsoa-policy");
    Files.createDirectories(dir);
    Path policy = dir.resolve("researcher-linked-journeys.yaml");
    String text = Files.readString(policyA)
        .replace("    postcode: drop\n", "    postcode:\n      action: generalise\n      to: lsoa\n")
        .replace("      - field: la_code\n        ladder: [withheld]\n    journeys:",
            "      - field: la_code\n        ladder: [withheld]\n      - field: postcode\n        ladder: [withheld]\n"
                + "    journeys:");
    Files.writeString(policy, text);
    Exception refused = assertThrows(Exception.class, () ->
        PublishStage.of("PROJECT-A", policy, stages.resolve("metrics"), fixture.key,
                TestApprovals.sde(policyA))
            .run(StageOptions.fromArgs(List.of()), root.resolve("release-lsoa")));
    assertTrue(refused.getMessage().contains("datasets.persons.postcode.to")
        && refused.getMessage().contains("lookups:"), refused.getMessage());
    assertFalse(Files.exists(root.resolve("release-lsoa")));
  }

  @Test
  void everyDatasetIsAlsoWrittenAsParquetWithTheSameRowsAndValues() throws Exception {
    for (String dataset : List.of("persons", "journeys", "discharges", "summary", "costs")) {
      Path releaseA = dataset.equals("summary") ? releaseTables : ReleasePropertiesTest.releaseA;
      // The CSV neutralises formula cells for spreadsheets; Parquet holds the true values (issue 15).
      List<Map<String, String>> csv = new java.util.ArrayList<>();
      for (Map<String, String> row : FlowFixture.readCsv(releaseA.resolve(dataset + ".csv"))) {
        Map<String, String> restored = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> restored.put(k, org.sdelink.policies.spreadsheet.SpreadsheetSafeCells.restore(v)));
        csv.add(restored);
      }
      List<Map<String, String>> parquet = new java.util.ArrayList<>();
      var file = org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(releaseA.resolve(dataset + ".parquet").toUri()),
          new org.apache.hadoop.conf.Configuration());
      try (var reader = org.apache.parquet.avro.AvroParquetReader
          .<org.apache.avro.generic.GenericRecord>builder(file).build()) {
        org.apache.avro.generic.GenericRecord record;
        while ((record = reader.read()) != null) {
          Map<String, String> row = new java.util.LinkedHashMap<>();
          for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.name());
            row.put(field.name(), value == null ? "" : value.toString());
          }
          parquet.add(row);
        }
      }
      assertEquals(csv.size(), parquet.size(), dataset + " row count");
      assertEquals(csv, parquet, dataset + " values");
    }
  }

  private static Set<String> personIds(Path release) throws Exception {
    Set<String> ids = new HashSet<>();
    for (Map<String, String> row : FlowFixture.readCsv(release.resolve("persons.csv"))) {
      ids.add(row.get("person_id"));
    }
    return ids;
  }
}
