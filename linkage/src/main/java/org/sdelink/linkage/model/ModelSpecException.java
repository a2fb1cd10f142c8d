package org.sdelink.linkage.model;

import com.google.common.base.Strings;
import org.jspecify.annotations.Nullable;

/**
 * A mistake in a linkage model spec, or between a spec and the input it reads (a column the spec's fields need
 * and the input lacks). Its message names the key (e.g. {@code comparisons[2].levels[1]}), the comparison and
 * level, and the spec's line where known, and never quotes a data value: only spec keys, names and labels. It is
 * therefore safe to show as it is, and the command line always shows it.
 */
public final class ModelSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final @Nullable String key;
  private final int line;

  private ModelSpecException(String problem, @Nullable String key, int specLine, @Nullable Throwable cause) {
    super(describe(problem, key, specLine), cause);
    this.problem = problem;
    this.key = key;
    this.line = specLine;
  }

  /** An error about the spec's {@code key} (a path such as {@code comparisons[2].levels[1]}), line unknown. */
  public static ModelSpecException at(@Nullable String key, String message) {
    return new ModelSpecException(message, key, 0, null);
  }

  /** An error not tied to one key of the spec (e.g. input columns). */
  public static ModelSpecException of(String message) {
    return new ModelSpecException(message, null, 0, null);
  }

  /** This error with the spec line of its key (1-based; 0 if unknown). */
  ModelSpecException withLine(int specLine) {
    return new ModelSpecException(problem, key, specLine, getCause());
  }

  static ModelSpecException located(
      String message, @Nullable String key, int specLine, @Nullable Throwable cause) {
    return new ModelSpecException(message, key, specLine, cause);
  }

  /** The spec key the error is about, e.g. {@code comparisons[2].levels[1]}; null if none. */
  public @Nullable String key() {
    return key;
  }

  /** The spec line (1-based) of the key, or 0 if unknown. */
  public int line() {
    return line;
  }

  /** The problem without its location. */
  public String problem() {
    return problem;
  }

  private static String describe(String message, @Nullable String key, int line) {
    if (Strings.isNullOrEmpty(key) && line <= 0) {
      return message;
    }
    StringBuilder where = new StringBuilder(" (at ");
    if (!Strings.isNullOrEmpty(key)) {
      where.append(key);
      if (line > 0) {
        where.append(", ");
      }
    }
    if (line > 0) {
      where.append("line ").append(line);
    }
    return message + where.append(')');
  }
}
