package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;

/**
 * Person ids for clusters: {@code P} followed by the first 16 hex digits of SHA-256 of the smallest member key
 * ({@code source:record_id}). Deterministic (same cluster, same id, run after run) and opaque (it reveals no
 * identifier, and record ids are themselves pseudonymous).
 */
public final class PersonIds {
  private PersonIds() {}

  /** The person id of a cluster with these member keys. */
  public static String forCluster(Collection<String> memberKeys) {
    checkArgument(!memberKeys.isEmpty(), "a cluster has at least one member");
    return forSmallestMember(Collections.min(memberKeys));
  }

  /** The person id of a cluster whose smallest member key is {@code smallestMemberKey}. */
  public static String forSmallestMember(String smallestMemberKey) {
    String hash = Hashing.sha256().hashString(smallestMemberKey, StandardCharsets.UTF_8).toString();
    return "P" + hash.substring(0, 16);
  }
}
