package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.sdelink.metrics.ascof.Ascof2D;
import org.sdelink.metrics.ascof.Contribution;
import org.sdelink.metrics.ascof.CouncilOfResidence;
import org.sdelink.metrics.ascof.HospitalDischarge;
import org.sdelink.metrics.ascof.MeasureValue;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.DhscMainTable;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.sdelink.pipelines.io.TaggedRows;

/**
 * ASCOF 2D as a composite, computed twice side by side: linked through sdelink's spine ({@link #SPINE}: the
 * {@code person_id} of {@code sdelink link}) and through the pseudonymised NHS number alone ({@link #NHS_NUMBER}, as
 * DHSC's code joins CLD to SUS). In: the CLD rows ({@link #CLD}), the APC rows ({@link #APC}) and, for the spine
 * linkage, the spine rows ({@link #SPINE_ROWS}: source, record_id, person_id). Out: summed cells
 * {@code linkage NUL measure NUL la_code NUL numerator|denominator}, per council and for {@code ENGLAND}.
 * <ol>
 *   <li>Spine: records are joined to their person a bucket of record ids at a time; an APC record outside the spine
 *       is its own person (its discharge still counts in part 2's denominator); CLD rows outside the spine link to
 *       nothing and are left out.</li>
 *   <li>NHS number: CLD and APC rows are keyed by their NHS number token; rows without one are left out (the code
 *       drops SUS rows without one, and a CLD person without one cannot join SUS).</li>
 *   <li>Each linked person's rows are gathered (a bucket of persons at a time), the CLD rows of each council and
 *       council-local token read as DHSC's joined main table holds them ({@link DhscMainTable}: chosen files, events
 *       in period, closed services, unique events), and evaluated by {@link Ascof2D}; the contributions are
 *       summed.</li>
 * </ol>
 */
public final class Ascof2DStatistics extends PTransform<PCollectionTuple, PCollection<KV<String, Long>>> {
  public static final String SPINE = "spine";
  public static final String NHS_NUMBER = "nhs_number";
  public static final TupleTag<List<String>> CLD = new TupleTag<>("cld") {};
  public static final TupleTag<List<String>> APC = new TupleTag<>("apc") {};
  public static final TupleTag<List<String>> SPINE_ROWS = new TupleTag<>("spine") {};
  public static final String BY_LINKAGE_FILE = "ascof_2d_by_linkage.csv";
  public static final ImmutableList<String> BY_LINKAGE_HEADER =
      ImmutableList.of("linkage", "measure", "la_code", "group", "numerator", "denominator", "value");
  /** The columns of the CLD and APC records files the composite reads (those present). */
  public static final ImmutableList<String> APC_COLUMNS = ImmutableList.of("record_id", "source_file", "source_line",
      "PROCODE3", "SEX", "RESLADST_ONS", "LSOA11", "ADMIDATE", "ADMIMETH", "EPISTART", "EPIEND", "EPIORDER",
      "SPELEND", "DISDATE", "DISMETH", "DISDEST", "TRETSPEF", "age_at_disdate", "nhs_number_token");
  private static final String SEP = SaltStatistics.SEP;
  private static final String SPINE_TAG = "spine";
  private static final String CLD_TAG = "cld";
  private static final String APC_TAG = "apc";

  private final ImmutableList<String> cldColumns;
  private final ImmutableList<String> apcColumns;
  private final boolean withSpine;
  private final ReportingPeriod period;
  private final SubmissionWindow window;
  private final CouncilOfResidence residence;
  private final int buckets;
  private final JoinedSubmissions joined;

  private Ascof2DStatistics(List<String> cldColumns, List<String> apcColumns, boolean withSpine,
      ReportingPeriod period, SubmissionWindow window, CouncilOfResidence residence, int buckets,
      JoinedSubmissions joined) {
    this.cldColumns = ImmutableList.copyOf(cldColumns);
    this.apcColumns = ImmutableList.copyOf(apcColumns);
    this.withSpine = withSpine;
    this.period = period;
    this.window = window;
    this.residence = residence;
    this.buckets = buckets;
    this.joined = joined;
  }

  /**
   * The same composite reading the CLD rows of DHSC's joined-submissions selection ({@link DhscMainTable}); without it
   * no CLD file is chosen (every part 1 count is zero).
   */
  public Ascof2DStatistics withJoined(JoinedSubmissions joinedSubmissions) {
    return new Ascof2DStatistics(cldColumns, apcColumns, withSpine, period, window, residence, buckets,
        checkNotNull(joinedSubmissions, "joinedSubmissions"));
  }

  /**
   * The composite over CLD rows of {@code cldColumns} (with {@code record_id}, {@code LA_Code},
   * {@code la_person_token}, {@code nhs_number_token}) and APC rows of {@code apcColumns}; with {@code withSpine} the
   * input also holds {@link #SPINE_ROWS}.
   */
  public static Ascof2DStatistics of(List<String> cldColumns, List<String> apcColumns, boolean withSpine,
      ReportingPeriod period, SubmissionWindow window, CouncilOfResidence residence, int buckets) {
    for (String column : List.of("record_id", "LA_Code", "la_person_token", "nhs_number_token")) {
      checkArgument(cldColumns.contains(column), "the CLD rows need column %s", column);
    }
    for (String column : List.of("record_id", "nhs_number_token", "ADMIDATE", "PROCODE3", "age_at_disdate")) {
      checkArgument(apcColumns.contains(column), "the APC rows need column %s", column);
    }
    return new Ascof2DStatistics(cldColumns, apcColumns, withSpine, checkNotNull(period), checkNotNull(window),
        checkNotNull(residence), buckets, JoinedSubmissions.of(List.of(), window));
  }

  public ImmutableList<String> cldColumns() {
    return cldColumns;
  }

  public ImmutableList<String> apcColumns() {
    return apcColumns;
  }

  /** The linkages computed, in output order. */
  public List<String> linkages() {
    return withSpine ? List.of(SPINE, NHS_NUMBER) : List.of(NHS_NUMBER);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollectionTuple input) {
    Map<String, List<String>> layouts = Map.of(SPINE_TAG, List.of("person_id"), CLD_TAG, cldColumns, APC_TAG,
        apcColumns);
    Coder<KV<String, KV<String, Map<String, String>>>> coder = TaggedRows.coder(layouts);
    PCollection<List<String>> cld = input.get(CLD);
    PCollection<List<String>> apc = input.get(APC);
    PCollectionList<KV<String, KV<String, Map<String, String>>>> linked = PCollectionList.of(
        cld.apply("KeyCldByNhsNumber", TaggedRows.of(CLD_TAG, cldColumns, NHS_NUMBER + SEP, "nhs_number_token")
            .encodedFor(layouts)))
        .and(apc.apply("KeyApcByNhsNumber", TaggedRows.of(APC_TAG, apcColumns, NHS_NUMBER + SEP, "nhs_number_token")
            .encodedFor(layouts)));
    if (withSpine) {
      PCollection<KV<String, KV<String, Map<String, String>>>> spine = input.get(SPINE_ROWS)
          .apply("KeySpine", MapElements.into(TaggedRows.type())
              .via((List<String> v) -> KV.of(v.get(0) + ":" + v.get(1), KV.of(SPINE_TAG, Map.of("person_id",
                  v.get(2))))))
          .setCoder(coder);
      PCollection<KV<String, KV<String, Map<String, String>>>> bySpine = PCollectionList.of(spine)
          .and(cld.apply("KeyCldByRecord", TaggedRows.of(CLD_TAG, cldColumns, "cld:", "record_id")
              .encodedFor(layouts)))
          .and(apc.apply("KeyApcByRecord", TaggedRows.of(APC_TAG, apcColumns, "apc:", "record_id")
              .encodedFor(layouts)))
          .apply("AllRecords", Flatten.pCollections())
          .apply("GroupByRecord", GroupIntoBuckets.of(buckets))
          .apply("JoinRecordsToSpinePersons", ParDo.of(new JoinToSpineFn()))
          .setCoder(coder);
      linked = linked.and(bySpine);
    }
    return linked
        .apply("AllLinkedRows", Flatten.pCollections())
        .setCoder(coder)
        .apply("DropRowsWithoutLink", Filter.by(kv -> !kv.getKey().endsWith(SEP)))
        .apply("GroupByLinkedPerson", GroupIntoBuckets.of(buckets))
        .apply("EvaluateLinkedPersons", ParDo.of(new EvaluateFn(period, joined, residence)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumCells", SumInBuckets.of(buckets));
  }

  /** Joins a bucket of records to the spine: each goes on under {@code spine NUL person_id}. */
  static final class JoinToSpineFn extends DoFn<KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>>,
      KV<String, KV<String, Map<String, String>>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>> bucket,
        OutputReceiver<KV<String, KV<String, Map<String, String>>>> out) {
      Map<String, String> personOf = new HashMap<>();
      List<KV<String, KV<String, Map<String, String>>>> records = new ArrayList<>();
      for (KV<String, KV<String, Map<String, String>>> entry : bucket.getValue()) {
        if (SPINE_TAG.equals(entry.getValue().getKey())) {
          personOf.put(entry.getKey(), entry.getValue().getValue().get("person_id"));
        } else {
          records.add(entry);
        }
      }
      for (KV<String, KV<String, Map<String, String>>> record : records) {
        String person = personOf.get(record.getKey());
        if (person != null) {
          out.output(KV.of(SPINE + SEP + person, record.getValue()));
        } else if (APC_TAG.equals(record.getValue().getKey())) {
          out.output(KV.of(SPINE + SEP + record.getKey(), record.getValue()));
        }
      }
    }
  }

  /** Evaluates a bucket of linked persons; sums their contributions per bundle (linkages x councils, small). */
  static final class EvaluateFn
      extends DoFn<KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>>, KV<String, Long>> {
    private final ReportingPeriod period;
    private final JoinedSubmissions joined;
    private final CouncilOfResidence residence;
    private transient Map<String, Long> cells;

    EvaluateFn(ReportingPeriod period, JoinedSubmissions joined, CouncilOfResidence residence) {
      this.period = period;
      this.joined = joined;
      this.residence = residence;
    }

    @StartBundle
    public void startBundle() {
      cells = new HashMap<>();
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      new TreeMap<>(cells).forEach((k, v) ->
          context.output(KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      cells = null;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>> bucket) {
      Map<String, Map<String, List<SaltEvent>>> cldByPerson = new TreeMap<>();
      Map<String, List<HospitalDischarge>> apcByPerson = new TreeMap<>();
      for (KV<String, KV<String, Map<String, String>>> entry : bucket.getValue()) {
        String person = entry.getKey();
        Map<String, String> row = entry.getValue().getValue();
        if (CLD_TAG.equals(entry.getValue().getKey())) {
          SaltEvent event = SaltEvent.fromRow(row);
          if (!event.personToken().isEmpty()) {
            cldByPerson.computeIfAbsent(person, k -> new TreeMap<>())
                .computeIfAbsent(event.laCode() + SEP + event.personToken(), k -> new ArrayList<>()).add(event);
          }
        } else {
          apcByPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(HospitalDischarge.fromRow(row));
        }
      }
      TreeSet<String> persons = new TreeSet<>(cldByPerson.keySet());
      persons.addAll(apcByPerson.keySet());
      for (String person : persons) {
        String linkage = person.substring(0, person.indexOf(SEP));
        Map<String, List<SaltEvent>> byCouncil = new TreeMap<>();
        cldByPerson.getOrDefault(person, Map.of()).values().forEach(rows ->
            byCouncil.computeIfAbsent(rows.get(0).laCode(), k -> new ArrayList<>())
                .addAll(DhscMainTable.rowsOf(rows, joined)));
        for (Contribution c : Ascof2D.of(period, byCouncil, apcByPerson.getOrDefault(person, List.of()),
            residence)) {
          for (String la : c.laCode().equals(CouncilOfResidence.UNATTRIBUTED) ? List.of(SaltStatistics.ENGLAND)
              : List.of(c.laCode(), SaltStatistics.ENGLAND)) {
            add(linkage, c.measure(), la, "numerator", c.numerator());
            add(linkage, c.measure(), la, "denominator", c.denominator());
          }
        }
      }
    }

    private void add(String linkage, String measure, String la, String part, long n) {
      if (n > 0) {
        cells.merge(String.join(SEP, linkage, measure, la, part), n, Long::sum);
      }
    }
  }

  /**
   * The rows of {@link #BY_LINKAGE_HEADER} from the summed {@code cells}: per linkage, measure ({@code 2D_part1},
   * {@code 2D_part2}), council (every one of {@code councils} and any in the cells, then {@code ENGLAND}), group
   * {@code 65+}; zero counts where nobody contributed, the value blank on a zero denominator.
   */
  public static List<List<String>> rows(Map<String, Long> cells, Collection<String> councils,
      List<String> linkages) {
    TreeSet<String> las = new TreeSet<>(councils);
    for (String key : cells.keySet()) {
      las.add(key.split(SEP, -1)[2]);
    }
    las.remove(SaltStatistics.ENGLAND);
    List<String> order = new ArrayList<>(las);
    order.add(SaltStatistics.ENGLAND);
    List<List<String>> rows = new ArrayList<>();
    for (String linkage : linkages) {
      for (String measure : List.of(Ascof2D.PART_1, Ascof2D.PART_2)) {
        for (String la : order) {
          String prefix = String.join(SEP, linkage, measure, la) + SEP;
          MeasureValue value = MeasureValue.percentage(cells.getOrDefault(prefix + "numerator", 0L),
              cells.getOrDefault(prefix + "denominator", 0L));
          rows.add(List.of(linkage, measure, la, Ascof2D.GROUP, Long.toString(value.numerator()),
              value.denominatorText(), value.valueText()));
        }
      }
    }
    return rows;
  }
}
