package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdelink.pipelines.run.UserError;

/**
 * An earlier stage's output folder, checked before a stage reads it: the folder holds that stage's {@code _SUCCESS}
 * marker (written last, so a failed, killed or hand-made folder has none), the marker names the expected stage, and
 * every file read has the SHA-256 the marker recorded when the stage wrote it (so a file cut short, edited or swapped
 * since stops the run). Hashing streams each file once per process ({@link FileHashes}).
 *
 * <p>Use in a stage, in one line before any work, naming the files it reads:
 *
 * <pre>{@code
 * Path records = UpstreamFolder.verify(cldDir, "pseudonymise", "records.csv").file("records.csv");
 * }</pre>
 *
 * <p>{@link #setting} gives what the upstream stage recorded in its settings (e.g. {@code source}, {@code key_id}).
 * This detects accidents and careless edits; it does not stop someone who can rewrite {@code _SUCCESS} too.
 */
public final class UpstreamFolder {
  private final Path folder;
  private final String stage;
  private final Map<String, String> outputs;
  private final Map<String, String> settings;

  private UpstreamFolder(Path folder, String stage, Map<String, String> outputs, Map<String, String> settings) {
    this.folder = folder;
    this.stage = stage;
    this.outputs = outputs;
    this.settings = settings;
  }

  /**
   * Checks {@code folder} as the complete, unchanged output of sdelink {@code stage}, for the {@code files} (names
   * inside the folder) the caller reads; stops with a {@code UserError} naming the folder or file and what to do.
   */
  public static UpstreamFolder verify(Path folder, String stage, String... files) {
    checkNotNull(folder, "folder");
    checkNotNull(stage, "stage");
    checkArgument(files.length > 0, "name the files read");
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UserError("folder " + dir + " does not exist: give the output folder of sdelink " + stage
          + " (holding " + String.join(", ", files).replace(StageDirectory.SUCCESS, "its files") + ")");
    }
    Path marker = dir.resolve(StageDirectory.SUCCESS);
    if (!Files.isRegularFile(marker)) {
      throw new UserError("folder " + dir + " has no " + StageDirectory.SUCCESS + " marker, so it is not a complete "
          + "output of sdelink " + stage + " (a failed or killed run, or files put there by hand): run sdelink "
          + stage + " again" + (OutputFolder.isOwn(dir) ? " into it" : " into a new folder and give that one"));
    }
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(marker.toFile());
    } catch (IOException e) {
      throw new UserError("the " + StageDirectory.SUCCESS + " marker of " + dir + " is not sdelink's (it does not "
          + "read as JSON): run sdelink " + stage + " again into the folder");
    }
    String written = node == null ? "" : node.path("stage").asText("");
    if (!stage.equals(written)) {
      throw new UserError("folder " + dir + " is " + (written.isEmpty() ? "not an output of sdelink"
          : "the output of sdelink " + written) + ", not of sdelink " + stage + ": give the output folder of sdelink "
          + stage);
    }
    Map<String, String> outputs = new TreeMap<>();
    node.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText("")));
    Map<String, String> settings = new TreeMap<>();
    for (String part : node.path("settings").asText("").split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        settings.put(part.substring(0, equals), part.substring(equals + 1));
      }
    }
    UpstreamFolder upstream = new UpstreamFolder(dir, stage, outputs, settings);
    for (String file : files) {
      upstream.check(file);
    }
    return upstream;
  }

  /**
   * As {@link #verify(Path, String, String...)} for every output file the marker records (e.g. a metrics folder,
   * all of whose files publish may read).
   */
  public static UpstreamFolder verifyAll(Path folder, String stage) {
    UpstreamFolder upstream = verify(folder, stage, StageDirectory.SUCCESS);
    return upstream;
  }

  private void check(String file) {
    if (file.equals(StageDirectory.SUCCESS)) {
      outputs.keySet().forEach(this::check);
      return;
    }
    String recorded = outputs.get(file);
    Path path = folder.resolve(file);
    if (recorded == null) {
      throw new UserError("file " + path + " is not listed in " + folder.resolve(StageDirectory.SUCCESS)
          + ", so sdelink " + stage + " did not write it: run sdelink " + stage + " again into " + folder);
    }
    if (!Files.isRegularFile(path)) {
      throw new UserError("file " + path + " is missing, though sdelink " + stage + " wrote it: run sdelink " + stage
          + " again into " + folder);
    }
    String actual;
    try {
      actual = FileHashes.sha256(path);
    } catch (UncheckedIOException e) {
      throw new UserError("file " + path + " cannot be read (" + e.getCause().getClass().getSimpleName() + ")", e);
    }
    if (!actual.equals(recorded)) {
      throw new UserError("file " + path + " has changed since sdelink " + stage + " wrote it (its SHA-256 is not the "
          + "one recorded in " + StageDirectory.SUCCESS + "): it may be cut short, edited or replaced. Run sdelink "
          + stage + " again into " + folder);
    }
  }

  /** The folder checked (absolute, normalised). */
  public Path folder() {
    return folder;
  }

  /** A file of the folder; one of those checked. */
  public Path file(String name) {
    return folder.resolve(name);
  }

  /** A setting the upstream stage recorded (e.g. {@code source}, {@code key_id}), if it recorded it. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** Stops unless the upstream stage recorded {@code name=value} (e.g. {@code source=cld} for the CLD folder). */
  public UpstreamFolder requireSetting(String name, String expected, String what) {
    Optional<String> recorded = setting(name);
    if (recorded.isPresent() && !recorded.get().equals(expected)) {
      throw new UserError("folder " + folder + " holds " + name + " " + recorded.get() + ", not " + expected
          + ": give " + what);
    }
    return this;
  }

  /** The recorded output files' names, in name order. */
  public List<String> files() {
    return List.copyOf(outputs.keySet());
  }
}
