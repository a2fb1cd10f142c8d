package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Strings;
import java.io.Serializable;
import java.util.Comparator;

/**
 * A candidate link from one entity ({@code from}) to an entity of the other source ({@code to}), with its match
 * weight (the best over the entities' record pairs) and the rule that found it: a cascade step name for a
 * deterministic link, else {@code probabilistic}.
 */
public record ScoredLink(String from, String to, double matchWeight, String matchRule, boolean deterministic)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rule name of links found by scoring rather than by the cascade. */
  public static final String PROBABILISTIC = "probabilistic";

  /** Strongest first: deterministic before probabilistic, then by weight, then by entity names (for ties). */
  public static final Comparator<ScoredLink> STRONGEST_FIRST =
      Comparator.comparing((ScoredLink link) -> !link.deterministic())
          .thenComparing(Comparator.comparingDouble(ScoredLink::matchWeight).reversed())
          .thenComparing(ScoredLink::from)
          .thenComparing(ScoredLink::to);

  public ScoredLink {
    checkArgument(!Strings.isNullOrEmpty(from) && !Strings.isNullOrEmpty(to), "a link needs two entities");
    checkArgument(!Double.isNaN(matchWeight), "a link's match weight must be a number");
    checkArgument(!Strings.isNullOrEmpty(matchRule), "a link needs its rule");
  }

  /** A link found by scoring. */
  public static ScoredLink probabilistic(String from, String to, double matchWeight) {
    return new ScoredLink(from, to, matchWeight, PROBABILISTIC, false);
  }

  /** A link found by cascade step {@code step}. */
  public static ScoredLink byCascade(String from, String to, double matchWeight, String step) {
    return new ScoredLink(from, to, matchWeight, step, true);
  }
}
