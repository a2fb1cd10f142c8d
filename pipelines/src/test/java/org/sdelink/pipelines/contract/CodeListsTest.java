package org.sdelink.pipelines.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeListsTest {
  @TempDir Path dir;

  @Test
  void cldListsMatchAcrossReleasesAndCase() throws IOException {
    Files.writeString(
        dir.resolve(CodeLists.CLD_FILE),
        "{\"_about\":\"x\",\"Client_Type\":{\"R1\":[\"Service User\"],\"R2\":[\"Unpaid carer\"],\"_note\":\"n\"},"
            + "\"Accommodation_Status\":{\"R1\":[[\"Tenant\",\"settled\"]]},"
            + "\"Service_Type\":{\"R1\":[\"Long Term Support: Nursing Care\"],\"SALT_hierarchy_LTS\":[\"Nursing\"]}}",
        StandardCharsets.UTF_8);
    CodeLists lists = CodeLists.load(dir);
    assertTrue(lists.permits(InputSource.CLD, "Client_Type", "service user"));
    assertTrue(lists.permits(InputSource.CLD, "Client_Type", " Unpaid carer "));
    assertFalse(lists.permits(InputSource.CLD, "Client_Type", "Servce User"));
    assertTrue(lists.permits(InputSource.CLD, "Accommodation_Status", "Tenant"));
    assertFalse(lists.permits(InputSource.CLD, "Accommodation_Status", "settled"));
    assertFalse(lists.permits(InputSource.CLD, "Service_Type", "Nursing"), "hierarchy names are not codes");
    assertTrue(lists.permits(InputSource.CLD, "Client_Type", ""), "blank is missing, not invalid");
    assertTrue(lists.permits(InputSource.CLD, "Event_Type", "anything"), "unchecked column");
    assertFalse(lists.checks(InputSource.CLD, "Event_Type"));
    assertFalse(lists.checks(InputSource.APC, "SEX"), "no APC file given");
  }

  @Test
  void apcCodesAreExactAndNullIsNotACode() throws IOException {
    Files.writeString(
        dir.resolve(CodeLists.APC_FILE),
        "{\"SEX\":{\"name\":\"s\",\"codes\":{\"1\":\"Male\",\"2\":\"Female\",\"Null\":\"blank\"}},"
            + "\"EPITYPE\":{\"codes\":{\"1\":\"General\"}}}",
        StandardCharsets.UTF_8);
    CodeLists lists = CodeLists.load(dir);
    assertTrue(lists.permits(InputSource.APC, "SEX", "2"));
    assertFalse(lists.permits(InputSource.APC, "SEX", "Null"));
    assertFalse(lists.permits(InputSource.APC, "SEX", "M"));
    assertFalse(lists.checks(InputSource.APC, "EPITYPE"), "not a contract column");
  }

  @Test
  void ethnicityAcceptsTheRelease2SeparatorAndTheFingerprintFollowsTheLists() throws IOException {
    Files.writeString(dir.resolve(CodeLists.CLD_FILE),
        "{\"Ethnicity\":{\"R1\":[\"White - Irish\",\"No data - Undeclared or Not known\"]}}",
        StandardCharsets.UTF_8);
    CodeLists lists = CodeLists.load(dir);
    assertTrue(lists.permits(InputSource.CLD, "Ethnicity", "White - Irish"));
    assertTrue(lists.permits(InputSource.CLD, "Ethnicity", "White: Irish"));
    assertTrue(lists.permits(InputSource.CLD, "Ethnicity", "No data: Undeclared or not known"));
    assertFalse(lists.permits(InputSource.CLD, "Ethnicity", "White"));
    assertEquals(lists.fingerprint(), CodeLists.load(dir).fingerprint());
    assertEquals("none", CodeLists.none().fingerprint());
    Files.writeString(dir.resolve(CodeLists.CLD_FILE), "{\"Ethnicity\":{\"R1\":[\"White - Irish\"]}}",
        StandardCharsets.UTF_8);
    assertNotEquals(lists.fingerprint(), CodeLists.load(dir).fingerprint());
  }

  @Test
  void aFolderWithoutListsIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> CodeLists.load(dir));
  }

  @Test
  void readsThePublishedReferenceFiles() {
    Path reference = Path.of(System.getProperty("sdelink.shared.dir", "../../shared")).resolve("reference");
    assumeTrue(
        Files.isRegularFile(reference.resolve(CodeLists.CLD_FILE)),
        "code lists not found under " + reference + " (set -Dsdelink.shared.dir); skipping");
    CodeLists lists = CodeLists.load(reference);
    assertTrue(lists.permits(InputSource.CLD, "Event_Type", "Assessment"));
    assertTrue(lists.permits(InputSource.CLD, "Request_Route_of_Access", "Discharge from Hospital"));
    assertFalse(lists.permits(InputSource.CLD, "Event_Type", "Assesment"));
    assertTrue(lists.permits(InputSource.APC, "ADMIMETH", "21"));
    assertFalse(lists.permits(InputSource.APC, "ADMIMETH", "99X"));
  }
}
