package org.sdelink.pipelines.link;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sdelink.pipelines.run.StageOptions;

/** Manual measurement run: -Dlink.debug.people=N -Dlink.debug.root=DIR [-Dlink.debug.runner=FlinkRunner]. */
@EnabledIfSystemProperty(named = "link.debug.people", matches = "\\d+")
class LinkDebugMain {
  public static void main(String[] args) throws Exception {
    new LinkDebugMain().run();
  }

  @Test
  void run() throws Exception {
    int people = Integer.getInteger("link.debug.people");
    Path root = Path.of(System.getProperty("link.debug.root"));
    String runner = System.getProperty("link.debug.runner", "DirectRunner");
    LinkFixture fixture = java.nio.file.Files.exists(root.resolve("apc").resolve("records.csv"))
        ? LinkFixture.existing(root) : LinkFixture.pseudonymised(root, people, 4242);
    long start = System.nanoTime();
    Path out = LinkStage.of(fixture.cld(), fixture.apc())
        .run(StageOptions.fromArgs(List.of("--runner=" + runner)), root.resolve("linked-" + runner));
    System.out.printf("LINK %s %d people: %.1f s%n", runner, people, (System.nanoTime() - start) / 1e9);
    SpineEvaluation evaluation = SpineEvaluation.evaluate(out.resolve(LinkStage.SPINE), root.resolve("input"));
    System.out.println(evaluation.table());
  }
}
