package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Neither the keystore password nor a reviewer's key password is taken from the command line: no command has an
 * option that carries one, only options naming a file that holds it.
 */
class PasswordOptionTest {
  @Test
  void noCommandTakesAPasswordOnTheCommandLine() {
    List<String> passwordOptions = new ArrayList<>();
    collect(new CommandLine(new SdelinkCommand()), passwordOptions);
    assertTrue(passwordOptions.stream().allMatch(o -> o.endsWith("--keystore-password-file")
            || o.endsWith("--key-password-file")),
        "options that may carry a password: " + passwordOptions);
    assertTrue(passwordOptions.size() >= 5, "expected the password-file option on the keyed commands");

    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(new String[] {"keys", "list", "--keystore", "k.p12", "--keystore-password",
        "secret"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertNotEquals(0, code, "a password option was accepted");
    assertTrue(!err.toString().contains("secret") || err.toString().contains("Unknown option"), err.toString());
  }

  private static void collect(CommandLine command, List<String> found) {
    for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
      for (String name : option.names()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("password") || lower.contains("passphrase") || lower.contains("secret")) {
          found.add(command.getCommandName() + " " + name);
        }
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, found));
  }

  @Test
  void thePasswordFileOptionNamesAFileNotAPassword() {
    CommandLine keys = new CommandLine(new SdelinkCommand()).getSubcommands().get("keys").getSubcommands().get("init");
    CommandLine.Model.OptionSpec option = keys.getCommandSpec().findOption("--keystore-password-file");
    assertEquals(java.nio.file.Path.class, option.type());
    CommandLine policy = new CommandLine(new SdelinkCommand()).getSubcommands().get("policy");
    for (CommandLine command : List.of(policy.getSubcommands().get("approve"),
        policy.getSubcommands().get("keys").getSubcommands().get("init"))) {
      assertEquals(java.nio.file.Path.class, command.getCommandSpec().findOption("--key-password-file").type());
    }
  }
}
