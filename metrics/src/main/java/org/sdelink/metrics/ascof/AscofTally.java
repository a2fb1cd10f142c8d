package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cells of {@code ascof.csv} from summed contributions: per measure, every council given and {@code ENGLAND}
 * (the sum of the councils), every group of the measure, with zero counts where nobody contributed (as the code's
 * cross join with its council list), and the value ({@link MeasureValue}). Rows are in catalogue order, then council
 * ({@code ENGLAND} last), then group order. A plain-Java reference for the Beam stage that will do the same sums.
 */
public final class AscofTally {
  public static final String ENGLAND = "ENGLAND";
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("measure", "la_code", "group", "numerator", "denominator", "value");

  /** One row of {@code ascof.csv}. */
  public record Row(String measure, String laCode, String group, MeasureValue value) {
    /** The CSV fields in {@link #HEADER} order. */
    public List<String> fields() {
      return List.of(measure, laCode, group, Long.toString(value.numerator()), value.denominatorText(),
          value.valueText());
    }
  }

  private AscofTally() {}

  /** The rows for {@code measures} over {@code councils}, from {@code contributions} (summed here). */
  public static ImmutableList<Row> rows(List<AscofMeasure> measures, Collection<String> councils,
      Collection<Contribution> contributions, Population population) {
    checkNotNull(measures, "measures");
    checkNotNull(population, "population");
    TreeSet<String> las = new TreeSet<>(councils);
    checkArgument(!las.contains(ENGLAND), "ENGLAND is not a council");
    Map<List<String>, long[]> sums = new HashMap<>();
    for (Contribution c : contributions) {
      checkArgument(las.contains(c.laCode()), "a contribution names a council outside the list");
      for (String la : List.of(c.laCode(), ENGLAND)) {
        long[] sum = sums.computeIfAbsent(List.of(c.measure(), la, c.group()), k -> new long[2]);
        sum[0] += c.numerator();
        sum[1] += c.denominator();
      }
    }
    List<String> order = new ArrayList<>(las);
    order.add(ENGLAND);
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    for (AscofMeasure measure : measures) {
      for (String la : order) {
        for (String group : measure.groups()) {
          long[] sum = sums.getOrDefault(List.of(measure.name(), la, group), new long[2]);
          MeasureValue value = measure.perPopulation()
              ? MeasureValue.perHundredThousand(sum[0],
                  la.equals(ENGLAND) ? population.sum(las, group) : population.of(la, group))
              : MeasureValue.percentage(sum[0], sum[1]);
          rows.add(new Row(measure.name(), la, group, value));
        }
      }
    }
    return rows.build();
  }
}
