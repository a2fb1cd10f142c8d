package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.sdelink.pipelines.report.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.policies.disclosure.SmallNumberRule;
import org.sdelink.metrics.ascof.MeasureValue;
import org.sdelink.pipelines.report.Charts.ChartData;
import org.sdelink.pipelines.report.Charts.Spec;
import org.sdelink.pipelines.report.Charts.Style;

/**
 * The benchmarking pages of an area: ASCOF (each measure by age group) and waiting times (each wait and age band by
 * quarter), each council beside its comparator group ({@link CouncilLookups#group}: the councils of its type, or the
 * operator's comparator file) and England; the all-councils area shows England beside every group. One chart and one
 * CSV per measure (per wait and age band).
 *
 * <p>In the councils' view ({@code --for-councils}) the small-number rule applies as on the SALT pages, cell by cell:
 * numerators, denominators and request counts of 1-7 are suppressed ({@code *}) and others rounded to the nearest 5;
 * a value (percentage, rate, median) is shown only when its numerator and denominator (its requests) are not
 * suppressed, and is computed from the exact figures. A group's median wait is the median of its councils' medians,
 * of those councils whose own median is shown.
 */
final class BenchmarkPages {
  static final String ENGLAND = SaltFigures.ENGLAND;

  /** One section of a page: its HTML and the CSV written beside the page. */
  record Part(String html, String csvName, String csv) {}

  private final @Nullable AscofFigures ascof;
  private final @Nullable WaitingFigures waiting;
  private final CouncilLookups lookups;
  private final Disclosure disclosure;

  BenchmarkPages(@Nullable AscofFigures ascof, @Nullable WaitingFigures waiting, CouncilLookups lookups,
      Disclosure disclosure) {
    this.ascof = ascof;
    this.waiting = waiting;
    this.lookups = checkNotNull(lookups, "lookups");
    this.disclosure = checkNotNull(disclosure, "disclosure");
  }

  boolean hasAscof() {
    return ascof != null;
  }

  boolean hasWaiting() {
    return waiting != null;
  }

  /** A council as shown: its name and code when a names file gave the name, else its code. */
  String label(String laCode) {
    return lookups.label(laCode);
  }

  private String groupLabel(String group) {
    return "Comparator group: " + group;
  }

  /** The series of an area: the council, its group and England; or every group and England. */
  private List<Series> series(@Nullable String council, List<String> councilsInFile) {
    List<Series> series = new ArrayList<>();
    if (council != null) {
      String group = lookups.group(council);
      series.add(new Series(label(council), List.of(council), false));
      series.add(new Series(groupLabel(group), councilsInFile.stream().filter(c -> lookups.group(c).equals(group))
          .toList(), true));
    } else {
      for (String group : new TreeSet<>(councilsInFile.stream().map(lookups::group).toList())) {
        series.add(new Series(groupLabel(group), councilsInFile.stream()
            .filter(c -> lookups.group(c).equals(group)).toList(), true));
      }
    }
    series.add(new Series("England", List.of(ENGLAND), false));
    return series;
  }

  /** A column of a chart: its label, the councils it sums (or England's row) and whether it is a group. */
  private record Series(String label, List<String> councils, boolean group) {}

  /** The ASCOF page's sections for an area ({@code council} null: all councils). */
  List<Part> ascof(@Nullable String council) {
    List<Part> parts = new ArrayList<>();
    for (String measure : ascof.measures()) {
      List<String> ageGroups = ascof.groups(measure);
      TreeSet<String> inFile = new TreeSet<>();
      ageGroups.forEach(g -> inFile.addAll(ascof.councils(measure, g)));
      List<Series> series = series(council, List.copyOf(inFile));
      boolean rate = AscofFigures.perPopulation(measure);
      Double[][] chart = new Double[ageGroups.size()][series.size()];
      List<List<String>> csv = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("group"));
      for (Series s : series) {
        header.add(s.label() + " value");
        header.add(s.label() + " numerator");
        header.add(s.label() + " denominator");
      }
      csv.add(header);
      int suppressed = 0;
      for (int g = 0; g < ageGroups.size(); g++) {
        List<String> line = new ArrayList<>(List.of(ageGroups.get(g)));
        for (int s = 0; s < series.size(); s++) {
          MeasureValue value = figure(measure, ageGroups.get(g), series.get(s));
          String[] texts = publish(value);
          suppressed += texts[0].equals(SmallNumberRule.SUPPRESSED) ? 1 : 0;
          line.add(texts[0]);
          line.add(texts[1]);
          line.add(texts[2]);
          chart[g][s] = texts[0].isEmpty() || texts[0].equals(SmallNumberRule.SUPPRESSED) ? null
              : Double.valueOf(texts[0]);
        }
        csv.add(line);
      }
      String title = "ASCOF " + measure + (rate ? ": per 100,000 population" : ": percentage");
      Spec spec = Spec.of(Style.BARS, title, "age group", rate ? "per 100,000" : "%");
      parts.add(part("ascof-" + fileStem(measure), spec, new ChartData(ageGroups,
          series.stream().map(Series::label).toList(), chart), csv, suppressed,
          "ASCOF measure " + measure + " from the statistics stage's ascof.csv (docs/statistics.md): the value is "
              + (rate ? "the numerator per 100,000 of the denominator (the population)"
              : "the numerator as a percentage of the denominator")
              + ". A comparator group's value is computed from its councils' summed numerators and denominators."));
    }
    return parts;
  }

  private MeasureValue figure(String measure, String ageGroup, Series series) {
    if (!series.group()) {
      AscofFigures.Cell cell = ascof.cell(measure, ageGroup, series.councils().get(0));
      if (cell == null) {
        return null;
      }
      return cell.value() == null ? new MeasureValue(cell.numerator(), cell.denominator(), null, "blank in the file")
          : new MeasureValue(cell.numerator(), cell.denominator(), cell.value(), "");
    }
    List<AscofFigures.Cell> members = ascof.members(measure, ageGroup, series.councils());
    return members.isEmpty() ? null : AscofFigures.combine(measure, members);
  }

  /** Value, numerator and denominator texts: exact, rounded, suppressed ({@code *}) or blank. */
  private String[] publish(@Nullable MeasureValue value) {
    if (value == null) {
      return new String[] {"", "", ""};
    }
    Long numerator = disclosure.publishCount(value.numerator());
    Long denominator = value.denominator() == null ? null : disclosure.publishCount(value.denominator());
    boolean hidden = numerator == null || (value.denominator() != null && denominator == null);
    String valueText = hidden ? SmallNumberRule.SUPPRESSED : value.valueText();
    return new String[] {valueText, numerator == null ? SmallNumberRule.SUPPRESSED : numerator.toString(),
        value.denominator() == null ? "" : denominator == null ? SmallNumberRule.SUPPRESSED : denominator.toString()};
  }

  /** The waiting-times page's sections for an area. */
  List<Part> waiting(@Nullable String council) {
    List<Part> parts = new ArrayList<>();
    for (String part : waiting.parts()) {
      for (String band : waiting.ageBands(part)) {
        List<String> quarters = waiting.quarters(part, band);
        TreeSet<String> inFile = new TreeSet<>();
        for (String quarter : quarters) {
          for (String la : councilsOf(part, band, quarter)) {
            inFile.add(la);
          }
        }
        List<Series> series = series(council, List.copyOf(inFile));
        Double[][] chart = new Double[quarters.size()][series.size()];
        List<List<String>> csv = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("quarter"));
        for (Series s : series) {
          header.add(s.label() + " median days");
          header.add(s.label() + " requests");
        }
        csv.add(header);
        int suppressed = 0;
        for (int q = 0; q < quarters.size(); q++) {
          List<String> line = new ArrayList<>(List.of(quarters.get(q)));
          for (int s = 0; s < series.size(); s++) {
            String[] texts = waitingTexts(part, band, quarters.get(q), series.get(s));
            suppressed += texts[0].equals(SmallNumberRule.SUPPRESSED) ? 1 : 0;
            line.add(texts[0]);
            line.add(texts[1]);
            chart[q][s] = texts[0].isEmpty() || texts[0].equals(SmallNumberRule.SUPPRESSED) ? null
                : Double.valueOf(texts[0]);
          }
          csv.add(line);
        }
        String wait = part.equals("first_response") ? "first response" : part.equals("first_service")
            ? "first service" : part.replace('_', ' ');
        String title = "Median days from request to " + wait + ", age " + band;
        parts.add(part("waiting-" + fileStem(part) + "-" + fileStem(band), Spec.of(Style.LINES, title,
            "quarter the wait is reported in", "median days"), new ChartData(quarters,
            series.stream().map(Series::label).toList(), chart), csv, suppressed,
            "Median waiting time in days (DHSC's waiting-times method, waiting_times.csv of the statistics stage),"
                + " by the quarter the wait is reported in. A comparator group's figure is the median of its"
                + " councils' medians (no pooled median can be made from the file), beside its summed requests."));
      }
    }
    return parts;
  }

  private List<String> councilsOf(String part, String band, String quarter) {
    List<String> councils = new ArrayList<>();
    // Every council row of the quarter (ENGLAND left out).
    for (String la : waitingCouncils(part, band, quarter)) {
      if (!la.equals(ENGLAND)) {
        councils.add(la);
      }
    }
    return councils;
  }

  private List<String> waitingCouncils(String part, String band, String quarter) {
    return waiting.councils(part, band, quarter);
  }

  /** Median and requests texts of one series in a quarter. */
  private String[] waitingTexts(String part, String band, String quarter, Series series) {
    if (!series.group()) {
      WaitingFigures.Cell cell = waiting.cell(part, band, quarter, series.councils().get(0));
      if (cell == null) {
        return new String[] {"", ""};
      }
      Long requests = disclosure.publishCount(cell.requests());
      String median = requests == null ? SmallNumberRule.SUPPRESSED
          : cell.medianDays() == null ? "" : cell.medianDays().toPlainString();
      return new String[] {median, requests == null ? SmallNumberRule.SUPPRESSED : requests.toString()};
    }
    long requests = 0;
    List<BigDecimal> medians = new ArrayList<>();
    boolean any = false;
    for (String la : series.councils()) {
      WaitingFigures.Cell cell = waiting.cell(part, band, quarter, la);
      if (cell == null) {
        continue;
      }
      any = true;
      requests += cell.requests();
      if (cell.medianDays() != null && disclosure.publishCount(cell.requests()) != null) {
        medians.add(cell.medianDays());
      }
    }
    if (!any) {
      return new String[] {"", ""};
    }
    Long published = disclosure.publishCount(requests);
    BigDecimal median = WaitingFigures.medianOf(medians);
    return new String[] {published == null ? SmallNumberRule.SUPPRESSED : median == null ? ""
        : median.toPlainString(), published == null ? SmallNumberRule.SUPPRESSED : published.toString()};
  }

  private static String fileStem(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private Part part(String stem, Spec spec, ChartData data, List<List<String>> csv, int suppressed,
      String explanation) {
    String file = stem + ".csv";
    StringBuilder text = new StringBuilder();
    csv.forEach(line -> text.append(CsvLines.format(line)).append('\n'));
    boolean empty = true;
    for (Double[] row : data.values()) {
      for (Double v : row) {
        empty &= v == null;
      }
    }
    StringBuilder html = new StringBuilder("<section><h2>").append(esc(spec.title()))
        .append("</h2><p class=\"lead\">").append(esc(explanation)).append("</p>\n");
    html.append(empty ? "<p class=\"note\">Nothing to show: no values for this area.</p>\n"
        : Html.image(Charts.png(spec, data), spec.title()));
    if (disclosure.protects() && suppressed > 0) {
      html.append("<p class=\"note\">").append(suppressed).append(" figure(s) suppressed (*) under the small-number"
          + " rule; the chart leaves them out.</p>\n");
    }
    html.append("<a class=\"csv\" href=\"").append(esc(file)).append("\" download>Download the data (")
        .append(esc(file)).append(")</a>\n<details><summary>Show the figures as a table</summary>")
        .append(table(csv)).append("</details></section>\n");
    return new Part(html.toString(), file, text.toString());
  }

  private static String table(List<List<String>> csv) {
    StringBuilder html = new StringBuilder("<div class=\"scroll\"><table><tr>");
    csv.get(0).forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>");
    for (List<String> line : csv.subList(1, csv.size())) {
      html.append("<tr><td>").append(esc(line.get(0))).append("</td>");
      for (String cell : line.subList(1, line.size())) {
        html.append("<td class=\"n\">").append(esc(cell)).append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</table></div>\n").toString();
  }

  /** The sources, for the methodology page. */
  Map<String, String> sources() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("ASCOF measures", ascof == null ? "not shown (the statistics output has no ascof.csv)"
        : AscofFigures.FILE + " / " + AscofFigures.BY_LINKAGE_FILE + ": " + String.join(", ", ascof.measures()));
    sources.put("waiting times", waiting == null ? "not shown (the statistics output has no waiting_times.csv)"
        : WaitingFigures.FILE);
    sources.put("comparator groups", lookups.operatorGroups() ? "the operator's comparator file (councils it"
        + " leaves out: their council type)" : "councils of the same type (GSS code: E06 unitary, E08 metropolitan,"
        + " E09 London borough, E10 county)");
    return sources;
  }
}
