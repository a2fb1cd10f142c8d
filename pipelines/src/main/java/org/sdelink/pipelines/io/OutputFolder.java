package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sdelink.pipelines.run.UserError;

/**
 * An output folder sdelink may write: one it created (it holds sdelink's marker file {@value #MARKER}), an empty
 * folder, or a path that does not exist yet. Anything else stops the run before any work, with a message naming the
 * path and what to do: an existing file, a folder holding files sdelink did not write, a symbolic link, a file or
 * folder this run reads (an input, the keystore, the policy), a folder holding one, a path inside an input folder, or
 * a path inside another stage's output (which that stage replaces whole).
 *
 * <p>A claim also takes an exclusive lock on {@code .<name>.sdelink-lock} beside the folder (a {@link FileLock}, held
 * until {@link #close}), so a second run writing the same output stops with a message instead of racing the first.
 * The operating system releases the lock when the process ends, even on {@code kill -9}: a lock file left behind is
 * not a stale lock and needs no action (on a network file system without working locks, see the runbook).
 *
 * <p>Use in a stage, in one line before any work:
 *
 * <pre>{@code
 * StageDirectory stage = StageDirectory.begin(output, inputs);   // claims output (this class), then writes
 * }</pre>
 *
 * <p>or, for a folder written outside {@link StageDirectory}, {@code try (OutputFolder out = OutputFolder.claim(dir,
 * Kind.RUN, reads)) {...}}; {@link #check} checks a path without locking it (e.g. every stage folder of a run before
 * the first stage starts). Temporary and backup folders are siblings named {@code .<name>.sdelink-work-<random>} and
 * {@code .<name>.sdelink-old-<random>}: they cannot be a user's file, and sdelink only ever deletes a folder that
 * holds its marker.
 */
public final class OutputFolder implements AutoCloseable {
  /** The marker file sdelink writes in every output folder it creates. */
  public static final String MARKER = "_SDELINK_OUTPUT";
  private static final String LOCK_SUFFIX = ".sdelink-lock";
  private static final String WORK_INFIX = ".sdelink-work-";
  private static final String OLD_INFIX = ".sdelink-old-";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Locks held by this process, by lock file: the same thread may claim a folder again (demo, then its run). */
  private static final Map<Path, Held> HELD = new HashMap<>();

  /** What kind of folder: a stage's output (replaced whole by a rerun) or a run's folder (holding stage folders). */
  public enum Kind {
    STAGE("stage"),
    RUN("run");

    private final String id;

    Kind(String id) {
      this.id = id;
    }
  }

  private final Path target;
  private final Kind kind;
  private final Path lockFile;
  private final List<Path> reads;
  private boolean closed;

  private OutputFolder(Path target, Kind kind, Path lockFile, List<Path> reads) {
    this.target = target;
    this.kind = kind;
    this.lockFile = lockFile;
    this.reads = reads;
  }

  /**
   * Checks that {@code target} may be written by this run (see the class description), locks it against other runs,
   * and removes what an earlier killed run of sdelink left beside it. {@code reads}: every file and folder the run
   * reads (inputs, upstream folders, keystore, password file, policy, code lists); they are never written.
   */
  public static OutputFolder claim(Path target, Kind kind, Collection<Path> reads) throws IOException {
    checkNotNull(kind, "kind");
    Path absolute = normalise(target);
    check(absolute, kind, reads);
    Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + LOCK_SUFFIX);
    lock(lockFile, absolute);
    OutputFolder folder = new OutputFolder(absolute, kind, lockFile,
        reads.stream().filter(java.util.Objects::nonNull).map(OutputFolder::normalise).toList());
    try {
      check(absolute, kind, reads); // again under the lock: another run may have written it meanwhile
      folder.removeLeftovers();
      if (kind == Kind.RUN && !Files.isDirectory(absolute)) {
        Files.createDirectories(absolute);
      }
      if (kind == Kind.RUN && !Files.isRegularFile(absolute.resolve(MARKER))) {
        writeMarker(absolute, kind);
      }
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
    return folder;
  }

  /** As {@link #claim(Path, Kind, Collection)} without locking or writing anything: throws when it would refuse. */
  public static void check(Path target, Kind kind, Collection<Path> reads) throws IOException {
    Path t = normalise(target);
    if (Files.isSymbolicLink(t)) {
      throw refuse(t, "it is a symbolic link. Give the folder it points to, or a new folder");
    }
    if (Files.exists(t) && !Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
      throw refuse(t, "it is a file, not a folder, and sdelink never replaces a file. Give a new folder name");
    }
    Path tReal = realPath(t);
    for (Path read : reads) {
      if (read == null) {
        continue;
      }
      Path r = normalise(read);
      Path rReal = realPath(r);
      if (t.equals(r) || tReal.equals(rReal)) {
        throw refuse(t, "this run reads it (an input, the keystore, the policy or another file the run needs). "
            + "Give a new folder for the output");
      }
      if (kind == Kind.STAGE && (r.startsWith(t) || rReal.startsWith(tReal))) {
        throw refuse(t, "it holds " + r + ", which this run reads, and a rerun replaces the folder whole. "
            + "Give a new folder for the output, or move the input out of it");
      }
      if (Files.isDirectory(r) && (t.startsWith(r) || tReal.startsWith(rReal))) {
        throw refuse(t, "it is inside " + r + ", a folder this run reads. Give a folder outside it");
      }
    }
    for (Path parent = t.getParent(); parent != null; parent = parent.getParent()) {
      if (ownedAs(parent).equals(Kind.STAGE.id)) {
        throw refuse(t, "it is inside " + parent + ", the output of another sdelink stage, which that stage "
            + "replaces whole when it runs again. Give a folder outside it");
      }
    }
    String owned = Files.isDirectory(t) ? ownedAs(t) : "";
    if (!owned.isEmpty() && !owned.equals(kind.id)) {
      throw refuse(t, "it is sdelink's " + (owned.equals(Kind.RUN.id) ? "run folder (it holds the stage folders, "
          + "and may hold keys and inputs)" : "output of one stage") + ", which this " + kind.id + " may not "
          + "replace. Give a new folder");
    }
    if (Files.isDirectory(t) && owned.isEmpty() && !isEmpty(t)) {
      throw refuse(t, "the folder holds files sdelink did not write (it has no " + MARKER + " file), and sdelink "
          + "only replaces folders it created. Give a new or empty folder, or move those files away first");
    }
  }

  /**
   * Whether sdelink wrote {@code dir}: it holds the marker, or (outputs of versions before the marker) a
   * {@code _SUCCESS} file in sdelink's JSON form naming the stage and tool version.
   */
  public static boolean isOwn(Path dir) {
    return !ownedAs(dir).isEmpty();
  }

  /** The kind recorded in {@code dir}'s marker ({@code stage}, {@code run}), or "" when sdelink did not write it. */
  private static String ownedAs(Path dir) {
    Path marker = dir.resolve(MARKER);
    try {
      if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
        String kind = new ObjectMapper().readTree(marker.toFile()).path("kind").asText("");
        return kind.isEmpty() ? Kind.STAGE.id : kind;
      }
      Path success = dir.resolve(StageDirectory.SUCCESS);
      if (Files.isRegularFile(success, LinkOption.NOFOLLOW_LINKS) && Files.size(success) < 1 << 20) {
        var node = new ObjectMapper().readTree(success.toFile());
        if (node != null && node.hasNonNull("stage") && node.hasNonNull("tool_version")) {
          return Kind.STAGE.id;
        }
      }
      if (Files.isRegularFile(dir.resolve("run-report.html"), LinkOption.NOFOLLOW_LINKS)
          && ownedAs(dir.resolve("pseudonymised").resolve("cld")).equals(Kind.STAGE.id)) {
        return Kind.RUN.id; // a run folder of a version before the marker
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return "";
  }

  /** Writes the marker into a folder sdelink created. Its bytes are always the same (outputs stay byte-identical). */
  static void writeMarker(Path dir, Kind kind) throws IOException {
    Files.writeString(dir.resolve(MARKER), "{\n  \"written_by\" : \"sdelink\",\n  \"kind\" : \"" + kind.id
        + "\",\n  \"note\" : \"sdelink created this folder and replaces it whole when it runs again: keep no other "
        + "files in it. Without this file sdelink will not write here.\"\n}\n", StandardCharsets.UTF_8);
  }

  /** The folder claimed (absolute, normalised). */
  public Path target() {
    return target;
  }

  /**
   * Empties a claimed {@link Kind#RUN} folder (all but the marker), for commands that start afresh each time
   * ({@code demo}, {@code bench}). Only a folder sdelink created gets here: the claim refused any other.
   */
  public void clear() throws IOException {
    checkState(!closed && kind == Kind.RUN && ownedAs(target).equals(Kind.RUN.id), "not a claimed run folder");
    for (Path read : reads) {
      if (read.startsWith(target)) {
        throw refuse(target, "it holds " + read + ", which this run reads, and the folder is emptied first. Give "
            + "a new folder for the output, or move the input out of it");
      }
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
      entries.forEach(children::add);
    }
    for (Path child : children) {
      if (!child.getFileName().toString().equals(MARKER)) {
        StageDirectory.deleteRecursively(child);
      }
    }
  }

  /** A new, empty sibling work folder with a unique sdelink name and the marker, for an atomic replacement. */
  Path newWorkFolder() throws IOException {
    while (true) {
      Path work = sibling(WORK_INFIX);
      try {
        Files.createDirectory(work);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      writeMarker(work, kind);
      return work;
    }
  }

  /** A sibling name that does not exist, for the earlier output while it is replaced. */
  Path newOldName() {
    Path old;
    do {
      old = sibling(OLD_INFIX);
    } while (Files.exists(old, LinkOption.NOFOLLOW_LINKS));
    return old;
  }

  private Path sibling(String infix) {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return target.resolveSibling("." + target.getFileName() + infix + HexFormat.of().formatHex(bytes));
  }

  /** The work and old folders of {@code target} that exist now (a running stage's, or a killed run's leftovers). */
  public static List<Path> temporaryFolders(Path target) throws IOException {
    Path absolute = normalise(target);
    List<Path> found = new ArrayList<>();
    Path parent = absolute.getParent();
    if (parent != null && Files.isDirectory(parent)) {
      String prefix = "." + absolute.getFileName();
      try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, prefix + ".sdelink-*")) {
        for (Path sibling : siblings) {
          String name = sibling.getFileName().toString();
          if (name.startsWith(prefix + WORK_INFIX) || name.startsWith(prefix + OLD_INFIX)) {
            found.add(sibling);
          }
        }
      }
    }
    found.sort(null);
    return found;
  }

  /** Removes work and old folders an earlier killed run left beside the target: only those holding the marker. */
  private void removeLeftovers() throws IOException {
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    for (Path leftover : temporaryFolders(target)) {
      if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS) && (isOwn(leftover) || isEmpty(leftover))) {
        StageDirectory.deleteRecursively(leftover);
      }
    }
  }

  /** Releases the lock (the lock file stays: deleting it could let two runs lock different files). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (HELD) {
      Held held = HELD.get(lockFile);
      if (held != null && --held.count == 0) {
        HELD.remove(lockFile);
        try {
          held.lock.release();
          held.channel.close();
        } catch (IOException e) {
          // The lock goes with the channel, and at the latest with the process.
        }
      }
    }
  }

  private static void lock(Path lockFile, Path target) throws IOException {
    synchronized (HELD) {
      Held held = HELD.get(lockFile);
      if (held != null) {
        if (held.owner == Thread.currentThread()) {
          held.count++;
          return;
        }
        throw locked(target, lockFile);
      }
      if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(lockFile,
          LinkOption.NOFOLLOW_LINKS)) {
        throw refuse(target, "its lock file " + lockFile + " is not a file. Move it away");
      }
      Files.createDirectories(lockFile.getParent());
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw locked(target, lockFile);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("sdelink lock, process " + ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      HELD.put(lockFile, new Held(Thread.currentThread(), channel, lock));
    }
  }

  private static UserError locked(Path target, Path lockFile) {
    String holder = "";
    try {
      holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim().replaceAll("[^\\w ,]", "");
    } catch (IOException e) {
      // The message below is enough without it.
    }
    return new UserError("another sdelink run is writing " + target + " (" + lockFile + " is locked"
        + (holder.isEmpty() ? "" : ": " + holder) + "). Wait until it ends, or give another output folder. The "
        + "lock goes when that process ends, even if it is killed; the lock file itself may stay and is harmless");
  }

  private static UserError refuse(Path target, String why) {
    return new UserError("will not write to " + target + ": " + why);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  private static Path normalise(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** The real path of the longest existing prefix of {@code path}, with the rest appended (symbolic links resolved). */
  private static Path realPath(Path path) {
    Path existing = path;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      Path real = existing.toRealPath();
      return rest == null ? real : real.resolve(rest);
    } catch (IOException e) {
      return path;
    }
  }

  private static final class Held {
    final Thread owner;
    final FileChannel channel;
    final FileLock lock;
    int count = 1;

    Held(Thread owner, FileChannel channel, FileLock lock) {
      this.owner = owner;
      this.channel = channel;
      this.lock = lock;
    }
  }
}
