package org.sdelink.linkage.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import org.sdelink.linkage.scoring.Waterfall;

/**
 * A scored record pair behind a linkage decision, for {@code pairs.csv}: the two records (the one of the earlier
 * source, in the model's or input order, first), the rule and weight, the decision and the waterfall.
 *
 * @param sourceL the source of the first record
 * @param recordIdL the id of the first record
 * @param sourceR the source of the second record
 * @param recordIdR the id of the second record
 * @param matchRule a cascade step, or {@code probabilistic}
 * @param matchWeight the pair's match weight (prior included)
 * @param status {@code accepted}, {@code cut} (by the cluster cap) or {@code ambiguous} (left unlinked: a rival
 *     candidate was too close)
 * @param waterfall how the weight adds up
 */
public record LinkedPair(
    String sourceL,
    String recordIdL,
    String sourceR,
    String recordIdR,
    String matchRule,
    double matchWeight,
    String status,
    Waterfall waterfall)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String ACCEPTED = "accepted";
  public static final String CUT = "cut";
  public static final String AMBIGUOUS = "ambiguous";

  public LinkedPair {
    checkArgument(
        status.equals(ACCEPTED) || status.equals(CUT) || status.equals(AMBIGUOUS), "unknown pair status");
  }
}
