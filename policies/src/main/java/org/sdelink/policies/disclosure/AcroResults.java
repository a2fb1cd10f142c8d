package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files ACRO writes for output checkers, so they can open sdelink's outputs in the SACRO viewer:
 * <ul>
 *   <li>{@code results.json}: {@code version} and {@code results}, output uid to output, in the layout of ACRO
 *       {@value #ACRO_LAYOUT_VERSION} (the viewer reads ACRO 0.4.x files);
 *   <li>{@code config.json}: the risk profile the checks used (the viewer shows it);
 *   <li>{@code checksums/<file>.txt}: the SHA-256 of each output file, which the viewer checks before it highlights
 *       the flagged cells.
 * </ul>
 * Written deterministically: the records' {@code timestamp} is given by the caller (sdelink uses the time of the
 * policy's approval), so the same outputs give the same bytes.
 */
public final class AcroResults {
  /** The ACRO release whose {@code results.json} layout this follows. */
  public static final String ACRO_LAYOUT_VERSION = "0.4.12";
  /** The file name ACRO uses. */
  public static final String FILE_NAME = "results.json";
  /** The risk profile's file name. */
  public static final String CONFIG_FILE_NAME = "config.json";
  /** The folder of the outputs' checksums. */
  public static final String CHECKSUMS_FOLDER = "checksums";

  private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("    ", "\n"))
      .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  private final ImmutableList<AcroOutput> outputs;
  private final String timestamp;
  private final Optional<ImmutableMap<String, Object>> riskProfile;

  private AcroResults(ImmutableList<AcroOutput> outputs, String timestamp,
      Optional<ImmutableMap<String, Object>> riskProfile) {
    this.outputs = outputs;
    this.timestamp = timestamp;
    this.riskProfile = riskProfile;
  }

  /**
   * Results holding {@code outputs}, in this order (uids unique), each recorded at {@code timestamp} (ISO 8601, e.g.
   * {@code 2025-04-01T09:30:00Z}).
   */
  public static AcroResults of(List<AcroOutput> outputs, String timestamp) {
    checkNotNull(outputs, "outputs");
    checkNotNull(timestamp, "timestamp");
    checkArgument(!timestamp.isBlank(), "timestamp must not be blank");
    checkArgument(outputs.stream().map(AcroOutput::uid).distinct().count() == outputs.size(),
        "output uids must be unique");
    return new AcroResults(ImmutableList.copyOf(outputs), timestamp, Optional.empty());
  }

  /**
   * These results with the risk profile the checks used, written to {@code config.json} with ACRO's names for
   * ACRO's rules ({@code safe_threshold}, {@code safe_pratio_p}, {@code safe_nk_n}, {@code safe_nk_k},
   * {@code zeros_are_disclosive}) and the HES small-number rule's settings.
   */
  public AcroResults withRiskProfile(SmallNumberRule countRule, MagnitudeRules magnitudeRules) {
    checkNotNull(countRule, "countRule");
    checkNotNull(magnitudeRules, "magnitudeRules");
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("safe_threshold", magnitudeRules.threshold());
    profile.put("safe_pratio_p", magnitudeRules.pRatio());
    profile.put("safe_nk_n", magnitudeRules.nkN());
    profile.put("safe_nk_k", magnitudeRules.nkK());
    profile.put("zeros_are_disclosive", magnitudeRules.zerosAreDisclosive());
    profile.put("hes_suppress_counts_up_to", countRule.suppressUpTo());
    profile.put("hes_round_counts_to", countRule.roundTo());
    return new AcroResults(outputs, timestamp, Optional.of(ImmutableMap.copyOf(profile)));
  }

  public ImmutableList<AcroOutput> outputs() {
    return outputs;
  }

  /** The {@code results.json} text, ending with a newline. */
  public String toJson() {
    Map<String, Object> results = new LinkedHashMap<>();
    for (AcroOutput output : outputs) {
      results.put(output.uid(), output.toJsonTree(timestamp));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", ACRO_LAYOUT_VERSION);
    root.put("results", results);
    return write(root);
  }

  /** The {@code config.json} text, if a risk profile was given. */
  public Optional<String> configJson() {
    return riskProfile.map(AcroResults::write);
  }

  private static String write(Object tree) {
    try {
      return WRITER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write ACRO results", e);
    }
  }

  /**
   * Writes {@code results.json}, {@code config.json} (with a risk profile) and a checksum of every output file into
   * {@code directory}, where the output files must already be. Returns the path of {@code results.json}.
   */
  public Path writeTo(Path directory) throws IOException {
    checkNotNull(directory, "directory");
    Files.createDirectories(directory);
    Path checksums = directory.resolve(CHECKSUMS_FOLDER);
    for (AcroOutput output : outputs) {
      Path file = directory.resolve(output.fileName());
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file + " (an ACRO output must be written before its results)");
      }
      Files.createDirectories(checksums);
      Files.writeString(checksums.resolve(output.fileName() + ".txt"),
          Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString(), StandardCharsets.UTF_8);
    }
    Optional<String> config = configJson();
    if (config.isPresent()) {
      Files.writeString(directory.resolve(CONFIG_FILE_NAME), config.get(), StandardCharsets.UTF_8);
    }
    Path file = directory.resolve(FILE_NAME);
    Files.write(file, toJson().getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
