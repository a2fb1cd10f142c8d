package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.SmallNumberRule;

/**
 * A release policy read from its YAML file: for every field of every released dataset an action, the k-anonymity
 * settings and the output-check rules for aggregate tables. Loading never judges the policy; call
 * {@link PolicyValidator#validate} (fail closed) before using it.
 */
public final class Policy {
  private final String name;
  private final String description;
  private final ProjectInfo project;
  private final ImmutableMap<String, ImmutableMap<String, FieldRule>> datasets;
  private final OptionalInt dateShiftMaxDays;
  private final Optional<KAnonymityRules> kAnonymity;
  private final Optional<SmallNumberRule> countTableRule;
  private final Optional<MagnitudeRules> magnitudeRules;
  private final ImmutableMap<String, CodeTableRule> lookups;
  private final String sha256;
  private final Optional<Path> source;
  private final ImmutableList<PolicyProblem> readProblems;

  Policy(
      String name,
      String description,
      ProjectInfo project,
      ImmutableMap<String, ImmutableMap<String, FieldRule>> datasets,
      OptionalInt dateShiftMaxDays,
      Optional<KAnonymityRules> kAnonymity,
      Optional<SmallNumberRule> countTableRule,
      Optional<MagnitudeRules> magnitudeRules,
      ImmutableMap<String, CodeTableRule> lookups,
      String sha256,
      Optional<Path> source,
      ImmutableList<PolicyProblem> readProblems) {
    this.name = name;
    this.description = description;
    this.project = project;
    this.datasets = datasets;
    this.dateShiftMaxDays = dateShiftMaxDays;
    this.kAnonymity = kAnonymity;
    this.countTableRule = countTableRule;
    this.magnitudeRules = magnitudeRules;
    this.lookups = lookups;
    this.sha256 = sha256;
    this.source = source;
    this.readProblems = readProblems;
  }

  /**
   * Reads the policy file at {@code path}. Its name is the file name without {@code .yaml}.
   *
   * @throws IOException when the file cannot be read
   * @throws PolicyFormatException when it is not a YAML mapping or has duplicate keys
   */
  public static Policy load(Path path) throws IOException {
    checkNotNull(path, "path");
    byte[] bytes = Files.readAllBytes(path);
    return PolicyReader.read(new String(bytes, StandardCharsets.UTF_8), sha256Of(bytes), nameOf(path),
        Optional.of(path));
  }

  /** Reads a policy from its text; {@code fileName} (without {@code .yaml}) is the name the file would have. */
  public static Policy parse(String yaml, String fileName) {
    checkNotNull(yaml, "yaml");
    checkNotNull(fileName, "fileName");
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    return PolicyReader.read(yaml, sha256Of(bytes), fileName, Optional.empty());
  }

  /** The lower-case hex SHA-256 of {@code bytes}, as approvals record it. */
  public static String sha256Of(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  /** The policy name of the file at {@code path}: its file name without {@code .yaml} or {@code .yml}. */
  public static String nameOf(Path path) {
    String fileName = path.getFileName().toString();
    return fileName.replaceFirst("\\.ya?ml$", "");
  }

  /** The policy name, e.g. {@code researcher-linked-journeys} (the file name without {@code .yaml}). */
  public String name() {
    return name;
  }

  /** What the release is, in the policy author's words. */
  public String description() {
    return description;
  }

  /** The project the release is for. */
  public ProjectInfo project() {
    return project;
  }

  /** The released datasets and their field rules, as written in the file. */
  public ImmutableMap<String, ImmutableMap<String, FieldRule>> datasets() {
    return datasets;
  }

  /** The rule for {@code dataset.field}, if the policy has one. */
  public Optional<FieldRule> rule(String dataset, String field) {
    ImmutableMap<String, FieldRule> rules = datasets.get(dataset);
    return rules == null ? Optional.empty() : Optional.ofNullable(rules.get(field));
  }

  /** The largest date shift in days either way, when the policy shifts dates. */
  public OptionalInt dateShiftMaxDays() {
    return dateShiftMaxDays;
  }

  /** The k-anonymity settings, if written. */
  public Optional<KAnonymityRules> kAnonymity() {
    return kAnonymity;
  }

  /** The small-number rule for count tables, if written. */
  public Optional<SmallNumberRule> countTableRule() {
    return countTableRule;
  }

  /** The dominance rules for magnitude tables, if written. */
  public Optional<MagnitudeRules> magnitudeRules() {
    return magnitudeRules;
  }

  /** The code tables the policy names (table name to file and columns), in file order; empty when none. */
  public ImmutableMap<String, CodeTableRule> lookups() {
    return lookups;
  }

  /** The lower-case hex SHA-256 of the exact bytes the policy was read from. */
  public String sha256() {
    return sha256;
  }

  /** The file the policy was loaded from, if any. */
  public Optional<Path> source() {
    return source;
  }

  /** Problems found while reading (unknown keys, wrong types); {@link PolicyValidator} reports them with the rest. */
  public ImmutableList<PolicyProblem> readProblems() {
    return readProblems;
  }

  @Override
  public String toString() {
    return "Policy{" + name + ", sha256=" + sha256 + "}";
  }
}
