package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.ascof.Ascof2D;
import org.sdelink.metrics.ascof.AscofTally;
import org.sdelink.metrics.ascof.CouncilOfResidence;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.UpstreamFolder;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.pseudonymise.KeyConsistency;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.run.UserError;

/**
 * The hospital inputs of ASCOF 2D in the statistics stage ({@code statistics --apc DIR [--spine FILE]
 * [--lsoa-lookup FILE]}): the pseudonymised APC records, the spine of {@code sdelink link} (without it only the
 * NHS-number linkage is computed) and the operator's LSOA to upper-tier council lookup (CSV {@code lsoa_code,la_code};
 * without it {@link CouncilOfResidence#fallback()}). Checks them, reads them into the pipeline, and writes
 * {@code ascof_2d_by_linkage.csv}; {@link #ascofLines} gives {@code ascof.csv} its 2D rows (on the spine).
 */
public final class HospitalInputs {
  public static final List<String> LOOKUP_COLUMNS = List.of("lsoa_code", "la_code");

  private final Path apcRecords;
  private final @Nullable Path spine;
  private final @Nullable Path lsoaLookup;

  private HospitalInputs(Path apcRecords, @Nullable Path spine, @Nullable Path lsoaLookup) {
    this.apcRecords = apcRecords;
    this.spine = spine;
    this.lsoaLookup = lsoaLookup;
  }

  /** The inputs: {@code apcDir} the pseudonymise output for APC; {@code spine} and {@code lsoaLookup} optional. */
  public static HospitalInputs of(Path apcDir, @Nullable Path spine, @Nullable Path lsoaLookup) {
    checkNotNull(apcDir, "apcDir");
    return new HospitalInputs(apcDir.resolve(PseudonymiseStage.RECORDS), spine, lsoaLookup);
  }

  String settings() {
    return "apc=yes;spine=" + (spine == null ? "no" : "yes") + ";lsoa_lookup=" + (lsoaLookup == null ? "no" : "yes");
  }

  List<Path> inputs() {
    List<Path> inputs = new ArrayList<>(List.of(apcRecords));
    if (spine != null) {
      inputs.add(spine);
    }
    if (lsoaLookup != null) {
      inputs.add(lsoaLookup);
    }
    return inputs;
  }

  List<Path> reads() {
    List<Path> reads = new ArrayList<>(List.of(apcRecords.getParent()));
    if (spine != null) {
      reads.add(spine);
    }
    if (lsoaLookup != null) {
      reads.add(lsoaLookup);
    }
    return reads;
  }

  /** Checks the inputs against the CLD records and returns the composite to apply. */
  Ascof2DStatistics verify(Path cldRecords, List<String> cldHeader, FinancialYear year, SubmissionWindow window,
      int buckets) throws IOException {
    UpstreamFolder.verify(apcRecords.getParent(), "pseudonymise", PseudonymiseStage.RECORDS)
        .requireSetting("source", "apc", "the folder written by sdelink pseudonymise --source apc as --apc");
    KeyConsistency.requireSameKey(cldRecords, apcRecords);
    for (String column : List.of("record_id", "nhs_number_token")) {
      if (!cldHeader.contains(column)) {
        throw new UserError("file " + cldRecords + " has no " + column + " column, which ASCOF 2D needs: give the"
            + " folder written by sdelink pseudonymise --source cld");
      }
    }
    List<String> apcHeader = ReadCsvColumns.header(apcRecords);
    for (String column : List.of("record_id", "nhs_number_token", "PROCODE3", "ADMIDATE", "age_at_disdate")) {
      if (!apcHeader.contains(column)) {
        throw new UserError("file " + apcRecords + " has no " + column + " column: give the folder written by"
            + " sdelink pseudonymise --source apc as --apc");
      }
    }
    if (spine != null) {
      Path folder = spine.toAbsolutePath().normalize().getParent();
      if (spine.getFileName().toString().equals(LinkStage.SPINE)
          || Files.exists(folder.resolve(StageDirectory.SUCCESS))) {
        UpstreamFolder.verify(folder, "link", spine.getFileName().toString());
      }
      ReadCsvColumns.checkColumns(spine, LinkStage.SPINE_COLUMNS.subList(0, 3));
    }
    List<String> cldColumns = new ArrayList<>(SaltEvent.presentColumns(cldHeader));
    cldColumns.add(0, "record_id");
    List<String> apcColumns = Ascof2DStatistics.APC_COLUMNS.stream().filter(apcHeader::contains).toList();
    return Ascof2DStatistics.of(cldColumns, apcColumns, spine != null, ReportingPeriod.of(year.start(), year.end()),
        window, residence(), buckets);
  }

  private CouncilOfResidence residence() throws IOException {
    if (lsoaLookup == null) {
      return CouncilOfResidence.fallback();
    }
    Map<String, String> lookup = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(lsoaLookup, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      for (String column : LOOKUP_COLUMNS) {
        if (!parser.getHeaderNames().contains(column)) {
          throw new UserError("LSOA lookup " + lsoaLookup + " has no " + column + " column: give a CSV with header"
              + " lsoa_code,la_code (2011 LSOA to upper-tier council code)");
        }
      }
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        String lsoa = record.get("lsoa_code").trim();
        String council = record.get("la_code").trim();
        if (lsoa.isEmpty() || council.isEmpty()) {
          throw new UserError("LSOA lookup " + lsoaLookup + " line " + line
              + " has a blank lsoa_code or la_code: fill or remove the line");
        }
        String before = lookup.put(lsoa, council);
        if (before != null && !before.equals(council)) {
          throw new UserError("LSOA lookup " + lsoaLookup + " line " + line
              + " gives an LSOA a second council: keep one line per LSOA");
        }
      }
    }
    if (lookup.isEmpty()) {
      throw new UserError("LSOA lookup " + lsoaLookup + " has no rows: give the ONS LSOA to upper-tier council"
          + " lookup, or leave it out to use the fallback (docs/statistics.md)");
    }
    return CouncilOfResidence.fromLookup(lookup);
  }

  /**
   * The composite's inputs: {@code cldRows}, the CLD records already read with {@link Ascof2DStatistics#cldColumns}
   * (the stage reads them once for every statistic), and the APC records and spine, read in {@code pipeline}.
   */
  PCollectionTuple read(Pipeline pipeline, PCollection<List<String>> cldRows, Ascof2DStatistics ascof2d) {
    PCollectionTuple input = PCollectionTuple
        .of(Ascof2DStatistics.CLD, cldRows)
        .and(Ascof2DStatistics.APC, pipeline.apply("ReadApcForAscof2D",
            ReadCsvColumns.of(apcRecords, ascof2d.apcColumns())));
    if (spine != null) {
      input = input.and(Ascof2DStatistics.SPINE_ROWS, pipeline.apply("ReadSpineForAscof2D",
          ReadCsvColumns.of(spine, LinkStage.SPINE_COLUMNS.subList(0, 3))));
    }
    return input;
  }

  /**
   * The 2D rows of {@code ascof.csv} (header {@link AscofTally#HEADER}): the {@code spine} linkage's rows of the
   * summed {@code cells}, formatted; none without the spine (ascof.csv's 2D is the linkage on sdelink's persons).
   */
  static List<String> ascofLines(@Nullable Ascof2DStatistics ascof2d, Map<String, Long> cells,
      Collection<String> councils) {
    if (ascof2d == null || !ascof2d.linkages().contains(Ascof2DStatistics.SPINE)) {
      return List.of();
    }
    return Ascof2DStatistics.rows(cells, councils, ascof2d.linkages()).stream()
        .filter(row -> row.get(0).equals(Ascof2DStatistics.SPINE))
        .map(row -> CsvLines.formatForPeople(row.subList(1, row.size())))
        .toList();
  }

  /**
   * Writes the 2D file into {@code folder} from the summed {@code cells} and returns the report section; without
   * hospital inputs nothing is written and the section says why.
   */
  static ObjectNode writeAscof2D(@Nullable HospitalInputs hospital, @Nullable Ascof2DStatistics ascof2d,
      Map<String, Long> cells, Collection<String> councils, Path folder) throws IOException {
    ObjectNode node = new ObjectMapper().createObjectNode();
    if (hospital == null || ascof2d == null) {
      node.put("computed", false);
      node.put("reason", "no hospital data given: ASCOF 2D needs --apc DIR (and --spine FILE for the linkage on"
          + " sdelink's persons)");
      return node;
    }
    node.put("computed", true);
    node.putPOJO("linkages", ascof2d.linkages());
    node.put("council_of_residence", hospital.lsoaLookup == null
        ? "fallback: RESLADST_ONS when upper-tier, else the linked CLD council, else ENGLAND only (no --lsoa-lookup)"
        : "operator LSOA lookup");
    List<List<String>> rows = Ascof2DStatistics.rows(cells, councils, ascof2d.linkages());
    try (Writer writer = Files.newBufferedWriter(folder.resolve(Ascof2DStatistics.BY_LINKAGE_FILE),
        StandardCharsets.UTF_8)) {
      writer.write(CsvLines.format(Ascof2DStatistics.BY_LINKAGE_HEADER) + "\n");
      for (List<String> row : rows) {
        writer.write(CsvLines.formatForPeople(row) + "\n");
      }
    }
    if (hospital.spine == null) {
      node.put("ascof_csv_rows", "not written: ascof.csv's 2D is the linkage on sdelink's persons, give --spine");
    }
    ObjectNode deviations = node.putObject("deviations");
    for (String name : Ascof2D.DEVIATIONS) {
      ObjectNode byLinkage = deviations.putObject(name.substring("deviation_".length()));
      for (String linkage : ascof2d.linkages()) {
        byLinkage.put(linkage, cells.getOrDefault(String.join(SaltStatistics.SEP, linkage, name,
            SaltStatistics.ENGLAND, "numerator"), 0L));
      }
    }
    return node;
  }
}
