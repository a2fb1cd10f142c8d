package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.sdelink.pipelines.contract.InputContractException;

/**
 * An input file's size and modification time when reading began, to stop a run whose input changed while it was
 * read: a file still being written (or appended to) was half read with exit 0 in issue 15. The state is taken before
 * a file is cut into parts and checked again after each part is read and after the whole stage; any difference
 * stops the run naming the file. Size and time, not a hash: an append changes the size, and a rewrite in place the
 * modification time (a same-size rewrite within the same millisecond is not seen; copy files into place whole).
 */
public record InputFileState(String path, long size, long lastModifiedMillis) implements Serializable {
  public InputFileState {
    checkNotNull(path, "path");
  }

  /** The state of {@code path} (a path or URI Beam's FileSystems understands) now. */
  public static InputFileState of(String path) throws IOException {
    MatchResult.Metadata metadata = FileSystems.matchSingleFileSpec(path);
    return new InputFileState(path, metadata.sizeBytes(), metadata.lastModifiedMillis());
  }

  /** The states of {@code paths} now, in order. */
  public static List<InputFileState> of(List<String> paths) throws IOException {
    List<InputFileState> states = new java.util.ArrayList<>(paths.size());
    for (String path : paths) {
      states.add(of(path));
    }
    return List.copyOf(states);
  }

  /** Stops with an {@link InputContractException} naming the file when it is not as it was. */
  public void checkUnchanged() throws IOException {
    InputFileState now;
    try {
      now = of(path);
    } catch (IOException e) {
      throw changed("was removed or replaced");
    }
    if (now.size != size) {
      throw changed(now.size > size ? "grew" : "shrank");
    }
    if (now.lastModifiedMillis != lastModifiedMillis) {
      throw changed("was modified");
    }
  }

  /** {@link #checkUnchanged()} for each state. */
  public static void checkUnchanged(List<InputFileState> states) throws IOException {
    for (InputFileState state : states) {
      state.checkUnchanged();
    }
  }

  private InputContractException changed(String how) {
    return new InputContractException("input file " + path + " " + how + " while sdelink was reading it, so it was"
        + " not read whole and nothing was written: wait until the file is completely written (copy it into place"
        + " under a temporary name and rename it when done) and run again");
  }
}
