package org.sdelink.metrics.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.records.ApcEpisode;

/**
 * Parser and spell-building robustness on NHS Digital's artificial HES APC (real column names and codes, sentinel
 * dates, columns sampled independently). Checks that nothing fails and sentinels are handled; not a logic test.
 */
class ArtificialHesTest {

  @Test
  void everyEpisodeParses_sentinelsAreMissing_everyDatedEpisodeLandsInOneSpell() throws IOException {
    String shared = System.getProperty("sdelink.shared.dir", "");
    Path file = Path.of(shared.isEmpty() ? "/nonexistent" : shared, "data", "artificial-hes",
        "artificial_hes_apc_0102.csv");
    Assumptions.assumeTrue(Files.isRegularFile(file),
        "skipped: artificial HES not found; set -Dsdelink.shared.dir to the shared/ folder (was '" + shared + "')");

    List<ApcEpisode> episodes = new ArrayList<>();
    int sentinelDischarges = 0;
    int withAdmissionDate = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord record : parser) {
        Map<String, String> row = new HashMap<>(record.toMap());
        row.put("record_id", row.get("EPIKEY"));
        row.put("age_at_disdate", AgeAtDischarge.column("", row.get("MYDOB"), row.get("DISDATE")));
        ApcEpisode episode = ApcEpisode.fromRow(row);
        episodes.add(episode);
        String disdate = row.get("DISDATE").trim();
        if (disdate.equals("1800-01-01") || disdate.equals("1801-01-01")) {
          sentinelDischarges++;
          assertNull(episode.dischargeDate());
          assertNull(episode.ageAtDischarge());
        }
        if (episode.admissionDate() != null) {
          withAdmissionDate++;
        }
      }
    }
    assertEquals(2075, episodes.size());
    assertTrue(sentinelDischarges > 0, "the file is known to hold sentinel DISDATEs");
    List<HospitalSpell> spells = HospitalSpell.assemble(episodes);
    assertEquals(withAdmissionDate, spells.stream().mapToInt(s -> s.episodes().size()).sum());
    for (HospitalSpell spell : spells) {
      assertTrue(!spell.isFinished() || spell.dischargeDate() != null);
    }
  }
}
