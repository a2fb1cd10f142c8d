package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ACRO/SACRO {@code results.json}: {@code version} and {@code results}, output uid to output, in the layout of
 * the AI-SDC ACRO tool, so output checkers can open sdelink's outputs in the SACRO viewer. Written deterministically:
 * same outputs, same bytes (no timestamps).
 */
public final class AcroResults {
  /** The ACRO release whose {@code results.json} layout this follows. */
  public static final String ACRO_LAYOUT_VERSION = "0.4.12";
  /** The file name ACRO uses. */
  public static final String FILE_NAME = "results.json";

  private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("    ", "\n"))
      .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  private final ImmutableList<AcroOutput> outputs;

  private AcroResults(ImmutableList<AcroOutput> outputs) {
    this.outputs = outputs;
  }

  /** Results holding {@code outputs}, in this order; uids must be unique. */
  public static AcroResults of(List<AcroOutput> outputs) {
    checkNotNull(outputs, "outputs");
    checkArgument(outputs.stream().map(AcroOutput::uid).distinct().count() == outputs.size(),
        "output uids must be unique");
    return new AcroResults(ImmutableList.copyOf(outputs));
  }

  public ImmutableList<AcroOutput> outputs() {
    return outputs;
  }

  /** The JSON text, ending with a newline. */
  public String toJson() {
    Map<String, Object> results = new LinkedHashMap<>();
    for (AcroOutput output : outputs) {
      results.put(output.uid(), output.toJsonTree());
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", ACRO_LAYOUT_VERSION);
    root.put("results", results);
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write ACRO results", e);
    }
  }

  /** Writes {@code results.json} into {@code directory} (created if needed) and returns its path. */
  public Path writeTo(Path directory) throws IOException {
    checkNotNull(directory, "directory");
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Files.write(file, toJson().getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
