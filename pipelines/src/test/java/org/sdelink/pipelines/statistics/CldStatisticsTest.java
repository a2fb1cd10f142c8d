package org.sdelink.pipelines.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.waiting.WaitingDeviations;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.testing.TestPipelineExtension;

/**
 * The one-grouping composite against the three family composites run apart on the same rows: the same SALT cells,
 * ASCOF contributions, waiting-time lines and counters (the stage's outputs must not change with the grouping).
 */
@ExtendWith(TestPipelineExtension.class)
class CldStatisticsTest {
  private static final List<String> COLUMNS = SaltEvent.READ_COLUMNS;
  private static final FinancialYear YEAR = FinancialYear.parse("2024-25");
  private static final Map<String, String> CHOSEN = Map.of("E06000001", "q4.csv", "E06000002", "f.csv");
  /** DHSC's selection: the same files, read for the year (q3.csv superseded). */
  private static final JoinedSubmissions JOINED = JoinedSubmissions.ofChosen(Map.of(
      "E06000001", Map.of("q4.csv", ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))),
      "E06000002", Map.of("f.csv", ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31)))));

  private static List<String> row(String la, String person, String file, String received, String type,
      String start, String... more) {
    Map<String, String> values = new HashMap<>(Map.of("LA_Code", la, "la_person_token", person,
        "Client_Type", "Service User", "Event_Type", type, "Event_Start_Date", start, "birth_year", "1950",
        "birth_month", "1", "source_file", file, "received_date", received));
    values.put("Reporting_Period_Start_Date", "2024-04-01");
    values.put("Reporting_Period_End_Date", "2025-03-31");
    values.put("Primary_Support_Reason", "Mental Health Support");
    for (int i = 0; i < more.length; i += 2) {
      values.put(more[i], more[i + 1]);
    }
    List<String> row = new ArrayList<>();
    for (String column : COLUMNS) {
      row.add(values.getOrDefault(column, ""));
    }
    return row;
  }

  private static List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (String person : List.of("a", "b", "c")) {
      String la = person.equals("c") ? "E06000002" : "E06000001";
      String file = person.equals("c") ? "f.csv" : "q4.csv";
      rows.add(row(la, person, file, "2025-04-20", "Request", "2024-05-01", "Event_End_Date", "2024-05-01",
          "Event_Outcome", "Progress to Assessment", "Request_Route_of_Access", "Community / Other route"));
      rows.add(row(la, person, file, "2025-04-20", "Assessment", person.equals("a") ? "2024-05-05" : "2024-05-11",
          "Event_End_Date", "2024-05-20", "Assessment_Type", "Long Term Assessment",
          "Event_Outcome", "Progress to Support Planning / Services"));
      rows.add(row(la, person, file, "2025-04-20", "Service", "2024-06-01", "Service_Type",
          "Long Term Support: Community", "Delivery_Mechanism", "Direct Payment",
          "Accommodation_Status", "Owner occupier or shared ownership scheme"));
    }
    // An older version of a's service, and a row without a council-local person id.
    rows.add(row("E06000001", "a", "q3.csv", "2025-01-20", "Service", "2024-06-01", "Service_Type",
        "Long Term Support: Community", "Event_End_Date", "2024-12-31"));
    rows.add(row("E06000002", "", "f.csv", "2025-04-20", "Request", "2024-07-01"));
    return rows;
  }

  @Test
  void oneGroupingGivesWhatTheFamiliesGiveApart(TestPipeline p) {
    PCollection<List<String>> rows = p.apply(Create.of(rows()).withCoder(ListCoder.of(StringUtf8Coder.of())));
    StatisticsSettings settings = StatisticsSettings.of(COLUMNS, YEAR, SubmissionWindow.all(), CHOSEN, 3)
        .withJoined(JOINED);
    PCollectionTuple together = rows.apply("Together", CldStatistics.of(settings));
    PCollectionTuple salt = rows.apply("SaltApart", SaltStatistics.of(settings));
    PCollectionTuple ascof = rows.apply("AscofApart", AscofStatistics.of(settings));
    PCollection<KV<String, String>> waiting = rows.apply("WaitingApart",
        WaitingTimesStatistics.of(COLUMNS, YEAR, SubmissionWindow.all(), 3).withJoined(JOINED));
    PCollection<KV<String, Long>> countsApart = PCollectionList.of(salt.get(SaltStatistics.COUNTS))
        .and(ascof.get(AscofStatistics.COUNTS)).apply("CountsApart", Flatten.pCollections());

    PCollection<String> mismatches = PCollectionList
        .of(tagged("salt-one", together.get(SaltStatistics.CELLS)))
        .and(tagged("salt-apart", salt.get(SaltStatistics.CELLS)))
        .and(tagged("ascof-one", together.get(AscofStatistics.CONTRIBUTIONS)))
        .and(tagged("ascof-apart", ascof.get(AscofStatistics.CONTRIBUTIONS)))
        .and(tagged("counts-one", together.get(EvaluatePersons.COUNTS)
            // the waiting family's counters: WaitingTimesStatistics on its own writes lines only
            .apply("LeaveOutWaitingCounters", Filter.by(
                (KV<String, Long> kv) -> !kv.getKey().startsWith(WaitingDeviations.PREFIX)))))
        .and(tagged("counts-apart", countsApart))
        .and(taggedLines("waiting-one", together.get(CldStatistics.WAITING_LINES)))
        .and(taggedLines("waiting-apart", waiting))
        .apply(Flatten.pCollections())
        .apply(GroupByKey.create())
        .apply("Mismatches", ParDo.of(new MismatchFn()));
    PAssert.that(mismatches).empty();

    PAssert.that(together.get(CldStatistics.WAITING_LINES).apply("WaitingValues",
            MapElements.into(TypeDescriptors.strings()).via(KV::getValue)))
        .satisfies(lines -> {
          Set<String> all = new HashSet<>();
          lines.forEach(all::add);
          if (!all.contains("ENGLAND,2024-Q1,65+,first_response,3,10.0")) {
            throw new AssertionError("no England first-response line of the three requests: " + all);
          }
          return null;
        });
    PAssert.that(together.get(EvaluatePersons.COUNTS).apply("Persons",
            MapElements.into(TypeDescriptors.longs()).via((KV<String, Long> kv) ->
                kv.getKey().equals("persons") ? kv.getValue() : 0L)))
        .satisfies(counts -> {
          long persons = 0;
          for (long n : counts) {
            persons += n;
          }
          if (persons != 3) {
            throw new AssertionError("persons counted " + persons + ", not 3");
          }
          return null;
        });
    p.run().waitUntilFinish();
  }

  /** Summed values keyed {@code family NUL key}, tagged with where they came from. */
  private static PCollection<KV<String, String>> tagged(String source, PCollection<KV<String, Long>> sums) {
    String family = source.substring(0, source.indexOf('-'));
    return sums.apply("Tag" + source, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.strings()))
        .via((KV<String, Long> kv) -> KV.of(family + SaltStatistics.SEP + kv.getKey(), source + "=" + kv.getValue())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  private static PCollection<KV<String, String>> taggedLines(String source, PCollection<KV<String, String>> lines) {
    return lines.apply("Tag" + source, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.strings()))
        .via((KV<String, String> kv) -> KV.of("waiting" + SaltStatistics.SEP + kv.getKey(), source + "="
            + kv.getValue())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /**
   * A key whose summed value differs between the one grouping and the families apart (counters are summed per key
   * first: they arrive per bundle).
   */
  static final class MismatchFn extends DoFn<KV<String, Iterable<String>>, String> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> key, OutputReceiver<String> out) {
      Map<String, Long> one = new HashMap<>();
      Map<String, Long> apart = new HashMap<>();
      Set<String> oneLines = new HashSet<>();
      Set<String> apartLines = new HashSet<>();
      for (String value : key.getValue()) {
        String source = value.substring(0, value.indexOf('='));
        String v = value.substring(value.indexOf('=') + 1);
        boolean isOne = source.endsWith("-one");
        if (source.startsWith("waiting")) {
          (isOne ? oneLines : apartLines).add(v);
        } else {
          (isOne ? one : apart).merge(source, Long.parseLong(v), Long::sum);
        }
      }
      long oneSum = one.values().stream().mapToLong(Long::longValue).sum();
      long apartSum = apart.values().stream().mapToLong(Long::longValue).sum();
      if (oneSum != apartSum || !oneLines.equals(apartLines)) {
        out.output(key.getKey().replace(SaltStatistics.SEP, "|") + ": " + oneSum + "/" + oneLines + " vs "
            + apartSum + "/" + apartLines);
      }
    }
  }
}
