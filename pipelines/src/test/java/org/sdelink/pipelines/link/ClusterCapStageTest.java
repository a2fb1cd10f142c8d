package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.StageFolders;
import org.sdelink.pipelines.run.StageOptions;

/**
 * The cluster cap of the link stage on crafted pseudonymised records that form two giant components under the
 * default model with {@code max_cluster_persons: 10} and supplied parameters:
 *
 * <ul>
 *   <li>a CLD client without an NHS number (the hub) whom 30 APC episodes without one match on date of birth,
 *       postcode, council and, for 10 of them, sex: a star of 31 persons;
 *   <li>an APC patient with a valid NHS number whom 15 episodes without one match: a star of 16 persons;
 *   <li>a CLD client matched by an APC patient whom 4 episodes without an NHS number join (5 persons) and by 5
 *       weaker episodes: 11 persons, over the cap only if the joined episodes count;
 * </ul>
 *
 * <p>and two stars whose links would bring two valid NHS numbers into one CLD client who has none: twins' patients
 * on equal weights (both left unlinked) and a clearly weaker second patient (dropped).
 */
class ClusterCapStageTest {
  private static final int CAP = 10;
  private static final String COUNCIL = "E06000001";

  @TempDir static Path root;
  static Path linked;
  static Map<String, Map<String, String>> spine;
  static JsonNode report;

  @BeforeAll
  static void link() throws Exception {
    LinkageModel model = LinkageModel.defaultCldApc();
    List<String> cldColumns = new ArrayList<>(List.of("record_id", "LA_Code", "la_person_token",
        "nhs_number_token", "nhs_number_status", "dob_token", "dob_swapped_token", LinkStage.ETHNICITY));
    cldColumns.addAll(Entities.columns(model, "cld"));
    List<String> apcColumns = new ArrayList<>(List.of("record_id", "RESLADST_ONS", "nhs_number_token",
        "nhs_number_status", "dob_token", "dob_swapped_token"));
    apcColumns.addAll(Entities.columns(model, "apc"));

    List<Map<String, String>> cld = new ArrayList<>();
    Map<String, String> hub = identity("D1", "PC1", "F");
    hub.putAll(Map.of("record_id", COUNCIL + ":hub", "LA_Code", COUNCIL, "la_person_token", "hub",
        "nhs_number_status", "MISSING", LinkStage.ETHNICITY, "Asian or Asian British - Indian"));
    cld.add(hub);
    List<Map<String, String>> apc = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Map<String, String> episode = identity("D1", "PC1", i < 10 ? "F" : "U");
      episode.putAll(Map.of("record_id", String.format("star1-%02d", i), "RESLADST_ONS", COUNCIL,
          "nhs_number_status", "MISSING"));
      apc.add(episode);
    }
    Map<String, String> patient = identity("D2", "PC2", "M");
    patient.putAll(Map.of("record_id", "star2-patient", "RESLADST_ONS", COUNCIL, "nhs_number_token", "N2",
        "nhs_number_status", "VALID"));
    apc.add(patient);
    for (int i = 0; i < 15; i++) {
      Map<String, String> episode = identity("D2", "PC2", i < 10 ? "M" : "U");
      episode.putAll(Map.of("record_id", String.format("star2-%02d", i), "RESLADST_ONS", COUNCIL,
          "nhs_number_status", "MISSING"));
      apc.add(episode);
    }
    Map<String, String> hub3 = identity("D3", "PC3", "U");
    hub3.putAll(Map.of("record_id", COUNCIL + ":hub3", "LA_Code", COUNCIL, "la_person_token", "hub3",
        "nhs_number_status", "MISSING"));
    cld.add(hub3);
    Map<String, String> patient3 = identity("D3", "PC3", "F");
    patient3.putAll(Map.of("record_id", "star3-patient", "RESLADST_ONS", COUNCIL, "nhs_number_token", "N3",
        "nhs_number_status", "VALID"));
    apc.add(patient3);
    for (int i = 0; i < 4; i++) {
      Map<String, String> episode = identity("D3", "PC3", "F");
      episode.putAll(Map.of("record_id", "star3-episode-" + i, "RESLADST_ONS", COUNCIL,
          "nhs_number_status", "MISSING"));
      apc.add(episode);
    }
    for (int i = 0; i < 5; i++) {
      // No NHS number, same sector but another full postcode, and another sex than the patient (none joins it).
      Map<String, String> other = identity("D3", "PC3", "M");
      other.putAll(Map.of("record_id", "star3-other-" + i, "RESLADST_ONS", COUNCIL,
          "nhs_number_status", "MISSING", "postcode_token", "PC3-" + i));
      apc.add(other);
    }
    for (String star : List.of("4", "5")) {
      Map<String, String> client = identity("D" + star, "PC" + star, "F");
      client.putAll(Map.of("record_id", COUNCIL + ":hub" + star, "LA_Code", COUNCIL, "la_person_token",
          "hub" + star, "nhs_number_status", "MISSING"));
      cld.add(client);
      for (String twin : List.of("a", "b")) {
        Map<String, String> twinPatient = identity("D" + star, "PC" + star, "F");
        twinPatient.putAll(Map.of("record_id", "star" + star + "-" + twin, "RESLADST_ONS", COUNCIL,
            "nhs_number_token", "N" + star + twin, "nhs_number_status", "VALID"));
        if (star.equals("5") && twin.equals("b")) {
          twinPatient.put("postcode_token", "PC5-b"); // same sector only: clearly weaker
        }
        apc.add(twinPatient);
      }
    }
    write(root.resolve("cld-written/records.csv"), cldColumns, cld);
    write(root.resolve("apc-written/records.csv"), apcColumns, apc);
    StageFolders.seal(root.resolve("cld-written"), root.resolve("cld"), "pseudonymise", "source=cld");
    StageFolders.seal(root.resolve("apc-written"), root.resolve("apc"), "pseudonymise", "source=apc");

    ModelSpecFile spec = ModelSpecFile.of(specBytes());
    assertEquals(CAP, spec.model().thresholds().maxClusterPersons());
    Path params = root.resolve("params.json");
    Files.write(params, parameters(spec.model()).toJsonBytes());
    linked = LinkStage.of(root.resolve("cld"), root.resolve("apc"), spec, Optional.of(params))
        .run(StageOptions.fromArgs(List.of()), root.resolve("linked"));
    spine = new HashMap<>();
    for (Map<String, String> row : LinkFixture.readCsv(linked.resolve(LinkStage.SPINE))) {
      spine.put(row.get("source") + ":" + row.get("record_id"), row);
    }
    report = new ObjectMapper().readTree(linked.resolve(LinkStage.REPORT).toFile());
  }

  /** Identity values of one record: date of birth, postcode and sex tokens. */
  static Map<String, String> identity(String dob, String postcode, String sex) {
    Map<String, String> row = new HashMap<>();
    row.putAll(Map.of("dob_token", dob, "dob_swapped_token", dob + "s", "dob_year_token", dob + "y",
        "dob_month_token", dob + "m", "dob_day_token", dob + "d", "birth_year", "1940", "dob_status", "VALID"));
    row.putAll(Map.of("postcode_token", postcode, "postcode_sector_token", postcode + "s",
        "postcode_district_token", postcode + "d", "postcode_status", "VALID", "sex", sex));
    return row;
  }

  static void write(Path file, List<String> columns, List<Map<String, String>> rows) throws Exception {
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>();
    lines.add(CsvLines.format(columns));
    for (Map<String, String> row : rows) {
      lines.add(CsvLines.format(columns.stream().map(c -> row.getOrDefault(c, "")).toList()));
    }
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Parameters with clear weights: prior 0.01; exact date of birth, full postcode, same council and same sex for;
   * different values against; every other level weight 0.
   */
  static ModelParameters parameters(LinkageModel model) {
    Map<String, double[]> mu = Map.ofEntries(
        Map.entry("nhs_number/exact", new double[] {0.99, 0.0001}),
        Map.entry("nhs_number/different", new double[] {0.01, 0.9999}),
        Map.entry("dob/exact", new double[] {0.95, 0.0001}),
        Map.entry("dob/different", new double[] {0.01, 0.9}),
        Map.entry("postcode/full", new double[] {0.8, 0.0001}),
        Map.entry("postcode/different", new double[] {0.05, 0.9}),
        Map.entry("council/same", new double[] {0.9, 0.1}),
        Map.entry("council/different", new double[] {0.1, 0.9}),
        Map.entry("sex/same", new double[] {0.98, 0.5}),
        Map.entry("sex/different", new double[] {0.02, 0.5}));
    int comparisons = model.comparisons().size();
    double[][] m = new double[comparisons][];
    double[][] u = new double[comparisons][];
    for (int k = 0; k < comparisons; k++) {
      int levels = model.levelLabels().get(k).size();
      m[k] = new double[levels];
      u[k] = new double[levels];
      for (int l = 0; l < levels; l++) {
        double[] given = mu.getOrDefault(model.comparisons().get(k).name() + "/" + model.levelLabels().get(k).get(l),
            new double[] {0.1, 0.1});
        m[k][l] = given[0];
        u[k][l] = given[1];
      }
    }
    return ModelParameters.of(model, 0.01, "supplied", LevelProbabilities.of(m), LevelProbabilities.of(u), null);
  }

  private static Set<String> membersOf(String personId) {
    return spine.values().stream().filter(r -> r.get("person_id").equals(personId))
        .map(r -> r.get("source") + ":" + r.get("record_id")).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Test
  void theStarOfPatientsAroundACldClientIsCutToTheCapWeakestLinksFirst() throws Exception {
    Set<String> cluster = membersOf(spine.get("cld:" + COUNCIL + ":hub").get("person_id"));
    assertEquals(CAP, cluster.size(), "hub + " + (CAP - 1) + " patients: " + cluster);
    for (String member : cluster) {
      if (member.startsWith("apc:")) {
        int i = Integer.parseInt(member.substring("apc:star1-".length()));
        assertTrue(i < 10, "a patient agreeing on sex is kept before those with sex unknown: " + member);
        assertEquals("probabilistic", spine.get(member).get("match_rule"));
      }
    }
    // The 21 patients cut stay apart, each its own person.
    Set<String> cutPersons = new LinkedHashSet<>();
    for (int i = 0; i < 30; i++) {
      Map<String, String> row = spine.get(String.format("apc:star1-%02d", i));
      if (!cluster.contains("apc:" + row.get("record_id"))) {
        assertEquals("unlinked", row.get("match_rule"));
        cutPersons.add(row.get("person_id"));
      }
    }
    assertEquals(21, cutPersons.size());
    List<Map<String, String>> cutPairs = LinkFixture.readCsv(linked.resolve(LinkStage.PAIRS)).stream()
        .filter(p -> p.get("status").equals("cut")).toList();
    assertEquals(22, cutPairs.size(), "21 of this star, 1 of star 3");
    assertTrue(cutPairs.stream().allMatch(p -> p.get("left_entity").startsWith("cld:")
        && Double.parseDouble(p.get("match_weight")) >= 8));
    assertTrue(report.get("accepted_links_by_rule").get("probabilistic").asLong() >= CAP - 1);
    JsonNode cap = report.get("cluster_cap");
    assertEquals(CAP, cap.get("max_cluster_persons").asInt());
    assertEquals(2, cap.get("cld_apc").get("clusters_over_cap").asLong(), "stars 1 and 3");
    assertEquals(22, cap.get("cld_apc").get("links_cut").asLong(), "21 of star 1, 1 of star 3");
    assertEquals(2, cap.get("linked_clusters_by_persons").get(Integer.toString(CAP)).asLong());
    assertTrue(Files.readString(linked.resolve(LinkStage.HTML_REPORT)).contains("Cluster cap"));
  }

  @Test
  void aPatientCountsTheEpisodesThatJoinedIt() {
    String hub = spine.get("cld:" + COUNCIL + ":hub3").get("person_id");
    Set<String> cluster = membersOf(hub);
    // hub3 + the patient with its 4 episodes (5 persons) + 4 of the 5 weaker patients = 10 persons.
    assertEquals(CAP, cluster.size(), cluster.toString());
    assertTrue(cluster.contains("apc:star3-patient") && cluster.contains("apc:star3-episode-0"));
    assertEquals(4, cluster.stream().filter(m -> m.startsWith("apc:star3-other-")).count());
    // The person's link to the client is probabilistic: its records, the joined episodes too, take that rule.
    assertEquals("probabilistic", spine.get("apc:star3-episode-3").get("match_rule"));
  }

  @Test
  void theStarOfEpisodesJoiningOnePatientIsCutToTheCap() {
    String patient = spine.get("apc:star2-patient").get("person_id");
    Set<String> cluster = membersOf(patient);
    assertEquals(CAP, cluster.size(), "patient + " + (CAP - 1) + " episodes: " + cluster);
    int apart = 0;
    for (int i = 0; i < 15; i++) {
      Map<String, String> row = spine.get(String.format("apc:star2-%02d", i));
      if (row.get("person_id").equals(patient)) {
        assertTrue(i < 10, "an episode agreeing on sex is kept first: " + row.get("record_id"));
        assertEquals(ApcJoins.RULE, row.get("match_rule"));
      } else {
        apart++;
        assertNotEquals(patient, row.get("person_id"));
      }
    }
    assertEquals(6, apart);
    JsonNode joins = report.get("cluster_cap").get("apc_episode_joins");
    assertEquals(1, joins.get("clusters_over_cap").asLong());
    assertEquals(6, joins.get("links_cut").asLong());
    assertEquals(CAP - 1 + 4, report.get("accepted_links_by_rule").get(ApcJoins.RULE).asLong(), "stars 2 and 3");
  }

  @Test
  void linksThatWouldBringTwoValidNhsNumbersIntoOnePersonAreDroppedOrLeftAmbiguous() throws Exception {
    // Star 4: twins' patients on equal weights to a client without an NHS number: neither is linked.
    for (String record : List.of("apc:star4-a", "apc:star4-b", "cld:" + COUNCIL + ":hub4")) {
      assertEquals(1, membersOf(spine.get(record).get("person_id")).size(), record);
    }
    // Star 5: the patient at the full postcode wins; the one agreeing on the sector only is dropped.
    assertEquals(Set.of("cld:" + COUNCIL + ":hub5", "apc:star5-a"),
        membersOf(spine.get("cld:" + COUNCIL + ":hub5").get("person_id")));
    assertEquals("unlinked", spine.get("apc:star5-b").get("match_rule"));
    JsonNode conflicts = report.get("cluster_conflicts");
    assertEquals(1, conflicts.get("links_dropped").asLong());
    assertEquals(2, conflicts.get("links_ambiguous").asLong());
    Map<String, Long> statuses = LinkFixture.readCsv(linked.resolve(LinkStage.PAIRS)).stream()
        .filter(p -> p.get("left_entity").equals("cld:" + spine.get("cld:" + COUNCIL + ":hub4").get("person_id"))
            || p.get("left_entity").equals("cld:" + spine.get("cld:" + COUNCIL + ":hub5").get("person_id")))
        .collect(Collectors.groupingBy(p -> p.get("status"), Collectors.counting()));
    assertEquals(Map.of("ambiguous", 2L, "conflict", 1L, "accepted", 1L), statuses);
  }

  @Test
  void theCldPersonsEthnicityIsReported() {
    JsonNode rates = report.get("cld_person_link_rate");
    JsonNode group = rates.get("ethnic_group").get("Asian or Asian British");
    assertEquals(1, group.get("cld_persons").asLong());
    assertEquals(1, group.get("linked_probabilistic").asLong());
    assertEquals(1.0, group.get("link_rate").asDouble());
    assertEquals(1, rates.get("ethnicity").get("Asian or Asian British: Indian").get("cld_persons").asLong());
  }

  @Test
  void theCapGivesTheSameOutputsOnFlink() throws Exception {
    Path flink = LinkStage.of(root.resolve("cld"), root.resolve("apc"), ModelSpecFile.of(specBytes()),
            Optional.of(root.resolve("params.json")))
        .run(StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--buckets=7")), root.resolve("flink"));
    for (String file : List.of(LinkStage.SPINE, LinkStage.PAIRS, LinkStage.REPORT)) {
      assertEquals(StageDirectory.sha256(linked.resolve(file)), StageDirectory.sha256(flink.resolve(file)), file);
    }
  }

  /** The default spec with {@code max_cluster_persons: 10}. */
  private static byte[] specBytes() throws Exception {
    return new String(LinkageModel.class.getResourceAsStream(LinkageModel.DEFAULT_RESOURCE).readAllBytes(),
        StandardCharsets.UTF_8)
        .replace("  max_cluster_persons: 20\n", "  max_cluster_persons: " + CAP + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
