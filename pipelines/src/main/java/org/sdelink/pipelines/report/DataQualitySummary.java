package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.pipelines.io.CsvLines;

/**
 * Completeness and validity of each {@link DataQualityField}, per council and nationally (all councils' records
 * pooled), from published counts: a share is filled (or valid) records over the records the field applies to, and
 * is left out when a count behind it is suppressed. A council meets the threshold for a field when its share is at
 * least the threshold (e.g. 95 %).
 */
public final class DataQualitySummary {
  /** Completeness or validity. */
  public enum Aspect {
    COMPLETE,
    VALID
  }

  /** One field in one council (or nationally): published counts and whether validity was checked. */
  public record Row(DataQualityField field, Long applicable, Long filled, Long valid, boolean validityChecked) {
    /** Filled over applicable, or null when not computable (nothing applicable, or a count suppressed). */
    public Double completeShare() {
      return share(filled);
    }

    /** Valid over applicable, or null when not computable or not checked. */
    public Double validShare() {
      return validityChecked ? share(valid) : null;
    }

    public Double share(Aspect aspect) {
      return aspect == Aspect.COMPLETE ? completeShare() : validShare();
    }

    /**
     * The share as text: a percentage with one decimal, {@code not checked}, {@code *} when a count behind it is
     * suppressed, or blank when the field applies to no record.
     */
    public String shareText(Aspect aspect) {
      if (aspect == Aspect.VALID && !validityChecked) {
        return NOT_CHECKED;
      }
      Long part = aspect == Aspect.COMPLETE ? filled : valid;
      if (applicable == null || part == null) {
        return "*";
      }
      return applicable == 0 ? "" : percent(share(aspect));
    }

    private Double share(Long part) {
      if (applicable == null || part == null || applicable == 0) {
        return null;
      }
      return Math.min(1.0, (double) part / applicable);
    }
  }

  /** What a page and CSV say for a validity that was not checked. */
  public static final String NOT_CHECKED = "not checked";

  private final double threshold;
  private final ImmutableList<String> councils;
  private final Map<DataQualityField, Row> national;
  private final Map<String, Map<DataQualityField, Row>> byCouncil;

  private DataQualitySummary(double threshold, ImmutableList<String> councils, Map<DataQualityField, Row> national,
      Map<String, Map<DataQualityField, Row>> byCouncil) {
    this.threshold = threshold;
    this.councils = councils;
    this.national = national;
    this.byCouncil = byCouncil;
  }

  /** The summary of {@code figures}, published under {@code disclosure}, against {@code threshold} (0-1]. */
  public static DataQualitySummary of(DashboardFigures figures, DataQualityRules rules, Disclosure disclosure,
      double threshold) {
    checkNotNull(figures, "figures");
    checkArgument(threshold > 0 && threshold <= 1, "the threshold is a share between 0 and 1, got %s", threshold);
    Map<String, Map<DataQualityField, Row>> byCouncil = new TreeMap<>();
    for (String council : figures.councils()) {
      byCouncil.put(council, rows(figures, council, rules, disclosure));
    }
    return new DataQualitySummary(threshold, ImmutableList.copyOf(figures.councils()),
        rows(figures, null, rules, disclosure), byCouncil);
  }

  private static Map<DataQualityField, Row> rows(DashboardFigures figures, String council, DataQualityRules rules,
      Disclosure disclosure) {
    Map<DataQualityField, Row> rows = new EnumMap<>(DataQualityField.class);
    for (DataQualityField field : DataQualityField.values()) {
      boolean checked = rules.checksValidity(field);
      long applicable = figures.value(Measure.DQ_APPLICABLE, council, CellKey.PERIOD, field.field());
      long filled = figures.value(Measure.DQ_FILLED, council, CellKey.PERIOD, field.field());
      long valid = figures.value(Measure.DQ_VALID, council, CellKey.PERIOD, field.field());
      rows.put(field, new Row(field, disclosure.publishCount(applicable), disclosure.publishCount(filled),
          checked ? disclosure.publishCount(valid) : null, checked));
    }
    return rows;
  }

  public double threshold() {
    return threshold;
  }

  public ImmutableList<String> councils() {
    return councils;
  }

  /** The row of a field in {@code council}, or nationally when {@code council} is null. */
  public Row row(String council, DataQualityField field) {
    return (council == null ? national : byCouncil.get(council)).get(field);
  }

  /** Councils whose share of {@code aspect} for {@code field} can be computed. */
  public int councilsAssessed(DataQualityField field, Aspect aspect) {
    return (int) councils.stream().filter(c -> row(c, field).share(aspect) != null).count();
  }

  /** Councils whose share of {@code aspect} for {@code field} is at least the threshold. */
  public int councilsMeeting(DataQualityField field, Aspect aspect) {
    return (int) councils.stream().filter(c -> meets(row(c, field).share(aspect))).count();
  }

  /** Whether a share meets the threshold (a share rounded to 0.1 % is compared as computed, not as shown). */
  public boolean meets(Double share) {
    return share != null && share >= threshold;
  }

  /** The per-field CSV of one council (with the national shares beside) or, for null, of the nation. */
  public String csv(String council) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("field", "applies_to", "records", "filled", "complete_pct"));
    if (council != null) {
      header.add("national_complete_pct");
    }
    header.addAll(List.of("valid", "valid_pct"));
    if (council != null) {
      header.add("national_valid_pct");
    } else {
      header.addAll(List.of("councils_assessed", "councils_complete_at_threshold", "councils_valid_at_threshold"));
    }
    csv.append(CsvLines.format(header)).append('\n');
    for (DataQualityField field : DataQualityField.values()) {
      Row row = row(council, field);
      Row nation = row(null, field);
      List<String> line = new ArrayList<>(List.of(field.field(), field.scope().description(), count(row.applicable()),
          count(row.filled()), row.shareText(Aspect.COMPLETE)));
      if (council != null) {
        line.add(nation.shareText(Aspect.COMPLETE));
      }
      line.add(row.validityChecked() ? count(row.valid()) : NOT_CHECKED);
      line.add(row.shareText(Aspect.VALID));
      if (council != null) {
        line.add(nation.shareText(Aspect.VALID));
      } else {
        line.add(Integer.toString(councilsAssessed(field, Aspect.COMPLETE)));
        line.add(Integer.toString(councilsMeeting(field, Aspect.COMPLETE)));
        line.add(row.validityChecked() ? Integer.toString(councilsMeeting(field, Aspect.VALID)) : NOT_CHECKED);
      }
      csv.append(CsvLines.format(line)).append('\n');
    }
    return csv.toString();
  }

  /** One line per council, one column per field: the share of {@code aspect}, in percent. */
  public String councilsCsv(Aspect aspect) {
    return councilsCsv(aspect, CouncilLookups.defaults());
  }

  /**
   * {@link #councilsCsv(Aspect)} with a {@code council_name} column after the code when the operator gave a names
   * file (blank for a council the file does not name); the code stays the key.
   */
  public String councilsCsv(Aspect aspect, CouncilLookups lookups) {
    StringBuilder csv = new StringBuilder();
    boolean named = lookups.namesGiven();
    List<String> header = new ArrayList<>(List.of("council"));
    if (named) {
      header.add("council_name");
    }
    for (DataQualityField field : DataQualityField.values()) {
      header.add(field.field());
    }
    csv.append(CsvLines.format(header)).append('\n');
    List<String> names = new ArrayList<>(councils);
    for (String council : names) {
      List<String> line = new ArrayList<>(List.of(council));
      if (named) {
        line.add(lookups.hasName(council) ? lookups.name(council) : "");
      }
      for (DataQualityField field : DataQualityField.values()) {
        Row row = row(council, field);
        line.add(row.shareText(aspect));
      }
      csv.append(CsvLines.format(line)).append('\n');
    }
    return csv.toString();
  }

  /** A share as a percentage with one decimal, blank when there is none. */
  static String percent(Double share) {
    return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
  }

  private static String count(Long value) {
    return value == null ? "*" : Long.toString(value);
  }
}
