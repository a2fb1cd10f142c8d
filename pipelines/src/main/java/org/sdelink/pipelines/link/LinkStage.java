package org.sdelink.pipelines.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.linkage.em.UnestimatedComparisonsException;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.TermFrequencies;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.io.CountsSink;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.DriverWork;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.UpstreamFolder;
import org.sdelink.pipelines.pseudonymise.KeyConsistency;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.UserError;

/**
 * The link stage: pseudonymised CLD and APC records in, the linkage spine out ({@code spine.csv}: one row per
 * distinct record, {@code source,record_id,person_id,match_rule,match_weight}) with {@code pairs.csv},
 * {@code model-params.json}, {@code link-report.json} and {@code linkage-report.html}.
 *
 * <p>Pipeline 1, deterministic: CLD records are grouped into council clients; clients and episodes are anchored on
 * their NHS-number token; anchor groups become persons after the date-of-birth check. Each person gives one
 * entity per source (representative identity values); entities of persons with one source only are
 * <em>residual</em>. Unless parameters are supplied, the same pipeline counts comparison vectors of the training
 * blocking rules' pairs (EM) and of a hash sample of cross pairs (u), and term frequencies. The driver then runs EM.
 * Entities carry address variants ({@link Entities}). Pipeline 2, probabilistic: first APC episodes without a valid
 * NHS number join the patient who has one ({@link ApcJoins}, rule {@code probabilistic_apc}); then residual entities
 * are blocked per rule in hash buckets, each cross pair scored once
 * (first rule that blocks it), the cascade and the threshold select candidate links, the library's assignment
 * accepts or declares them ambiguous per entity, the links into each person are checked as a cluster (no two valid
 * NHS numbers, at most {@code thresholds.max_cluster_persons} persons: {@link PairFns.CapStarsFn}; episode joins are
 * capped the same way), and the links kept merge the two persons (the CLD person's id). The CLD {@code Ethnicity}
 * column, when present, gives the report's ethnicity subgroups. Every grouping runs over a bounded number of
 * buckets.
 */
public final class LinkStage {
  public static final String SPINE = "spine.csv";
  public static final String REPORT = "link-report.json";
  public static final String PAIRS = "pairs.csv";
  public static final String PARAMETERS = "model-params.json";
  public static final String HTML_REPORT = "linkage-report.html";
  public static final List<String> SPINE_COLUMNS =
      List.of("source", "record_id", "person_id", "match_rule", "match_weight");

  private static final List<String> CLD_COLUMNS = List.of("record_id", "LA_Code", "la_person_token",
      "nhs_number_token", "nhs_number_status", "dob_token", "dob_swapped_token", "dob_year_token", "dob_month_token",
      "dob_day_token");
  private static final List<String> APC_COLUMNS = List.of("record_id", "RESLADST_ONS", "nhs_number_token",
      "nhs_number_status", "dob_token", "dob_swapped_token", "dob_year_token", "dob_month_token", "dob_day_token");
  /** The CLD column whose value gives the ethnicity subgroups of the report (optional: blank when absent). */
  static final String ETHNICITY = "Ethnicity";
  /** Index of the ethnicity in a member list (after the {@link LinkMember} values), identity values after it. */
  private static final int MEMBER_ETHNICITY = LinkMember.SIZE;
  private static final List<String> MEMBER_COLUMNS = List.of("person_id", "source", "record_id", "rule");
  private static final TupleTag<KV<String, String>> MEMBER_LINES = new TupleTag<>("members") {};
  private static final TupleTag<KV<String, List<String>>> ENTITIES = new TupleTag<>("entities") {};
  private static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};

  private final Path cldRecords;
  private final Path apcRecords;
  private final LinkageModel model;
  private final String modelSha256;
  private final Optional<Path> parametersFile;

  private LinkStage(Path cldRecords, Path apcRecords, ModelSpecFile spec, Optional<Path> parametersFile) {
    this.cldRecords = cldRecords;
    this.apcRecords = apcRecords;
    this.model = spec.model();
    this.modelSha256 = spec.sha256();
    this.parametersFile = parametersFile;
    if (!model.sources().isEmpty() && !model.sources().equals(List.of("cld", "apc"))) {
      throw new IllegalArgumentException("the link stage links sources [cld, apc]; model '" + model.name()
          + "' links " + model.sources() + " (use --left/--right for other files)");
    }
    if (model.assignment().oneToOne()) {
      throw new IllegalArgumentException("the Beam link stage supports assignment.one_to_one: false only; model '"
          + model.name() + "' asks for one_to_one (use --left/--right for the in-memory engine)");
    }
  }

  /** A link stage over the outputs of two pseudonymise runs (folders holding {@code records.csv}). */
  private List<Path> inputs() {
    List<Path> inputs = new ArrayList<>(List.of(cldRecords, apcRecords));
    parametersFile.ifPresent(inputs::add);
    return inputs;
  }

  /**
   * The settings recorded with the output: the model's name, the SHA-256 of its spec and of the parameters file
   * ({@code none} when parameters are estimated), so that another spec or parameters file reruns the stage.
   */
  String settings() {
    return "model=" + model.name() + ";model_sha256=" + modelSha256 + ";model_params_sha256="
        + parametersFile.map(StageDirectory::sha256).orElse("none");
  }

  /** Whether {@code output} already holds this stage's output for the same input bytes, model and parameters. */
  public boolean isUpToDate(Path output) {
    return StageDirectory.isUpToDate(output, "link", inputs(), settings());
  }

  /** What the stage reads: the two pseudonymise folders and the parameters file. */
  private List<Path> reads() {
    List<Path> reads = new ArrayList<>(List.of(cldRecords.getParent(), apcRecords.getParent()));
    parametersFile.ifPresent(reads::add);
    return reads;
  }

  /** Stops unless both folders are complete, unchanged pseudonymise outputs of the right source. */
  private void verifyUpstream() {
    UpstreamFolder.verify(cldRecords.getParent(), "pseudonymise", PseudonymiseStage.RECORDS)
        .requireSetting("source", "cld", "the folder written by sdelink pseudonymise --source cld as --cld");
    UpstreamFolder.verify(apcRecords.getParent(), "pseudonymise", PseudonymiseStage.RECORDS)
        .requireSetting("source", "apc", "the folder written by sdelink pseudonymise --source apc as --apc");
  }

  public static LinkStage of(Path cldDir, Path apcDir) {
    return of(cldDir, apcDir, ModelSpecFile.defaultCldApc(), Optional.empty());
  }

  /** As {@link #of(Path, Path)}, with a model spec and optionally a parameters file to use as is. */
  public static LinkStage of(Path cldDir, Path apcDir, ModelSpecFile spec, Optional<Path> parametersFile) {
    return new LinkStage(cldDir.resolve(PseudonymiseStage.RECORDS), apcDir.resolve(PseudonymiseStage.RECORDS),
        spec, parametersFile);
  }

  public Path run(SdelinkPipelineOptions options, Path output) throws IOException {
    StageDirectory.checkOutput(output, reads());
    verifyUpstream();
    KeyConsistency.requireSameKey(cldRecords, apcRecords);
    List<String> cldIdentity = Entities.columns(model, "cld");
    List<String> apcIdentity = Entities.columns(model, "apc");
    boolean withEthnicity = ReadCsvColumns.header(cldRecords).contains(ETHNICITY);
    List<String> cldRead = concat(withEthnicity ? concat(CLD_COLUMNS, List.of(ETHNICITY)) : CLD_COLUMNS,
        cldIdentity);
    List<String> apcRead = concat(APC_COLUMNS, apcIdentity);
    ReadCsvColumns.checkColumns(cldRecords, cldRead);
    ReadCsvColumns.checkColumns(apcRecords, apcRead);
    Optional<ModelParameters> supplied = Optional.empty();
    if (parametersFile.isPresent()) {
      try (InputStream in = Files.newInputStream(parametersFile.get())) {
        ModelParameters given = ModelParameters.read(in);
        given.checkCompatibleWith(model);
        supplied = Optional.of(given);
      }
    }
    StageDirectory stage = StageDirectory.begin(output, reads());
    try {
      link(stage, options, supplied, withEthnicity, cldIdentity, apcIdentity, cldRead, apcRead);
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
    return stage.target();
  }

  private void link(StageDirectory stage, SdelinkPipelineOptions options, Optional<ModelParameters> supplied,
      boolean withEthnicity, List<String> cldIdentity, List<String> apcIdentity, List<String> cldRead,
      List<String> apcRead) throws IOException {
    Path data = stage.scratch("data");
    int buckets = options.getBuckets();

    // Pipeline 1: deterministic persons, entities, training counts.
    Path memberParts = stage.scratch("members");
    Path entityParts = stage.scratch("entities");
    Path countParts1 = stage.scratch("counts1");
    Pipeline first = Pipeline.create(options);
    KvCoder<String, List<String>> listKv = KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of()));
    PCollection<KV<String, List<String>>> cldMembers = first
        .apply("ReadCld", ReadCsvColumns.of(cldRecords, cldRead))
        .apply("KeyByClient", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.lists(TypeDescriptors.strings())))
            .via((List<String> v) -> KV.of(v.get(1) + "|" + v.get(2), v)))
        .setCoder(listKv)
        .apply("GroupClients", GroupIntoBuckets.of(buckets))
        .apply("AnchorClients", ParDo.of(new AnchorClientsFn(CLD_COLUMNS.size(), withEthnicity)))
        .setCoder(listKv);
    int apcBase = APC_COLUMNS.size();
    PCollection<KV<String, List<String>>> apcMembers = first
        .apply("ReadApc", ReadCsvColumns.of(apcRecords, apcRead))
        .apply("AnchorEpisodes", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.lists(TypeDescriptors.strings())))
            .via((List<String> v) -> {
              String token = isValid(v.get(3)) ? v.get(2) : "";
              String rule = token.isEmpty() ? DeterministicPersonLinker.RULE_UNLINKED
                  : DeterministicPersonLinker.RULE_NHS;
              List<String> member = new ArrayList<>(
                  new LinkMember("apc", v.get(0), rule, v.get(1), "", v.get(4), v.get(5), v.get(6), v.get(7),
                      v.get(8)).toList());
              member.add("");
              member.addAll(v.subList(apcBase, v.size()));
              return KV.of(DeterministicPersonLinker.episodeAnchor(v.get(0), token), member);
            }))
        .setCoder(listKv);

    PCollectionTuple resolved = PCollectionList.of(cldMembers).and(apcMembers)
        .apply("AllMembers", Flatten.pCollections())
        .apply("GroupAnchors", GroupIntoBuckets.of(buckets))
        .apply("ResolvePersons", ParDo.of(new ResolvePersonsFn(model, cldIdentity, apcIdentity))
            .withOutputTags(MEMBER_LINES, TupleTagList.of(ENTITIES).and(COUNTS)));
    resolved.get(MEMBER_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("WriteMembers", SortedCsvSink.to(memberParts.toString()).withDistinctKeys());
    PCollection<KV<String, List<String>>> entityKvs = resolved.get(ENTITIES).setCoder(listKv);
    entityKvs
        .apply("FormatEntities", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.strings()))
            .via((KV<String, List<String>> kv) -> KV.of(kv.getKey(), CsvLines.format(kv.getValue()))))
        .apply("WriteEntities", SortedCsvSink.to(entityParts.toString()).withDistinctKeys());
    PCollection<List<String>> entities = entityKvs
        .apply("EntityValues", ParDo.of(new PrimaryEntitiesFn()))
        .setCoder(ListCoder.of(StringUtf8Coder.of()));
    List<PCollection<KV<String, Long>>> counts1 = new ArrayList<>();
    counts1.add(resolved.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    counts1.add(entities.apply("TermCounts", ParDo.of(new TermCountsFn(model)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    if (supplied.isEmpty()) {
      counts1.add(entities
          .apply("TrainingKeys", ParDo.of(new PairFns.BlockingKeysFn(model, true, false)))
          .setCoder(listKv)
          .apply("GroupTraining", GroupIntoBuckets.of(buckets))
          .apply("CountTrainingVectors", ParDo.of(new PairFns.CountVectorsFn(model)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
      PCollectionView<Map<String, Long>> sizes = entities
          .apply("EntitySource", MapElements.into(TypeDescriptors.strings()).via((List<String> e) -> e.get(0)))
          .apply("CountBySource", Count.perElement())
          .apply("SizesView", View.asMap());
      counts1.add(entities
          .apply("USampleKeys", ParDo.of(new PairFns.USampleKeysFn(model.estimation().uSamplePairs(),
              model.estimation().seed(), sizes)).withSideInputs(sizes))
          .setCoder(listKv)
          .apply("GroupUSample", GroupIntoBuckets.of(buckets))
          .apply("CountUVectors", ParDo.of(new PairFns.CountVectorsFn(model)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    }
    writeCounts(PCollectionList.of(counts1).apply("AllCounts1", Flatten.pCollections()), "1", buckets,
        countParts1);
    run(first, "deterministic");

    Path members = data.resolve("members.csv");
    Path entitiesFile = data.resolve("entities.csv");
    List<String> entityColumns = new ArrayList<>(List.of("source", "entity_id", "residual", "variant",
        "linked_councils", "report_groups"));
    entityColumns.addAll(model.layout().fields());
    DriverWork.inParallel(List.of(
        () -> SortedCsvSink.merge(memberParts, CsvLines.format(MEMBER_COLUMNS), members, true),
        () -> SortedCsvSink.merge(entityParts, CsvLines.format(entityColumns), entitiesFile, true)));
    Map<String, Long> firstCounts = readCounts(countParts1);

    ModelParameters parameters;
    try {
      parameters = supplied.isPresent() ? supplied.get() : Estimation.estimate(model, firstCounts);
    } catch (UnestimatedComparisonsException e) {
      throw new UserError("cannot estimate the parameters of model '" + model.name() + "' from these records: "
          + e.getMessage() + " (give --model-params FILE, e.g. the model-params.json of an earlier link run)", e);
    }
    TermFrequencies frequencies = Estimation.termFrequencies(firstCounts);
    Files.write(stage.work().resolve(PARAMETERS), parameters.toJsonBytes());

    // Pipeline 2: probabilistic linkage of residual entities, then the spine.
    Path spineParts = stage.scratch("spine");
    Path pairParts = stage.scratch("pairs");
    Path countParts2 = stage.scratch("counts2");
    Pipeline second = Pipeline.create(options);
    PCollection<List<String>> allEntities = second
        .apply("ReadEntities", ReadCsvColumns.of(entitiesFile, entityColumns));
    PCollection<List<String>> memberRows = second
        .apply("ReadMembers", ReadCsvColumns.of(members, MEMBER_COLUMNS));
    PCollection<List<String>> linkedEntities;
    PCollection<KV<String, List<String>>> memberMessages;
    List<PCollection<KV<String, Long>>> counts2 = new ArrayList<>();
    KvCoder<String, Long> countCoder = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    int maxPersons = model.thresholds().maxClusterPersons();
    PCollection<KV<String, List<String>>> persons = null;
    if (ApcJoins.enabled(model)) {
      // APC episodes without a valid NHS number join the patient who has one (ApcJoins), within the cluster cap.
      PCollectionTuple apcScored = allEntities
          .apply("ApcKeys", ParDo.of(new ApcJoins.KeysFn(model)))
          .setCoder(listKv)
          .apply("GroupApcBlocks", GroupIntoBuckets.of(buckets))
          .apply("ScoreApcPairs", ParDo.of(new ApcJoins.ScoreFn(model, parameters, frequencies))
              .withOutputTags(ApcJoins.CANDIDATES, TupleTagList.of(PairFns.COUNTS)));
      PCollectionTuple apcAssigned = apcScored.get(ApcJoins.CANDIDATES).setCoder(listKv)
          .apply("GroupApcCandidates", GroupIntoBuckets.of(buckets))
          .apply("AssignApc", ParDo.of(new ApcJoins.AssignFn(model))
              .withOutputTags(ApcJoins.JOINS, TupleTagList.of(PairFns.COUNTS).and(ApcJoins.HOLDS)));
      PCollectionTuple apcCapped = apcAssigned.get(ApcJoins.JOINS).setCoder(listKv)
          .apply("GroupApcStars", GroupIntoBuckets.of(buckets))
          .apply("CapApcStars", ParDo.of(new ApcJoins.CapFn(maxPersons))
              .withOutputTags(ApcJoins.REDIRECTS, TupleTagList.of(PairFns.COUNTS)));
      PCollectionTuple splitEntities = allEntities
          .apply("SplitEntities", ParDo.of(new ApcJoins.SplitEntitiesFn(model.layout()))
              .withOutputTags(ApcJoins.PASS_ENTITIES, TupleTagList.of(ApcJoins.JOINABLE)));
      PCollectionTuple splitMembers = memberRows
          .apply("SplitMembers", ParDo.of(new ApcJoins.SplitMembersFn())
              .withOutputTags(ApcJoins.PASS_MEMBERS, TupleTagList.of(ApcJoins.JOINABLE)));
      PCollectionTuple joined = PCollectionList.of(splitEntities.get(ApcJoins.JOINABLE).setCoder(listKv))
          .and(splitMembers.get(ApcJoins.JOINABLE).setCoder(listKv))
          .and(apcCapped.get(ApcJoins.REDIRECTS).setCoder(listKv))
          .and(apcAssigned.get(ApcJoins.HOLDS).setCoder(listKv))
          .apply("ApcJoinMessages", Flatten.pCollections())
          .apply("GroupApcJoins", GroupIntoBuckets.of(buckets))
          .apply("ApplyApcJoins", ParDo.of(new ApcJoins.ApplyFn())
              .withOutputTags(ApcJoins.ENTITIES_OUT, TupleTagList.of(ApcJoins.MEMBERS_OUT).and(PairFns.COUNTS)
                  .and(ApcJoins.PERSONS)));
      linkedEntities = PCollectionList.of(splitEntities.get(ApcJoins.PASS_ENTITIES)
              .setCoder(ListCoder.of(StringUtf8Coder.of())))
          .and(joined.get(ApcJoins.ENTITIES_OUT).setCoder(ListCoder.of(StringUtf8Coder.of())))
          .apply("EntitiesAfterApcJoins", Flatten.pCollections());
      memberMessages = PCollectionList.of(splitMembers.get(ApcJoins.PASS_MEMBERS).setCoder(listKv))
          .and(joined.get(ApcJoins.MEMBERS_OUT).setCoder(listKv))
          .apply("MembersAfterApcJoins", Flatten.pCollections());
      persons = joined.get(ApcJoins.PERSONS).setCoder(listKv);
      counts2.add(apcScored.get(PairFns.COUNTS).setCoder(countCoder));
      counts2.add(apcAssigned.get(PairFns.COUNTS).setCoder(countCoder));
      counts2.add(apcCapped.get(PairFns.COUNTS).setCoder(countCoder));
      counts2.add(joined.get(PairFns.COUNTS).setCoder(countCoder));
    } else {
      linkedEntities = allEntities;
      memberMessages = memberRows
          .apply("MemberMessages", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                  TypeDescriptors.lists(TypeDescriptors.strings())))
              .via((List<String> v) -> KV.of(v.get(0), List.of("m", v.get(1), v.get(2), v.get(3), ""))))
          .setCoder(listKv);
    }
    PCollectionTuple scored = linkedEntities
        .apply("BlockingKeys", ParDo.of(new PairFns.BlockingKeysFn(model, false, true)))
        .setCoder(listKv)
        .apply("GroupBlocks", GroupIntoBuckets.of(buckets))
        .apply("ScorePairs", ParDo.of(new PairFns.ScorePairsFn(model, parameters, frequencies, PairFns.COUNTS))
            .withOutputTags(PairFns.CANDIDATES, TupleTagList.of(PairFns.COUNTS)));
    PCollectionList<KV<String, List<String>>> toAssign =
        PCollectionList.of(scored.get(PairFns.CANDIDATES).setCoder(listKv));
    if (persons != null) {
      // Persons that APC episodes joined stand for more than one person in the cap: by entity key for the link
      // from them, by person id for links into them.
      toAssign = toAssign.and(persons
          .apply("PersonsByEntity", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                  TypeDescriptors.lists(TypeDescriptors.strings())))
              .via((KV<String, List<String>> kv) -> KV.of(ApcJoins.SOURCE + ":" + kv.getKey(), kv.getValue())))
          .setCoder(listKv));
    }
    PCollectionTuple assigned = toAssign
        .apply("CandidatesAndPersons", Flatten.pCollections())
        .apply("GroupCandidates", GroupIntoBuckets.of(buckets))
        .apply("Assign", ParDo.of(new PairFns.AssignFn(model))
            .withOutputTags(PairFns.PAIR_LINES, TupleTagList.of(PairFns.ACCEPTED).and(PairFns.COUNTS)));
    PCollectionList<KV<String, List<String>>> toCap =
        PCollectionList.of(assigned.get(PairFns.ACCEPTED).setCoder(listKv));
    if (persons != null) {
      toCap = toCap.and(persons);
    }
    PCollectionTuple capped = toCap
        .apply("AcceptedAndPersons", Flatten.pCollections())
        .apply("GroupStars", GroupIntoBuckets.of(buckets))
        .apply("CapStars", ParDo.of(new PairFns.CapStarsFn(model))
            .withOutputTags(PairFns.PAIR_LINES, TupleTagList.of(PairFns.JOIN).and(PairFns.COUNTS)));
    KvCoder<String, String> lineCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    PCollectionList.of(assigned.get(PairFns.PAIR_LINES).setCoder(lineCoder))
        .and(capped.get(PairFns.PAIR_LINES).setCoder(lineCoder))
        .apply("AllPairLines", Flatten.pCollections())
        .apply("WritePairs", SortedCsvSink.to(pairParts.toString()).withDistinctKeys());
    PCollectionTuple applied = PCollectionList.of(memberMessages).and(capped.get(PairFns.JOIN).setCoder(listKv))
        .apply("MembersAndLinks", Flatten.pCollections())
        .apply("GroupPersons", GroupIntoBuckets.of(buckets))
        .apply("ApplyLinks", ParDo.of(new PairFns.ApplyLinksFn())
            .withOutputTags(PairFns.ApplyLinksFn.SPINE, TupleTagList.of(PairFns.COUNTS)));
    applied.get(PairFns.ApplyLinksFn.SPINE).setCoder(lineCoder)
        .apply("WriteSpine", SortedCsvSink.to(spineParts.toString()).withDistinctKeys());
    counts2.add(scored.get(PairFns.COUNTS).setCoder(countCoder));
    counts2.add(assigned.get(PairFns.COUNTS).setCoder(countCoder));
    counts2.add(capped.get(PairFns.COUNTS).setCoder(countCoder));
    counts2.add(applied.get(PairFns.COUNTS).setCoder(countCoder));
    writeCounts(PCollectionList.of(counts2).apply("AllCounts2", Flatten.pCollections()), "2", buckets, countParts2);
    run(second, "probabilistic");

    DriverWork.inParallel(List.of(
        () -> SortedCsvSink.merge(spineParts, CsvLines.format(SPINE_COLUMNS), stage.work().resolve(SPINE), true),
        () -> SortedCsvSink.merge(pairParts, CsvLines.format(LinkReport.pairColumns(model)),
            stage.work().resolve(PAIRS), true)));
    Map<String, Long> allCounts = new TreeMap<>(firstCounts);
    allCounts.putAll(readCounts(countParts2));
    LinkReport.write(model, parameters, allCounts, stage.work().resolve(REPORT), stage.work().resolve(HTML_REPORT));
    stage.commit("link", inputs(), settings());
  }

  private static void run(Pipeline pipeline, String name) {
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the " + name + " link pipeline ended in state " + state);
    }
  }

  private static void writeCounts(PCollection<KV<String, Long>> counts, String suffix, int buckets, Path parts) {
    counts.apply("Counts" + suffix, CountsSink.to(parts, buckets));
  }

  /** Counts written as {@code key<TAB>count} lines, by key. */
  static Map<String, Long> readCounts(Path parts) throws IOException {
    return CountsSink.read(parts);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static boolean isValid(String nhsStatus) {
    return "VALID".equals(nhsStatus) || "TEST_RANGE".equals(nhsStatus);
  }

  /** Groups a bucket of CLD records into council clients and anchors each client on its NHS-number token. */
  private static final class AnchorClientsFn
      extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, List<String>>> {
    private final int baseColumns;
    private final boolean withEthnicity;

    AnchorClientsFn(int baseColumns, boolean withEthnicity) {
      this.baseColumns = baseColumns;
      this.withEthnicity = withEthnicity;
    }

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
          List<String> member = new ArrayList<>(
              new LinkMember("cld", v.get(0), rule, v.get(1), clientKey, v.get(5), v.get(6), v.get(7), v.get(8),
                  v.get(9)).toList());
          member.add(withEthnicity ? v.get(baseColumns) : "");
          member.addAll(v.subList(withEthnicity ? baseColumns + 1 : baseColumns, v.size()));
          out.output(KV.of(anchor, member));
        }
      });
    }
  }

  /**
   * Resolves a bucket of anchor groups into deterministic persons: member lines (person, source, record, rule),
   * one entity per person and source, and counts.
   */
  private static final class ResolvePersonsFn
      extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, String>> {
    private final LinkageModel model;
    private final List<String> cldIdentity;
    private final List<String> apcIdentity;

    ResolvePersonsFn(LinkageModel model, List<String> cldIdentity, List<String> apcIdentity) {
      this.model = model;
      this.cldIdentity = cldIdentity;
      this.apcIdentity = apcIdentity;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, List<List<String>>> anchors = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        anchors.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      anchors.forEach((anchor, lists) -> {
        List<LinkMember> members = new ArrayList<>();
        Map<String, List<String>> identityByRecord = new TreeMap<>();
        Map<String, String> ethnicityByRecord = new TreeMap<>();
        for (List<String> v : lists) {
          LinkMember m = LinkMember.fromList(v);
          members.add(m);
          List<String> identity = v.subList(MEMBER_ETHNICITY + 1, v.size());
          identityByRecord.merge(m.source() + ":" + m.recordId(), identity,
              (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)) <= 0 ? a : b);
          ethnicityByRecord.merge(m.source() + ":" + m.recordId(), v.get(MEMBER_ETHNICITY),
              (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        Map<String, String> personByRecord = new TreeMap<>();
        Map<String, String> laByClient = new TreeMap<>();
        for (List<String> row : DeterministicPersonLinker.resolve(anchor, members)) {
          String key = row.get(0) + ":" + row.get(1);
          if (personByRecord.putIfAbsent(key, row.get(2)) == null) {
            out.get(MEMBER_LINES).output(KV.of(row.get(0) + "\u0000" + row.get(1),
                CsvLines.format(row.get(2), row.get(0), row.get(1), row.get(3))));
          }
        }
        Map<String, Map<String, List<LinkRecord>>> recordsByPerson = new TreeMap<>();
        Map<String, Map<String, Integer>> ethnicitiesByPerson = new TreeMap<>();
        personByRecord.forEach((key, person) -> {
          String source = key.substring(0, key.indexOf(':'));
          String recordId = key.substring(key.indexOf(':') + 1);
          List<String> columns = source.equals("cld") ? cldIdentity : apcIdentity;
          LinkRecord record = Entities.record(model, source, recordId, columns, identityByRecord.get(key));
          recordsByPerson.computeIfAbsent(person, p -> new TreeMap<>())
              .computeIfAbsent(source, s -> new ArrayList<>()).add(record);
          String ethnicity = ethnicityByRecord.getOrDefault(key, "").trim();
          if (source.equals("cld") && !ethnicity.isEmpty()) {
            ethnicitiesByPerson.computeIfAbsent(person, p -> new TreeMap<>()).merge(ethnicity, 1, Integer::sum);
          }
        });
        recordsByPerson.forEach((person, bySource) -> {
          boolean both = bySource.size() > 1;
          String ethnicity = Entities.modal(ethnicitiesByPerson.getOrDefault(person, Map.of()));
          out.get(COUNTS).output(KV.of("persons\t" + (bySource.containsKey("apc") ? "with_hospital_records"
              : "cld_only"), 1L));
          if (both) {
            out.get(COUNTS).output(KV.of("prior\tlinked_persons", 1L));
          }
          bySource.forEach((source, records) -> {
            List<LinkRecord> others = new ArrayList<>();
            bySource.forEach((s, r) -> {
              if (!s.equals(source)) {
                others.addAll(r);
              }
            });
            List<List<String>> rows = Entities.entities(model.layout(), source, person, !both, records, others,
                ethnicity);
            for (List<String> row : rows) {
              out.get(ENTITIES).output(KV.of(Entities.rowKey(row), row));
            }
            List<String> entity = rows.get(0);
            out.get(COUNTS).output(KV.of("prior\tentities\t" + source, 1L));
            if (source.equals("cld")) {
              List<String> groups = Entities.subgroups(entity);
              for (int d = 0; d < groups.size(); d++) {
                String prefix = "rate\t" + Entities.SUBGROUP_DIMENSIONS.get(d) + "\t" + groups.get(d) + "\t";
                out.get(COUNTS).output(KV.of(prefix + "cld_persons", 1L));
                if (both) {
                  out.get(COUNTS).output(KV.of(prefix + "linked_phase1", 1L));
                }
              }
            }
          });
        });
        for (LinkMember m : members) {
          if (!m.clientKey().isEmpty()) {
            laByClient.put(m.clientKey(), personByRecord.get(m.source() + ":" + m.recordId()) + "\t" + m.laCode());
          }
        }
        laByClient.forEach((client, personAndLa) -> {
          String[] parts = personAndLa.split("\t", -1);
          out.get(COUNTS).output(KV.of("la\t" + parts[1] + "\tclients", 1L));
          if (recordsByPerson.getOrDefault(parts[0], Map.of()).containsKey("apc")) {
            out.get(COUNTS).output(KV.of("la\t" + parts[1] + "\tclients_linked_deterministically", 1L));
          }
        });
      });
    }
  }

  /** The representative (variant 0) of each entity: what term frequencies, EM and the u sample read. */
  private static final class PrimaryEntitiesFn extends DoFn<KV<String, List<String>>, List<String>> {
    @ProcessElement
    public void process(@Element KV<String, List<String>> kv, OutputReceiver<List<String>> out) {
      if (Entities.primary(kv.getValue())) {
        out.output(kv.getValue());
      }
    }
  }

  /** Counts the values of the model's term-frequency fields over all entities. */
  private static final class TermCountsFn extends DoFn<List<String>, KV<String, Long>> {
    private final LinkageModel model;

    TermCountsFn(LinkageModel model) {
      this.model = model;
    }

    @ProcessElement
    public void process(@Element List<String> entity, OutputReceiver<KV<String, Long>> out) {
      for (String field : model.termFrequencyFields()) {
        String value = entity.get(Entities.VALUES_FROM + model.layout().indexOf(field));
        if (!value.isEmpty()) {
          out.output(KV.of("tf\t" + field + "\t" + value, 1L));
        }
      }
    }
  }
}
