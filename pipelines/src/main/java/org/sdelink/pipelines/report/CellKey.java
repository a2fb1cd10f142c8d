package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import java.util.List;

/**
 * One cell of the dashboard's figures: a measure in a council, for a month ({@code yyyy-MM}) or the whole period
 * ({@link #PERIOD}), in a category (blank when the measure has none). Encoded as one string (fields joined by a
 * control character that labels never hold) to travel through the pipeline's counting.
 */
public record CellKey(Measure measure, String council, String slot, String category) implements Comparable<CellKey> {
  /** The slot of a figure over the whole period. */
  public static final String PERIOD = "period";

  private static final char SEPARATOR = '\u001f';
  private static final CharMatcher CONTROL = CharMatcher.inRange('\u0000', '\u001f');

  public CellKey {
    checkNotNull(measure, "measure");
    council = clean(council);
    slot = clean(slot);
    category = clean(category);
  }

  public static CellKey of(Measure measure, String council, String slot, String category) {
    return new CellKey(measure, council, slot, category);
  }

  /** The key as one string. */
  public String encode() {
    return measure.name() + SEPARATOR + council + SEPARATOR + slot + SEPARATOR + category;
  }

  /** The key that {@link #encode} gave. */
  public static CellKey decode(String encoded) {
    List<String> parts = Splitter.on(SEPARATOR).splitToList(encoded);
    checkArgument(parts.size() == 4, "not a dashboard cell key");
    return new CellKey(Measure.valueOf(parts.get(0)), parts.get(1), parts.get(2), parts.get(3));
  }

  /** A council code as it goes into a key: control characters become spaces, the rest is trimmed. */
  static String clean(String text) {
    return CONTROL.replaceFrom(checkNotNull(text, "key field"), ' ').trim();
  }

  private static final java.util.Comparator<CellKey> ORDER = java.util.Comparator.comparing(CellKey::measure)
      .thenComparing(CellKey::council).thenComparing(CellKey::slot).thenComparing(CellKey::category);

  @Override
  public int compareTo(CellKey other) {
    return ORDER.compare(this, other);
  }
}
