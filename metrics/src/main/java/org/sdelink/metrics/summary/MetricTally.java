package org.sdelink.metrics.summary;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The combinable accumulator of the metrics: per (metric, breakdown, group) cell a numerator, a denominator and, for
 * the median metric, a histogram of day values 0..{@link #MAX_DAYS}. A person's evaluation yields one tally; the
 * metrics stage sums them with {@link #addAll} (associative and commutative, so any Beam Combine tree gives the same
 * result) and hands the total to {@link SummaryTable#rows}. Mutable by design, as Beam accumulators are; {@link
 * #toBytes}/{@link #fromBytes} give a stable binary form for a custom coder, and it is also {@link Serializable}.
 */
public final class MetricTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT_VERSION = 1;

  /** The largest day value of the median metric (the follow-up window is [DISDATE, DISDATE + 28]). */
  public static final int MAX_DAYS = 28;

  private final TreeMap<CellKey, Cell> cells = new TreeMap<>();

  private MetricTally() {}

  /** A tally with no counts. */
  public static MetricTally empty() {
    return new MetricTally();
  }

  /** A new tally holding the sum of {@code tallies}. */
  public static MetricTally sum(Iterable<MetricTally> tallies) {
    MetricTally total = empty();
    for (MetricTally tally : tallies) {
      total.addAll(tally);
    }
    return total;
  }

  /** Counts one discharge in the denominator of a proportion metric, and in its numerator when {@code inNumerator}. */
  public void addDischarge(Metric metric, BreakdownGroups groups, boolean inNumerator) {
    checkKind(metric, Metric.Kind.PROPORTION);
    checkNotNull(groups, "groups");
    for (Breakdown breakdown : metric.breakdowns()) {
      Cell cell = cell(metric, breakdown, groups.group(breakdown));
      cell.denominator++;
      if (inNumerator) {
        cell.numerator++;
      }
    }
  }

  /** Counts one discharge of the median metric with its day value (0..{@link #MAX_DAYS}). */
  public void addDays(Metric metric, BreakdownGroups groups, int days) {
    checkKind(metric, Metric.Kind.MEDIAN_DAYS);
    checkNotNull(groups, "groups");
    checkArgument(days >= 0 && days <= MAX_DAYS, "days must be within 0..%s", MAX_DAYS);
    for (Breakdown breakdown : metric.breakdowns()) {
      Cell cell = cell(metric, breakdown, groups.group(breakdown));
      cell.denominator++;
      cell.days[days]++;
    }
  }

  /** Adds events and exposure days to a rate metric (breakdown {@code all} only). */
  public void addRate(Metric metric, long events, long exposureDays) {
    checkKind(metric, Metric.Kind.RATE_PER_1000_YEARS);
    checkArgument(events >= 0 && exposureDays >= 0, "events and exposure days must not be negative");
    Cell cell = cell(metric, Breakdown.ALL, Breakdown.ALL_GROUP);
    cell.numerator += events;
    cell.denominator += exposureDays;
  }

  /** Adds every count of {@code other} into this tally and returns this tally. */
  public MetricTally addAll(MetricTally other) {
    checkNotNull(other, "other");
    checkArgument(other != this, "cannot add a tally to itself");
    other.cells.forEach((key, cell) -> cells.computeIfAbsent(key, Cell::new).add(cell));
    return this;
  }

  /** The numerator of a cell (0 when absent). */
  public long numerator(Metric metric, Breakdown breakdown, String group) {
    Cell cell = cells.get(new CellKey(metric, breakdown, group));
    return cell == null ? 0 : cell.numerator;
  }

  /** The denominator of a cell: discharges, or exposure days for a rate (0 when absent). */
  public long denominator(Metric metric, Breakdown breakdown, String group) {
    Cell cell = cells.get(new CellKey(metric, breakdown, group));
    return cell == null ? 0 : cell.denominator;
  }

  /** The day histogram of a median cell (29 counts), or empty when absent. */
  public ImmutableList<Long> daysHistogram(Metric metric, Breakdown breakdown, String group) {
    Cell cell = cells.get(new CellKey(metric, breakdown, group));
    return cell == null ? ImmutableList.of() : histogram(cell);
  }

  private static ImmutableList<Long> histogram(Cell cell) {
    return cell.days == null ? ImmutableList.of() : ImmutableList.copyOf(Arrays.stream(cell.days).boxed().iterator());
  }

  /** True when no cell has been touched. */
  public boolean isEmpty() {
    return cells.isEmpty();
  }

  /** Copies of the cells in summary order: metric, then breakdown, then group. */
  public ImmutableList<TallyCell> cells() {
    ImmutableList.Builder<TallyCell> out = ImmutableList.builder();
    cells.forEach((key, cell) -> out.add(new TallyCell(key.metric(), key.breakdown(), key.group(), cell.numerator,
        cell.denominator, histogram(cell))));
    return out.build();
  }

  /** A stable binary form (independent of Java serialization), e.g. for a Beam {@code CustomCoder}. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT_VERSION);
      out.writeInt(cells.size());
      for (Map.Entry<CellKey, Cell> entry : cells.entrySet()) {
        out.writeUTF(entry.getKey().metric().id());
        out.writeUTF(entry.getKey().breakdown().id());
        out.writeUTF(entry.getKey().group());
        Cell cell = entry.getValue();
        out.writeLong(cell.numerator);
        out.writeLong(cell.denominator);
        out.writeInt(cell.days == null ? 0 : cell.days.length);
        if (cell.days != null) {
          for (long count : cell.days) {
            out.writeLong(count);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads the form written by {@link #toBytes}. */
  public static MetricTally fromBytes(byte[] encoded) {
    checkNotNull(encoded, "encoded");
    MetricTally tally = empty();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int version = in.readInt();
      checkArgument(version == FORMAT_VERSION,
          "metric tally format %s is not supported (expected %s); re-run the metrics stage", version, FORMAT_VERSION);
      int size = in.readInt();
      for (int i = 0; i < size; i++) {
        Metric metric = metricById(in.readUTF());
        Breakdown breakdown = breakdownById(in.readUTF());
        Cell cell = tally.cell(metric, breakdown, in.readUTF());
        cell.numerator = in.readLong();
        cell.denominator = in.readLong();
        int days = in.readInt();
        checkArgument(days == (cell.days == null ? 0 : cell.days.length), "corrupt metric tally: histogram size");
        for (int d = 0; d < days; d++) {
          cell.days[d] = in.readLong();
        }
      }
      checkArgument(in.available() == 0, "corrupt metric tally: trailing bytes");
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt metric tally: truncated", e);
    }
    return tally;
  }

  private static Metric metricById(String id) {
    for (Metric metric : Metric.values()) {
      if (metric.id().equals(id)) {
        return metric;
      }
    }
    throw new IllegalArgumentException("corrupt metric tally: unknown metric " + id);
  }

  private static Breakdown breakdownById(String id) {
    for (Breakdown breakdown : Breakdown.values()) {
      if (breakdown.id().equals(id)) {
        return breakdown;
      }
    }
    throw new IllegalArgumentException("corrupt metric tally: unknown breakdown " + id);
  }

  private Cell cell(Metric metric, Breakdown breakdown, String group) {
    checkArgument(metric.breakdowns().contains(breakdown), "metric %s has no breakdown %s", metric.id(),
        breakdown.id());
    return cells.computeIfAbsent(new CellKey(metric, breakdown, checkNotNull(group, "group")), Cell::new);
  }

  private static void checkKind(Metric metric, Metric.Kind kind) {
    checkNotNull(metric, "metric");
    checkArgument(metric.kind() == kind, "metric %s is a %s, not a %s", metric.id(), metric.kind(), kind);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricTally other && cells().equals(other.cells());
  }

  @Override
  public int hashCode() {
    return cells().hashCode();
  }

  @Override
  public String toString() {
    return "MetricTally{cells=" + cells.size() + "}";
  }

  /** Ordered as the summary rows: metric, then breakdown (enum order), then group (string order). */
  private record CellKey(Metric metric, Breakdown breakdown, String group)
      implements Comparable<CellKey>, Serializable {
    private static final Comparator<CellKey> ORDER =
        Comparator.comparing(CellKey::metric).thenComparing(CellKey::breakdown).thenComparing(CellKey::group);

    @Override
    public int compareTo(CellKey other) {
      return ORDER.compare(this, other);
    }
  }

  private static final class Cell implements Serializable {
    private static final long serialVersionUID = 1L;
    long numerator;
    long denominator;
    final long @Nullable [] days;

    Cell(CellKey key) {
      this.days = key.metric().kind() == Metric.Kind.MEDIAN_DAYS ? new long[MAX_DAYS + 1] : null;
    }

    void add(Cell other) {
      numerator += other.numerator;
      denominator += other.denominator;
      if (days != null && other.days != null) {
        for (int d = 0; d < days.length; d++) {
          days[d] += other.days[d];
        }
      }
    }
  }
}
