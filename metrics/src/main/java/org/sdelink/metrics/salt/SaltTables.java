package org.sdelink.metrics.salt;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of SALT tables the {@code statistics} stage writes, in file order. Each table is its own small class
 * below; the per-table rules they use are the named classes of this package (docs/statistics.md describes each).
 */
public final class SaltTables {
  private SaltTables() {}

  /** Every table. */
  public static final ImmutableList<SaltTable> ALL = ImmutableList.of(
      new Sts001(), new Sts002a(), new Sts002b(), new Lts001a(), new Lts001b(), new Lts001c(), new Lts002a(),
      new Lts002b(), new Lts003());

  /** The table called {@code name}. */
  public static Optional<SaltTable> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private abstract static class Table implements SaltTable {
    private final String name;
    private final ImmutableList<String> header;

    Table(String name, String... columns) {
      this.name = name;
      this.header = ImmutableList.<String>builder().add("la_code").add(columns).add("count").build();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ImmutableList<String> header() {
      return header;
    }
  }

  /** STS001: requests from new clients by route of access and sequel ({@link RequestSequels}). */
  static final class Sts001 extends Table {
    Sts001() {
      super("STS001", "age_band", "route_of_access", "sequel");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      if (band.isEmpty()) {
        return List.of();
      }
      return person.requestOutcomes().stream()
          .map(o -> List.of(band.get(), o.routeOfAccess(), o.sequel().label())).toList();
    }
  }

  /** STS002a: what followed ST-Max for new clients ({@link StMaxSequels#newClientSequels}). */
  static final class Sts002a extends Table {
    Sts002a() {
      super("STS002a", "age_band", "sequel");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      if (band.isEmpty()) {
        return List.of();
      }
      return StMaxSequels.newClientSequels(person).stream().map(s -> List.of(band.get(), s.label())).toList();
    }
  }

  /** STS002b: ST-Max periods of existing clients ({@link StMaxSequels#existingClientPeriods}). */
  static final class Sts002b extends Table {
    Sts002b() {
      super("STS002b", "age_band");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      if (band.isEmpty()) {
        return List.of();
      }
      return repeat(List.of(band.get()), StMaxSequels.existingClientPeriods(person));
    }
  }

  /** LTS001a / LTS001b: long-term clients by support setting and primary support reason. */
  abstract static class SettingTable extends Table {
    SettingTable(String name) {
      super(name, "age_band", "support_setting", "primary_support_reason");
    }

    abstract List<SaltEvent> rows(PersonStatistics person);

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      List<SaltEvent> rows = rows(person);
      Optional<SupportSetting.Setting> setting = SupportSetting.best(rows);
      if (band.isEmpty() || setting.isEmpty()) {
        return List.of();
      }
      List<SaltEvent> ofSetting = rows.stream()
          .filter(r -> SupportSetting.of(r).map(s -> s.rank() == setting.get().rank()).orElse(false)).toList();
      return List.of(List.of(band.get(), setting.get().label(), PrimarySupportReasonChoice.of(ofSetting)));
    }
  }

  /** LTS001a: long-term clients during the year ({@link LongTermClients#duringYear}). */
  static final class Lts001a extends SettingTable {
    Lts001a() {
      super("LTS001a");
    }

    @Override
    List<SaltEvent> rows(PersonStatistics person) {
      return LongTermClients.duringYear(person);
    }
  }

  /** LTS001b: long-term clients at the year end ({@link LongTermClients#atYearEnd}). */
  static final class Lts001b extends SettingTable {
    Lts001b() {
      super("LTS001b");
    }

    @Override
    List<SaltEvent> rows(PersonStatistics person) {
      return LongTermClients.atYearEnd(person);
    }
  }

  /** LTS001c: long-term clients for more than 12 months at the year end ({@link LongTermClients}). */
  static final class Lts001c extends Table {
    Lts001c() {
      super("LTS001c", "age_band");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      return band.isPresent() && LongTermClients.overTwelveMonths(person) ? List.of(List.of(band.get())) : List.of();
    }
  }

  /** LTS002a: unplanned reviews of LTS001a clients by review reason ({@link Reviews#unplanned}). */
  static final class Lts002a extends Table {
    Lts002a() {
      super("LTS002a", "age_band", "review_reason");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      if (band.isEmpty() || SupportSetting.best(LongTermClients.duringYear(person)).isEmpty()) {
        return List.of();
      }
      return Reviews.unplanned(person).stream().map(r -> List.of(band.get(), r)).toList();
    }
  }

  /** LTS002b: planned reviews of LTS001c clients by outcome ({@link Reviews#planned}). */
  static final class Lts002b extends Table {
    Lts002b() {
      super("LTS002b", "age_band", "outcome");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      Optional<String> band = person.clientAgeBand();
      if (band.isEmpty() || !LongTermClients.overTwelveMonths(person)) {
        return List.of();
      }
      return Reviews.planned(person).stream().map(o -> List.of(band.get(), o)).toList();
    }
  }

  /** LTS003: carers by carer age band and support provided ({@link CarerSupportProvided}). */
  static final class Lts003 extends Table {
    Lts003() {
      super("LTS003", "carer_age_band", "support_provided");
    }

    @Override
    public List<List<String>> cells(PersonStatistics person) {
      List<SaltEvent> rows = Carers.duringYear(person);
      return CarerSupportProvided.best(rows).map(s -> List.of(List.of(person.carerAgeBand(), s)))
          .orElse(List.of());
    }
  }

  private static List<List<String>> repeat(List<String> cell, int times) {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      cells.add(cell);
    }
    return cells;
  }
}
