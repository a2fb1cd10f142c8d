package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sdelink.policies.catalogue.CatalogueDataset;
import org.sdelink.policies.catalogue.CatalogueField;
import org.sdelink.policies.catalogue.DatasetCatalogue;
import org.sdelink.policies.catalogue.IdentifierClass;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.SmallNumberRule;
import org.sdelink.policies.kanonymity.GeneralisationLevels;

/**
 * Checks a policy against the dataset catalogue, fail closed: a released field without an action, an unknown field,
 * an action the catalogue does not allow, a released indirect identifier the k-anonymity gate does not count, and
 * output-check rules weaker than the HES and ACRO rules are all problems. A direct identifier with {@code keep} is a
 * problem that no setting turns off.
 */
public final class PolicyValidator {
  /** The HES rule is the weakest count-table rule a policy may set. */
  public static final SmallNumberRule WEAKEST_COUNT_RULE = SmallNumberRule.hes();
  /** ACRO's defaults are the weakest magnitude-table rules a policy may set. */
  public static final MagnitudeRules WEAKEST_MAGNITUDE_RULES = MagnitudeRules.acroDefaults();
  /** The longest date shift a policy may set, in days either way. */
  public static final int MAX_DATE_SHIFT_DAYS = 3650;
  /** The widest age band a policy may set, in years. */
  public static final int MAX_BAND_YEARS = 30;

  private final DatasetCatalogue catalogue;

  private PolicyValidator(DatasetCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every problem with {@code policy} against the standard catalogue; empty when it may be used. */
  public static ImmutableList<PolicyProblem> validate(Policy policy) {
    return validate(policy, DatasetCatalogue.standard());
  }

  /** Every problem with {@code policy} against {@code catalogue}; empty when it may be used. */
  public static ImmutableList<PolicyProblem> validate(Policy policy, DatasetCatalogue catalogue) {
    checkNotNull(policy, "policy");
    checkNotNull(catalogue, "catalogue");
    return new PolicyValidator(catalogue).check(policy);
  }

  /**
   * Returns {@code policy} when it has no problems.
   *
   * @throws InvalidPolicyException listing every problem otherwise
   */
  public static Policy requireValid(Policy policy) {
    ImmutableList<PolicyProblem> problems = validate(policy);
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(policy.name(), problems);
    }
    return policy;
  }

  private ImmutableList<PolicyProblem> check(Policy policy) {
    List<PolicyProblem> problems = new ArrayList<>(policy.readProblems());
    Set<String> reported = policy.readProblems().stream().map(PolicyProblem::field).collect(Collectors.toSet());
    if (policy.project().id().isBlank() && !reported.contains("project.id")) {
      problems.add(new PolicyProblem("project.id", "is blank: write the project's identifier from the access register"));
    } else if (!ProjectIds.isValid(policy.project().id()) && !reported.contains("project.id")) {
      problems.add(new PolicyProblem("project.id", "is not a valid project id: use " + ProjectIds.RULE));
    }
    if (policy.project().purpose().isBlank() && !reported.contains("project.purpose")) {
      problems.add(new PolicyProblem("project.purpose", "is blank: write the approved purpose of the project"));
    }
    if (policy.datasets().isEmpty() && !reported.contains("datasets")) {
      problems.add(new PolicyProblem("datasets", "lists no dataset: list each released dataset (known: "
          + String.join(", ", catalogue.datasets().keySet()) + ") with an action for each of its fields"));
    }
    boolean shiftsDates = false;
    for (Map.Entry<String, ImmutableMap<String, FieldRule>> dataset : policy.datasets().entrySet()) {
      Optional<CatalogueDataset> known = catalogue.dataset(dataset.getKey());
      if (known.isEmpty()) {
        problems.add(new PolicyProblem("datasets." + dataset.getKey(), "is not a dataset in the catalogue: remove it "
            + "or correct its name (known: " + String.join(", ", catalogue.datasets().keySet()) + ")"));
        continue;
      }
      for (CatalogueField field : known.get().fields().values()) {
        if (!dataset.getValue().containsKey(field.name())) {
          problems.add(new PolicyProblem("datasets." + field.qualifiedName(), "has no action: every field of a "
              + "released dataset needs one; add `" + field.name() + ": ACTION` (allowed: " + allowedText(field) + ")"));
        }
      }
      for (FieldRule rule : dataset.getValue().values()) {
        Optional<CatalogueField> field = known.get().field(rule.field());
        if (field.isEmpty()) {
          problems.add(new PolicyProblem("datasets." + rule.qualifiedName(), "is not a field of " + dataset.getKey()
              + " in the dataset catalogue: remove it, or correct its name (a new column must be added to the "
              + "catalogue with its identifier class before any policy can release it)"));
          continue;
        }
        checkRule(rule, field.get(), problems);
        shiftsDates |= rule.action().filter(a -> a == FieldAction.SHIFT_DATES).isPresent();
      }
    }
    if (shiftsDates && policy.dateShiftMaxDays().isEmpty() && !reported.contains("date_shift.max_days")) {
      problems.add(new PolicyProblem("date_shift.max_days", "is missing but fields use shift-dates: add "
          + "`date_shift: {max_days: N}`, the largest shift in days either way"));
    }
    policy.dateShiftMaxDays().ifPresent(days -> {
      if (days < 1 || days > MAX_DATE_SHIFT_DAYS) {
        problems.add(new PolicyProblem("date_shift.max_days", "must be from 1 to " + MAX_DATE_SHIFT_DAYS));
      }
    });
    checkKAnonymity(policy, problems, reported);
    checkOutputRules(policy, problems, reported);
    checkLookups(policy, problems);
    return ImmutableList.copyOf(problems);
  }

  /**
   * Code tables: sdelink ships none, so every table a treatment or ladder needs must be named in {@code lookups:},
   * and (for a policy read from a file) each named file must exist.
   */
  private static void checkLookups(Policy policy, List<PolicyProblem> problems) {
    for (ImmutableMap<String, FieldRule> dataset : policy.datasets().values()) {
      for (FieldRule rule : dataset.values()) {
        boolean toLsoa = rule.action().filter(a -> a == FieldAction.GENERALISE).isPresent()
            && rule.target().filter(t -> t == GeneralisationTarget.LSOA).isPresent();
        if (toLsoa && !policy.lookups().containsKey(CodeTableRule.POSTCODE_TO_LSOA)) {
          problems.add(new PolicyProblem("datasets." + rule.qualifiedName() + ".to", "lsoa needs a postcode-to-LSOA "
              + "lookup, which sdelink does not ship: add `lookups: {" + CodeTableRule.POSTCODE_TO_LSOA + ": {file: "
              + "FILE, key_column: COLUMN, value_column: COLUMN}}` naming your copy of the ONS postcode directory "
              + "(e.g. ONSPD or NSPL, columns pcds and lsoa11), or generalise to postcode-district instead"));
        }
      }
    }
    policy.kAnonymity().ifPresent(k -> k.quasiIdentifiers().values().forEach(rules -> rules.forEach(qi -> {
      for (String level : qi.ladder()) {
        java.util.regex.Matcher lookup = LOOKUP_LEVEL.matcher(level);
        if (lookup.matches() && !policy.lookups().containsKey(lookup.group(1))) {
          problems.add(new PolicyProblem("k_anonymity.quasi_identifiers." + qi.dataset() + "." + qi.field()
              + ".ladder", "'" + level + "' needs the code table " + lookup.group(1) + ", which sdelink does not "
              + "ship: add `lookups: {" + lookup.group(1) + ": {file: FILE, key_column: COLUMN, value_column: "
              + "COLUMN}}` naming your copy of it, or use another level"));
        }
      }
    })));
    for (CodeTableRule table : policy.lookups().values()) {
      String where = "lookups." + table.name();
      if (!LOOKUP_NAME.matcher(table.name()).matches()) {
        problems.add(new PolicyProblem(where, "a table name may use only letters, digits, '.', '_' and '-'"));
      }
      for (String[] part : new String[][] {{"file", table.file()}, {"key_column", table.keyColumn()},
          {"value_column", table.valueColumn()}}) {
        if (part[1].isBlank() && policy.readProblems().stream().noneMatch(p -> p.field().equals(where + "."
            + part[0]))) {
          problems.add(new PolicyProblem(where + "." + part[0], "is blank: write it"));
        }
      }
      if (!table.file().isBlank() && policy.source().isPresent()
          && !java.nio.file.Files.isRegularFile(table.resolve(policy.source()))) {
        problems.add(new PolicyProblem(where + ".file", "there is no file " + table.resolve(policy.source())
            + ": put the operator's copy of the table there (a CSV file with a header line and the columns "
            + table.keyColumn() + " and " + table.valueColumn() + "), or correct the path (relative paths start "
            + "from the policy file's folder)"));
      }
    }
  }

  private static final java.util.regex.Pattern LOOKUP_LEVEL = java.util.regex.Pattern.compile("lookup:(.+)");
  private static final java.util.regex.Pattern LOOKUP_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

  private void checkRule(FieldRule rule, CatalogueField field, List<PolicyProblem> problems) {
    String where = "datasets." + rule.qualifiedName();
    Optional<FieldAction> action = rule.action();
    if (action.isEmpty()) {
      problems.add(new PolicyProblem(where, (rule.actionName().isEmpty() ? "has no action" : "'"
          + rule.actionName() + "' is not an action") + ": use one of " + allowedText(field)));
      return;
    }
    if (!field.identifierClass().permits(action.get())) {
      problems.add(new PolicyProblem(where, "is a direct identifier (" + field.meaning() + ") and can never be "
          + "released unchanged; no setting allows it: use " + allowedText(field)));
      return;
    }
    if (!field.allows(action.get())) {
      problems.add(new PolicyProblem(where, "cannot be " + action.get().yamlName() + ": the catalogue allows "
          + allowedText(field) + " for this " + field.identifierClass().plainName().toLowerCase()));
      return;
    }
    if (action.get() != FieldAction.GENERALISE) {
      if (!rule.targetName().isEmpty() || rule.bandYears() != 0 || rule.asOf().isPresent()) {
        problems.add(new PolicyProblem(where, "`to`, `band_years` and `as_of` are only for generalise: remove them"));
      }
      return;
    }
    Optional<GeneralisationTarget> target = rule.target();
    String targets = field.allowedTargets().stream().map(GeneralisationTarget::yamlName)
        .collect(Collectors.joining(", "));
    if (target.isEmpty() || !field.allowedTargets().contains(target.get())) {
      problems.add(new PolicyProblem(where + ".to", (rule.targetName().isEmpty() ? "is missing"
          : "'" + rule.targetName() + "' is not allowed for this field") + ": generalise it to one of " + targets));
      return;
    }
    if (target.get() == GeneralisationTarget.AGE_BAND) {
      if (rule.bandYears() < 1 || rule.bandYears() > MAX_BAND_YEARS) {
        problems.add(new PolicyProblem(where + ".band_years", "must be a whole number of years from 1 to "
            + MAX_BAND_YEARS + ", e.g. 5"));
      }
      if (rule.asOf().isEmpty()) {
        problems.add(new PolicyProblem(where + ".as_of", "is missing: age bands need the date ages are worked "
            + "out at, e.g. `as_of: 2025-03-31`"));
      }
    } else if (rule.bandYears() != 0 || rule.asOf().isPresent()) {
      problems.add(new PolicyProblem(where, "`band_years` and `as_of` are only for `to: age-band`: remove them"));
    }
  }

  private void checkKAnonymity(Policy policy, List<PolicyProblem> problems, Set<String> reported) {
    Optional<KAnonymityRules> rules = policy.kAnonymity();
    if (rules.isPresent()) {
      KAnonymityRules k = rules.get();
      if (k.k() < 2 && !reported.contains("k_anonymity.k")) {
        problems.add(new PolicyProblem("k_anonymity.k", "must be at least 2 (commonly 5 or 10)"));
      }
      if ((k.maxSuppressedFraction() < 0 || k.maxSuppressedFraction() >= 1)
          && !reported.contains("k_anonymity.max_suppressed_fraction")) {
        problems.add(new PolicyProblem("k_anonymity.max_suppressed_fraction",
            "must be a fraction from 0 up to (not including) 1, e.g. 0.01 for 1% of records"));
      }
      for (Map.Entry<String, ImmutableList<QuasiIdentifierRule>> dataset : k.quasiIdentifiers().entrySet()) {
        checkQuasiIdentifiers(policy, dataset.getKey(), dataset.getValue(), problems);
      }
    }
    for (ImmutableMap<String, FieldRule> dataset : policy.datasets().values()) {
      for (FieldRule rule : dataset.values()) {
        Optional<CatalogueField> field = catalogue.field(rule.dataset(), rule.field());
        if (field.isEmpty() || !mustBeCounted(rule, field.get())) {
          continue;
        }
        boolean declared = rules.map(k -> k.forDataset(rule.dataset()).stream()
            .anyMatch(q -> q.field().equals(rule.field()))).orElse(false);
        if (!declared) {
          problems.add(new PolicyProblem("datasets." + rule.qualifiedName(), "is an indirect identifier released by "
              + rule.actionName() + " but is not in k_anonymity.quasi_identifiers." + rule.dataset()
              + ": add `- field: " + rule.field() + "` with a generalisation ladder (e.g. `ladder: [withheld]`), "
              + "or drop the field"));
        }
      }
    }
  }

  /**
   * Whether a released field must be counted by the k-anonymity gate: an indirect identifier, or a direct one that
   * generalisation turned into an indirect one (e.g. a date of birth released as an age band). Dates shifted per
   * person or counted from the person's first event no longer match calendar dates someone may know, so they are not.
   */
  static boolean mustBeCounted(FieldRule rule, CatalogueField field) {
    Optional<FieldAction> action = rule.action();
    if (action.isEmpty() || !field.allows(action.get()) || action.get() == FieldAction.DROP
        || action.get() == FieldAction.PSEUDONYMISE || action.get() == FieldAction.SHIFT_DATES) {
      return false;
    }
    if (action.get() == FieldAction.GENERALISE
        && rule.target().filter(t -> t == GeneralisationTarget.DAYS_FROM_FIRST_EVENT).isPresent()) {
      return false;
    }
    return field.identifierClass() == IdentifierClass.QUASI
        || (field.identifierClass() == IdentifierClass.DIRECT && action.get() == FieldAction.GENERALISE);
  }

  private void checkQuasiIdentifiers(
      Policy policy, String dataset, List<QuasiIdentifierRule> quasiIdentifiers, List<PolicyProblem> problems) {
    String where = "k_anonymity.quasi_identifiers." + dataset;
    if (!policy.datasets().containsKey(dataset)) {
      problems.add(new PolicyProblem(where, "names a dataset the policy does not release: remove it"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (QuasiIdentifierRule qi : quasiIdentifiers) {
      String qiWhere = where + "." + qi.field();
      if (!seen.add(qi.field())) {
        problems.add(new PolicyProblem(qiWhere, "is listed twice: keep one entry"));
        continue;
      }
      Optional<FieldRule> rule = policy.rule(dataset, qi.field());
      if (rule.isEmpty() || catalogue.field(dataset, qi.field()).isEmpty()) {
        problems.add(new PolicyProblem(qiWhere, "is not a field of " + dataset + ": remove it or correct the name"));
        continue;
      }
      Optional<FieldAction> action = rule.get().action();
      if (action.isPresent() && (action.get() == FieldAction.DROP || action.get() == FieldAction.PSEUDONYMISE)) {
        problems.add(new PolicyProblem(qiWhere, "is " + action.get().yamlName() + " in datasets." + dataset
            + ", so it cannot be a quasi-identifier: remove this entry"));
      }
      for (String level : qi.ladder()) {
        if (!GeneralisationLevels.isLevelName(level)) {
          problems.add(new PolicyProblem(qiWhere + ".ladder", "'" + level + "' is not a generalisation level: use "
              + "age-band-Ny, year-band-Ny, month, quarter, year, postcode-area, ethnic-group, lookup:TABLE or "
              + "withheld"));
        }
      }
    }
  }

  private void checkOutputRules(Policy policy, List<PolicyProblem> problems, Set<String> reported) {
    if (policy.countTableRule().isEmpty()) {
      if (reported.stream().noneMatch(f -> f.startsWith("output_checks.count_tables"))) {
        problems.add(new PolicyProblem("output_checks.count_tables", "is missing: add `count_tables: "
            + "{suppress_up_to: 7, round_to: 5}` (the HES small-number rule)"));
      }
    } else {
      SmallNumberRule rule = policy.countTableRule().get();
      if (rule.suppressUpTo() < WEAKEST_COUNT_RULE.suppressUpTo()) {
        problems.add(new PolicyProblem("output_checks.count_tables.suppress_up_to", "is weaker than the HES rule: "
            + "counts from 1 to at least " + WEAKEST_COUNT_RULE.suppressUpTo() + " must be suppressed"));
      }
      if (rule.roundTo() < WEAKEST_COUNT_RULE.roundTo()) {
        problems.add(new PolicyProblem("output_checks.count_tables.round_to", "is weaker than the HES rule: round "
            + "to at least the nearest " + WEAKEST_COUNT_RULE.roundTo()));
      }
    }
    if (policy.magnitudeRules().isEmpty()) {
      if (reported.stream().noneMatch(f -> f.startsWith("output_checks.magnitude_tables"))) {
        problems.add(new PolicyProblem("output_checks.magnitude_tables", "is missing: add `magnitude_tables: "
            + "{threshold: 10, p_ratio: 0.10, nk_n: 2, nk_k: 0.90, zeros_are_disclosive: true}` (ACRO's rules)"));
      }
    } else {
      MagnitudeRules rules = policy.magnitudeRules().get();
      MagnitudeRules weakest = WEAKEST_MAGNITUDE_RULES;
      String where = "output_checks.magnitude_tables.";
      if (rules.threshold() < weakest.threshold()) {
        problems.add(new PolicyProblem(where + "threshold", "must be at least " + weakest.threshold()));
      }
      if (rules.pRatio() < weakest.pRatio()) {
        problems.add(new PolicyProblem(where + "p_ratio", "must be at least " + weakest.pRatio()));
      }
      if (rules.nkN() < weakest.nkN()) {
        problems.add(new PolicyProblem(where + "nk_n", "must be at least " + weakest.nkN()));
      }
      if (rules.nkK() > weakest.nkK()) {
        problems.add(new PolicyProblem(where + "nk_k", "must be at most " + weakest.nkK()));
      }
      if (!rules.zerosAreDisclosive()) {
        problems.add(new PolicyProblem(where + "zeros_are_disclosive", "must be true: a cell whose contributions "
            + "are all zero or that has one contributor is treated as disclosive"));
      }
    }
  }

  private static String allowedText(CatalogueField field) {
    return field.allowedActions().stream()
        .filter(field.identifierClass()::permits)
        .map(a -> a == FieldAction.GENERALISE
            ? "generalise (to " + field.allowedTargets().stream().map(GeneralisationTarget::yamlName)
                .collect(Collectors.joining(" or ")) + ")"
            : a.yamlName())
        .collect(Collectors.joining(", "));
  }
}
