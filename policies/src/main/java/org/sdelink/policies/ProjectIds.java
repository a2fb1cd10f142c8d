package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * The syntax of a project id: 1 to 64 characters, each a letter A-Z or a-z, a digit, {@code .}, {@code _} or
 * {@code -}, the first a letter or digit (e.g. {@code SDE-PROJECT-0001}). A project id becomes a folder name (the
 * release folder {@code release/<project>}) and part of a key purpose ({@code project/<id>}), so it can never be
 * {@code .} or {@code ..}, hold a path separator, a space or a control character, or be longer than a file name may
 * safely be. The same syntax as {@code pseudonymisation.tokens.Purposes#project}.
 */
public final class ProjectIds {
  /** The allowed syntax. */
  public static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  /** The syntax in words, for messages and docs. */
  public static final String RULE = "1 to 64 letters (A-Z, a-z), digits, '.', '_' or '-', starting with a letter or "
      + "digit (it becomes a folder name and part of a key purpose: no '/', '\\', spaces or other characters, and "
      + "never '.' or '..')";

  private ProjectIds() {}

  /** Whether {@code id} has the allowed syntax. */
  public static boolean isValid(String id) {
    checkNotNull(id, "id");
    return SYNTAX.matcher(id).matches();
  }

  /**
   * Returns {@code id} when it has the allowed syntax.
   *
   * @throws IllegalArgumentException naming {@code where} (e.g. {@code --project}) and the rule, not the value
   */
  public static String require(String id, String where) {
    checkNotNull(where, "where");
    if (id == null || !isValid(id)) {
      throw new IllegalArgumentException(where + " is not a valid project id: use " + RULE);
    }
    return id;
  }
}
