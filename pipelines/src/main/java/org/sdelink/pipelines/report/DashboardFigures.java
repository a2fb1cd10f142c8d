package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard's figures as the pipeline summed them: a value per {@link CellKey} per council, and the national
 * figure of every cell (the sum over councils, since every measure adds up across councils).
 */
public final class DashboardFigures {
  private final ImmutableSortedMap<CellKey, Long> cells;
  private final ImmutableSortedMap<CellKey, Long> national;
  private final ImmutableSortedSet<String> councils;

  private DashboardFigures(ImmutableSortedMap<CellKey, Long> cells) {
    this.cells = cells;
    Map<CellKey, Long> sums = new TreeMap<>();
    TreeSet<String> seen = new TreeSet<>();
    cells.forEach((key, value) -> {
      sums.merge(CellKey.of(key.measure(), "", key.slot(), key.category()), value, Long::sum);
      seen.add(key.council());
    });
    this.national = ImmutableSortedMap.copyOf(sums);
    this.councils = ImmutableSortedSet.copyOf(seen);
  }

  /** Figures from the summed cells. */
  public static DashboardFigures of(Map<CellKey, Long> cells) {
    checkNotNull(cells, "cells");
    return new DashboardFigures(ImmutableSortedMap.copyOf(cells));
  }

  /** Figures from the encoded keys the pipeline wrote. */
  public static DashboardFigures fromEncoded(Map<String, Long> encoded) {
    Map<CellKey, Long> cells = new TreeMap<>();
    encoded.forEach((key, value) -> cells.merge(CellKey.decode(key), value, Long::sum));
    return of(cells);
  }

  /** The councils with at least one record, by code. */
  public ImmutableSortedSet<String> councils() {
    return councils;
  }

  /** The value of a cell in {@code council}, or nationally when {@code council} is null; 0 when nothing counted. */
  public long value(Measure measure, String council, String slot, String category) {
    if (council == null) {
      return national.getOrDefault(CellKey.of(measure, "", slot, category), 0L);
    }
    return cells.getOrDefault(CellKey.of(measure, council, slot, category), 0L);
  }

  /** The categories of a measure seen anywhere (any council, any slot), sorted. */
  public ImmutableSortedSet<String> categories(Measure measure) {
    TreeSet<String> categories = new TreeSet<>();
    national.keySet().stream().filter(k -> k.measure() == measure).forEach(k -> categories.add(k.category()));
    return ImmutableSortedSet.copyOf(categories);
  }

  /** Every council cell, in key order. */
  public ImmutableSortedMap<CellKey, Long> cells() {
    return cells;
  }
}
