package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The service hierarchy that picks the sequel when a chain holds several services: the service type of lowest rank
 * wins. STS001 ranks ST-Max first (SALT STS001 replication code, {@code #REF_Service_Type}); STS002a leaves ST-Max out
 * (an ST-Max breaks its chain) and starts with nursing care ({@code #REF_Service_Type_Delivery_Mech} of STS002a).
 */
public final class SequelServiceRank {
  /** STS001's order. */
  public static final SequelServiceRank STS001 = new SequelServiceRank(ImmutableList.of(
      "Short Term Support: ST-Max", "Long Term Support: Nursing Care", "Long Term Support: Residential Care",
      "Long Term Support: Community", "Long Term Support: Prison", "Short Term Support: Ongoing Low Level",
      "Short Term Support: Other Short Term"));
  /** STS002a's order. */
  public static final SequelServiceRank STS002A = new SequelServiceRank(ImmutableList.of(
      "Long Term Support: Nursing Care", "Long Term Support: Residential Care", "Long Term Support: Community",
      "Long Term Support: Prison", "Short Term Support: Ongoing Low Level", "Short Term Support: Other Short Term"));

  private final ImmutableList<String> order;

  private SequelServiceRank(ImmutableList<String> order) {
    this.order = order;
  }

  /** The highest-ranking service type among the services of {@code chain}, if any is ranked. */
  public Optional<String> best(List<SaltEvent> chain) {
    checkNotNull(chain, "chain");
    return chain.stream()
        .filter(e -> e.is(SaltEvent.SERVICE) && order.contains(e.serviceType()))
        .map(SaltEvent::serviceType)
        .min((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
  }
}
