package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.run.UserError;

/** The rules of {@link OutputFolder} and {@link UpstreamFolder} on small folders, without a pipeline. */
class OutputFolderTest {
  @TempDir Path root;

  private static void assertRefused(String expected, org.junit.jupiter.api.function.Executable claim) {
    UserError error = assertThrows(UserError.class, claim);
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  private Path stageOutput(String name, String file, String content) throws Exception {
    StageDirectory stage = StageDirectory.begin(root.resolve(name), List.of());
    Files.writeString(stage.work().resolve(file), content);
    stage.commit("pseudonymise", List.of(), "source=cld;key_id=k1");
    return stage.target();
  }

  @Test
  void aNewPathAnEmptyFolderAndItsOwnOutputMayBeWritten() throws Exception {
    OutputFolder.check(root.resolve("new"), OutputFolder.Kind.STAGE, List.of());
    Files.createDirectories(root.resolve("empty"));
    Path replaced = stageOutput("empty", "records.csv", "a\n");
    assertTrue(OutputFolder.isOwn(replaced));
    Path again = stageOutput("empty", "records.csv", "b\n");
    assertEquals("b\n", Files.readString(again.resolve("records.csv")));
    assertTrue(OutputFolder.temporaryFolders(again).isEmpty());
  }

  @Test
  void aSymbolicLinkAPathInsideAStageOutputAndARunFolderAsAStageAreRefused() throws Exception {
    Path stage = stageOutput("cld", "records.csv", "a\n");
    Path link = Files.createSymbolicLink(root.resolve("link"), stage);
    assertRefused("symbolic link", () -> OutputFolder.check(link, OutputFolder.Kind.STAGE, List.of()));
    assertRefused("output of another sdelink stage",
        () -> OutputFolder.check(stage.resolve("inner"), OutputFolder.Kind.STAGE, List.of()));
    try (OutputFolder run = OutputFolder.claim(root.resolve("run"), OutputFolder.Kind.RUN, List.of())) {
      assertTrue(Files.isRegularFile(run.target().resolve(OutputFolder.MARKER)));
    }
    assertRefused("run folder", () -> OutputFolder.check(root.resolve("run"), OutputFolder.Kind.STAGE, List.of()));
    assertRefused("output of one stage", () -> OutputFolder.check(stage, OutputFolder.Kind.RUN, List.of()));
  }

  @Test
  void anOutputOfAVersionBeforeTheMarkerIsStillItsOwn() throws Exception {
    Path old = Files.createDirectories(root.resolve("old-output"));
    Files.writeString(old.resolve("records.csv"), "a\n");
    Files.writeString(old.resolve(StageDirectory.SUCCESS), "{\"stage\":\"pseudonymise\",\"tool_version\":\"0.1\"}");
    OutputFolder.check(old, OutputFolder.Kind.STAGE, List.of());
    Files.writeString(old.resolve(StageDirectory.SUCCESS), "Spark was here");
    assertRefused("did not write", () -> OutputFolder.check(old, OutputFolder.Kind.STAGE, List.of()));
  }

  @Test
  void anotherThreadIsRefusedTheLockAndTheSameThreadMayClaimAgain() throws Exception {
    Path out = root.resolve("locked");
    try (OutputFolder first = OutputFolder.claim(out, OutputFolder.Kind.RUN, List.of())) {
      try (OutputFolder nested = OutputFolder.claim(out, OutputFolder.Kind.RUN, List.of())) {
        assertEquals(first.target(), nested.target());
      }
      Throwable other = CompletableFuture.runAsync(() -> {
        try (OutputFolder second = OutputFolder.claim(out, OutputFolder.Kind.RUN, List.of())) {
          throw new AssertionError("a second claim got the lock");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).handle((ok, e) -> e == null ? null : e.getCause()).get();
      assertTrue(other instanceof UserError && other.getMessage().contains("another sdelink run"), "" + other);
    }
    OutputFolder.claim(out, OutputFolder.Kind.RUN, List.of()).close(); // released by close
  }

  @Test
  void clearingARunFolderThatHoldsAnInputIsRefused() throws Exception {
    Path out = root.resolve("bench");
    OutputFolder.claim(out, OutputFolder.Kind.RUN, List.of()).close();
    Path input = Files.createDirectories(out.resolve("input"));
    Files.writeString(input.resolve("cld_events.csv"), "x\n");
    try (OutputFolder run = OutputFolder.claim(out, OutputFolder.Kind.RUN, List.of(input))) {
      assertRefused("emptied first", run::clear);
    }
    assertTrue(Files.exists(input.resolve("cld_events.csv")));
  }

  @Test
  void upstreamChecksNameTheStageTheSourceAndUnlistedFiles() throws Exception {
    Path cld = stageOutput("cld", "records.csv", "a\n");
    UpstreamFolder verified = UpstreamFolder.verify(cld, "pseudonymise", "records.csv");
    assertEquals("k1", verified.setting("key_id").orElseThrow());
    assertRefused("not of sdelink link", () -> UpstreamFolder.verify(cld, "link", "records.csv"));
    assertRefused("source cld, not apc", () -> verified.requireSetting("source", "apc", "the APC folder"));
    Files.writeString(cld.resolve("extra.csv"), "b\n");
    assertRefused("not listed", () -> UpstreamFolder.verify(cld, "pseudonymise", "extra.csv"));
    Files.writeString(cld.resolve("records.csv"), "a\nb\n");
    assertRefused("has changed", () -> UpstreamFolder.verify(cld, "pseudonymise", "records.csv"));
    assertFalse(Files.exists(root.resolve("nowhere")));
    assertRefused("does not exist", () -> UpstreamFolder.verify(root.resolve("nowhere"), "pseudonymise",
        "records.csv"));
  }
}
