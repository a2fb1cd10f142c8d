package org.sdelink.policies.kanonymity;

import java.io.Serializable;

/**
 * One rung of a quasi-identifier's generalisation ladder: a function from the value as released to a coarser value.
 * Blank stays blank (missing is its own group) except at {@code withheld}; text a level cannot read becomes
 * {@code *}, the coarsest value.
 */
public interface GeneralisationLevel extends Serializable {
  /** The value every unreadable or withheld value becomes. */
  String WITHHELD = "*";

  /** The level's name in a policy ladder, e.g. {@code age-band-10y}. */
  String levelName();

  /** The value at this level of {@code released}, the value as the field's action released it. */
  String apply(String released);

  /** What this level does, in plain English for the review report. */
  String describe();
}
