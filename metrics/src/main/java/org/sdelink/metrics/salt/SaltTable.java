package org.sdelink.metrics.salt;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One SALT table: its name (the file {@code salt/<name>.csv}), its CSV header and the cells one person adds to it.
 * The header always starts with {@code la_code} (or, for LTS003, {@code la_code} and the carer age band) and ends
 * with {@code count}; {@link #cells} returns the values between {@code la_code} and {@code count}, one list per unit
 * counted (a client, a request cluster, an ST-Max period or a review).
 */
public interface SaltTable {
  /** The table's name, e.g. {@code STS001}. */
  String name();

  /** The CSV header. */
  ImmutableList<String> header();

  /** The cells the person adds to, each once per unit counted. */
  List<List<String>> cells(PersonStatistics person);
}
