package org.sdelink.pipelines.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;

/**
 * The link stage: pseudonymised CLD and APC records in, the linkage spine out ({@code spine.csv}: one row per
 * distinct record, {@code source,record_id,person_id,match_rule,match_weight}) with {@code link-report.json}.
 * Steps: CLD records are grouped into council clients; clients and episodes are anchored on their NHS-number token;
 * anchor groups become persons after the date-of-birth check. Every grouping runs over a bounded number of buckets.
 */
public final class LinkStage {
  public static final String SPINE = "spine.csv";
  public static final String REPORT = "link-report.json";
  public static final List<String> SPINE_COLUMNS =
      List.of("source", "record_id", "person_id", "match_rule", "match_weight");

  private static final List<String> CLD_COLUMNS = List.of("record_id", "LA_Code", "la_person_token",
      "nhs_number_token", "nhs_number_status", "dob_token", "dob_swapped_token");
  private static final List<String> APC_COLUMNS = List.of("record_id", "RESLADST_ONS", "nhs_number_token",
      "nhs_number_status", "dob_token", "dob_swapped_token");
  private static final TupleTag<KV<String, String>> SPINE_LINES = new TupleTag<>("spine") {};
  private static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};

  private final Path cldRecords;
  private final Path apcRecords;

  private LinkStage(Path cldRecords, Path apcRecords) {
    this.cldRecords = cldRecords;
    this.apcRecords = apcRecords;
  }

  /** A link stage over the outputs of two pseudonymise runs (folders holding {@code records.csv}). */
  public static LinkStage of(Path cldDir, Path apcDir) {
    return new LinkStage(cldDir.resolve(PseudonymiseStage.RECORDS), apcDir.resolve(PseudonymiseStage.RECORDS));
  }

  public Path run(SdelinkPipelineOptions options, Path output) throws IOException {
    ReadCsvColumns.checkColumns(cldRecords, CLD_COLUMNS);
    ReadCsvColumns.checkColumns(apcRecords, APC_COLUMNS);
    StageDirectory stage = StageDirectory.begin(output);
    Path spineParts = stage.scratch("spine");
    Path countParts = stage.scratch("counts");
    int buckets = options.getBuckets();
    int parts = options.getOutputParts();

    Pipeline pipeline = Pipeline.create(options);
    PCollection<KV<String, List<String>>> cldMembers = pipeline
        .apply("ReadCld", ReadCsvColumns.of(cldRecords, CLD_COLUMNS))
        .apply("KeyByClient", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.lists(TypeDescriptors.strings())))
            .via((List<String> v) -> KV.of(v.get(1) + "|" + v.get(2), v)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("GroupClients", GroupIntoBuckets.of(buckets))
        .apply("AnchorClients", ParDo.of(new AnchorClientsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())));

    PCollection<KV<String, List<String>>> apcMembers = pipeline
        .apply("ReadApc", ReadCsvColumns.of(apcRecords, APC_COLUMNS))
        .apply("AnchorEpisodes", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.lists(TypeDescriptors.strings())))
            .via((List<String> v) -> {
              String token = isValid(v.get(3)) ? v.get(2) : "";
              String rule = token.isEmpty() ? DeterministicPersonLinker.RULE_UNLINKED
                  : DeterministicPersonLinker.RULE_NHS;
              return KV.of(DeterministicPersonLinker.episodeAnchor(v.get(0), token),
                  new LinkMember("apc", v.get(0), rule, v.get(1), "", v.get(4), v.get(5)).toList());
            }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())));

    PCollectionTuple resolved = PCollectionList.of(cldMembers).and(apcMembers)
        .apply("AllMembers", Flatten.pCollections())
        .apply("GroupAnchors", GroupIntoBuckets.of(buckets))
        .apply("ResolvePersons", ParDo.of(new ResolvePersonsFn())
            .withOutputTags(SPINE_LINES, TupleTagList.of(COUNTS)));

    resolved.get(SPINE_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("WriteSpine", SortedCsvSink.to(spineParts.toString(), parts).withDistinctKeys());
    resolved.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumCounts", SumInBuckets.of(options.getBuckets()))
        .apply("FormatCounts", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.strings()))
            .via((KV<String, Long> kv) -> KV.of(kv.getKey(), kv.getKey() + "\t" + kv.getValue())))
        .apply("WriteCounts", SortedCsvSink.to(countParts.toString(), 1));

    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the link pipeline ended in state " + state);
    }
    SortedCsvSink.merge(spineParts, CsvLines.format(SPINE_COLUMNS), stage.work().resolve(SPINE), true);
    writeReport(countParts, stage.work().resolve(REPORT));
    stage.commit("link", List.of(cldRecords, apcRecords));
    return stage.target();
  }

  static boolean isValid(String nhsStatus) {
    return "VALID".equals(nhsStatus) || "TEST_RANGE".equals(nhsStatus);
  }

  private static void writeReport(Path counts, Path target) throws IOException {
    Map<String, Map<String, Long>> byKind = new TreeMap<>();
    for (String line : SortedCsvSink.readLines(counts)) {
      String[] parts = line.split("\t");
      byKind.computeIfAbsent(parts[0], k -> new TreeMap<>())
          .put(parts[1] + (parts.length > 3 ? "|" + parts[2] : ""), Long.parseLong(parts[parts.length - 1]));
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    ObjectNode root = mapper.createObjectNode();
    root.put("stage", "link");
    root.put("method", "deterministic: council client, then NHS-number token with date-of-birth check");
    root.set("records_by_rule", mapper.valueToTree(byKind.getOrDefault("rule", Map.of())));
    root.set("persons", mapper.valueToTree(byKind.getOrDefault("persons", Map.of())));
    root.set("clients_by_council", mapper.valueToTree(byKind.getOrDefault("la", Map.of())));
    mapper.writeValue(target.toFile(), root);
  }

  /** Groups a bucket of CLD records into council clients and anchors each client on its NHS-number token. */
  private static final class AnchorClientsFn
      extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, List<String>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket,
        OutputReceiver<KV<String, List<String>>> out) {
      Map<String, List<List<String>>> clients = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        clients.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      clients.forEach((clientKey, rows) -> {
        List<String> tokens = new ArrayList<>();
        for (List<String> v : rows) {
          tokens.add(isValid(v.get(4)) ? v.get(3) : "");
        }
        String anchor = DeterministicPersonLinker.clientAnchor(clientKey, tokens);
        for (List<String> v : rows) {
          boolean own = anchor.equals("N|" + (isValid(v.get(4)) ? v.get(3) : ""));
          String rule = own ? DeterministicPersonLinker.RULE_NHS : DeterministicPersonLinker.RULE_CLIENT;
          out.output(KV.of(anchor,
              new LinkMember("cld", v.get(0), rule, v.get(1), clientKey, v.get(5), v.get(6)).toList()));
        }
      });
    }
  }

  /** Resolves a bucket of anchor groups into spine rows and counts. */
  private static final class ResolvePersonsFn
      extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, List<LinkMember>> anchors = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        anchors.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(LinkMember.fromList(kv.getValue()));
      }
      anchors.forEach((anchor, members) -> {
        Map<String, String> ruleByRecord = new TreeMap<>();
        Map<String, String> personByRecord = new TreeMap<>();
        for (List<String> row : DeterministicPersonLinker.resolve(anchor, members)) {
          String key = row.get(0) + ":" + row.get(1);
          if (ruleByRecord.putIfAbsent(key, row.get(3)) == null) {
            personByRecord.put(key, row.get(2));
            out.get(SPINE_LINES).output(KV.of(row.get(0) + "\u0000" + row.get(1),
                CsvLines.format(row.get(0), row.get(1), row.get(2), row.get(3), "")));
            out.get(COUNTS).output(KV.of("rule\t" + row.get(0) + "\t" + row.get(3), 1L));
          }
        }
        Map<String, Boolean> personHasApc = new TreeMap<>();
        personByRecord.forEach((record, person) ->
            personHasApc.merge(person, record.startsWith("apc:"), Boolean::logicalOr));
        personHasApc.forEach((person, hasApc) ->
            out.get(COUNTS).output(KV.of("persons\t" + (hasApc ? "with_hospital_records" : "cld_only"), 1L)));
        Map<String, String> clients = new TreeMap<>();
        for (LinkMember m : members) {
          if (!m.clientKey().isEmpty()) {
            clients.put(m.clientKey(), personByRecord.get(m.source() + ":" + m.recordId()) + "\t" + m.laCode());
          }
        }
        clients.forEach((client, personAndLa) -> {
          String[] parts = personAndLa.split("\t", -1);
          out.get(COUNTS).output(KV.of("la\t" + parts[1] + "\tclients", 1L));
          if (personHasApc.getOrDefault(parts[0], false)) {
            out.get(COUNTS).output(KV.of("la\t" + parts[1] + "\tclients_linked_to_hospital", 1L));
          }
        });
      });
    }
  }
}
