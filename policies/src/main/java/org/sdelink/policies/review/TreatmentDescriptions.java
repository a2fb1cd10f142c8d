package org.sdelink.policies.review;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sdelink.policies.FieldAction;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.GeneralisationTarget;
import org.sdelink.policies.KAnonymityRules;
import org.sdelink.policies.Policy;
import org.sdelink.policies.QuasiIdentifierRule;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.SmallNumberRule;
import org.sdelink.policies.kanonymity.GeneralisationLevels;
import org.sdelink.policies.treatments.FieldTreatments;

/**
 * The plain-English wording of every treatment and rule a policy can set, for reviewers who do not read code: the
 * review report and the data dictionary both use these sentences.
 */
public final class TreatmentDescriptions {
  private TreatmentDescriptions() {}

  /** How {@code rule}'s field is released, in a sentence or two. */
  public static String describe(FieldRule rule, Policy policy) {
    checkNotNull(rule, "rule");
    checkNotNull(policy, "policy");
    Optional<FieldAction> action = rule.action();
    if (action.isEmpty()) {
      return "No valid action: see the problems listed above.";
    }
    switch (action.get()) {
      case DROP:
        return "Not released.";
      case KEEP:
        return "Released as recorded.";
      case PSEUDONYMISE:
        return "Replaced by a pseudonym made for this project only (level 2): the same value always gets the same "
            + "pseudonym in this release, it differs from the pseudonym any other project gets, and it cannot be "
            + "turned back into the original.";
      case SHIFT_DATES:
        return "Each date is moved by a secret number of days (up to "
            + policy.dateShiftMaxDays().orElse(0) + " days earlier or later) that is the same for all of a "
            + "person's dates, so the time between a person's events is exact but the calendar dates are not.";
      case GENERALISE:
        return rule.target().map(t -> describeGeneralisation(t, rule))
            .orElse("Generalised, but the policy does not say to what: see the problems listed above.");
      default:
        throw new IllegalStateException("no description for " + action.get());
    }
  }

  private static String describeGeneralisation(GeneralisationTarget target, FieldRule rule) {
    switch (target) {
      case YEAR:
        return "Released as the year only (e.g. 1948); the day and month are removed.";
      case AGE_BAND:
        return "Released as the person's age on " + rule.asOf().map(Object::toString).orElse("(no date given)")
            + " in " + rule.bandYears() + "-year bands (e.g. "
            + FieldTreatments.ageBand(67, Math.max(1, rule.bandYears())).orElse("") + "), with everyone aged "
            + FieldTreatments.TOP_CODED_AGE + " or over in one band; the date itself is not released.";
      case MONTH:
        return "Released as the year and month only (e.g. 2024-03); the day is removed.";
      case DAYS_FROM_FIRST_EVENT:
        return "Released as the number of days after the person's first recorded event (which is day 0), so the "
            + "order and spacing of a person's events are kept but their calendar dates are not.";
      case POSTCODE_DISTRICT:
        return "Released as the postcode district only (the first half of the postcode, e.g. LS1), an area of "
            + "about 10,000 households.";
      case LSOA:
        return "Released as the Lower Layer Super Output Area (2011) of the postcode, a small area of about 1,500 "
            + "residents, looked up in the postcode table the operator supplies (named under lookups); a postcode "
            + "not in the table is released blank.";
      case ETHNIC_GROUP:
        return "Released as the broad ethnic group only (e.g. \"Asian or Asian British\" rather than "
            + "\"Asian or Asian British - Indian\").";
      default:
        throw new IllegalStateException("no description for " + target);
    }
  }

  /** The action as a short phrase for change lists, e.g. {@code generalise to age-band (5 years, as of 2025-03-31)}. */
  public static String shortForm(FieldRule rule) {
    checkNotNull(rule, "rule");
    if (!rule.actionName().equals(FieldAction.GENERALISE.yamlName())) {
      return rule.actionName().isEmpty() ? "(no action)" : rule.actionName();
    }
    String text = "generalise to " + (rule.targetName().isEmpty() ? "(nothing)" : rule.targetName());
    if (rule.bandYears() != 0 || rule.asOf().isPresent()) {
      text += " (" + rule.bandYears() + " years, as of " + rule.asOf().map(Object::toString).orElse("?") + ")";
    }
    return text;
  }

  /** What the gate may do to one quasi-identifier, e.g. {@code first 10-year age bands, then withheld}. */
  public static String describeLadder(QuasiIdentifierRule rule) {
    checkNotNull(rule, "rule");
    if (rule.ladder().isEmpty()) {
      return "never made coarser: records in groups that are too small are removed";
    }
    ImmutableList<String> steps = rule.ladder().stream().map(GeneralisationLevels::describe)
        .collect(ImmutableList.toImmutableList());
    return steps.size() == 1 ? "if needed, " + steps.get(0)
        : "if needed, first " + String.join(", then ", steps);
  }

  /** The k-anonymity rule in a few sentences. */
  public static String describe(KAnonymityRules rules) {
    checkNotNull(rules, "rules");
    return "The released files that carry the person's pseudonym (person_id) can be joined, so the check looks at "
        + "people, not rows: everything the joined files say about a person through the fields below (a person's "
        + "own values, and for files with a row per event, the set of values over all of that person's rows) must "
        + "be the same for at least " + rules.k() + " people, so no one stands out. Where it is rarer, the release "
        + "first makes fields coarser, step by step as listed (the same step for everyone); people still in groups "
        + "smaller than " + rules.k() + " are then left out of every file. The release stops, and nothing is "
        + "published, if that would leave out more than " + percent(rules.maxSuppressedFraction()) + " of the "
        + "people or of any file's rows. A file without person_id cannot be joined and is checked on its own, row "
        + "by row, in the same way.";
  }

  /** A generalisation level's name in plain words, e.g. {@code 10-year bands}; level 0 is {@code as released}. */
  public static String describeLevel(String levelName) {
    checkNotNull(levelName, "levelName");
    return levelName.equals("as released") ? "as released (no change)" : GeneralisationLevels.describe(levelName);
  }

  /**
   * An ACRO summary ({@code review; threshold: 3 cells suppressed; ...}) in plain words, e.g. {@code needs a
   * check by the output checker: 3 small counts hidden}.
   */
  public static String describeOutputCheck(String acroSummary) {
    checkNotNull(acroSummary, "acroSummary");
    String[] parts = acroSummary.split(";\\s*");
    String status = parts.length == 0 ? "" : parts[0].trim();
    String head = switch (status) {
      case "pass" -> "passed every check";
      case "review" -> "to be looked at by the output checker";
      case "fail" -> "failed: cells need hiding before release";
      default -> status;
    };
    java.util.List<String> details = new java.util.ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+): (\\d+) cells (suppressed|may need "
          + "suppressing)").matcher(part);
      if (!m.matches()) {
        details.add(part);
        continue;
      }
      String what = switch (m.group(1)) {
        case "threshold" -> "too few people (hidden as a small number)";
        case "secondary" -> "hidden so that another hidden value cannot be worked out from a total";
        case "p-ratio" -> "one contributor could estimate another's amount (p% rule)";
        case "nk-rule" -> "dominated by a few contributors (n-k rule)";
        case "all-values-are-same" -> "every contributor gave the same amount";
        default -> m.group(1);
      };
      details.add(m.group(2) + " cells " + (m.group(3).equals("suppressed") ? "hidden: " : "to hide: ") + what);
    }
    return details.isEmpty() ? head : head + " (" + String.join("; ", details) + ")";
  }

  /** The count-table rule in a sentence. */
  public static String describe(SmallNumberRule rule) {
    checkNotNull(rule, "rule");
    return "In tables of counts (such as the summary table), counts from 1 to " + rule.suppressUpTo()
        + " are hidden and shown as *; zero is shown as 0; every other count is rounded to the nearest "
        + rule.roundTo() + ". Where a hidden count could be worked out by subtracting the other counts from a total, "
        + "more counts are hidden until none can. Rates and proportions are worked out from the rounded counts, "
        + "and left blank when a count behind them is hidden.";
  }

  /** The magnitude-table rules in a sentence. */
  public static String describe(MagnitudeRules rules) {
    checkNotNull(rules, "rules");
    return "In tables of amounts (such as costs), a cell is flagged for the output checker if fewer than "
        + rules.threshold() + " people or organisations contribute to it; if the contributions other than the "
        + "two largest add up to less than " + percent(rules.pRatio()) + " of the largest (so the second largest "
        + "contributor could estimate the largest closely); or if the " + rules.nkN() + " largest contributions "
        + "make up more than " + percent(rules.nkK()) + " of the cell"
        + (rules.zerosAreDisclosive() ? "; cells with a single contributor or only zero amounts are flagged too."
        : ".");
  }

  /** A fraction as a percentage, e.g. {@code 2%} or {@code 0.5%}. */
  static String percent(double fraction) {
    String text = String.format(Locale.ROOT, "%.2f", 100 * fraction).replaceAll("\\.?0+$", "");
    return text + "%";
  }

  /** The quasi-identifiers of one dataset as a phrase, e.g. {@code sex, la_code}. */
  static String fieldList(ImmutableList<QuasiIdentifierRule> rules) {
    return rules.stream().map(QuasiIdentifierRule::field).collect(Collectors.joining(", "));
  }
}
