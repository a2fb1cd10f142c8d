package org.sdelink.pipelines.link;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deterministic linkage rules, applied to groups: a council's client (LA code + local person token) takes the
 * most common valid NHS-number token among its records; all records sharing an NHS-number token form one person,
 * except those whose date of birth contradicts the group's (neither equal, nor day/month swapped, nor two of year,
 * month and day equal: the cascade's {@code dob_check}), which a transposed or another person's valid NHS number
 * would otherwise join to a stranger; a date typed differently in one part stays with its person. Person ids are opaque and derived from the anchor.
 */
public final class DeterministicPersonLinker {
  public static final String RULE_NHS = "nhs_number+dob";
  public static final String RULE_CLIENT = "la_person_id";
  public static final String RULE_DOB_CONFLICT = "unlinked_dob_conflict";
  public static final String RULE_UNLINKED = "unlinked";

  private DeterministicPersonLinker() {}

  /** The anchor of a client: {@code N|<token>} for its most common valid NHS token (ties: smallest), else the client. */
  public static String clientAnchor(String clientKey, List<String> validNhsTokens) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String token : validNhsTokens) {
      if (!token.isEmpty()) {
        counts.merge(token, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(e -> "N|" + e.getKey())
        .orElse("C|" + clientKey);
  }

  /** The anchor of an APC episode: its valid NHS token, else the episode itself. */
  public static String episodeAnchor(String recordId, String validNhsToken) {
    return validNhsToken.isEmpty() ? "E|" + recordId : "N|" + validNhsToken;
  }

  /** One spine row per member of an anchor group: {@code [source, record_id, person_id, match_rule]}. */
  public static List<List<String>> resolve(String anchor, List<LinkMember> members) {
    List<LinkMember> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing(LinkMember::source).thenComparing(LinkMember::recordId)
        .thenComparing(LinkMember::rule));
    String groupDob = anchor.startsWith("N|") ? modalDob(sorted) : "";
    LinkMember modal = groupDob.isEmpty() ? null
        : sorted.stream().filter(m -> m.dobToken().equals(groupDob)).findFirst().orElseThrow();
    List<List<String>> rows = new ArrayList<>();
    Map<String, List<LinkMember>> persons = new TreeMap<>();
    for (LinkMember m : sorted) {
      boolean conflict = modal != null && !m.dobToken().isEmpty() && !m.dobAgreesWith(modal);
      String personAnchor = conflict
          ? "D|" + (m.clientKey().isEmpty() ? m.source() + ":" + m.recordId() : m.clientKey())
          : anchor;
      persons.computeIfAbsent(personAnchor, k -> new ArrayList<>()).add(conflict ? m.withRule(RULE_DOB_CONFLICT) : m);
    }
    persons.forEach((personAnchor, group) -> {
      String personId = personId(personAnchor);
      long distinctRecords = group.stream().map(m -> m.source() + ":" + m.recordId()).distinct().count();
      for (LinkMember m : group) {
        String rule = m.rule();
        if (distinctRecords == 1 && !RULE_DOB_CONFLICT.equals(rule)) {
          rule = RULE_UNLINKED;
        }
        rows.add(List.of(m.source(), m.recordId(), personId, rule));
      }
    });
    return rows;
  }

  /** An opaque, stable person id: the first 64 bits of SHA-256 of the anchor, in hex, prefixed {@code P}. */
  public static String personId(String anchor) {
    return "P" + Hashing.sha256().hashString("sdelink/person/v1|" + anchor, StandardCharsets.UTF_8)
        .toString().substring(0, 16);
  }

  private static String modalDob(List<LinkMember> members) {
    Map<String, Integer> counts = new HashMap<>();
    for (LinkMember m : members) {
      if (!m.dobToken().isEmpty()) {
        counts.merge(m.dobToken(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey)
        .orElse("");
  }
}
