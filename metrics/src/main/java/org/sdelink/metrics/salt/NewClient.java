package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;

/**
 * The new-client test: a client is new when no long-term support service (nursing, residential, community or prison)
 * is open when the request (or ST-Max) cluster starts, i.e. no such service with start on or before the cluster start
 * and end on or after it or no end (SALT STS001 replication code, {@code #ONGOING}; Principles p.9). STS002b counts the
 * opposite, existing clients.
 */
public final class NewClient {
  /** The long-term support service types. */
  public static final ImmutableSet<String> LONG_TERM_SUPPORT = ImmutableSet.of(
      "Long Term Support: Nursing Care", "Long Term Support: Residential Care", "Long Term Support: Community",
      "Long Term Support: Prison");

  private NewClient() {}

  /** True when no long-term support service among {@code events} is open on {@code clusterStart}. */
  public static boolean isNew(LocalDate clusterStart, List<SaltEvent> events) {
    checkNotNull(clusterStart, "clusterStart");
    return events.stream().noneMatch(e -> isLongTermSupport(e) && e.openOn(clusterStart));
  }

  /** A service of one of the long-term support types. */
  public static boolean isLongTermSupport(SaltEvent event) {
    return event.is(SaltEvent.SERVICE) && LONG_TERM_SUPPORT.contains(event.serviceType());
  }
}
