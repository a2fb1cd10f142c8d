package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stage's output folder, written atomically: the stage writes into a new sibling work folder
 * ({@code .<name>.sdelink-work-<random>}, holding sdelink's marker), and {@link #commit} writes the {@code _SUCCESS}
 * marker (with the SHA-256 of each input and output file) and renames the folder into place. A killed run therefore
 * never leaves a partial folder where a complete one is expected. {@link #begin} first claims the output through
 * {@link OutputFolder}: it refuses any path sdelink did not create (an existing file, a foreign folder, an input of
 * the run) and locks it against a second run, until {@link #commit} or {@link #abandon}.
 */
public final class StageDirectory {
  public static final String SUCCESS = "_SUCCESS";
  private final OutputFolder claim;
  private final Path target;
  private final Path work;
  private boolean committed;
  private boolean closed;

  private StageDirectory(OutputFolder claim, Path work) {
    this.claim = claim;
    this.target = claim.target();
    this.work = work;
  }

  /**
   * Starts a stage writing to {@code target}, which must not be (or hold, or lie inside) any of {@code reads}: every
   * file and folder the stage reads (see {@link OutputFolder#check}). Stops with a {@code UserError} before any work
   * when sdelink may not write there, or when another run is writing it.
   */
  public static StageDirectory begin(Path target, Collection<Path> reads) throws IOException {
    OutputFolder claim = OutputFolder.claim(target, OutputFolder.Kind.STAGE, reads);
    try {
      return new StageDirectory(claim, claim.newWorkFolder());
    } catch (IOException | RuntimeException e) {
      claim.close();
      throw e;
    }
  }

  /**
   * Stops (a {@code UserError}) when {@link #begin} would refuse {@code target}, without locking or writing: for a
   * stage that does other checks (e.g. hashing its inputs) before it begins.
   */
  public static void checkOutput(Path target, Collection<Path> reads) throws IOException {
    OutputFolder.check(target, OutputFolder.Kind.STAGE, reads);
  }

  /** As {@link #begin(Path, Collection)} for a stage that reads nothing on disk the caller can name. */
  public static StageDirectory begin(Path target) throws IOException {
    return begin(target, List.of());
  }

  /** Where the stage writes while it runs. */
  public Path work() {
    return work;
  }

  public Path target() {
    return target;
  }

  /** A scratch folder inside the work folder, removed at commit. */
  public Path scratch(String name) throws IOException {
    Path dir = work.resolve("_scratch").resolve(name);
    Files.createDirectories(dir);
    return dir;
  }

  /** Writes {@code _SUCCESS} and moves the work folder into place, replacing an earlier complete output. */
  public void commit(String stage, List<Path> inputs) throws IOException {
    commit(stage, inputs, "");
  }

  /**
   * Commits, recording {@code settings} (the options that change the output, e.g. the key id and period) beside the
   * inputs' hashes, so that {@link #isUpToDate} can tell a rerun with unchanged inputs and settings.
   */
  public void commit(String stage, List<Path> inputs, String settings) throws IOException {
    checkState(!committed, "already committed");
    deleteRecursively(work.resolve("_scratch"));
    ObjectNode marker = new ObjectMapper().createObjectNode();
    marker.put("stage", stage);
    marker.put("tool_version", Version.current());
    marker.put("settings", settings);
    ObjectNode hashes = marker.putObject("inputs");
    Map<String, String> sorted = new TreeMap<>();
    for (Path input : inputs) {
      sorted.put(input.toAbsolutePath().normalize().toString(), sha256(input));
    }
    sorted.forEach(hashes::put);
    ObjectNode outputs = marker.putObject("outputs");
    try (var files = Files.list(work)) {
      files.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString).sorted()
          .forEach(name -> outputs.put(name, sha256(work.resolve(name))));
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(work.resolve(SUCCESS).toFile(), marker);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && !OutputFolder.isOwn(target)) {
      Files.delete(target); // empty when claimed; fails, deleting nothing, if files appeared in it since
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Path old = claim.newOldName();
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
      deleteRecursively(old);
    } else {
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
    }
    committed = true;
    release();
  }

  private void release() {
    if (!closed) {
      closed = true;
      claim.close();
    }
  }

  /**
   * Whether {@code target} holds a complete output of {@code stage}, made by this tool version from inputs with the
   * same bytes and the same settings, and not changed since (every output file still has its recorded hash). A rerun
   * may then skip the stage.
   */
  public static boolean isUpToDate(Path target, String stage, List<Path> inputs, String settings) {
    Path marker = target.resolve(SUCCESS);
    if (!Files.isRegularFile(marker)) {
      return false;
    }
    try {
      var node = new ObjectMapper().readTree(marker.toFile());
      if (!stage.equals(node.path("stage").asText()) || !Version.current().equals(node.path("tool_version").asText())
          || !settings.equals(node.path("settings").asText())) {
        return false;
      }
      Map<String, String> recorded = new TreeMap<>();
      node.path("inputs").fields().forEachRemaining(e -> recorded.put(e.getKey(), e.getValue().asText()));
      Map<String, String> current = new TreeMap<>();
      for (Path input : inputs) {
        if (!Files.exists(input)) {
          return false;
        }
        current.put(input.toAbsolutePath().normalize().toString(), sha256(input));
      }
      if (!recorded.equals(current)) {
        return false;
      }
      var outputs = node.path("outputs").fields();
      while (outputs.hasNext()) {
        var output = outputs.next();
        Path file = target.resolve(output.getKey());
        if (!Files.isRegularFile(file) || !sha256(file).equals(output.getValue().asText())) {
          return false;
        }
      }
      return true;
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** Removes the work folder of a stage that failed, so nothing half-written is left behind. */
  public void abandon() {
    if (!committed) {
      try {
        deleteRecursively(work);
      } catch (IOException e) {
        // Best effort: the next run of the stage removes it anyway (see begin).
      }
    }
    release();
  }

  /** SHA-256 of a file, or of every file below a folder in name order, as lower-case hex. */
  public static String sha256(Path path) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(path)) {
        try (var walk = Files.walk(path)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            digest.update(path.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            FileHashes.update(digest, file);
          }
        }
      } else {
        return FileHashes.sha256(path);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
