package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.broken.BrokenFileCorpus;

/**
 * The global check that no raw input value is logged at any level or put in an exception message: {@link LeakProbe}
 * runs every command of the command line, error paths and {@code --debug} stack traces included, in a JVM whose
 * slf4j loggers (sdelink's libraries: Beam, Flink, Hadoop, Parquet) all log at TRACE. Its whole stdout and stderr and
 * every file it wrote outside its inputs are then scanned for every raw NHS number, name, postcode, date of birth and
 * council-local person id of the inputs, in the forms they are commonly written.
 */
class GlobalLogLeakTest {
  private static final Pattern EXIT = Pattern.compile("### exit (\\S+) (-?\\d+) expected (success|failure)");

  @TempDir Path work;

  @Test
  void noRawIdentifierReachesTheLogAtTraceAnExceptionMessageOrAnyOutput() throws Exception {
    Path log = work.resolve("probe.log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1500m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-cp", System.getProperty("java.class.path"), LeakProbe.class.getName(), work.resolve("probe").toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the probe did not finish");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "the probe itself failed:\n" + tail(text));

    List<String> wrongExits = new ArrayList<>();
    int commands = 0;
    Matcher exit = EXIT.matcher(text);
    while (exit.find()) {
      commands++;
      boolean succeeded = exit.group(2).equals("0");
      if (succeeded != exit.group(3).equals("success")) {
        wrongExits.add(exit.group(1) + " exited " + exit.group(2) + ", expected " + exit.group(3));
      }
    }
    assertTrue(commands >= 40, "too few commands ran: " + commands);
    assertTrue(wrongExits.isEmpty(), "commands ended unexpectedly: " + wrongExits + "\n" + tail(text));
    long traceLines = text.lines().filter(l -> l.contains(" TRACE ") || l.contains(" DEBUG ")).count();
    assertTrue(traceLines > 1000, "the log is not at TRACE/DEBUG level: " + traceLines + " such lines");
    assertTrue(text.contains("sdelink: "), "no error message was printed");
    assertTrue(text.contains("\tat org.sdelink."), "no --debug stack trace was printed");

    Path probe = work.resolve("probe");
    RawIdentifiers ids = RawIdentifiers.fromInputs(probe.resolve("input/cld_events.csv"),
        probe.resolve("input/apc_episodes.csv")).addAny(BrokenFileCorpus.rawIdentifiers());
    assertTrue(ids.nhsNumbers.size() > 50 && ids.names.size() > 50 && ids.postcodes.size() > 50
        && ids.datesOfBirth.size() > 50 && ids.localIds.size() > 30, "too few identifiers: " + ids.counts());

    // The scan itself finds identifiers written in prose, in each form.
    Map<String, String> person = FlowFixture.readCsv(probe.resolve("input/cld_events.csv")).stream()
        .filter(r -> r.get("NHS_Number").replaceAll("[^0-9]", "").length() == 10
            && r.get("Date_of_Birth").matches("\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4}")
            && r.get("Postcode").replaceAll("\\s", "").length() >= 5 && !r.get("Last_Name").isBlank()
            && r.get("LA_Person_Unique_Identifier").length() >= 4)
        .findFirst().orElseThrow();
    String nhs = person.get("NHS_Number").replaceAll("[^0-9]", "");
    String prose = "patient '" + person.get("Last_Name") + "' (NHS " + nhs.substring(0, 3) + " " + nhs.substring(3, 6)
        + " " + nhs.substring(6) + ") born " + person.get("Date_of_Birth") + ", of " + person.get("Postcode")
        + ", local id " + person.get("LA_Person_Unique_Identifier") + ".";
    assertEquals(5, ids.find("prose", prose).size(), "the scan misses identifiers in " + prose);

    List<String> hits = new ArrayList<>(ids.find("the log", text));
    int scanned = 0;
    try (Stream<Path> files = Files.walk(probe)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = probe.relativize(file);
        String top = relative.getName(0).toString();
        if (List.of("input", "generated", "broken", "keys", "code-lists", "raw-as-records").contains(top)) {
          continue;
        }
        scanned++;
        if (relative.toString().endsWith(".parquet")) {
          // The decoded values, every kind of identifier; and the raw bytes (footer, statistics, any uncompressed
          // page), where a 4-character local id such as the broken corpus's "L100" can occur by chance in
          // compressed binary (it did, once in CI), so short local ids are not looked for there.
          hits.addAll(ids.find(relative + " (values)", parquetValues(file)));
          hits.addAll(ids.find(relative.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), 8));
        } else {
          hits.addAll(ids.find(relative.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    }
    assertTrue(scanned > 60, "too few output files scanned: " + scanned);
    assertTrue(hits.isEmpty(), hits.size() + " raw identifiers found, e.g. " + hits.subList(0,
        Math.min(15, hits.size())) + context(text, hits));
  }

  /** Every value of a Parquet file, one per line, with its column name. */
  private static String parquetValues(Path parquet) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    var file = org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(parquet.toUri()), new org.apache.hadoop.conf.Configuration());
    try (var reader = org.apache.parquet.avro.AvroParquetReader
        .<org.apache.avro.generic.GenericRecord>builder(file).build()) {
      org.apache.avro.generic.GenericRecord record;
      while ((record = reader.read()) != null) {
        for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
          text.append(field.name()).append(": ").append(record.get(field.name())).append('\n');
        }
      }
    }
    return text.toString();
  }

  private static String tail(String text) {
    return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
  }

  /** The log text around the first hits in the log, to say what leaked (test output only). */
  private static String context(String text, List<String> hits) {
    StringBuilder out = new StringBuilder();
    hits.stream().filter(h -> h.startsWith("the log")).limit(5).forEach(h -> {
      int at = Integer.parseInt(h.substring(h.lastIndexOf(' ') + 1));
      out.append("\n  ...").append(text, Math.max(0, at - 200), Math.min(text.length(), at + 100)).append("...");
    });
    return out.toString();
  }
}
