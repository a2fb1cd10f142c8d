package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help texts read as sentences: picocli starts a new line at every element of a command's {@code description} (and
 * wraps long ones itself), so an element that stops mid-sentence prints as a line cut in the middle of a sentence
 * (issue 18: "the top-level --help cuts descriptions mid-sentence").
 */
class HelpTextTest {
  @Test
  void everyDescriptionLineEndsASentence() {
    List<String> cut = new ArrayList<>();
    check(new CommandLine(new SdelinkCommand()), cut);
    assertTrue(cut.isEmpty(), "description or header lines that stop mid-sentence: " + cut);
  }

  private static void check(CommandLine command, List<String> cut) {
    String name = command.getCommandSpec().qualifiedName();
    List<String> lines = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().description()));
    lines.addAll(List.of(command.getCommandSpec().usageMessage().header()));
    for (String line : lines) {
      String text = line.strip();
      if (!text.isEmpty() && !text.matches("(?s).*[.:!?)]$")) {
        cut.add(name + ": '" + text + "'");
      }
    }
    command.getSubcommands().values().forEach(sub -> {
      if (!sub.getCommandName().equals("help")) {
        check(sub, cut);
      }
    });
  }
}
