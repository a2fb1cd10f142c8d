package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.sdelink.pseudonymisation.keys.KeyPolicy;
import org.sdelink.pseudonymisation.keys.KeyRing;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.keys.PasswordRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdelink keys}: create, rotate and list the keys in a PKCS#12 keystore. Keys are never printed; ids and
 * fingerprints (which tell nothing about the key, see {@code KeyFingerprint}) are. A password protecting a new key has
 * at least {@code PasswordRule.MIN_CHARS} characters.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Manage the PKCS#12 keystore holding the 256-bit master keys (ids and fingerprints only are ever"
        + " shown). A new key's password needs at least " + PasswordRule.MIN_CHARS + " characters.",
    subcommands = {KeysCommand.Init.class, KeysCommand.Rotate.class, KeysCommand.ListKeys.class})
public final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code action} with the keystore password and zeroes the password afterwards. */
  static <T> T withPassword(KeystoreOptions keystore, java.util.function.Function<char[], T> action) {
    char[] password = keystore.password();
    try {
      return action.apply(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** {@code sdelink keys init}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Create a keystore (mode 0600) with a fresh random 256-bit master key.")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystore;

    @Override
    public Integer call() {
      String id = withPassword(keystore, password -> KeyStoreFile.init(keystore.keystore(), password));
      spec.commandLine().getOut().printf("created %s with master key %s%n", keystore.keystore(), id);
      return 0;
    }
  }

  /** {@code sdelink keys rotate}. */
  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Add a new primary master key; older keys stay readable for existing outputs.")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystore;

    @Override
    public Integer call() {
      String id = withPassword(keystore, password -> KeyStoreFile.rotate(keystore.keystore(), password));
      spec.commandLine().getOut().printf("new primary key %s in %s%n", id, keystore.keystore());
      return 0;
    }
  }

  /** {@code sdelink keys list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List key ids and the primary key.")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystore;

    @Override
    public Integer call() {
      KeyRing ring = withPassword(keystore,
          password -> KeyStoreFile.open(keystore.keystore(), password, KeyPolicy.ALLOW_DEMO));
      for (String id : ring.keyIds()) {
        MasterKey key = ring.byId(id);
        spec.commandLine().getOut().printf("%s%s%n", key.label(), id.equals(ring.primary().id()) ? "  (primary)" : "");
      }
      return 0;
    }
  }
}
