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
  private final ImmutableList<FieldSpec> fields;
  private final ImmutableMap<String, DateFields> dates;
  private final ImmutableList<ComparisonSpec> comparisons;
  private final ImmutableList<BlockingRule> blockingRules;
  private final ImmutableList<CascadeStep> cascade;
  private final Thresholds thresholds;
  private final EstimationSettings estimation;
  private final AssignmentSpec assignment;
  private final RecordReader reader;

  private LinkageModel(Spec spec) {
    checkArgument(!Strings.isNullOrEmpty(spec.name), "the model needs a name");
    checkArgument(spec.fields != null && !spec.fields.isEmpty(), "model '%s' declares no fields", spec.name);
    checkArgument(
        spec.comparisons != null && !spec.comparisons.isEmpty(), "model '%s' declares no comparisons", spec.name);
    checkArgument(
        spec.blocking != null && !spec.blocking.isEmpty(), "model '%s' declares no blocking rules", spec.name);
    checkArgument(spec.thresholds != null, "model '%s' has no thresholds section", spec.name);
    this.name = spec.name;
    this.description = Strings.nullToEmpty(spec.description);
    this.sources = spec.sources == null ? ImmutableList.of() : ImmutableList.copyOf(spec.sources);
    this.fields = ImmutableList.copyOf(spec.fields);
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
            checkArgument(!allDates.containsKey(date), "date '%s' is declared twice", date);
            allDates.put(date, parts);
          });
    }
    this.dates = ImmutableMap.copyOf(allDates);
    this.comparisons = ImmutableList.copyOf(spec.comparisons);
    this.blockingRules = ImmutableList.copyOf(spec.blocking);
    this.cascade = spec.cascade == null ? ImmutableList.of() : ImmutableList.copyOf(spec.cascade);
    this.thresholds = spec.thresholds;
    this.estimation = spec.estimation == null ? EstimationSettings.DEFAULTS : spec.estimation;
    this.assignment = spec.assignment == null ? AssignmentSpec.DEFAULTS : spec.assignment;
    validate();
  }

  /**
   * Loads and validates a model spec from YAML.
   *
   * @throws IllegalArgumentException naming the problem if the spec is malformed or inconsistent
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static LinkageModel load(InputStream yaml) {
    checkNotNull(yaml, "yaml");
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    Spec spec;
    try {
      spec = mapper.readValue(yaml, Spec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the linkage model spec is invalid: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the linkage model spec", e);
    }
    checkArgument(spec != null, "the linkage model spec is empty");
    return new LinkageModel(spec);
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

  private void validate() {
    RecordLayout layout = reader.layout();
    checkArgument(
        comparisons.size() <= MAX_COMPARISONS, "a model may have at most %s comparisons", MAX_COMPARISONS);
    checkArgument(sources.isEmpty() || sources.size() == 2, "sources must name two sources (left, right)");
    dates.forEach(
        (date, parts) -> parts.all().forEach(field -> checkField(layout, field, "date '" + date + "'")));
    Set<String> comparisonNames = new HashSet<>();
    for (ComparisonSpec comparison : comparisons) {
      checkArgument(comparisonNames.add(comparison.name()), "comparison '%s' is declared twice", comparison.name());
      validate(layout, comparison);
    }
    Set<String> ruleNames = new HashSet<>();
    for (BlockingRule rule : blockingRules) {
      checkArgument(ruleNames.add(rule.name()), "blocking rule '%s' is declared twice", rule.name());
      rule.fields().forEach(field -> checkField(layout, field, "blocking rule '" + rule.name() + "'"));
    }
    for (String training : estimation.trainingBlocking()) {
      checkArgument(
          ruleNames.contains(training),
          "estimation.training_blocking names '%s', which is not a blocking rule",
          training);
    }
    Set<String> stepNames = new HashSet<>();
    for (CascadeStep step : cascade) {
      checkArgument(stepNames.add(step.name()), "cascade step '%s' is declared twice", step.name());
      String where = "cascade step '" + step.name() + "'";
      step.allEqual().forEach(field -> checkField(layout, field, where));
      step.mustNotDiffer().forEach(field -> checkField(layout, field, where));
      checkArgument(
          step.dobCheck() == null || dates.containsKey(step.dobCheck()),
          "%s checks date '%s', which is not declared (dates: %s)",
          where,
          step.dobCheck(),
          dates.keySet());
    }
    thresholds.mustNotDiffer().forEach(field -> checkField(layout, field, "thresholds.must_not_differ"));
    assignment
        .entities()
        .forEach(
            (source, keys) -> keys.forEach(
                key -> key.forEach(field -> checkField(layout, field, "assignment.entities." + source))));
    checkArgument(
        assignment.each() == null || sources.isEmpty() || sources.contains(assignment.each()),
        "assignment.each names '%s', which is not one of the sources %s",
        assignment.each(),
        sources);
  }

  private void validate(RecordLayout layout, ComparisonSpec comparison) {
    String name = comparison.name();
    List<LevelSpec> levels = comparison.levels();
    checkArgument(levels.size() <= MAX_LEVELS, "comparison '%s' has more than %s levels", name, MAX_LEVELS);
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < levels.size(); i++) {
      LevelSpec level = levels.get(i);
      String where = "comparison '" + name + "' level '" + level.label() + "'";
      checkArgument(labels.add(level.label()), "comparison '%s' repeats the level label '%s'", name, level.label());
      LevelType type = level.type();
      checkArgument(
          type != LevelType.MISSING || i == 0, "%s: a missing level must be the comparison's first", where);
      checkArgument(
          (type == LevelType.ELSE) == (i == levels.size() - 1),
          "%s: the last level of every comparison, and only the last, must be 'else'",
          where);
      checkArgument(!level.tfAdjust() || type == LevelType.EXACT, "%s: tf_adjust applies to exact levels", where);
      checkArgument(
          !level.tfAdjust() || level.fields().size() == 1, "%s: tf_adjust needs exactly one field", where);
      boolean similarity =
          type == LevelType.BLOOM_DICE || type == LevelType.BIGRAM_DICE || type == LevelType.JARO_WINKLER;
      checkArgument(similarity == (level.threshold() != null), "%s: threshold is for similarity levels", where);
      checkArgument(
          (type == LevelType.YEAR_WITHIN) || level.tolerance() == null, "%s: tolerance is for year_within", where);
      boolean dateLevel =
          type == LevelType.DOB_EXACT || type == LevelType.DOB_SWAPPED || type == LevelType.DOB_TWO_OF_THREE;
      if (dateLevel) {
        checkArgument(level.fields().isEmpty(), "%s: a date level takes 'date', not fields", where);
        checkArgument(
            level.date() != null && dates.containsKey(level.date()),
            "%s: date '%s' is not declared (dates: %s)",
            where,
            level.date(),
            dates.keySet());
      } else {
        checkArgument(level.date() == null, "%s: 'date' is for dob_* levels", where);
      }
      switch (type) {
        case ELSE -> checkArgument(level.fields().isEmpty(), "%s: else takes no fields", where);
        case MISSING, EXACT, PHONETIC ->
            checkArgument(!level.fields().isEmpty(), "%s: needs 'field' or 'fields'", where);
        case TOKEN_OVERLAP, BLOOM_DICE, BIGRAM_DICE, JARO_WINKLER, YEAR_WITHIN ->
            checkArgument(level.fields().size() == 1, "%s: needs exactly one 'field'", where);
        default -> {}
      }
      for (String field : level.fields()) {
        checkField(layout, field, where);
        boolean bloom = layout.isBloom(layout.indexOf(field));
        checkArgument(
            type != LevelType.BLOOM_DICE || bloom, "%s: bloom_dice needs a field of type bloom", where);
        checkArgument(
            !(type == LevelType.BIGRAM_DICE || type == LevelType.JARO_WINKLER) || !bloom,
            "%s: string similarity cannot read a Bloom field; use bloom_dice",
            where);
      }
    }
  }

  private static void checkField(RecordLayout layout, String field, String where) {
    checkArgument(layout.contains(field), "%s uses field '%s', which is not declared in fields", where, field);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The two source names (left, right) if the spec declares them, else empty. */
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

  /** The blocking rules that train m by EM: those named in {@code training_blocking}, else all. */
  public ImmutableList<BlockingRule> trainingRules() {
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

  /** The fields whose term frequencies adjust exact-match weights. */
  public ImmutableSortedSet<String> termFrequencyFields() {
    ImmutableSortedSet.Builder<String> result = ImmutableSortedSet.naturalOrder();
    for (ComparisonSpec comparison : comparisons) {
      for (LevelSpec level : comparison.levels()) {
        if (level.tfAdjust()) {
          result.add(level.singleField());
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
      List<FieldSpec> fields,
      @Nullable Map<String, DateFields> dates,
      List<ComparisonSpec> comparisons,
      List<BlockingRule> blocking,
      @Nullable List<CascadeStep> cascade,
      Thresholds thresholds,
      @Nullable EstimationSettings estimation,
      @Nullable AssignmentSpec assignment) {}
}
