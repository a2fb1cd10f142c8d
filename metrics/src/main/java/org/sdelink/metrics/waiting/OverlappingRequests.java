package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The overlapping-request exclusion of the DHSC waiting times ({@code waiting_times_method.sql} v1.1, stage 3.4): in
 * the person's request order, a request gives no wait when it starts before the previous request's follow-up ends
 * (the later of the previous request's first response and first service comes after it in the chronology), or when
 * its first response, or its first service, is not after every earlier request's first response (first service).
 * Missing responses never exclude ({@code GREATEST} ignores a missing one; a comparison with none is not true).
 */
public final class OverlappingRequests {
  /** One request's position in the chronology and its (modified) first response and first service positions. */
  public record Linked(int requestOrder, @Nullable Integer responseOrder, @Nullable Integer serviceOrder) {}

  private OverlappingRequests() {}

  /** For each of {@code requests} (in request order), true when it is excluded. */
  public static List<Boolean> excluded(List<Linked> requests) {
    checkNotNull(requests, "requests");
    List<Boolean> excluded = new ArrayList<>();
    Integer previousGreatest = null;
    int maxResponse = 0;
    int maxService = 0;
    for (Linked r : requests) {
      boolean out = (previousGreatest != null && previousGreatest > r.requestOrder())
          || (r.responseOrder() != null && r.responseOrder() <= maxResponse)
          || (r.serviceOrder() != null && r.serviceOrder() <= maxService);
      excluded.add(out);
      previousGreatest = greatest(r.responseOrder(), r.serviceOrder());
      maxResponse = Math.max(maxResponse, r.responseOrder() == null ? 0 : r.responseOrder());
      maxService = Math.max(maxService, r.serviceOrder() == null ? 0 : r.serviceOrder());
    }
    return excluded;
  }

  private static @Nullable Integer greatest(@Nullable Integer a, @Nullable Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
