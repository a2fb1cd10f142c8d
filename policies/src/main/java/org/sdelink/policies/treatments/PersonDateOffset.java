package org.sdelink.policies.treatments;

import java.io.Serializable;

/**
 * The date shift of one person for {@code shift-dates}: the same number of days for every date of that person. The
 * pipeline implements it from a secret key (e.g. a keyed hash of the person id reduced to the policy's range), so the
 * offsets cannot be worked out without the key.
 */
@FunctionalInterface
public interface PersonDateOffset extends Serializable {
  /** The offset in days for the person with level-1 id {@code personId}. */
  int offsetDays(String personId);
}
