package org.sdelink.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.policies.kanonymity.GeneralisationLevels;
import org.sdelink.policies.kanonymity.LinkedClassFigures;
import org.sdelink.policies.kanonymity.LinkedQuasiIdentifiers;
import org.sdelink.policies.kanonymity.PersonQuasiIdentifiers;
import org.sdelink.policies.kanonymity.QuasiIdentifier;

/** The pipeline's person-level counting agrees with the in-memory reference, for any number of buckets. */
class LinkedClassCountsTest {
  private static final String[] LAS = {"E08000035", "E08000036", "E06000014", "E09000001"};
  private static final String[] PROVIDERS = {"RR8", "RAE", "RCF", "RXF"};

  private static QuasiIdentifier qi(String field, String level) {
    return new QuasiIdentifier(field, ImmutableList.of(GeneralisationLevels.resolve(level, Map.of())));
  }

  private static final LinkedQuasiIdentifiers LINKED = LinkedQuasiIdentifiers.of(5, 0.05,
      Map.of("persons", List.of(qi("sex", "withheld"), qi("la_code", "withheld")),
          "journeys", List.of(qi("provider", "withheld"))),
      List.of("persons", "journeys", "discharges"));

  private static Map<String, PersonQuasiIdentifiers> persons(int n) {
    Random random = new Random(11);
    Map<String, PersonQuasiIdentifiers> persons = new HashMap<>();
    for (int i = 0; i < n; i++) {
      PersonQuasiIdentifiers.Builder b = PersonQuasiIdentifiers.builder()
          .add("persons", List.of(random.nextBoolean() ? "1" : "2", LAS[random.nextInt(LAS.length)]));
      for (int e = random.nextInt(3); e > 0; e--) {
        b.add("journeys", List.of(PROVIDERS[random.nextInt(PROVIDERS.length)]));
      }
      if (random.nextInt(3) == 0) {
        b.add("discharges", List.of());
      }
      persons.put(String.format("Q%05d", i), b.build());
    }
    return persons;
  }

  private static Path personsFile(Path dir, Map<String, PersonQuasiIdentifiers> persons) throws Exception {
    Path file = dir.resolve("persons.csv");
    List<String> lines = new ArrayList<>(List.of(CsvLines.format(LinkedClassCounts.PERSON_COLUMNS)));
    new TreeSet<>(persons.keySet()).forEach(id -> lines.add(CsvLines.format(id, persons.get(id).encode())));
    Files.write(file, lines);
    return file;
  }

  @Test
  void pipelineCountsEqualTheInMemoryFiguresAndListTheSamePersonsToLeaveOut(@TempDir Path dir) throws Exception {
    Map<String, PersonQuasiIdentifiers> persons = persons(600);
    Path file = personsFile(dir, persons);
    List<ImmutableList<Integer>> vectors = List.of(LINKED.asReleased(), ImmutableList.of(0, 1, 0),
        ImmutableList.of(1, 1, 1));
    for (int buckets : List.of(1, 7)) {
      SdelinkPipelineOptions options = StageOptions.fromArgs(List.of("--buckets=" + buckets));
      StageDirectory stage = StageDirectory.begin(dir.resolve("stage-" + buckets));
      LinkedClassCounts counter = new LinkedClassCounts(LINKED, file, options, stage);
      List<LinkedClassFigures> figures = counter.figuresAt(vectors);
      assertEquals(1, counter.passes(), "one pass counts every vector");
      for (int j = 0; j < vectors.size(); j++) {
        LinkedClassFigures expected = LinkedClassFigures.of(LINKED, vectors.get(j), persons.values());
        assertEquals(expected.persons(), figures.get(j).persons());
        assertEquals(expected.personsSuppressed(), figures.get(j).personsSuppressed());
        assertEquals(expected.rows(), figures.get(j).rows());
        assertEquals(expected.rowsSuppressed(), figures.get(j).rowsSuppressed());
        assertEquals(expected.personClasses(), figures.get(j).personClasses());
      }
      assertTrue(figures.get(0).personsSuppressed() > 0, "the test data must have small groups as released");

      Map<String, Integer> groups = new HashMap<>();
      persons.values().forEach(p -> groups.merge(LINKED.linkedKey(p, vectors.get(0)), 1, Integer::sum));
      Set<String> expected = new TreeSet<>();
      persons.forEach((id, p) -> {
        if (groups.get(LINKED.linkedKey(p, vectors.get(0))) < LINKED.k()) {
          expected.add(id);
        }
      });
      Path out = stage.scratch("left-out");
      Pipeline pipeline = Pipeline.create(options);
      pipeline.apply(ReadCsvColumns.of(file, LinkedClassCounts.PERSON_COLUMNS))
          .apply(LinkedClassCounts.suppressedPersons(LINKED, vectors.get(0), buckets))
          .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
              .via((String id) -> KV.of(id, id)))
          .apply(SortedCsvSink.to(out.toString()));
      pipeline.run().waitUntilFinish();
      assertEquals(List.copyOf(expected), SortedCsvSink.readLines(out));
      assertEquals(figures.get(0).personsSuppressed(), expected.size());
    }
  }
}
