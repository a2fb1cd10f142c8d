package org.sdelink.pipelines.link;

import java.io.Serializable;
import java.util.List;

/**
 * One record on its way to the spine: its source and record id, the rule that placed it so far, its council and the
 * tokens needed for the date-of-birth check. Encoded as a list of strings for a deterministic, compact coder.
 */
public record LinkMember(String source, String recordId, String rule, String laCode, String clientKey,
    String dobToken, String dobSwappedToken) implements Serializable {

  public List<String> toList() {
    return List.of(source, recordId, rule, laCode, clientKey, dobToken, dobSwappedToken);
  }

  public static LinkMember fromList(List<String> v) {
    return new LinkMember(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6));
  }

  public LinkMember withRule(String newRule) {
    return new LinkMember(source, recordId, newRule, laCode, clientKey, dobToken, dobSwappedToken);
  }
}
