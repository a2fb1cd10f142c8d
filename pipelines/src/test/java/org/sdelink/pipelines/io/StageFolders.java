package org.sdelink.pipelines.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test support: files written by hand, made into a stage's output folder as the stage itself would commit it. */
public final class StageFolders {
  private StageFolders() {}

  /** Copies the files of {@code files} into a new output folder {@code target} of {@code stage} and commits it. */
  public static Path seal(Path files, Path target, String stage, String settings) throws IOException {
    StageDirectory directory = StageDirectory.begin(target, List.of(files));
    try (var listing = Files.list(files)) {
      for (Path file : listing.toList()) {
        Files.copy(file, directory.work().resolve(file.getFileName()));
      }
    }
    directory.commit(stage, List.of(), settings);
    return directory.target();
  }
}
