package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.record.FieldSpec;
import org.sdelink.linkage.record.FieldType;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;
import org.sdelink.linkage.record.RecordReader;

/**
 * A linkage model specification: record fields, comparisons with their ordered levels, blocking rules,
 * deterministic cascade steps, thresholds, estimation settings and entity assignment. It says <em>what</em> to
 * compare; {@link ModelParameters} hold the estimated m and u probabilities, and the engines (in memory here, Beam
 * in the pipelines module) say how to run it. Loaded from YAML ({@code docs/linkage.md} documents every key);
 * validated on load, so that a model that loads can be compiled and run.
 */
public final class LinkageModel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Comparison vectors pack 4 bits per comparison into a {@code long}. */
  public static final int MAX_COMPARISONS = 16;

  public static final int MAX_LEVELS = 15;

  /** The classpath resource of the default CLD-APC model spec. */
  public static final String DEFAULT_RESOURCE = "/org/sdelink/linkage/models/cld-apc.yaml";

  private final String name;
  private final String description;
  private final ImmutableList<String> sources;
  private final LinkType linkType;
  private final ImmutableList<FieldSpec> fields;
  private final ImmutableMap<String, DateFields> dates;
  private final ImmutableList<ComparisonSpec> comparisons;
  private final ImmutableList<BlockingRule> blockingRules;
  private final ImmutableList<CascadeStep> cascade;
  private final Thresholds thresholds;
  private final EstimationSettings estimation;
  private final AssignmentSpec assignment;
  private final RecordReader reader;
  private final ImmutableMap<String, Integer> specLines;

  private LinkageModel(Spec spec, SpecLines lines) {
    check(!Strings.isNullOrEmpty(spec.name), "name", "the model needs a name");
    check(spec.fields != null && !spec.fields.isEmpty(), "fields", "model '%s' declares no fields", spec.name);
    check(
        spec.comparisons != null && !spec.comparisons.isEmpty(),
        "comparisons",
        "model '%s' declares no comparisons",
        spec.name);
    check(
        spec.blocking != null && !spec.blocking.isEmpty(),
        "blocking",
        "model '%s' declares no blocking rules",
        spec.name);
    this.name = spec.name;
    this.description = Strings.nullToEmpty(spec.description);
    this.sources = spec.sources == null ? ImmutableList.of() : ImmutableList.copyOf(spec.sources);
    this.linkType = spec.linkType == null ? LinkType.LINK_ONLY : spec.linkType;
    this.fields = ImmutableList.copyOf(spec.fields);
    Set<String> fieldNames = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      for (String derived : fields.get(i).layoutNames()) {
        check(fieldNames.add(derived), "fields[" + i + "]", "field '%s' is declared twice", derived);
      }
    }
    this.reader =
        RecordReader.create(fields, Strings.isNullOrEmpty(spec.idColumn) ? "record_id" : spec.idColumn);
    Map<String, DateFields> allDates = new LinkedHashMap<>();
    for (FieldSpec field : fields) {
      if (field.type() == FieldType.DATE) {
        allDates.put(field.name(), DateFields.derivedFrom(field.name()));
      }
    }
    if (spec.dates != null) {
      spec.dates.forEach(
          (date, parts) -> {
            check(!allDates.containsKey(date), "dates." + date, "date '%s' is declared twice", date);
            allDates.put(date, parts);
          });
    }
    this.dates = ImmutableMap.copyOf(allDates);
    this.comparisons = ImmutableList.copyOf(spec.comparisons);
    this.blockingRules = ImmutableList.copyOf(spec.blocking);
    this.cascade = spec.cascade == null ? ImmutableList.of() : ImmutableList.copyOf(spec.cascade);
    this.thresholds = spec.thresholds == null ? Thresholds.DEFAULTS : spec.thresholds;
    this.estimation = spec.estimation == null ? EstimationSettings.DEFAULTS : spec.estimation;
    this.assignment = spec.assignment == null ? AssignmentSpec.DEFAULTS : spec.assignment;
    this.specLines = lines.asMap();
    validate();
  }

  /**
   * Loads and validates a model spec from YAML.
   *
   * @throws ModelSpecException naming the key, the comparison and level where relevant, and the line, if the spec
   *     is malformed or inconsistent (never quoting a data value: a spec holds none)
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static LinkageModel load(InputStream yaml) {
    checkNotNull(yaml, "yaml");
    byte[] bytes;
    try {
      bytes = yaml.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the linkage model spec", e);
    }
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    Spec spec;
    try {
      spec = mapper.readValue(bytes, Spec.class);
    } catch (JsonProcessingException e) {
      throw SpecLines.bindingError(e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the linkage model spec", e);
    }
    if (spec == null) {
      throw ModelSpecException.of("the linkage model spec is empty");
    }
    SpecLines lines = SpecLines.of(bytes);
    try {
      return new LinkageModel(spec, lines);
    } catch (ModelSpecException e) {
      throw e.withLine(lines.lineOf(e.key()));
    }
  }

  /** The model for CLD (left) and HES APC (right) pseudonymised records, {@code models/cld-apc.yaml}. */
  public static LinkageModel defaultCldApc() {
    try (InputStream in = LinkageModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      checkArgument(in != null, "resource %s is missing from the linkage jar", DEFAULT_RESOURCE);
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws a {@link ModelSpecException} about {@code key} unless {@code condition} holds. */
  private static void check(boolean condition, String key, String message, @Nullable Object... args) {
    if (!condition) {
      throw ModelSpecException.at(key, Strings.lenientFormat(message, args));
    }
  }

  private void validate() {
    RecordLayout layout = reader.layout();
    check(
        comparisons.size() <= MAX_COMPARISONS,
        "comparisons",
        "a model may have at most %s comparisons",
        MAX_COMPARISONS);
    for (int i = 0; i < sources.size(); i++) {
      String source = sources.get(i);
      check(
          source != null && source.matches("[A-Za-z][A-Za-z0-9_.-]*"),
          "sources[" + i + "]",
          "a source name must start with a letter and use only letters, digits, '_', '.' and '-'");
      check(sources.indexOf(source) == i, "sources[" + i + "]", "source '%s' is named twice", source);
    }
    check(
        linkType != LinkType.LINK_ONLY || sources.isEmpty() || sources.size() >= 2,
        "sources",
        "link_type link_only compares records of different sources, so sources must name at least two (or use"
            + " link_type: dedupe_only to de-duplicate one input)");
    ClusteringMethod method = clusteringMethod();
    check(
        method != ClusteringMethod.BEST_MATCH || (linkType == LinkType.LINK_ONLY && sources.size() <= 2),
        "assignment.method",
        "best_match assigns each entity of one source to one of the other, so it needs link_type link_only and"
            + " two sources (use connected_components for %s)",
        linkType.specName());
    dates.forEach(
        (date, parts) -> parts.all().forEach(field -> checkField(layout, field, "dates." + date,
            "date '" + date + "'")));
    Set<String> comparisonNames = new HashSet<>();
    for (int k = 0; k < comparisons.size(); k++) {
      ComparisonSpec comparison = comparisons.get(k);
      check(
          comparisonNames.add(comparison.name()),
          "comparisons[" + k + "]",
          "comparison '%s' is declared twice",
          comparison.name());
      validate(layout, comparison, k);
    }
    Set<String> ruleNames = new HashSet<>();
    for (int i = 0; i < blockingRules.size(); i++) {
      BlockingRule rule = blockingRules.get(i);
      String key = "blocking[" + i + "]";
      check(ruleNames.add(rule.name()), key, "blocking rule '%s' is declared twice", rule.name());
      rule.fields().forEach(field -> checkField(layout, field, key, "blocking rule '" + rule.name() + "'"));
    }
    for (String training : estimation.trainingBlocking()) {
      check(
          ruleNames.contains(training),
          "estimation.training_blocking",
          "estimation.training_blocking names '%s', which is not a blocking rule",
          training);
    }
    Set<String> trainingNames = new HashSet<>();
    for (int i = 0; i < estimation.trainingRules().size(); i++) {
      BlockingRule rule = estimation.trainingRules().get(i);
      String key = "estimation.training_rules[" + i + "]";
      check(trainingNames.add(rule.name()), key, "training rule '%s' is declared twice", rule.name());
      rule.fields().forEach(field -> checkField(layout, field, key, "training rule '" + rule.name() + "'"));
    }
    Set<String> deterministicNames = new HashSet<>();
    for (int i = 0; i < estimation.deterministicRules().size(); i++) {
      BlockingRule rule = estimation.deterministicRules().get(i);
      String key = "estimation.deterministic_rules[" + i + "]";
      check(deterministicNames.add(rule.name()), key, "deterministic rule '%s' is declared twice", rule.name());
      rule.fields().forEach(field -> checkField(layout, field, key, "deterministic rule '" + rule.name() + "'"));
    }
    Set<String> stepNames = new HashSet<>();
    for (int i = 0; i < cascade.size(); i++) {
      CascadeStep step = cascade.get(i);
      String key = "cascade[" + i + "]";
      check(stepNames.add(step.name()), key, "cascade step '%s' is declared twice", step.name());
      String where = "cascade step '" + step.name() + "'";
      step.allEqual().forEach(field -> checkField(layout, field, key, where));
      step.mustNotDiffer().forEach(field -> checkField(layout, field, key, where));
      check(
          step.dobCheck() == null || dates.containsKey(step.dobCheck()),
          key,
          "%s checks date '%s', which is not declared (dates: %s)",
          where,
          step.dobCheck(),
          dates.keySet());
    }
    thresholds.mustNotDiffer().forEach(field -> checkField(layout, field, "thresholds.must_not_differ",
        "thresholds.must_not_differ"));
    assignment
        .entities()
        .forEach(
            (source, keys) -> keys.forEach(
                key -> key.forEach(field -> checkField(layout, field, "assignment.entities." + source,
                    "assignment.entities." + source))));
    check(
        assignment.each() == null || sources.isEmpty() || sources.contains(assignment.each()),
        "assignment.each",
        "assignment.each names '%s', which is not one of the sources %s",
        assignment.each(),
        sources);
  }

  private void validate(RecordLayout layout, ComparisonSpec comparison, int index) {
    String name = comparison.name();
    List<LevelSpec> levels = comparison.levels();
    check(
        levels.size() <= MAX_LEVELS,
        "comparisons[" + index + "].levels",
        "comparison '%s' has more than %s levels",
        name,
        MAX_LEVELS);
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < levels.size(); i++) {
      LevelSpec level = levels.get(i);
      String key = "comparisons[" + index + "].levels[" + i + "]";
      String where = "comparison '" + name + "' level '" + level.label() + "'";
      check(labels.add(level.label()), key, "comparison '%s' repeats the level label '%s'", name, level.label());
      LevelType type = level.type();
      String typeName = LevelSpec.name(type);
      check(type != LevelType.MISSING || i == 0, key, "%s: a missing level must be the comparison's first", where);
      check(
          (type == LevelType.ELSE) == (i == levels.size() - 1),
          key,
          "%s: the last level of every comparison, and only the last, must be 'else'",
          where);
      check(
          !level.tfAdjust() || TF_TYPES.contains(type),
          key,
          "%s: tf_adjust applies to levels that compare one value exactly (exact, phonetic, dob_exact; for a"
              + " transformed value such as an e-mail's user part, declare a field with 'transform' and use exact),"
              + " not to %s",
          where,
          typeName);
      check(
          !level.tfAdjust() || type == LevelType.DOB_EXACT || level.fields().size() == 1,
          key,
          "%s: tf_adjust needs exactly one field",
          where);
      boolean similarity =
          type == LevelType.BLOOM_DICE || type == LevelType.BIGRAM_DICE || type == LevelType.JARO_WINKLER;
      check(
          similarity == (level.threshold() != null),
          key,
          similarity ? "%s: %s needs a threshold in (0, 1]" : "%s: threshold is for similarity levels, not %s",
          where,
          typeName);
      boolean editDistance = type == LevelType.LEVENSHTEIN || type == LevelType.DAMERAU_LEVENSHTEIN;
      check(
          editDistance == (level.distance() != null),
          key,
          editDistance ? "%s: %s needs a distance (the most edits accepted, e.g. 1 or 2)"
              : "%s: distance is for levenshtein and damerau_levenshtein levels, not %s",
          where,
          typeName);
      boolean tolerant = type == LevelType.YEAR_WITHIN || type == LevelType.DATE_DIFFERENCE;
      check(
          tolerant || level.tolerance() == null,
          key,
          "%s: tolerance is for year_within and date_difference levels, not %s",
          where,
          typeName);
      check(
          type != LevelType.DATE_DIFFERENCE || level.tolerance() != null,
          key,
          "%s: date_difference needs a tolerance and a unit (day, month or year)",
          where);
      check(
          type == LevelType.DATE_DIFFERENCE || level.unit() == null,
          key,
          "%s: unit is for date_difference levels, not %s",
          where,
          typeName);
      boolean dateLevel = type == LevelType.DOB_EXACT || type == LevelType.DOB_SWAPPED
          || type == LevelType.DOB_TWO_OF_THREE || type == LevelType.DATE_DIFFERENCE;
      if (dateLevel) {
        check(level.fields().isEmpty(), key, "%s: a date level takes 'date', not fields", where);
        check(
            level.date() != null && dates.containsKey(level.date()),
            key,
            "%s: date '%s' is not declared (dates: %s)",
            where,
            level.date(),
            dates.keySet());
      } else {
        check(level.date() == null, key, "%s: 'date' is for date levels (dob_*, date_difference)", where);
      }
      switch (type) {
        case ELSE -> check(level.fields().isEmpty(), key, "%s: else takes no fields", where);
        case MISSING, EXACT, PHONETIC ->
            check(!level.fields().isEmpty(), key, "%s: needs 'field' or 'fields'", where);
        case TOKEN_OVERLAP, BLOOM_DICE, BIGRAM_DICE, JARO_WINKLER, YEAR_WITHIN, LEVENSHTEIN, DAMERAU_LEVENSHTEIN ->
            check(level.fields().size() == 1, key, "%s: needs exactly one 'field'", where);
        default -> {}
      }
      for (String field : level.fields()) {
        checkField(layout, field, key, where);
        boolean bloom = layout.isBloom(layout.indexOf(field));
        check(type != LevelType.BLOOM_DICE || bloom, key, "%s: bloom_dice needs a field of type bloom", where);
        check(
            !(type == LevelType.BIGRAM_DICE || type == LevelType.JARO_WINKLER || editDistance) || !bloom,
            key,
            "%s: string similarity cannot read a Bloom field; use bloom_dice",
            where);
      }
    }
  }

  /** The level types whose agreement is one value compared exactly, so that term frequencies can adjust u. */
  private static final ImmutableSet<LevelType> TF_TYPES =
      ImmutableSet.of(LevelType.EXACT, LevelType.PHONETIC, LevelType.DOB_EXACT);

  private static void checkField(RecordLayout layout, String field, String key, String where) {
    check(layout.contains(field), key, "%s uses field '%s', which is not declared in fields", where, field);
  }

  /**
   * The spec line (1-based) of {@code key} (e.g. {@code fields[3]}), or of its nearest enclosing key; 0 if unknown.
   */
  public int specLine(String key) {
    return new SpecLines(specLines).lineOf(key);
  }

  /** The line of the declaration of field {@code name} in the spec, or 0. */
  public int fieldLine(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).layoutNames().contains(name)) {
        return specLine("fields[" + i + "]");
      }
    }
    return 0;
  }

  /** Which pairs the model compares (default {@code link_only}). */
  public LinkType linkType() {
    return linkType;
  }

  /**
   * How accepted pairs become persons: {@code assignment.method}, else {@code best_match} for {@code link_only}
   * (the assignment of the CLD-APC model) and {@code connected_components} for the other link types.
   */
  public ClusteringMethod clusteringMethod() {
    if (assignment.method() != null) {
      return assignment.method();
    }
    return linkType == LinkType.LINK_ONLY ? ClusteringMethod.BEST_MATCH : ClusteringMethod.CONNECTED_COMPONENTS;
  }

  /** The field whose term frequencies adjust level {@code level}'s u (its one field, or a date's full date). */
  public String termFrequencyField(LevelSpec level) {
    return level.type() == LevelType.DOB_EXACT ? date(level.date()).full() : level.singleField();
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The source names if the spec declares them (for {@code link_only}, left then right), else empty. */
  public ImmutableList<String> sources() {
    return sources;
  }

  public ImmutableList<FieldSpec> fields() {
    return fields;
  }

  /** The date-part groups: those declared under {@code dates} plus one per plaintext {@code date} field. */
  public ImmutableMap<String, DateFields> dates() {
    return dates;
  }

  public DateFields date(String name) {
    DateFields date = dates.get(name);
    checkArgument(date != null, "model '%s' declares no date '%s'", this.name, name);
    return date;
  }

  public ImmutableList<ComparisonSpec> comparisons() {
    return comparisons;
  }

  public ImmutableList<BlockingRule> blockingRules() {
    return blockingRules;
  }

  /**
   * Whether {@code thresholds.must_not_differ} vetoes a probabilistic link of {@code a} and {@code b}: some listed
   * field is present on both with different values. Cascade links are not vetoed by it.
   */
  public boolean vetoesProbabilisticLink(LinkRecord a, LinkRecord b) {
    for (String field : thresholds.mustNotDiffer()) {
      int index = layout().indexOf(field);
      if (a.has(index) && b.has(index) && !a.sameValue(b, index)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code thresholds.must_not_differ} vetoes a probabilistic link of {@code a} and {@code b} of this match
   * weight: it would ({@link #vetoesProbabilisticLink(LinkRecord, LinkRecord)}) and the weight does not reach
   * {@code thresholds.veto_override_weight}.
   */
  public boolean vetoesProbabilisticLink(LinkRecord a, LinkRecord b, double matchWeight) {
    return !thresholds.overridesVeto(matchWeight) && vetoesProbabilisticLink(a, b);
  }

  /**
   * The rules that train m by EM: {@code estimation.training_rules} if given, else the blocking rules named in
   * {@code training_blocking}, else all blocking rules.
   */
  public ImmutableList<BlockingRule> trainingRules() {
    if (!estimation.trainingRules().isEmpty()) {
      return ImmutableList.copyOf(estimation.trainingRules());
    }
    if (estimation.trainingBlocking().isEmpty()) {
      return blockingRules;
    }
    return blockingRules.stream()
        .filter(rule -> estimation.trainingBlocking().contains(rule.name()))
        .collect(ImmutableList.toImmutableList());
  }

  public ImmutableList<CascadeStep> cascade() {
    return cascade;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public EstimationSettings estimation() {
    return estimation;
  }

  public AssignmentSpec assignment() {
    return assignment;
  }

  /** The reader that builds this model's records from source rows. */
  public RecordReader reader() {
    return reader;
  }

  public RecordLayout layout() {
    return reader.layout();
  }

  /** The record of {@code row} from {@code source}; see {@link RecordReader#read}. */
  public LinkRecord record(String source, Map<String, String> row) {
    return reader.read(source, row);
  }

  /** Every field comparison {@code index} reads, including the parts of the dates its levels check. */
  public ImmutableSortedSet<String> comparisonFields(int index) {
    ImmutableSortedSet.Builder<String> result = ImmutableSortedSet.naturalOrder();
    for (LevelSpec level : comparisons.get(index).levels()) {
      result.addAll(level.fields());
      if (level.date() != null) {
        result.addAll(dates.get(level.date()).all());
      }
    }
    return result.build();
  }

  /**
   * The source columns that {@code fieldNames} read (a date part reads its date's column): a blocking rule on a
   * field derived from a column (e.g. its first letters) forces agreement on every field read from that column.
   */
  public ImmutableSet<String> columnsRead(Collection<String> fieldNames) {
    ImmutableSet.Builder<String> columns = ImmutableSet.builder();
    for (FieldSpec field : fields) {
      if (field.layoutNames().stream().anyMatch(fieldNames::contains)) {
        columns.addAll(field.allColumns());
      }
    }
    return columns.build();
  }

  /** The fields whose term frequencies adjust exact-match weights. */
  public ImmutableSortedSet<String> termFrequencyFields() {
    ImmutableSortedSet.Builder<String> result = ImmutableSortedSet.naturalOrder();
    for (ComparisonSpec comparison : comparisons) {
      for (LevelSpec level : comparison.levels()) {
        if (level.tfAdjust()) {
          result.add(termFrequencyField(level));
        }
      }
    }
    return result.build();
  }

  /** The level labels of each comparison, in order: the shape that {@link ModelParameters} must match. */
  public ImmutableList<ImmutableList<String>> levelLabels() {
    return comparisons.stream()
        .map(c -> c.levels().stream().map(LevelSpec::label).collect(ImmutableList.toImmutableList()))
        .collect(ImmutableList.toImmutableList());
  }

  /** Whether level {@code level} of comparison {@code comparison} is a {@code missing} level (weight 0). */
  public boolean isMissingLevel(int comparison, int level) {
    return comparisons.get(comparison).levels().get(level).type() == LevelType.MISSING;
  }

  public ImmutableSet<String> comparisonNames() {
    return comparisons.stream().map(ComparisonSpec::name).collect(ImmutableSet.toImmutableSet());
  }

  @Override
  public String toString() {
    return "LinkageModel{" + name + ", " + comparisons.size() + " comparisons, " + blockingRules.size()
        + " blocking rules, " + cascade.size() + " cascade steps}";
  }

  /** The YAML document, as bound by Jackson. */
  private record Spec(
      String name,
      @Nullable String description,
      @JsonProperty("id_column") @Nullable String idColumn,
      @Nullable List<String> sources,
      @JsonProperty("link_type") @Nullable LinkType linkType,
      List<FieldSpec> fields,
      @Nullable Map<String, DateFields> dates,
      List<ComparisonSpec> comparisons,
      List<BlockingRule> blocking,
      @Nullable List<CascadeStep> cascade,
      @Nullable Thresholds thresholds,
      @Nullable EstimationSettings estimation,
      @Nullable AssignmentSpec assignment) {}
}
