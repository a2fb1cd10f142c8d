package org.sdelink.pipelines.report;

/** Who a dashboard is for, which decides whether small numbers are protected. */
public enum Audience {
  /** The SDE operator's internal view: exact figures, never to leave the SDE. */
  OPERATOR,
  /** Councils (or anyone outside the SDE): counts under the HES small-number rule, spend protected likewise. */
  COUNCILS
}
