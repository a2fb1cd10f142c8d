package org.sdelink.pipelines.link;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.em.EmSession;
import org.sdelink.linkage.em.ExpectationMaximisation;
import org.sdelink.linkage.em.LevelCounts;
import org.sdelink.linkage.em.PriorEstimate;
import org.sdelink.linkage.em.VectorCounts;
import org.sdelink.linkage.model.EstimationSettings;
import org.sdelink.linkage.model.EstimationSummary;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.scoring.TermFrequencies;

/**
 * The driver's part of parameter estimation, from the counts of the first link pipeline: u from the vectors of the
 * hash-sampled cross pairs ({@code u\t<vector>}), m by one EM session per training rule over its vector counts
 * ({@code em\t<rule>\t<vector>}), and the prior from the deterministically linked persons over the possible entity
 * pairs ({@code prior\t...}), as {@link org.sdelink.linkage.em.ParameterEstimation} does in memory.
 */
final class Estimation {
  private Estimation() {}

  static ModelParameters estimate(LinkageModel model, Map<String, Long> counts) {
    EstimationSettings settings = model.estimation();
    LevelCounts levelCounts = LevelCounts.create(model);
    Map<String, Map<Long, Long>> emCounts = new TreeMap<>();
    counts.forEach((key, count) -> {
      String[] parts = key.split("\t", -1);
      if (parts[0].equals("u")) {
        long vector = Long.parseLong(parts[1]);
        for (long i = 0; i < count; i++) {
          levelCounts.add(vector);
        }
      } else if (parts[0].equals("em")) {
        emCounts.computeIfAbsent(parts[1], r -> new HashMap<>()).put(Long.parseLong(parts[2]), count);
      }
    });
    if (levelCounts.pairs() == 0) {
      throw new IllegalArgumentException("u estimation found no cross-source pairs: are both inputs non-empty?");
    }
    LevelProbabilities u = levelCounts.toProbabilities();
    List<EmSession> sessions = new ArrayList<>();
    for (BlockingRule rule : model.trainingRules()) {
      Map<Long, Long> byVector = emCounts.get(rule.name());
      if (byVector == null || byVector.isEmpty()) {
        continue;
      }
      sessions.add(ExpectationMaximisation.run(model, u, VectorCounts.fromMap(byVector),
          ExpectationMaximisation.comparisonsUsing(model, rule), rule.name()));
    }
    LevelProbabilities m = ExpectationMaximisation.combine(model, sessions, levelCounts);
    long linked = counts.getOrDefault("prior\tlinked_persons", 0L);
    long possible = counts.getOrDefault("prior\tentities\tcld", 0L) * counts.getOrDefault("prior\tentities\tapc", 0L);
    possible = Math.max(possible, 1);
    boolean deterministic = linked >= settings.minDeterministicLinks();
    double prior = deterministic
        ? PriorEstimate.fromDeterministicLinks(linked, possible, settings.deterministicRecall())
        : PriorEstimate.fromEmSessions(sessions, possible);
    EstimationSummary summary = new EstimationSummary(levelCounts.pairs(), linked, possible,
        sessions.stream().map(s -> s.summary(model)).collect(ImmutableList.toImmutableList()));
    return ModelParameters.of(model, prior, deterministic ? "deterministic" : "em", m, u, summary);
  }

  /** Term frequencies from the distributed counts {@code tf\t<field>\t<value>}. */
  static TermFrequencies termFrequencies(Map<String, Long> counts) {
    Map<String, Map<String, Long>> byField = new TreeMap<>();
    counts.forEach((key, count) -> {
      if (key.startsWith("tf\t")) {
        int second = key.indexOf('\t', 3);
        byField.computeIfAbsent(key.substring(3, second), f -> new HashMap<>()).put(key.substring(second + 1), count);
      }
    });
    return TermFrequencies.fromCounts(byField);
  }
}
