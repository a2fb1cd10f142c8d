package org.sdelink.policies.review;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.KAnonymityRules;
import org.sdelink.policies.Policy;
import org.sdelink.policies.QuasiIdentifierRule;

/** The differences between an approved policy and a new version: field by field, then every other setting. */
public record PolicyDiff(ImmutableList<FieldChange> fieldChanges, ImmutableList<SettingChange> settingChanges) {

  /** How a field's rule changed. */
  public enum ChangeKind {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("action changed");

    private final String plainName;

    ChangeKind(String plainName) {
      this.plainName = plainName;
    }

    public String plainName() {
      return plainName;
    }
  }

  /** One field's change; {@code before} / {@code after} are short action phrases ({@code ""} when absent). */
  public record FieldChange(String field, ChangeKind kind, String before, String after) {
    public FieldChange {
      checkNotNull(field, "field");
      checkNotNull(kind, "kind");
      checkNotNull(before, "before");
      checkNotNull(after, "after");
    }
  }

  /** One other setting's change, e.g. {@code k_anonymity.k} from 5 to 10 ({@code ""} when absent). */
  public record SettingChange(String setting, String before, String after) {
    public SettingChange {
      checkNotNull(setting, "setting");
      checkNotNull(before, "before");
      checkNotNull(after, "after");
    }
  }

  public PolicyDiff {
    checkNotNull(fieldChanges, "fieldChanges");
    checkNotNull(settingChanges, "settingChanges");
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return fieldChanges.isEmpty() && settingChanges.isEmpty();
  }

  /** The changes from {@code approved} to {@code current}. */
  public static PolicyDiff between(Policy approved, Policy current) {
    checkNotNull(approved, "approved");
    checkNotNull(current, "current");
    ImmutableList.Builder<FieldChange> fields = ImmutableList.builder();
    Set<String> datasets = new LinkedHashSet<>(approved.datasets().keySet());
    datasets.addAll(current.datasets().keySet());
    for (String dataset : datasets) {
      ImmutableMap<String, FieldRule> before = approved.datasets().getOrDefault(dataset, ImmutableMap.of());
      ImmutableMap<String, FieldRule> after = current.datasets().getOrDefault(dataset, ImmutableMap.of());
      Set<String> names = new LinkedHashSet<>(before.keySet());
      names.addAll(after.keySet());
      for (String name : names) {
        FieldRule was = before.get(name);
        FieldRule now = after.get(name);
        String field = dataset + "." + name;
        if (was == null) {
          fields.add(new FieldChange(field, ChangeKind.ADDED, "", TreatmentDescriptions.shortForm(now)));
        } else if (now == null) {
          fields.add(new FieldChange(field, ChangeKind.REMOVED, TreatmentDescriptions.shortForm(was), ""));
        } else if (!sameRule(was, now)) {
          fields.add(new FieldChange(field, ChangeKind.CHANGED, TreatmentDescriptions.shortForm(was),
              TreatmentDescriptions.shortForm(now)));
        }
      }
    }
    ImmutableList.Builder<SettingChange> settings = ImmutableList.builder();
    compare(settings, "description", approved.description(), current.description());
    compare(settings, "project.id", approved.project().id(), current.project().id());
    compare(settings, "project.purpose", approved.project().purpose(), current.project().purpose());
    compare(settings, "date_shift.max_days", text(approved.dateShiftMaxDays().stream().boxed().findFirst()),
        text(current.dateShiftMaxDays().stream().boxed().findFirst()));
    compare(settings, "k_anonymity.k", text(approved.kAnonymity().map(KAnonymityRules::k)),
        text(current.kAnonymity().map(KAnonymityRules::k)));
    compare(settings, "k_anonymity.max_suppressed_fraction",
        text(approved.kAnonymity().map(KAnonymityRules::maxSuppressedFraction)),
        text(current.kAnonymity().map(KAnonymityRules::maxSuppressedFraction)));
    Map<String, String> ladderBefore = ladders(approved);
    Map<String, String> ladderAfter = ladders(current);
    Set<String> qis = new LinkedHashSet<>(ladderBefore.keySet());
    qis.addAll(ladderAfter.keySet());
    for (String qi : qis) {
      compare(settings, "k_anonymity.quasi_identifiers." + qi, ladderBefore.getOrDefault(qi, ""),
          ladderAfter.getOrDefault(qi, ""));
    }
    compare(settings, "output_checks.count_tables", text(approved.countTableRule()), text(current.countTableRule()));
    compare(settings, "output_checks.magnitude_tables", text(approved.magnitudeRules()),
        text(current.magnitudeRules()));
    Set<String> tables = new LinkedHashSet<>(approved.lookups().keySet());
    tables.addAll(current.lookups().keySet());
    for (String table : tables) {
      compare(settings, "lookups." + table, text(Optional.ofNullable(approved.lookups().get(table))
          .map(PolicyDiff::describeTable)), text(Optional.ofNullable(current.lookups().get(table))
          .map(PolicyDiff::describeTable)));
    }
    return new PolicyDiff(fields.build(), settings.build());
  }

  private static String describeTable(org.sdelink.policies.CodeTableRule table) {
    return "file " + table.file() + ", " + table.keyColumn() + " -> " + table.valueColumn();
  }

  private static boolean sameRule(FieldRule a, FieldRule b) {
    return a.actionName().equals(b.actionName()) && a.targetName().equals(b.targetName())
        && a.bandYears() == b.bandYears() && a.asOf().equals(b.asOf());
  }

  private static Map<String, String> ladders(Policy policy) {
    ImmutableMap.Builder<String, String> ladders = ImmutableMap.builder();
    policy.kAnonymity().ifPresent(k -> k.quasiIdentifiers().forEach((dataset, rules) -> {
      Set<String> seen = new LinkedHashSet<>();
      for (QuasiIdentifierRule rule : rules) {
        if (seen.add(rule.field())) {
          ladders.put(dataset + "." + rule.field(), "ladder " + rule.ladder());
        }
      }
    }));
    return ladders.buildKeepingLast();
  }

  private static void compare(ImmutableList.Builder<SettingChange> out, String setting, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(new SettingChange(setting, before, after));
    }
  }

  private static String text(Optional<?> value) {
    return value.map(Object::toString).orElse("");
  }
}
