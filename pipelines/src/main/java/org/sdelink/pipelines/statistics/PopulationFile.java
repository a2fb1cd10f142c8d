package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.metrics.ascof.AscofGroup;
import org.sdelink.metrics.ascof.Population;
import org.sdelink.pipelines.run.UserError;

/**
 * Reads the population denominators of ASCOF 2B and 2C: the operator's mid-year estimates, CSV {@code
 * la_code,age_band,population} ({@code age_band} {@code 18-64} or {@code 65+}, population a positive whole number).
 * sdelink ships none. Any problem stops the run naming the file, line and column (never the value): a guessed
 * denominator would be a made-up rate.
 */
public final class PopulationFile {
  /** The columns, in order. */
  public static final List<String> COLUMNS = List.of("la_code", "age_band", "population");

  private PopulationFile() {}

  /** The estimates in {@code csv}. */
  public static Population read(Path csv) throws IOException {
    checkNotNull(csv, "csv");
    if (!Files.isRegularFile(csv)) {
      throw new UserError("population file " + csv + " does not exist; give a CSV with the columns "
          + String.join(",", COLUMNS) + " (ONS mid-year estimates per council, age bands 18-64 and 65+)");
    }
    Map<List<String>, Long> estimates = new HashMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(reader)) {
      if (!parser.getHeaderNames().equals(COLUMNS)) {
        throw new UserError("population file " + csv + " must have exactly the header " + String.join(",", COLUMNS));
      }
      for (CSVRecord record : parser) {
        String where = "population file " + csv + " line " + (record.getRecordNumber() + 1);
        if (!record.isConsistent()) {
          throw new UserError(where + " does not have 3 fields");
        }
        String la = record.get("la_code").trim();
        String band = record.get("age_band").trim();
        if (la.isEmpty()) {
          throw new UserError(where + " column la_code is empty");
        }
        if (!band.equals(AscofGroup.WORKING_AGE) && !band.equals(AscofGroup.OLDER)) {
          throw new UserError(where + " column age_band is not 18-64 or 65+");
        }
        long population;
        try {
          population = Long.parseLong(record.get("population").trim());
        } catch (NumberFormatException e) {
          throw new UserError(where + " column population is not a whole number");
        }
        if (population <= 0) {
          throw new UserError(where + " column population is not positive");
        }
        if (estimates.put(List.of(la, band), population) != null) {
          throw new UserError(where + " repeats a (la_code, age_band) pair given on an earlier line");
        }
      }
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new UserError("population file " + csv + " is not valid CSV: " + e.getClass().getSimpleName());
    }
    return Population.of(estimates);
  }
}
