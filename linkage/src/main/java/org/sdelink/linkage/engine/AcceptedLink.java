package org.sdelink.linkage.engine;

import java.io.Serializable;
import org.sdelink.linkage.cluster.ScoredLink;
import org.sdelink.linkage.scoring.Waterfall;

/**
 * An accepted entity link with the record pair that carried it and that pair's waterfall.
 *
 * @param link the entity link (from, to, weight, rule)
 * @param fromRecord the key of the {@code from} entity's record in the best pair
 * @param toRecord the key of the {@code to} entity's record in the best pair
 * @param waterfall how the pair's match weight adds up
 * @param cut whether the link was cut to keep a cluster within the size cap
 */
public record AcceptedLink(ScoredLink link, String fromRecord, String toRecord, Waterfall waterfall, boolean cut)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
