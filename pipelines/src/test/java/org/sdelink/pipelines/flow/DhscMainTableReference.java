package org.sdelink.pipelines.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An independent, plain-loop reading of DHSC's "joined submissions" main table (DataS-DHSC/ASC-CLD-LA-Dashboard,
 * {@code Main_tables/create_main_table_for_period.sql} with its stored procedures) over the raw generated files,
 * shared by {@link AscofReference} and {@link HospitalReference} and written without the statistics stage's classes:
 * <ol>
 *   <li>{@code create_REF_Submission_Reporting_Periods_table.sql}: each submitted file's derived period, from the raw
 *       event end dates before the first day of its received month, by month;</li>
 *   <li>{@code GetSubmissions} ('Derived'): per quarter from April 2023 and council, the latest received file whose
 *       derived period covers the quarter, received on or after its last day; a file's reference period runs from the
 *       first to the last of its quarters;</li>
 *   <li>{@code FilterToEventsInPeriod} against the reference period (derived end with death);</li>
 *   <li>{@code GetDerivedFields}: the person (NHS number, else the council-local id), Der_Unique_Event_Ref within it,
 *       and the closing of services open at the end of a non-last reference period and absent from the next;</li>
 *   <li>{@code GetUniqueEvents}: latest reference period end, open or latest end, best REF_Event_Outcome_Hierarchy_R2
 *       rank ({@code 6-deduplication.md}), then (sdelink's documented tie-breaks) latest received, later file name,
 *       delivery mechanism, component and outcome in text order.</li>
 * </ol>
 */
final class DhscMainTableReference {
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
  private static final LocalDate FIRST_QUARTER = LocalDate.of(2023, 4, 1);
  private static final LocalDate OPEN = LocalDate.of(9999, 1, 1);

  /** REF_Event_Outcome_Hierarchy_R2 in rank order (lower case). */
  static final List<String> R2_HIERARCHY = List.of("progress to reablement/st-max",
      "progress to assessment, review or reassessment", "release 1 specification only: not mapped",
      "progress to support planning or services", "continuation of support or services", "admitted to hospital",
      "nfa: responsibility moved to another local authority",
      "nfa: referral to nhs services or nhs funded social care", "nfa: self-funded client or under 12wk disregard",
      "nfa: information and advice or signposting", "nfa: referral to other service within the local authority",
      "nfa: support declined", "nfa: deceased", "nfa: support ended as planned", "nfa: support ended for other reason",
      "nfa: no services offered for other reason", "nfa: other");

  /** Release 1 outcomes (lower case) and their Release 2 value (DHSC's mapping is unpublished: as sdelink's A9). */
  static final Map<String, String> R1_OUTCOMES = Map.ofEntries(
      Map.entry("progress to reablement/st-max", "progress to reablement/st-max"),
      Map.entry("progress to assessment", "progress to assessment, review or reassessment"),
      Map.entry("progress to re-assessment / unplanned review", "progress to assessment, review or reassessment"),
      Map.entry("progress to support planning / services", "progress to support planning or services"),
      Map.entry("no change in package", "continuation of support or services"),
      Map.entry("provision of service", "release 1 specification only: not mapped"),
      Map.entry("progress to financial assessment", "release 1 specification only: not mapped"),
      Map.entry("progress to end of life care", "release 1 specification only: not mapped"),
      Map.entry("service ended as planned", "nfa: support ended as planned"),
      Map.entry("nfa - deceased", "nfa: deceased"),
      Map.entry("nfa - moved to another la", "nfa: responsibility moved to another local authority"),
      Map.entry("nfa - 100% nhs funded care", "nfa: referral to nhs services or nhs funded social care"),
      Map.entry("nfa - information & advice / signposting only", "nfa: information and advice or signposting"),
      Map.entry("nfa - self-funded client (inc. 12wk disregard)", "nfa: self-funded client or under 12wk disregard"),
      Map.entry("nfa - support declined", "nfa: support declined"),
      Map.entry("nfa - support ended: other reason", "nfa: support ended for other reason"),
      Map.entry("nfa - no services offered: other reason", "nfa: no services offered for other reason"),
      Map.entry("nfa- other", "nfa: other"));

  /** A reference period. */
  record Period(LocalDate start, LocalDate end) {}

  /** The chosen files: council TAB file to reference period. */
  record Selection(Map<String, Period> chosen) {
    Period of(String la, String file) {
      return chosen.get(la + "\t" + file);
    }

    /** The council's distinct reference periods in order of start. */
    List<Period> periods(String la) {
      Set<Period> out = new TreeSet<>(Comparator.comparing(Period::start).thenComparing(Period::end));
      chosen.forEach((k, p) -> {
        if (k.startsWith(la + "\t")) {
          out.add(p);
        }
      });
      return new ArrayList<>(out);
    }
  }

  /** How a reference reads and rebuilds its rows. */
  interface Fields<R> {
    String la(R r);

    String file(R r);

    LocalDate received(R r);

    /** The person within the council: NHS number when present, else the council-local id (null: no person). */
    String person(R r);

    LocalDate start(R r);

    LocalDate end(R r);

    LocalDate death(R r);

    String type(R r);

    String clientType(R r);

    String route(R r);

    String assessmentType(R r);

    String serviceType(R r);

    String component(R r);

    String mechanism(R r);

    String outcome(R r);

    /** The row with the reference period and {@code end} in place of its own. */
    R with(R r, Period period, LocalDate end);
  }

  private DhscMainTableReference() {}

  /** The outcome's rank in REF_Event_Outcome_Hierarchy_R2 (1 to 17) or 999 (blank or unlisted). */
  static int rank(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return 999;
    }
    String o = outcome.strip().toLowerCase(Locale.ROOT);
    int i = R2_HIERARCHY.indexOf(R1_OUTCOMES.getOrDefault(o, o));
    return i < 0 ? 999 : i + 1;
  }

  // ------------------------------------------------------------------ steps 1, 2: derived periods, chosen files

  /** Reads {@code generated/cld/submissions.csv} and every row of every file, and chooses the files. */
  static Selection select(Path generated) throws IOException {
    Path list = generated.resolve("cld").resolve("submissions.csv");
    record File(String la, String name, LocalDate received, Period derived) {}
    List<File> files = new ArrayList<>();
    for (CSVRecord s : parse(list)) {
      String name = s.get("file");
      LocalDate received = LocalDate.parse(s.get("received_date").strip());
      Map<YearMonth, Long> count = new TreeMap<>();
      Map<YearMonth, Set<String>> types = new TreeMap<>();
      for (CSVRecord r : parse(list.resolveSibling(name))) {
        LocalDate end = date(r.get("Event_End_Date"));
        if (end == null || !end.isBefore(received.withDayOfMonth(1))) {
          continue;
        }
        YearMonth m = YearMonth.from(end);
        count.merge(m, 1L, Long::sum);
        types.computeIfAbsent(m, k -> new HashSet<>()).add(r.get("Event_Type").strip().toLowerCase(Locale.ROOT));
      }
      long total = count.values().stream().mapToLong(Long::longValue).sum();
      int maxTypes = types.values().stream().mapToInt(Set::size).max().orElse(0);
      YearMonth first = null;
      YearMonth last = null;
      for (Map.Entry<YearMonth, Long> m : count.entrySet()) {
        boolean counted = total < 100
            || (100.0 * m.getValue() / total >= 2 && types.get(m.getKey()).size() >= maxTypes - 1);
        if (counted) {
          first = first == null ? m.getKey() : first;
          last = m.getKey();
        }
      }
      files.add(new File(s.get("la_code").strip(), name, received,
          first == null ? null : new Period(first.atDay(1), last.atEndOfMonth())));
    }
    LocalDate lastEnd = files.stream().filter(f -> f.derived() != null).map(f -> f.derived().end())
        .max(Comparator.naturalOrder()).orElse(FIRST_QUARTER);
    Map<String, List<Period>> quartersOf = new TreeMap<>();
    for (LocalDate q = FIRST_QUARTER; !q.plusMonths(3).minusDays(1).isAfter(lastEnd); q = q.plusMonths(3)) {
      LocalDate qEnd = q.plusMonths(3).minusDays(1);
      Map<String, File> best = new HashMap<>();
      for (File f : files) {
        if (f.derived() == null || f.derived().start().isAfter(q) || f.derived().end().isBefore(qEnd)
            || f.received().isBefore(qEnd)) {
          continue;
        }
        File b = best.get(f.la());
        if (b == null || f.received().isAfter(b.received())
            || (f.received().equals(b.received()) && f.name().compareTo(b.name()) > 0)) {
          best.put(f.la(), f);
        }
      }
      for (File f : best.values()) {
        quartersOf.computeIfAbsent(f.la() + "\t" + f.name(), k -> new ArrayList<>()).add(new Period(q, qEnd));
      }
    }
    Map<String, Period> chosen = new TreeMap<>();
    quartersOf.forEach((k, qs) -> chosen.put(k, new Period(qs.get(0).start(), qs.get(qs.size() - 1).end())));
    return new Selection(chosen);
  }

  // ------------------------------------------------------------------ steps 3 to 6

  /** Der_Event_End_Date: a death inside the event (or after the start of an open one) replaces the end. */
  static LocalDate derivedEnd(LocalDate start, LocalDate end, LocalDate death) {
    if (death != null && ((end != null && !death.isBefore(start) && !death.isAfter(end))
        || (end == null && death.isAfter(start)))) {
      return death;
    }
    return end;
  }

  /** The main table: council TAB person to that person's unique events (rows of chosen files only). */
  static <R> Map<String, List<R>> persons(List<R> raw, Selection selection, Fields<R> f) {
    Map<String, List<R>> byPerson = new TreeMap<>();
    for (R r : raw) {
      Period p = selection.of(f.la(r), f.file(r));
      String person = f.person(r);
      if (p == null || person == null || f.start(r) == null) {
        continue;
      }
      LocalDate end = derivedEnd(f.start(r), f.end(r), f.death(r));
      boolean service = "service".equals(f.type(r));
      boolean endOk = service ? end == null || !end.isBefore(p.start())
          : end != null && !end.isBefore(p.start()) && !end.isAfter(p.end());
      LocalDate death = f.death(r);
      boolean alive = death == null || (!death.isBefore(p.start()) && !death.isBefore(f.start(r)));
      if (!endOk || f.start(r).isAfter(p.end()) || !alive) {
        continue;
      }
      byPerson.computeIfAbsent(f.la(r) + "\t" + person, k -> new ArrayList<>()).add(f.with(r, p, end));
    }
    Map<String, List<R>> out = new TreeMap<>();
    byPerson.forEach((key, rows) -> out.put(key, unique(crop(rows, selection, f), selection, f)));
    return out;
  }

  /** Der_Unique_Event_Ref within one person (letter case ignored, as SQL Server compares). */
  private static <R> List<Object> eventRef(R r, Fields<R> f) {
    String type = fold(f.type(r));
    boolean service = type.equals("service");
    return List.of(f.start(r), service || f.end(r) == null ? "" : f.end(r), fold(f.clientType(r)), type,
        type.equals("request") ? fold(f.route(r)) : "", type.equals("assessment") ? fold(f.assessmentType(r)) : "",
        service ? fold(f.serviceType(r)) : "", service ? fold(f.component(r)) : "");
  }

  private static <R> List<R> crop(List<R> rows, Selection selection, Fields<R> f) {
    Set<List<Object>> present = new HashSet<>();
    for (R r : rows) {
      present.add(List.of(selection.of(f.la(r), f.file(r)).start(), eventRef(r, f)));
    }
    List<Period> periods = selection.periods(f.la(rows.get(0)));
    LocalDate lastStart = periods.get(periods.size() - 1).start();
    List<R> out = new ArrayList<>();
    for (R r : rows) {
      Period p = selection.of(f.la(r), f.file(r));
      boolean open = f.end(r) == null || f.end(r).isAfter(p.end());
      if ("service".equals(fold(f.type(r))) && !p.start().equals(lastStart) && open
          && !present.contains(List.of(p.end().plusDays(1), eventRef(r, f)))) {
        out.add(f.with(r, p, p.end()));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static <R> List<R> unique(List<R> rows, Selection selection, Fields<R> f) {
    Comparator<R> preferred = Comparator
        .comparing((R r) -> f.end(r) == null ? OPEN : f.end(r), Comparator.reverseOrder())
        .thenComparingInt(r -> rank(f.outcome(r)))
        .thenComparing(f::received, Comparator.reverseOrder())
        .thenComparing(f::file, Comparator.reverseOrder())
        .thenComparing(r -> Objects.toString(f.mechanism(r), ""))
        .thenComparing(r -> Objects.toString(f.component(r), ""))
        .thenComparing(r -> Objects.toString(f.outcome(r), ""));
    Map<List<Object>, R> best = new LinkedHashMap<>();
    Map<List<Object>, LocalDate> bestPeriodEnd = new HashMap<>();
    for (R r : rows) {
      List<Object> ref = eventRef(r, f);
      R other = best.get(ref);
      LocalDate pe = selection.of(f.la(r), f.file(r)).end();
      if (other == null) {
        best.put(ref, r);
        bestPeriodEnd.put(ref, pe);
        continue;
      }
      int c = bestPeriodEnd.get(ref).compareTo(pe);
      if (c < 0 || (c == 0 && preferred.compare(r, other) < 0)) {
        best.put(ref, r);
        bestPeriodEnd.put(ref, pe);
      }
    }
    return new ArrayList<>(best.values());
  }

  static String fold(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ reading

  static List<CSVRecord> parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords();
    }
  }

  static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return v.contains("/") ? LocalDate.parse(v, UK) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
