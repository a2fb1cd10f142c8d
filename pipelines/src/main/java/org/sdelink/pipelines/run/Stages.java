package org.sdelink.pipelines.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.pseudonymise.LocalIdTokens;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.pseudonymise.RowPseudonymiser;
import org.sdelink.pseudonymisation.IdentityPseudonymiser;
import org.sdelink.pseudonymisation.keys.KeyPolicy;
import org.sdelink.pseudonymisation.keys.KeyRing;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/** Builds each stage from the command line's or run configuration's values: the one place stages are wired. */
public final class Stages {
  private Stages() {}

  /** Opens the keystore and returns its primary key; zeroes the password. Demo keys only when {@code allowDemo}. */
  public static MasterKey openPrimaryKey(Path keystore, char[] password, boolean allowDemo) throws Exception {
    try {
      KeyRing ring = KeyStoreFile.open(keystore, password, allowDemo ? KeyPolicy.ALLOW_DEMO : KeyPolicy.PRODUCTION);
      return ring.primary();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * Reads the operator's code lists from {@code folder}; a folder without them, or an unreadable list, is a user error
   * that says what to do.
   */
  public static CodeLists codeLists(Path folder) {
    if (!java.nio.file.Files.isDirectory(folder)) {
      throw new UserError("code lists folder " + folder + " does not exist; give the folder holding "
          + CodeLists.CLD_FILE + " and/or " + CodeLists.APC_FILE);
    }
    try {
      return CodeLists.load(folder);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UserError(e.getMessage() + "; give the folder holding the published code lists");
    }
  }

  public static PseudonymiseStage pseudonymise(
      InputSource source, List<Path> inputs, MasterKey key, LocalDate referenceDate) {
    return PseudonymiseStage.of(source, inputs, rowPseudonymiser(source, key, referenceDate), key,
        "reference_date=" + referenceDate);
  }

  /** The per-row rule of the pseudonymise stage under {@code key}. */
  public static RowPseudonymiser rowPseudonymiser(InputSource source, MasterKey key, LocalDate referenceDate) {
    return RowPseudonymiser.create(source, IdentityPseudonymiser.create(key, referenceDate), LocalIdTokens.create(key));
  }
}
