package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One output in an ACRO {@code results.json}: a table file with its status ({@code pass}, {@code review} or
 * {@code fail}), the checks each cell failed, and the free-text fields output checkers use.
 */
public final class AcroOutput {
  private static final ImmutableList<AcroCheck> ACRO_CHECKS = ImmutableList.of(AcroCheck.NEGATIVE,
      AcroCheck.MISSING, AcroCheck.THRESHOLD, AcroCheck.P_RATIO, AcroCheck.NK_RULE, AcroCheck.ALL_VALUES_ARE_SAME);

  private final String uid;
  private final String status;
  private final String type;
  private final ImmutableMap<String, String> properties;
  private final String fileName;
  private final AcroCellFlags flags;
  private final boolean withSecondary;
  private final boolean suppressed;
  private final String command;
  private final String summary;
  private final ImmutableList<String> comments;
  private final String exception;

  private AcroOutput(String uid, String status, String type, ImmutableMap<String, String> properties,
      String fileName, AcroCellFlags flags, boolean withSecondary, boolean suppressed, String command, String summary,
      ImmutableList<String> comments, String exception) {
    this.uid = uid;
    this.status = status;
    this.type = type;
    this.properties = properties;
    this.fileName = fileName;
    this.flags = flags;
    this.withSecondary = withSecondary;
    this.suppressed = suppressed;
    this.command = command;
    this.summary = summary;
    this.comments = comments;
    this.exception = exception;
  }

  /**
   * A table output. {@code suppressed} says whether the flagged cells were suppressed in the file (status
   * {@code review}, as ACRO does with suppression on) or left for the checker (status {@code fail}); with no flagged
   * cell the status is {@code pass}. Negative or missing values always need review.
   */
  public static AcroOutput table(String uid, String method, String fileName, String command, AcroCellFlags flags,
      boolean suppressed) {
    return table(uid, method, fileName, command, flags, suppressed, flags.count(AcroCheck.SECONDARY) > 0);
  }

  /**
   * A count table after the small-number rule (suppression applied): like {@link #table} with {@code suppressed}
   * true, and the {@code secondary} count always listed in {@code sdc}.
   */
  public static AcroOutput countTable(String uid, String fileName, String command, AcroCellFlags flags) {
    return table(uid, "crosstab", fileName, command, flags, true, true);
  }

  private static AcroOutput table(String uid, String method, String fileName, String command, AcroCellFlags flags,
      boolean suppressed, boolean withSecondary) {
    checkNotNull(uid, "uid");
    checkArgument(!uid.isBlank(), "uid must not be blank");
    checkNotNull(method, "method");
    checkNotNull(fileName, "fileName");
    checkNotNull(command, "command");
    checkNotNull(flags, "flags");
    String status;
    if (flags.count(AcroCheck.NEGATIVE) > 0 || flags.count(AcroCheck.MISSING) > 0) {
      status = "review";
    } else if (!flags.anyFlagged()) {
      status = "pass";
    } else {
      status = suppressed ? "review" : "fail";
    }
    String summary = summaryText(status, flags, suppressed);
    return new AcroOutput(uid, status, "table", ImmutableMap.of("method", method), fileName, flags, withSecondary,
        suppressed, command, summary, ImmutableList.of(), "");
  }

  /**
   * ACRO's summary: the status, then for a table with negative (else missing) values only that, otherwise each failed
   * check with its number of cells, each part followed by {@code "; "}.
   */
  private static String summaryText(String status, AcroCellFlags flags, boolean suppressed) {
    StringBuilder text = new StringBuilder();
    if (flags.count(AcroCheck.NEGATIVE) > 0) {
      text.append("negative values found");
    } else if (flags.count(AcroCheck.MISSING) > 0) {
      text.append("missing values found");
    } else {
      for (AcroCheck check : AcroCheck.values()) {
        int n = flags.count(check);
        if (n > 0) {
          text.append(check.acroName()).append(": ").append(n)
              .append(suppressed ? " cells suppressed; " : " cells may need suppressing; ");
        }
      }
    }
    return text.length() == 0 ? status : status + "; " + text;
  }

  /** This output with an output checker's or researcher's comment added. */
  public AcroOutput withComment(String comment) {
    checkNotNull(comment, "comment");
    return new AcroOutput(uid, status, type, properties, fileName, flags, withSecondary, suppressed, command,
        summary, ImmutableList.<String>builder().addAll(comments).add(comment).build(), exception);
  }

  /** This output with a request for an exception (why it should be released despite its status). */
  public AcroOutput withException(String reason) {
    checkNotNull(reason, "reason");
    return new AcroOutput(uid, status, type, properties, fileName, flags, withSecondary, suppressed, command,
        summary, comments, reason);
  }

  public String uid() {
    return uid;
  }

  /** {@code pass}, {@code review} or {@code fail}. */
  public String status() {
    return status;
  }

  /** ACRO's one-line summary, e.g. {@code review; threshold: 2 cells suppressed; }. */
  public String summary() {
    return summary;
  }

  /** The per-cell checks. */
  public AcroCellFlags flags() {
    return flags;
  }

  /** The name of the output's file. */
  public String fileName() {
    return fileName;
  }

  /**
   * The output as ACRO lays it out in {@code results.json}, keys in ACRO's order; {@code timestamp} is the record's
   * time as ACRO writes it.
   */
  Map<String, Object> toJsonTree(String timestamp) {
    Map<String, Object> sdcSummary = new LinkedHashMap<>();
    sdcSummary.put("suppressed", suppressed);
    Map<String, Object> cells = new LinkedHashMap<>();
    List<AcroCheck> checks = new ArrayList<>(ACRO_CHECKS);
    if (withSecondary) {
      checks.add(AcroCheck.SECONDARY);
    }
    for (AcroCheck check : checks) {
      sdcSummary.put(check.acroName(), flags.count(check));
      List<List<Integer>> positions = new ArrayList<>();
      for (int r = 0; r < flags.rowLabels().size(); r++) {
        for (int c = 0; c < flags.columnLabels().size(); c++) {
          if (flags.checks(r, c).contains(check)) {
            positions.add(List.of(r, c));
          }
        }
      }
      cells.put(check.acroName(), positions);
    }
    Map<String, Object> sdc = new LinkedHashMap<>();
    sdc.put("summary", sdcSummary);
    sdc.put("cells", cells);
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("name", fileName);
    file.put("sdc", sdc);

    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("uid", uid);
    tree.put("status", status);
    tree.put("type", type);
    tree.put("properties", properties);
    tree.put("files", List.of(file));
    tree.put("outcome", flags.outcome());
    tree.put("command", command);
    tree.put("summary", summary);
    tree.put("timestamp", timestamp);
    tree.put("comments", comments);
    tree.put("exception", exception);
    return tree;
  }

  @Override
  public String toString() {
    return "AcroOutput{" + uid + ", " + summary + "}";
  }
}
