package org.sdelink.pipelines.flow;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.fixtures.broken.BrokenFileCorpus;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.pipelines.cli.SdelinkCommand;

/**
 * The program {@link GlobalLogLeakTest} runs in a JVM of its own, with every logger at TRACE: synthetic data with
 * distinctive names and the broken-file corpus through every command of the {@code sdelink} command line, the error
 * paths included (some with {@code --debug}, which prints stack traces). Everything goes to this process's stdout and
 * stderr, where slf4j-simple writes its log too. Each command's exit code is printed as
 * {@code ### exit NAME CODE expected success|failure}.
 */
public final class LeakProbe {
  private static final PrintWriter OUT = new PrintWriter(System.out, true);
  private static final PrintWriter ERR = new PrintWriter(System.err, true);

  private LeakProbe() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    boolean withFlink = args.length > 1 && args[1].equals("flink");
    GenerationSummary generated = SyntheticDataGenerator.generate(GeneratorConfig.of(120, 8_128,
        work.resolve("generated")));
    Path input = Files.createDirectories(work.resolve("input"));
    Path cld = input.resolve("cld_events.csv");
    Path apc = input.resolve("apc_episodes.csv");
    withDistinctiveNames(generated.files().get("cld_events.csv"), cld);
    Files.copy(generated.files().get("apc_episodes.csv"), apc);
    Path broken = work.resolve("broken");
    BrokenFileCorpus.writeAll(broken);
    Path lists = Files.createDirectories(work.resolve("code-lists"));
    for (var file : BrokenFileCorpus.codeListsFor().entrySet()) {
      Files.writeString(lists.resolve(file.getKey()), file.getValue());
    }
    Path keys = Files.createDirectories(work.resolve("keys"));
    Path keystore = keys.resolve("keys.p12");
    Path password = keys.resolve("password");
    Files.writeString(password, "leak-probe-password\n");
    Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path wrongPassword = keys.resolve("wrong-password");
    Files.writeString(wrongPassword, "not-the-password\n");
    Files.setPosixFilePermissions(wrongPassword, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path out = work.resolve("out");
    String[] key = {"--keystore", keystore.toString(), "--keystore-password-file", password.toString()};
    String date = "--reference-date=2025-06-30";
    List<String> beam = withFlink ? List.of("--runner=FlinkRunner", "--parallelism=1") : List.of();

    run("keys-init", 0, cat(new String[] {"keys", "init"}, key));
    run("keys-list", 0, cat(new String[] {"keys", "list"}, key));
    run("pseudonymise-cld", 0, cat(new String[] {"pseudonymise", "--source", "cld", "--input", cld.toString(),
        "--output", out.resolve("cld").toString(), "--code-lists", lists.toString(), date}, key, beam));
    run("pseudonymise-apc", 0, cat(new String[] {"pseudonymise", "--source", "apc", "--input", apc.toString(),
        "--output", out.resolve("apc").toString(), "--code-lists", lists.toString(), date}, key, beam));
    if (withFlink) {
      return;
    }
    for (BrokenFileCorpus.Case c : BrokenFileCorpus.cases()) {
      int expected = c.outcome() == BrokenFileCorpus.Outcome.STOP ? 2 : 0;
      run("broken-" + c.name(), expected, cat(new String[] {"pseudonymise", "--source", c.source(), "--input",
          broken.resolve(c.name() + ".csv").toString(), "--output", out.resolve("broken-" + c.name()).toString(),
          "--max-reject-rate", "1", "--code-lists", lists.toString(), date}, key));
    }
    for (String debugged : List.of("empty_file", "unknown_header", "unbalanced_quote", "windows_1252_text")) {
      BrokenFileCorpus.Case c = BrokenFileCorpus.cases().stream().filter(x -> x.name().equals(debugged))
          .findFirst().orElseThrow();
      run("debug-" + debugged, 2, cat(new String[] {
          "pseudonymise", "--debug", "--source", c.source(), "--input", broken.resolve(c.name() + ".csv").toString(),
          "--output", out.resolve("debug-" + c.name()).toString(), "--max-reject-rate", "0", date}, key));
    }
    Path headerless = input.resolve("headerless.csv");
    List<String> apcLines = Files.readAllLines(apc);
    Files.write(headerless, apcLines.subList(1, Math.min(4, apcLines.size())));
    run("headerless-file", 2, cat(new String[] {"pseudonymise", "--debug", "--source", "apc", "--input",
        headerless.toString(), "--output", out.resolve("headerless").toString(), date}, key));
    // A data value where a column name should be (a shifted header): the stop message must not quote it.
    Map<String, String> first = FlowFixture.readCsv(cld).get(0);
    String spacedPostcode = FlowFixture.readCsv(cld).stream().map(r -> r.get("Postcode"))
        .filter(p -> p.contains("  ")).findFirst().orElse(first.get("Postcode"));
    List<String> cldLines = Files.readAllLines(cld);
    int cell = 0;
    for (String value : List.of(first.get("Postcode"), spacedPostcode, first.get("Last_Name"),
        first.get("Last_Name").toUpperCase(Locale.ROOT), first.get("NHS_Number"), first.get("Date_of_Birth"))) {
      Path shifted = input.resolve("value_in_header_" + ++cell + ".csv");
      List<String> lines = new ArrayList<>(cldLines);
      lines.set(0, cldLines.get(0).replace("GP_Practice_Name", value));
      Files.write(shifted, lines);
      run("value-in-header-" + cell, 2, cat(new String[] {"pseudonymise", "--source", "cld", "--input",
          shifted.toString(), "--output", out.resolve("shifted").toString(), date}, key));
    }
    run("wrong-password", 2, new String[] {"pseudonymise", "--source", "cld", "--input", cld.toString(), "--output",
        out.resolve("wrong").toString(), "--keystore", keystore.toString(), "--keystore-password-file",
        wrongPassword.toString()});
    run("missing-input", 2, cat(new String[] {"pseudonymise", "--source", "cld", "--input",
        input.resolve("nope.csv").toString(), "--output", out.resolve("nope").toString()}, key));
    run("bad-runner", 2, cat(new String[] {"pseudonymise", "--source", "cld", "--input", cld.toString(), "--output",
        out.resolve("bad-runner").toString(), "--runner=NoSuchRunner"}, key));
    run("mostly-garbage", 2, cat(new String[] {"pseudonymise", "--source", "apc", "--input",
        broken.resolve("too_many_columns.csv").toString(), "--output", out.resolve("garbage").toString(),
        "--max-reject-rate", "0.1", date}, key));

    run("link", 0, new String[] {"link", "--cld", out.resolve("cld").toString(), "--apc",
        out.resolve("apc").toString(), "--output", out.resolve("linked").toString()});
    // Raw input where pseudonymised records are expected: each later stage must refuse without quoting it.
    Path rawCld = Files.createDirectories(work.resolve("raw-as-records/cld"));
    Path rawApc = Files.createDirectories(work.resolve("raw-as-records/apc"));
    Files.copy(cld, rawCld.resolve("records.csv"));
    Files.copy(apc, rawApc.resolve("records.csv"));
    run("link-on-raw-files", 1, new String[] {"link", "--debug", "--cld", rawCld.toString(), "--apc",
        rawApc.toString(), "--output", out.resolve("linked-raw").toString()});
    run("evaluate", 0, new String[] {"evaluate", "--spine", out.resolve("linked/spine.csv").toString(), "--truth",
        work.resolve("generated").toString(), "--output", out.resolve("evaluation.json").toString()});
    String[] period = {"--period-start", "2024-04-01", "--period-end", "2025-03-31"};
    run("metrics", 0, cat(new String[] {"metrics", "--cld", out.resolve("cld").toString(), "--apc",
        out.resolve("apc").toString(), "--spine", out.resolve("linked/spine.csv").toString(), "--output",
        out.resolve("metrics").toString()}, period));
    run("metrics-on-raw-files", 1, cat(new String[] {"metrics", "--debug", "--cld", rawCld.toString(), "--apc",
        rawApc.toString(), "--spine", out.resolve("linked/spine.csv").toString(), "--output",
        out.resolve("metrics-raw").toString()}, period));

    Path policy = ReleasePropertiesTest.approvedPolicyIn(work, "LEAK-PROBE-1");
    String sdeConfig = org.sdelink.pipelines.publish.TestApprovals.sdeConfigFile(policy).toString();
    run("policy-check", 0, new String[] {"policy", "check", policy.toString(), "--sde-config", sdeConfig});
    run("policy-review", 0, new String[] {"policy", "review", policy.toString(), "--output",
        out.resolve("review").toString(), "--metrics", out.resolve("metrics").toString()});
    run("publish", 0, cat(new String[] {"publish", "--project", "LEAK-PROBE-1", "--policy", policy.toString(),
        "--sde-config", sdeConfig, "--metrics", out.resolve("metrics").toString(), "--output", out.resolve("release").toString()}, key));
    Path changed = Files.createDirectories(work.resolve("changed-policy")).resolve(policy.getFileName());
    Files.writeString(changed, Files.readString(policy).replace("k: 10", "k: 11"));
    run("publish-unapproved", 2, cat(new String[] {"publish", "--project", "LEAK-PROBE-1", "--policy",
        changed.toString(), "--sde-config", sdeConfig, "--metrics", out.resolve("metrics").toString(), "--output",
        out.resolve("release-unapproved").toString()}, key));

    Path config = work.resolve("run-config.yaml");
    Files.writeString(config, String.join("\n",
        "inputs:", "  cld: [" + cld + "]", "  apc: [" + apc + "]",
        "keystore: " + keystore, "keystore_password_file: " + password,
        "period: {start: 2024-04-01, end: 2025-03-31}",
        "policy: " + policy, "project: LEAK-PROBE-1", "sde_config: " + sdeConfig, "output: " + work.resolve("run"),
        "reference_date: 2025-06-30", "code_lists: " + lists, ""));
    run("run", 0, new String[] {"run", "--config", config.toString()});
  }

  /** Runs one command line in this process, printing its name and exit code. */
  private static void run(String name, int expectedExit, String[] args) {
    OUT.println("### command " + name);
    int code = SdelinkCommand.execute(args, OUT, ERR);
    OUT.println("### exit " + name + " " + code + " expected " + (expectedExit == 0 ? "success" : "failure"));
  }

  private static String[] cat(String[] first, String[] second) {
    return cat(first, second, List.of());
  }

  private static String[] cat(String[] first, String[] second, List<String> third) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(second));
    all.addAll(third);
    return all.toArray(new String[0]);
  }

  /**
   * Copies a CLD file with every first and last name replaced by a distinctive made-up one (also inside the free text
   * that quotes it), so that a scan of prose can look for names as plain words without false alarms.
   */
  static void withDistinctiveNames(Path from, Path to) throws Exception {
    Map<String, String> replacement = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader);
        Writer writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      List<String> header = parser.getHeaderNames();
      printer.printRecord(header);
      for (CSVRecord record : parser) {
        List<String> values = new ArrayList<>(record.toList());
        String description = record.get("Event_Description");
        for (String column : List.of("First_Name", "Last_Name")) {
          String original = record.get(column);
          if (original.isBlank()) {
            continue;
          }
          String made = replacement.computeIfAbsent(original, o -> distinctive(replacement.size()));
          values.set(header.indexOf(column), made);
          for (String word : original.split("[^\\p{L}]+")) {
            if (word.length() >= 2) {
              description = description.replaceAll("(?i)\\b" + Pattern.quote(word) + "\\b", made);
            }
          }
        }
        values.set(header.indexOf("Event_Description"), description);
        printer.printRecord(values);
      }
    }
  }

  /** Qzv + letters: a name no real text or library log contains. */
  private static String distinctive(int n) {
    StringBuilder letters = new StringBuilder();
    int value = n;
    for (int i = 0; i < 4; i++) {
      letters.append((char) ('a' + value % 26));
      value /= 26;
    }
    return "Qzv" + letters.reverse().toString().toLowerCase(Locale.ROOT);
  }
}
