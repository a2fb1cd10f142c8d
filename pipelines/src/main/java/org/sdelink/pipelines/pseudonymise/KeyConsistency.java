package org.sdelink.pipelines.pseudonymise;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.pipelines.contract.InputContractException;

/**
 * The rule that the CLD and APC records a stage joins were tokenised under the same master key. Tokens made under
 * different keys never match, so linking them finds no one (an EM error, or recall 0 with fixed parameters) and
 * metrics count no linked person: {@code link} and {@code metrics} call {@link #requireSameKey} before any work.
 *
 * <p>The key of a {@code records.csv} is read from the {@code report.json} beside it ({@code key_id} and
 * {@code key_fingerprint}) and from the {@code key_id} column of its first record. Fingerprints are compared when
 * both sides have one (ids made before issue 15 could be alike for different keys); otherwise ids. Records with
 * neither (not made by {@code pseudonymise}) are not checked. Linking across a key rotation on purpose is not
 * supported: pseudonymise both sources under one key.
 */
public final class KeyConsistency {
  private static final String KEY_ID = "key_id";
  private static final java.util.regex.Pattern KEY_ID_SHAPE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The key one records file was tokenised under, as far as it says. */
  private record KeyOf(String id, String fingerprint) {
    String label() {
      if (fingerprint.isEmpty() || id.endsWith("-" + fingerprint)) {
        return id.isEmpty() ? "fingerprint " + fingerprint : id;
      }
      return id + " (fingerprint " + fingerprint + ")";
    }
  }

  private KeyConsistency() {}

  /**
   * Stops with an {@link InputContractException} naming both keys when {@code cldRecords} and {@code apcRecords}
   * (the {@code records.csv} of two pseudonymise runs) were tokenised under different keys.
   */
  public static void requireSameKey(Path cldRecords, Path apcRecords) throws IOException {
    checkNotNull(cldRecords, "cldRecords");
    checkNotNull(apcRecords, "apcRecords");
    Optional<KeyOf> cld = keyOf(cldRecords);
    Optional<KeyOf> apc = keyOf(apcRecords);
    if (cld.isEmpty() || apc.isEmpty() || sameKey(cld.get(), apc.get())) {
      return;
    }
    throw new InputContractException("the CLD records (" + cldRecords + ") were tokenised under key "
        + cld.get().label() + " and the APC records (" + apcRecords + ") under key " + apc.get().label()
        + ": tokens made under different keys never match, so they cannot be linked. Pseudonymise both sources"
        + " again under the same key (the keystore's primary key, see 'sdelink keys list') and run again;"
        + " linking across a key rotation is not supported");
  }

  private static boolean sameKey(KeyOf a, KeyOf b) {
    if (!a.fingerprint().isEmpty() && !b.fingerprint().isEmpty()) {
      return a.fingerprint().equals(b.fingerprint());
    }
    return a.id().isEmpty() || b.id().isEmpty() || a.id().equals(b.id());
  }

  private static Optional<KeyOf> keyOf(Path recordsFile) throws IOException {
    String id = "";
    String fingerprint = "";
    Path report = recordsFile.resolveSibling(PseudonymiseStage.REPORT);
    if (Files.isRegularFile(report)) {
      JsonNode root = new ObjectMapper().readTree(report.toFile());
      id = root.path(KEY_ID).asText("");
      fingerprint = root.path(StageReport.KEY_FINGERPRINT).asText("");
    }
    String recordsId = firstKeyId(recordsFile);
    if (!recordsId.isEmpty() && !id.isEmpty() && !recordsId.equals(id)) {
      throw new InputContractException("the records " + recordsFile + " were tokenised under key " + recordsId
          + " but the report.json beside them names key " + id + ": the folder mixes two pseudonymise runs;"
          + " pseudonymise the source again into an empty folder");
    }
    if (id.isEmpty()) {
      id = recordsId;
    }
    return id.isEmpty() && fingerprint.isEmpty() ? Optional.empty() : Optional.of(new KeyOf(id, fingerprint));
  }

  /** The key_id of the first record, blank when the file has no such column or no record. */
  private static String firstKeyId(Path recordsFile) throws IOException {
    if (!Files.isRegularFile(recordsFile)) {
      return "";
    }
    try (Reader reader = Files.newBufferedReader(recordsFile, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      if (!parser.getHeaderNames().contains(KEY_ID)) {
        return "";
      }
      Iterator<CSVRecord> rows = parser.iterator();
      if (!rows.hasNext()) {
        return "";
      }
      CSVRecord first = rows.next();
      String id = first.isSet(KEY_ID) ? first.get(KEY_ID).trim() : "";
      if (!id.isEmpty() && !KEY_ID_SHAPE.matcher(id).matches()) {
        throw new InputContractException("the key_id column of " + recordsFile + " does not hold a key id: is it the"
            + " records.csv of an sdelink pseudonymise run? Pseudonymise the source again");
      }
      return id;
    }
  }
}
