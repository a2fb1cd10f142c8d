package org.sdelink.pipelines.link;

import java.io.Serializable;
import java.util.List;

/**
 * One record on its way to the spine: its source and record id, the rule that placed it so far, its council and the
 * tokens needed for the date-of-birth check (full, day/month swapped, year, month, day). Encoded as a list of strings
 * for a deterministic, compact coder.
 */
public record LinkMember(String source, String recordId, String rule, String laCode, String clientKey,
    String dobToken, String dobSwappedToken, String dobYearToken, String dobMonthToken, String dobDayToken)
    implements Serializable {

  /** The number of values of {@link #toList()}. */
  public static final int SIZE = 10;

  public List<String> toList() {
    return List.of(source, recordId, rule, laCode, clientKey, dobToken, dobSwappedToken, dobYearToken, dobMonthToken,
        dobDayToken);
  }

  public static LinkMember fromList(List<String> v) {
    return new LinkMember(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8),
        v.get(9));
  }

  public LinkMember withRule(String newRule) {
    return new LinkMember(source, recordId, newRule, laCode, clientKey, dobToken, dobSwappedToken, dobYearToken,
        dobMonthToken, dobDayToken);
  }

  /**
   * Whether this record's date of birth agrees with {@code other}'s as the cascade's {@code dob_check} does: equal,
   * day/month swapped, or two of year, month and day equal (one part typed differently).
   */
  public boolean dobAgreesWith(LinkMember other) {
    if (dobToken.equals(other.dobToken) || dobSwappedToken.equals(other.dobToken)
        || other.dobSwappedToken.equals(dobToken) && !dobToken.isEmpty()) {
      return true;
    }
    int agreeing = 0;
    agreeing += !dobYearToken.isEmpty() && dobYearToken.equals(other.dobYearToken) ? 1 : 0;
    agreeing += !dobMonthToken.isEmpty() && dobMonthToken.equals(other.dobMonthToken) ? 1 : 0;
    agreeing += !dobDayToken.isEmpty() && dobDayToken.equals(other.dobDayToken) ? 1 : 0;
    return agreeing >= 2;
  }
}
