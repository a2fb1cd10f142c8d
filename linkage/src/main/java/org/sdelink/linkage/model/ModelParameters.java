package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The estimated parameters of a {@link LinkageModel}: the prior probability that two records drawn at random (one
 * from each source) are the same person, and m and u per comparison level. Written as JSON with a fixed layout
 * (property order, two-space indent, {@code \n} line ends, shortest round-trip doubles), so that a parameter
 * file read and written again is byte-identical and a run given {@code --model-params} is reproducible.
 */
public final class ModelParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The {@code format} written into, and required of, every parameter file. */
  public static final String FORMAT = "sdelink.linkage.parameters.v1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final String modelName;
  private final double priorMatchProbability;
  private final String priorSource;
  private final ImmutableList<String> comparisonNames;
  private final ImmutableList<ImmutableList<String>> levelLabels;
  private final LevelProbabilities m;
  private final LevelProbabilities u;
  private final @Nullable EstimationSummary estimation;

  private ModelParameters(
      String modelName,
      double priorMatchProbability,
      String priorSource,
      List<String> comparisonNames,
      List<ImmutableList<String>> levelLabels,
      LevelProbabilities m,
      LevelProbabilities u,
      @Nullable EstimationSummary estimation) {
    checkArgument(
        priorMatchProbability > 0 && priorMatchProbability < 1, "the prior match probability must be in (0, 1)");
    checkArgument(comparisonNames.size() == levelLabels.size(), "one level list per comparison");
    checkArgument(
        m.comparisonCount() == comparisonNames.size() && u.comparisonCount() == comparisonNames.size(),
        "m and u need one row per comparison");
    for (int k = 0; k < comparisonNames.size(); k++) {
      checkArgument(
          m.levelCount(k) == levelLabels.get(k).size() && u.levelCount(k) == levelLabels.get(k).size(),
          "m and u of comparison '%s' need one value per level",
          comparisonNames.get(k));
    }
    this.modelName = modelName;
    this.priorMatchProbability = priorMatchProbability;
    this.priorSource = priorSource;
    this.comparisonNames = ImmutableList.copyOf(comparisonNames);
    this.levelLabels = ImmutableList.copyOf(levelLabels);
    this.m = m;
    this.u = u;
    this.estimation = estimation;
  }

  /**
   * Parameters for {@code model}. m and u must be probabilities at every level except the {@code missing} ones,
   * whose values are ignored (stored as {@code NaN}).
   *
   * @param priorSource how the prior was obtained, e.g. {@code deterministic}, {@code em}, {@code supplied}
   * @throws IllegalArgumentException if the shapes do not match the model or a value is not a probability
   */
  public static ModelParameters of(
      LinkageModel model,
      double priorMatchProbability,
      String priorSource,
      LevelProbabilities m,
      LevelProbabilities u,
      @Nullable EstimationSummary estimation) {
    checkNotNull(model, "model");
    checkNotNull(priorSource, "priorSource");
    ImmutableList<ImmutableList<String>> labels = model.levelLabels();
    checkArgument(m.comparisonCount() == labels.size(), "m has %s comparisons, the model %s",
        m.comparisonCount(), labels.size());
    double[][] mValues = m.toArray();
    double[][] uValues = u.toArray();
    for (int k = 0; k < labels.size(); k++) {
      checkArgument(mValues[k].length == labels.get(k).size() && uValues[k].length == labels.get(k).size(),
          "m and u of comparison '%s' need %s levels", model.comparisons().get(k).name(), labels.get(k).size());
      for (int l = 0; l < labels.get(k).size(); l++) {
        if (model.isMissingLevel(k, l)) {
          mValues[k][l] = Double.NaN;
          uValues[k][l] = Double.NaN;
        } else {
          checkArgument(!Double.isNaN(mValues[k][l]) && !Double.isNaN(uValues[k][l]),
              "comparison '%s' level '%s' has no m or u", model.comparisons().get(k).name(), labels.get(k).get(l));
        }
      }
    }
    return new ModelParameters(
        model.name(),
        priorMatchProbability,
        priorSource,
        ImmutableList.copyOf(model.comparisonNames()),
        labels,
        LevelProbabilities.of(mValues),
        LevelProbabilities.of(uValues),
        estimation);
  }

  public String modelName() {
    return modelName;
  }

  /** The probability that two records drawn at random, one from each source, are the same person. */
  public double priorMatchProbability() {
    return priorMatchProbability;
  }

  /** {@code log2(prior / (1 - prior))}: the match weight before any comparison. */
  public double priorMatchWeight() {
    return Math.log(priorMatchProbability / (1 - priorMatchProbability)) / Math.log(2);
  }

  public String priorSource() {
    return priorSource;
  }

  public LevelProbabilities m() {
    return m;
  }

  public LevelProbabilities u() {
    return u;
  }

  public @Nullable EstimationSummary estimation() {
    return estimation;
  }

  /** These parameters with another prior (e.g. one supplied by a researcher). */
  public ModelParameters withPrior(double priorMatchProbability, String priorSource) {
    return new ModelParameters(
        modelName, priorMatchProbability, priorSource, comparisonNames, levelLabels, m, u, estimation);
  }

  /**
   * Checks that these parameters fit {@code model}: same comparisons and level labels, in the same order.
   *
   * @throws IllegalArgumentException saying what differs and what to do
   */
  public void checkCompatibleWith(LinkageModel model) {
    checkArgument(
        comparisonNames.equals(ImmutableList.copyOf(model.comparisonNames()))
            && levelLabels.equals(model.levelLabels()),
        "these parameters were estimated for model '%s' with comparisons %s, not for model '%s' with %s: "
            + "re-estimate them (omit the parameters file) or use the model they were estimated for",
        modelName,
        comparisonNames,
        model.name(),
        model.comparisonNames());
  }

  /** The parameters as JSON in the fixed layout (UTF-8 text ending in a newline). */
  public String toJson() {
    List<ComparisonJson> comparisons = new ArrayList<>();
    for (int k = 0; k < comparisonNames.size(); k++) {
      List<LevelJson> levels = new ArrayList<>();
      for (int l = 0; l < levelLabels.get(k).size(); l++) {
        double mValue = m.get(k, l);
        double uValue = u.get(k, l);
        levels.add(new LevelJson(
            levelLabels.get(k).get(l),
            Double.isNaN(mValue) ? null : mValue,
            Double.isNaN(uValue) ? null : uValue));
      }
      comparisons.add(new ComparisonJson(comparisonNames.get(k), levels));
    }
    Json json = new Json(FORMAT, modelName, priorMatchProbability, priorSource, comparisons, estimation);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    ObjectWriter writer = MAPPER.writer(printer);
    try {
      return writer.writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write model parameters", e);
    }
  }

  /** {@link #toJson()} as UTF-8 bytes. */
  public byte[] toJsonBytes() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads parameters written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if the text is not a parameter file of this format
   */
  public static ModelParameters fromJson(String text) {
    checkNotNull(text, "text");
    Json json;
    try {
      json = MAPPER.readValue(text, Json.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a model parameter file: " + e.getOriginalMessage(), e);
    }
    checkArgument(
        FORMAT.equals(json.format()), "a model parameter file must have format '%s'", FORMAT);
    checkArgument(json.comparisons() != null && !json.comparisons().isEmpty(), "parameter file has no comparisons");
    List<String> names = new ArrayList<>();
    List<ImmutableList<String>> labels = new ArrayList<>();
    double[][] mValues = new double[json.comparisons().size()][];
    double[][] uValues = new double[json.comparisons().size()][];
    for (int k = 0; k < json.comparisons().size(); k++) {
      ComparisonJson comparison = json.comparisons().get(k);
      names.add(comparison.name());
      labels.add(comparison.levels().stream().map(LevelJson::label).collect(ImmutableList.toImmutableList()));
      mValues[k] = comparison.levels().stream().mapToDouble(l -> l.m() == null ? Double.NaN : l.m()).toArray();
      uValues[k] = comparison.levels().stream().mapToDouble(l -> l.u() == null ? Double.NaN : l.u()).toArray();
    }
    return new ModelParameters(
        json.model(),
        json.priorMatchProbability(),
        json.priorSource(),
        names,
        labels,
        LevelProbabilities.of(mValues),
        LevelProbabilities.of(uValues),
        json.estimation());
  }

  /** Reads a parameter file from a UTF-8 stream. */
  public static ModelParameters read(InputStream in) {
    try {
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the model parameter file", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelParameters that
        && modelName.equals(that.modelName)
        && priorMatchProbability == that.priorMatchProbability
        && priorSource.equals(that.priorSource)
        && comparisonNames.equals(that.comparisonNames)
        && levelLabels.equals(that.levelLabels)
        && m.equals(that.m)
        && u.equals(that.u)
        && Objects.equals(estimation, that.estimation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelName, priorMatchProbability, comparisonNames, m, u);
  }

  @Override
  public String toString() {
    return "ModelParameters{" + modelName + ", prior=" + priorMatchProbability + " (" + priorSource + ")}";
  }

  @JsonPropertyOrder({"format", "model", "prior_match_probability", "prior_source", "comparisons", "estimation"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record Json(
      @JsonProperty("format") String format,
      @JsonProperty("model") String model,
      @JsonProperty("prior_match_probability") double priorMatchProbability,
      @JsonProperty("prior_source") String priorSource,
      @JsonProperty("comparisons") List<ComparisonJson> comparisons,
      @JsonProperty("estimation") @Nullable EstimationSummary estimation) {}

  @JsonPropertyOrder({"name", "levels"})
  private record ComparisonJson(
      @JsonProperty("name") String name, @JsonProperty("levels") List<LevelJson> levels) {}

  @JsonPropertyOrder({"label", "m", "u"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record LevelJson(
      @JsonProperty("label") String label,
      @JsonProperty("m") @Nullable Double m,
      @JsonProperty("u") @Nullable Double u) {}
}
