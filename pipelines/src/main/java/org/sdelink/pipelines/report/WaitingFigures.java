package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The waiting times the {@code statistics} stage wrote ({@code waiting_times.csv}: {@code la_code,quarter,age_band,
 * part,requests,median_days}, per council and {@code ENGLAND}), for the dashboard's waiting-times page. A comparator
 * group has no pooled median (the file holds no individual waits): its figure is the median of its councils' medians
 * ({@link #medianOf}), shown as such, with the group's summed requests.
 */
final class WaitingFigures {
  static final String FILE = "waiting_times.csv";
  static final List<String> HEADER = List.of("la_code", "quarter", "age_band", "part", "requests", "median_days");
  /** The parts in page order (DHSC's two waits); any other part in the file follows. */
  static final List<String> PARTS = List.of("first_response", "first_service");

  /** One cell: requests and the median wait in days (null when the file leaves it blank). */
  record Cell(long requests, @Nullable BigDecimal medianDays) {}

  /** part -> age band -> quarter -> la_code -> cell. */
  private final Map<String, Map<String, Map<String, Map<String, Cell>>>> cells;

  private WaitingFigures(Map<String, Map<String, Map<String, Map<String, Cell>>>> cells) {
    this.cells = cells;
  }

  /** Reads {@code dir/waiting_times.csv}; empty when the statistics output has none. */
  static Optional<WaitingFigures> read(Path dir) throws IOException {
    checkNotNull(dir, "dir");
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    StatisticsCsv csv = StatisticsCsv.named(FILE);
    Map<String, Map<String, Map<String, Map<String, Cell>>>> cells = new TreeMap<>(
        java.util.Comparator.comparing((String p) -> PARTS.contains(p) ? PARTS.indexOf(p) : PARTS.size())
            .thenComparing(p -> p));
    for (StatisticsCsv.Row row : StatisticsCsv.read(file, FILE, HEADER)) {
      Cell cell = new Cell(csv.count(row, "requests", false), csv.decimal(row, "median_days"));
      Cell previous = cells.computeIfAbsent(csv.text(row, "part"), k -> new TreeMap<>())
          .computeIfAbsent(csv.text(row, "age_band"), k -> new TreeMap<>())
          .computeIfAbsent(csv.text(row, "quarter"), k -> new TreeMap<>())
          .put(csv.text(row, "la_code"), cell);
      if (previous != null) {
        throw new IllegalArgumentException("statistics file " + FILE + " line " + row.line()
            + ": a second row for the same council, quarter, age band and part");
      }
    }
    return Optional.of(new WaitingFigures(cells));
  }

  List<String> parts() {
    return List.copyOf(cells.keySet());
  }

  List<String> ageBands(String part) {
    return List.copyOf(cells.get(part).keySet());
  }

  /** Every quarter of a part and age band, in order. */
  List<String> quarters(String part, String ageBand) {
    return List.copyOf(new TreeSet<>(cells.get(part).get(ageBand).keySet()));
  }

  /** The councils (and {@code ENGLAND}) with a row for a part, age band and quarter. */
  List<String> councils(String part, String ageBand, String quarter) {
    return List.copyOf(cells.get(part).get(ageBand).getOrDefault(quarter, Map.of()).keySet());
  }

  /** The cell of a council (or {@code ENGLAND}), or null. */
  @Nullable Cell cell(String part, String ageBand, String quarter, String laCode) {
    return cells.get(part).get(ageBand).getOrDefault(quarter, Map.of()).get(laCode);
  }

  /** The median of the given values ({@code PERCENTILE_CONT(0.5)}: the mean of the two middle ones), one decimal. */
  static @Nullable BigDecimal medianOf(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    return median.setScale(1, RoundingMode.HALF_UP);
  }
}
