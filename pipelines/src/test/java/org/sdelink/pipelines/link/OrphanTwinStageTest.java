package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.StageFolders;
import org.sdelink.pipelines.run.StageOptions;

/**
 * An APC episode without an NHS number (an orphan) whose own person is known to social care only, beside a
 * same-sex twin at the same address who is an APC patient (docs/linkage.md, "Fixed: an orphan episode of a twin"):
 * crafted pseudonymised records under the default model with supplied parameters (those of
 * {@link ClusterCapStageTest}: date of birth, full postcode, council and sex carry the weight; HES holds no names).
 *
 * <ul>
 *   <li>twins: twin A is a CLD client with NHS number NA and an orphan episode; twin B a CLD client and an APC
 *       patient with NB. The orphan matches B's patient and A's client equally well: it is left apart from both;
 *   <li>a CLD client without an NHS number matching as well is no evidence of another person: the orphan joins its
 *       patient;
 *   <li>a CLD client of another NHS number matching clearly better than the patient (who agrees on date of birth but
 *       not the address): the orphan is not joined to the patient, and CLD-APC linkage links it to that client.
 * </ul>
 */
class OrphanTwinStageTest {
  private static final String COUNCIL = "E08000025";

  @TempDir static Path root;
  static Path linked;
  static Map<String, Map<String, String>> spine;
  static JsonNode report;

  @BeforeAll
  static void link() throws Exception {
    LinkageModel model = LinkageModel.defaultCldApc();
    List<String> cldColumns = new ArrayList<>(List.of("record_id", "LA_Code", "la_person_token",
        "nhs_number_token", "nhs_number_status", "dob_token", "dob_swapped_token"));
    cldColumns.addAll(Entities.columns(model, "cld"));
    List<String> apcColumns = new ArrayList<>(List.of("record_id", "RESLADST_ONS", "nhs_number_token",
        "nhs_number_status", "dob_token", "dob_swapped_token"));
    apcColumns.addAll(Entities.columns(model, "apc"));
    List<Map<String, String>> cld = new ArrayList<>();
    List<Map<String, String>> apc = new ArrayList<>();

    // Twins at one address, same sex and date of birth.
    cld.add(client("twin-a", "D1", "PC1", "NA"));
    apc.add(episode("twin-a-episode", "D1", "PC1", ""));
    cld.add(client("twin-b", "D1", "PC1", "NB"));
    apc.add(episode("twin-b-patient", "D1", "PC1", "NB"));

    // A patient, their orphan episode, and a CLD client without an NHS number at the same address.
    cld.add(client("person-y", "D2", "PC2", "NY"));
    apc.add(episode("person-y-patient", "D2", "PC2", "NY"));
    apc.add(episode("person-y-episode", "D2", "PC2", ""));
    cld.add(client("no-nhs", "D2", "PC2", ""));

    // An orphan whose patient candidate agrees on date of birth only (another address), while a CLD client of
    // another NHS number agrees on everything.
    cld.add(client("person-z", "D3", "PC3-old", "NZ"));
    apc.add(episode("person-z-patient", "D3", "PC3-old", "NZ"));
    cld.add(client("person-w", "D3", "PC3", "NW"));
    apc.add(episode("person-w-episode", "D3", "PC3", ""));

    ClusterCapStageTest.write(root.resolve("cld-written/records.csv"), cldColumns, cld);
    ClusterCapStageTest.write(root.resolve("apc-written/records.csv"), apcColumns, apc);
    StageFolders.seal(root.resolve("cld-written"), root.resolve("cld"), "pseudonymise", "source=cld");
    StageFolders.seal(root.resolve("apc-written"), root.resolve("apc"), "pseudonymise", "source=apc");
    Path params = root.resolve("params.json");
    Files.write(params, ClusterCapStageTest.parameters(model).toJsonBytes());
    linked = LinkStage.of(root.resolve("cld"), root.resolve("apc"), ModelSpecFile.defaultCldApc(),
            Optional.of(params))
        .run(StageOptions.fromArgs(List.of()), root.resolve("linked"));
    spine = new HashMap<>();
    for (Map<String, String> row : LinkFixture.readCsv(linked.resolve(LinkStage.SPINE))) {
      spine.put(row.get("source") + ":" + row.get("record_id"), row);
    }
    report = new ObjectMapper().readTree(linked.resolve(LinkStage.REPORT).toFile());
  }

  private static Map<String, String> client(String id, String dob, String postcode, String nhs) {
    Map<String, String> row = ClusterCapStageTest.identity(dob, postcode, "F");
    row.putAll(Map.of("record_id", COUNCIL + ":" + id, "LA_Code", COUNCIL, "la_person_token", id,
        "nhs_number_token", nhs, "nhs_number_status", nhs.isEmpty() ? "MISSING" : "VALID"));
    return row;
  }

  private static Map<String, String> episode(String id, String dob, String postcode, String nhs) {
    Map<String, String> row = ClusterCapStageTest.identity(dob, postcode, "F");
    row.putAll(Map.of("record_id", id, "RESLADST_ONS", COUNCIL, "nhs_number_token", nhs,
        "nhs_number_status", nhs.isEmpty() ? "MISSING" : "VALID"));
    return row;
  }

  private static String person(String record) {
    return spine.get(record).get("person_id");
  }

  @Test
  void anOrphanMatchingATwinsPatientAndItsOwnCldPersonEquallyIsLeftApartFromBoth() {
    String orphan = "apc:twin-a-episode";
    assertNotEquals(person("apc:twin-b-patient"), person(orphan), "joined to the twin's patient");
    assertNotEquals(person("cld:" + COUNCIL + ":twin-a"), person(orphan), "too close to call, yet linked");
    assertEquals("unlinked", spine.get(orphan).get("match_rule"));
    // The twins themselves stay apart: B's client and patient are one person, A's client another.
    assertEquals(person("cld:" + COUNCIL + ":twin-b"), person("apc:twin-b-patient"));
    assertNotEquals(person("cld:" + COUNCIL + ":twin-a"), person("apc:twin-b-patient"));
    assertEquals(1, report.get("ambiguous_entities").get(ApcJoins.HELD_KIND).asLong());
  }

  @Test
  void aCldPersonWithoutAnNhsNumberDoesNotStopAJoin() {
    assertEquals(person("apc:person-y-patient"), person("apc:person-y-episode"));
    assertEquals(ApcJoins.RULE, spine.get("apc:person-y-episode").get("match_rule"));
    assertEquals("unlinked", spine.get("cld:" + COUNCIL + ":no-nhs").get("match_rule"));
  }

  @Test
  void aClearlyBetterCldPersonTakesTheOrphanThroughCldApcLinkage() {
    assertEquals(person("cld:" + COUNCIL + ":person-w"), person("apc:person-w-episode"));
    assertEquals("probabilistic", spine.get("apc:person-w-episode").get("match_rule"));
    assertNotEquals(person("apc:person-z-patient"), person("apc:person-w-episode"));
  }

  @Test
  void theSameOutputsOnFlink() throws Exception {
    Path flink = LinkStage.of(root.resolve("cld"), root.resolve("apc"), ModelSpecFile.defaultCldApc(),
            Optional.of(root.resolve("params.json")))
        .run(StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--buckets=7")), root.resolve("flink"));
    for (String file : List.of(LinkStage.SPINE, LinkStage.PAIRS, LinkStage.REPORT)) {
      assertEquals(StageDirectory.sha256(linked.resolve(file)), StageDirectory.sha256(flink.resolve(file)), file);
    }
  }
}
