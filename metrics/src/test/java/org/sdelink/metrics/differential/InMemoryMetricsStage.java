package org.sdelink.metrics.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.sdelink.metrics.evaluation.PersonEvaluator;
import org.sdelink.metrics.evaluation.PersonResult;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.records.ApcEpisode;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.summary.MetricTally;
import org.sdelink.metrics.tables.SummaryRow;
import org.sdelink.metrics.tables.SummaryTable;

/**
 * What the lead's Beam metrics stage does, in memory, for tests: join pseudonymised rows to the spine, group by
 * person, evaluate each person, and sum the tallies as a Combine would (shuffled inputs, random partitions merged in
 * random order, half of them through the binary coder form), then finish.
 */
final class InMemoryMetricsStage {
  record Output(List<List<String>> summary, List<PersonResult> people, MetricTally total) {}

  private InMemoryMetricsStage() {}

  static Output run(List<Map<String, String>> cldRows, List<Map<String, String>> apcRows, Path spineCsv,
      ReportingPeriod period, long shuffleSeed) throws IOException {
    Map<String, String> spine = new HashMap<>();
    for (Map<String, String> row : RawToPseudonymised.read(spineCsv)) {
      spine.put(row.get("source") + "|" + row.get("record_id"), row.get("person_id"));
    }
    Random random = new Random(shuffleSeed);
    Map<String, List<CldEvent>> cldByPerson = new TreeMap<>();
    for (Map<String, String> row : cldRows) {
      CldEvent event = CldEvent.fromRow(row);
      String person = spine.get("cld|" + event.recordId());
      if (person != null) {
        cldByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(event);
      }
    }
    Map<String, List<ApcEpisode>> apcByPerson = new TreeMap<>();
    for (Map<String, String> row : apcRows) {
      ApcEpisode episode = ApcEpisode.fromRow(row);
      String person = spine.get("apc|" + episode.recordId());
      if (person != null) {
        apcByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(episode);
      }
    }
    TreeMap<String, Boolean> people = new TreeMap<>();
    cldByPerson.keySet().forEach(p -> people.put(p, true));
    apcByPerson.keySet().forEach(p -> people.put(p, true));

    PersonEvaluator evaluator = PersonEvaluator.forPeriod(period);
    int partitions = 1 + random.nextInt(5);
    List<MetricTally> partials = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      partials.add(MetricTally.empty());
    }
    List<PersonResult> results = new ArrayList<>();
    for (String person : people.keySet()) {
      List<CldEvent> events = new ArrayList<>(cldByPerson.getOrDefault(person, List.of()));
      List<ApcEpisode> episodes = new ArrayList<>(apcByPerson.getOrDefault(person, List.of()));
      Collections.shuffle(events, random);
      Collections.shuffle(episodes, random);
      PersonResult result = evaluator.evaluate(person, events, episodes);
      results.add(result);
      partials.get(random.nextInt(partitions)).addAll(result.tally());
    }
    Collections.shuffle(partials, random);
    MetricTally total = MetricTally.empty();
    for (MetricTally partial : partials) {
      total.addAll(random.nextBoolean() ? MetricTally.fromBytes(partial.toBytes()) : partial);
    }
    List<List<String>> summary = new ArrayList<>();
    for (SummaryRow row : SummaryTable.rows(total)) {
      summary.add(row.values());
    }
    return new Output(summary, results, total);
  }
}
