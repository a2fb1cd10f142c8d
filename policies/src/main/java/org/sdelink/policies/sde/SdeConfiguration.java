package org.sdelink.policies.sde;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyProblem;
import org.sdelink.policies.YamlDocuments;
import org.sdelink.policies.approval.ReviewerPublicKey;
import org.sdelink.policies.approval.TrustedReviewer;
import org.sdelink.policies.approval.TrustedReviewers;

/**
 * The SDE's own settings for releases, in one YAML file the SDE (its operator or key custodian) writes and nobody
 * else may change: the reviewers whose signed approvals count ({@code trusted_reviewers}) and the weakest thresholds
 * any policy may set ({@code floors}). Policies and approvals registries sit with the policy authors; this file does
 * not, so editing a policy or its registry can neither approve it nor lower a floor. A file that group or others may
 * write is refused. Layout: see {@code docs/ig-guide.md}, "Signed approvals and policy floors".
 */
public final class SdeConfiguration {
  private static final ImmutableSet<String> TOP_KEYS = ImmutableSet.of("trusted_reviewers", "floors");
  private static final ImmutableSet<String> REVIEWER_KEYS = ImmutableSet.of("name", "public_key", "fingerprint");

  private final Path file;
  private final TrustedReviewers reviewers;
  private final PolicyFloors floors;

  private SdeConfiguration(Path file, TrustedReviewers reviewers, PolicyFloors floors) {
    this.file = file;
    this.reviewers = reviewers;
    this.floors = floors;
  }

  /**
   * Reads the SDE configuration at {@code file}.
   *
   * @throws SdeConfigurationException when it is missing, writable by group or others, or has any problem (all
   *     listed)
   * @throws org.sdelink.policies.PolicyFormatException when it is not one YAML mapping without duplicate keys
   */
  public static SdeConfiguration load(Path file) throws IOException {
    checkNotNull(file, "file");
    String what = "the SDE configuration " + file;
    if (!Files.isRegularFile(file)) {
      throw new SdeConfigurationException(what + " does not exist: give the file the SDE keeps its trusted reviewers"
          + " and policy floors in (see docs/ig-guide.md, \"Signed approvals and policy floors\")");
    }
    requireNotWritableByOthers(file, what);
    JsonNode root;
    try {
      root = YamlDocuments.read(Files.readString(file, StandardCharsets.UTF_8), what);
    } catch (NoSuchFileException e) {
      throw new SdeConfigurationException(what + " does not exist");
    }
    List<PolicyProblem> problems = new ArrayList<>();
    unknownKeys(root, "", TOP_KEYS, problems);
    TrustedReviewers reviewers = readReviewers(root.path("trusted_reviewers"), file, problems);
    PolicyFloors floors = readFloors(root.path("floors"), file, problems);
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(what).append(" has ").append(problems.size())
          .append(" problem(s); the SDE fixes each:");
      problems.forEach(p -> message.append("\n  - ").append(p));
      throw new SdeConfigurationException(message.toString());
    }
    return new SdeConfiguration(file, reviewers, floors);
  }

  /**
   * The text of an SDE configuration trusting {@code reviewers} with {@code floors} (the settings given; others take
   * sdelink's own weakest values), in the layout {@link #load} reads. For the demo and for tests; an SDE writes its
   * own file by hand.
   */
  public static String render(List<TrustedReviewer> reviewers, Map<FloorSetting, Double> floors) {
    checkNotNull(reviewers, "reviewers");
    checkNotNull(floors, "floors");
    StringBuilder yaml = new StringBuilder("trusted_reviewers:\n");
    for (TrustedReviewer reviewer : reviewers) {
      yaml.append("  - name: \"").append(reviewer.name().replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\"\n    public_key: ").append(reviewer.key().base64())
          .append("\n    fingerprint: ").append(reviewer.key().fingerprint()).append('\n');
    }
    yaml.append("floors:\n");
    List<String> open = new ArrayList<>();
    for (FloorSetting setting : FloorSetting.values()) {
      Double value = floors.get(setting);
      if (value == null) {
        continue;
      }
      String[] parts = setting.path().split("\\.");
      int common = 0;
      while (common < open.size() && common < parts.length - 1 && open.get(common).equals(parts[common])) {
        common++;
      }
      open.subList(common, open.size()).clear();
      for (int i = common; i < parts.length - 1; i++) {
        yaml.append("  ".repeat(i + 1)).append(parts[i]).append(":\n");
        open.add(parts[i]);
      }
      yaml.append("  ".repeat(parts.length)).append(parts[parts.length - 1]).append(": ")
          .append(setting.format(value)).append('\n');
    }
    return yaml.toString();
  }

  /** The file it was read from. */
  public Path file() {
    return file;
  }

  /** The reviewers whose signed approvals count. */
  public TrustedReviewers reviewers() {
    return reviewers;
  }

  /** The weakest thresholds a policy may set. */
  public PolicyFloors floors() {
    return floors;
  }

  /** Every setting of {@code policy} below the SDE's floors (empty when it meets them all). */
  public List<PolicyProblem> floorProblems(Policy policy) {
    return floors.problems(policy);
  }

  private static void requireNotWritableByOthers(Path file, String what) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new SdeConfigurationException(what + " can be changed by users other than its owner (mode "
          + PosixFilePermissions.toString(permissions) + "): whoever can write it decides who may approve "
          + "releases. The SDE runs `chmod go-w " + file + "` (and keeps the file where only it can write)");
    }
  }

  private static TrustedReviewers readReviewers(JsonNode node, Path file, List<PolicyProblem> problems) {
    List<TrustedReviewer> reviewers = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      problems.add(new PolicyProblem("trusted_reviewers", "is missing: list each reviewer entitled to approve "
          + "release policies, with `- name: NAME` and `public_key: KEY` (from their `sdelink policy keys init`)"));
    } else if (!node.isArray() || node.isEmpty()) {
      problems.add(new PolicyProblem("trusted_reviewers", "must be a list of at least one reviewer, each with "
          + "`name:` and `public_key:`"));
    } else {
      Set<String> fingerprints = new java.util.HashSet<>();
      int index = 0;
      for (JsonNode entry : node) {
        String where = "trusted_reviewers[" + index++ + "]";
        if (!entry.isObject()) {
          problems.add(new PolicyProblem(where, "must be a mapping with `name:` and `public_key:`"));
          continue;
        }
        unknownKeys(entry, where, REVIEWER_KEYS, problems);
        String name = entry.path("name").isValueNode() ? entry.path("name").asText().strip() : "";
        if (name.isEmpty() || name.length() > org.sdelink.policies.approval.PolicyApprovals.MAX_REVIEWER_LENGTH
            || name.chars().anyMatch(Character::isISOControl)) {
          problems.add(new PolicyProblem(where + ".name", "must be the reviewer's name, 1 to "
              + org.sdelink.policies.approval.PolicyApprovals.MAX_REVIEWER_LENGTH + " characters on one line"));
          continue;
        }
        ReviewerPublicKey key;
        try {
          key = ReviewerPublicKey.fromBase64(entry.path("public_key").isValueNode()
              ? entry.path("public_key").asText() : "");
        } catch (IllegalArgumentException e) {
          problems.add(new PolicyProblem(where + ".public_key", e.getMessage()));
          continue;
        }
        JsonNode fingerprint = entry.path("fingerprint");
        if (!fingerprint.isMissingNode() && !key.fingerprint().equals(fingerprint.asText().strip())) {
          problems.add(new PolicyProblem(where + ".fingerprint", "does not match the public key (whose fingerprint "
              + "is " + key.fingerprint() + "): check with the reviewer which key is theirs"));
          continue;
        }
        if (!fingerprints.add(key.fingerprint())) {
          problems.add(new PolicyProblem(where + ".public_key", "is listed twice: one key belongs to one reviewer"));
          continue;
        }
        reviewers.add(new TrustedReviewer(name, key));
      }
    }
    return TrustedReviewers.of(reviewers, file.toString());
  }

  private static PolicyFloors readFloors(JsonNode node, Path file, List<PolicyProblem> problems) {
    Map<FloorSetting, Double> values = new java.util.EnumMap<>(FloorSetting.class);
    if (!node.isObject()) {
      problems.add(new PolicyProblem("floors", "is missing: add at least `floors: {k_anonymity: {k: N, "
          + "max_suppressed_fraction: F}}`, the weakest k and largest suppressed fraction any policy may set"));
      return PolicyFloors.of(Map.of(FloorSetting.K, FloorSetting.K.weakest(), FloorSetting.MAX_SUPPRESSED_FRACTION,
          FloorSetting.MAX_SUPPRESSED_FRACTION.weakest()), file.toString());
    }
    Set<String> known = new java.util.HashSet<>();
    for (FloorSetting setting : FloorSetting.values()) {
      known.add(setting.path());
      JsonNode value = node;
      for (String part : setting.path().split("\\.")) {
        value = value.path(part);
      }
      String where = "floors." + setting.path();
      if (value.isMissingNode() || value.isNull()) {
        if (setting.required()) {
          problems.add(new PolicyProblem(where, "is missing: the SDE must set it"));
        }
        continue;
      }
      if (!value.isNumber() || (setting.integral() && !value.canConvertToInt())
          || (setting.integral() && !value.isIntegralNumber())) {
        problems.add(new PolicyProblem(where, setting.integral() ? "must be a whole number" : "must be a number"));
        continue;
      }
      double floor = value.doubleValue();
      if (!Double.isFinite(floor) || floor < 0 || !setting.isNoWeakerThanBuiltIn(floor)) {
        problems.add(new PolicyProblem(where, "must be "
            + (setting.bound() == FloorSetting.Bound.AT_LEAST ? "at least " : "from 0 to ")
            + setting.format(setting.weakest()) + " (sdelink never allows weaker)"));
        continue;
      }
      values.put(setting, floor);
    }
    List<String> leaves = new ArrayList<>();
    leaves(node, "", leaves);
    for (String leaf : leaves) {
      if (!known.contains(leaf)) {
        problems.add(new PolicyProblem("floors." + leaf, "is not a floor sdelink knows: remove it (floors: "
            + String.join(", ", known.stream().sorted().toList()) + ")"));
      }
    }
    for (FloorSetting setting : FloorSetting.values()) {
      if (setting.required() && !values.containsKey(setting)) {
        values.put(setting, setting.weakest());
      }
    }
    return PolicyFloors.of(values, file.toString());
  }

  private static void leaves(JsonNode node, String prefix, List<String> out) {
    if (!node.isObject()) {
      out.add(prefix);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      leaves(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), out);
    }
  }

  private static void unknownKeys(JsonNode node, String where, Set<String> allowed, List<PolicyProblem> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problems.add(new PolicyProblem(where.isEmpty() ? key : where + "." + key, "is not an SDE setting: remove it "
            + "(allowed here: " + String.join(", ", allowed) + ")"));
      }
    }
  }

  @Override
  public String toString() {
    return "SdeConfiguration{" + file + "}";
  }
}
