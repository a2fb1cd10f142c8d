package org.sdelink.pipelines.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.policies.disclosure.AcroCellFlags;
import org.sdelink.policies.disclosure.AcroCheck;
import org.sdelink.policies.disclosure.AcroOutput;
import org.sdelink.policies.disclosure.MagnitudeCell;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.MagnitudeTableCheck;

/**
 * The released magnitude table: planned weekly spend by council and service type, built from the per-person cost rows
 * of the metrics stage. Every cell is checked with the ACRO rules (minimum threshold, p % dominance, n-k dominance);
 * a cell that fails any of them is suppressed (people and cost blank) and its outcome says why. In the ACRO record
 * each failed check is reported at the cell's {@code weekly_cost} in the file, where the SACRO viewer highlights it.
 */
final class CostTable {
  static final List<String> COLUMNS = List.of("la_code", "service_type", "people", "weekly_cost", "sdc_outcome");

  private CostTable() {}

  /** Writes {@code costs.csv} and returns the ACRO record of its checks. */
  static AcroOutput write(Path serviceCosts, MagnitudeRules rules, Path target, String command) throws IOException {
    Map<String, Map<String, List<BigDecimal>>> cells = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(serviceCosts, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord row : parser) {
        cells.computeIfAbsent(row.get("la_code"), k -> new TreeMap<>())
            .computeIfAbsent(row.get("service_type"), k -> new ArrayList<>())
            .add(amount(row.get("weekly_cost")));
      }
    }
    List<MagnitudeCell> magnitudes = new ArrayList<>();
    cells.forEach((la, byType) -> byType.forEach((type, contributions) -> magnitudes.add(MagnitudeCell.of(la, type,
        contributions.stream().mapToDouble(c -> c == null ? Double.NaN : c.doubleValue()).toArray()))));
    AcroCellFlags flags = MagnitudeTableCheck.checkTable(magnitudes, rules);
    AcroCellFlags.Builder fileFlags = AcroCellFlags.forCsv(magnitudes.size(), COLUMNS);
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      out.write(CsvLines.formatForPeople(COLUMNS) + "\n");
      for (int line = 0; line < magnitudes.size(); line++) {
        MagnitudeCell cell = magnitudes.get(line);
        int row = flags.rowLabels().indexOf(cell.row());
        int column = flags.columnLabels().indexOf(cell.column());
        boolean ok = flags.checks(row, column).isEmpty();
        for (AcroCheck check : flags.checks(row, column)) {
          fileFlags.flag(line, "weekly_cost", check);
        }
        List<BigDecimal> contributions = cells.get(cell.row()).get(cell.column());
        // Checked again here (fail closed): a cell released as ok has a finite total within the bounds.
        BigDecimal total = ok ? total(contributions) : null;
        if (ok && total == null) {
          throw new IllegalStateException("release stopped: cost cell " + (line + 1) + " of costs.csv passed the "
              + "magnitude checks with a value that is not finite or out of bounds (an internal check that should "
              + "never fail): nothing was published; report this as a bug");
        }
        out.write(CsvLines.formatForPeople(cell.row(), cell.column(),
            ok ? Integer.toString(contributions.size()) : "", ok ? total.toPlainString() : "",
            ok ? "ok" : flags.outcomeText(row, column).trim()) + "\n");
      }
    }
    return AcroOutput.table("costs", "pivot_table", target.getFileName().toString(), command, fileFlags.build(),
        true);
  }

  /** A weekly cost as a number; a value that is not one (blank, NaN, text) becomes null (a missing contribution). */
  private static BigDecimal amount(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The exact total of a cell, or null when a contribution is missing or out of bounds or the total not finite. */
  private static BigDecimal total(List<BigDecimal> contributions) {
    BigDecimal max = BigDecimal.valueOf(MagnitudeTableCheck.MAX_CONTRIBUTION);
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal c : contributions) {
      if (c == null || c.abs().compareTo(max) > 0) {
        return null;
      }
      total = total.add(c);
    }
    return Double.isFinite(total.doubleValue()) ? total : null;
  }
}
