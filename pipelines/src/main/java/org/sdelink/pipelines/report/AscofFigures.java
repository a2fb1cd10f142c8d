package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.ascof.AscofCatalogue;
import org.sdelink.metrics.ascof.AscofMeasure;
import org.sdelink.metrics.ascof.MeasureValue;

/**
 * The ASCOF measures the {@code statistics} stage wrote ({@code ascof.csv}: {@code measure,la_code,group,numerator,
 * denominator,value}, per council and {@code ENGLAND}), for the dashboard's ASCOF page. A council's comparator group
 * figure is computed here from the group's councils' numerators and denominators with the measure's own rule ({@link
 * MeasureValue}: a percentage, or a rate per 100,000 for 2B/2C), never as an average of values. When the file has a
 * {@code linkage} column (ASCOF 2D on the spine and on the NHS number alone), a non-blank linkage other than
 * {@code spine} is shown as its own measure, {@code 2D_part1 [nhs_number]}.
 */
final class AscofFigures {
  static final String FILE = "ascof.csv";
  /** The statistics stage's ASCOF 2D by linkage ({@code linkage,measure,la_code,group,...}). */
  static final String BY_LINKAGE_FILE = "ascof_2d_by_linkage.csv";
  static final List<String> HEADER = List.of("measure", "la_code", "group", "numerator", "denominator", "value");

  /** One cell of the file. */
  record Cell(long numerator, @Nullable Long denominator, @Nullable BigDecimal value) {}

  /** measure -> group -> la_code -> cell, measures and groups in file order. */
  private final Map<String, Map<String, Map<String, Cell>>> cells;

  private AscofFigures(Map<String, Map<String, Map<String, Cell>>> cells) {
    this.cells = cells;
  }

  /**
   * Reads {@code dir/ascof.csv} and {@code dir/ascof_2d_by_linkage.csv} (ASCOF 2D on the spine and on the NHS number
   * alone, with a {@code linkage} column), either of which may be absent; empty when both are. A 2D row that
   * {@code ascof.csv} already holds is taken from there.
   */
  static Optional<AscofFigures> read(Path dir) throws IOException {
    checkNotNull(dir, "dir");
    Map<String, Map<String, Map<String, Cell>>> cells = new LinkedHashMap<>();
    boolean any = false;
    for (String name : List.of(FILE, BY_LINKAGE_FILE)) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      any = true;
      boolean secondary = name.equals(BY_LINKAGE_FILE);
      StatisticsCsv csv = StatisticsCsv.named(name);
      for (StatisticsCsv.Row row : StatisticsCsv.read(file, name, HEADER)) {
        String measure = csv.text(row, "measure");
        String linkage = row.cells().getOrDefault("linkage", "");
        if (!linkage.isEmpty() && !linkage.equalsIgnoreCase("spine")) {
          measure = measure + " [" + linkage + "]";
        }
        Cell cell = new Cell(csv.count(row, "numerator", false), csv.count(row, "denominator", true),
            csv.decimal(row, "value"));
        Map<String, Cell> byCouncil = cells.computeIfAbsent(measure, k -> new LinkedHashMap<>())
            .computeIfAbsent(csv.text(row, "group"), k -> new LinkedHashMap<>());
        String la = csv.text(row, "la_code");
        if (byCouncil.containsKey(la)) {
          if (secondary) {
            continue;
          }
          throw new IllegalArgumentException("statistics file " + name + " line " + row.line()
              + ": a second row for the same measure, council and group");
        }
        byCouncil.put(la, cell);
      }
    }
    return any ? Optional.of(new AscofFigures(cells)) : Optional.empty();
  }

  /** The measures, in file order. */
  List<String> measures() {
    return List.copyOf(cells.keySet());
  }

  /** The groups of a measure ({@code all}, {@code 18-64}, {@code 65+}), in file order. */
  List<String> groups(String measure) {
    return List.copyOf(cells.get(measure).keySet());
  }

  /** The cell of a council (or {@code ENGLAND}), or null when the file has none. */
  @Nullable Cell cell(String measure, String group, String laCode) {
    return cells.get(measure).get(group).get(laCode);
  }

  /** The councils with a row for the measure and group ({@code ENGLAND} left out). */
  Set<String> councils(String measure, String group) {
    Set<String> councils = new LinkedHashSet<>(cells.get(measure).get(group).keySet());
    councils.remove(SaltFigures.ENGLAND);
    return councils;
  }

  /** True when the measure is a rate per 100,000 of the population (2B, 2C) rather than a percentage. */
  static boolean perPopulation(String measure) {
    String name = measure.contains(" [") ? measure.substring(0, measure.indexOf(" [")) : measure;
    return AscofCatalogue.byName(name).map(AscofMeasure::perPopulation)
        .orElse(name.startsWith("2B") || name.startsWith("2C"));
  }

  /**
   * The figure of a group of councils: the summed numerators and denominators, valued by the measure's rule; the
   * denominator (and value) blank when a member council's is.
   */
  static MeasureValue combine(String measure, List<Cell> members) {
    long numerator = 0;
    long denominator = 0;
    boolean known = true;
    for (Cell cell : members) {
      numerator += cell.numerator();
      if (cell.denominator() == null) {
        known = false;
      } else {
        denominator += cell.denominator();
      }
    }
    if (perPopulation(measure)) {
      return MeasureValue.perHundredThousand(numerator, known ? Optional.of(denominator) : Optional.empty());
    }
    return known ? MeasureValue.percentage(numerator, denominator)
        : new MeasureValue(numerator, null, null, "a council of the group has no denominator");
  }

  /** The cells of the councils of {@code group name} for a measure and age group. */
  List<Cell> members(String measure, String ageGroup, List<String> councils) {
    List<Cell> members = new ArrayList<>();
    for (String council : councils) {
      Cell cell = cell(measure, ageGroup, council);
      if (cell != null) {
        members.add(cell);
      }
    }
    return members;
  }
}
