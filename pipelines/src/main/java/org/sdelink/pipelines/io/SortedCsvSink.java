package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes CSV lines so that the same input gives the same bytes on every runner, for any parallelism and any bundle
 * size: each worker sorts the lines of its bundle by (key, line) and writes them as sorted runs of bounded size (no
 * shuffle: lines stay on the worker that made them); the names of the runs written are listed in {@code runs.list}
 * (a run a failed attempt left behind is not listed), and {@link #merge} then merges the listed runs, in key order,
 * under one header. The merged file does not depend on where the runs were cut. With {@code distinctKeys} only the
 * first line of each key is kept, which makes "one row per record id" hold by construction.
 */
public final class SortedCsvSink extends PTransform<PCollection<KV<String, String>>, PCollection<String>> {
  private static final Comparator<KV<String, String>> ORDER =
      Comparator.comparing((KV<String, String> kv) -> kv.getKey()).thenComparing(KV::getValue);
  static final String RUN_LIST = "runs.list";

  private final String partsDirectory;
  private final boolean distinctKeys;
  private final long maxRunChars;

  private SortedCsvSink(String partsDirectory, boolean distinctKeys, long maxRunChars) {
    this.partsDirectory = partsDirectory;
    this.distinctKeys = distinctKeys;
    this.maxRunChars = maxRunChars;
  }

  /** Lines (sort key, CSV line without its line break) to be written as sorted runs under {@code partsDirectory}. */
  public static SortedCsvSink to(String partsDirectory) {
    checkNotNull(partsDirectory, "partsDirectory");
    return new SortedCsvSink(partsDirectory, false, MAX_RUN_CHARS);
  }

  public SortedCsvSink withDistinctKeys() {
    return new SortedCsvSink(partsDirectory, true, maxRunChars);
  }

  /** The same sink cutting runs after {@code chars} characters (tests use small runs). */
  SortedCsvSink withMaxRunChars(long chars) {
    checkArgument(chars > 0, "run size must be positive");
    return new SortedCsvSink(partsDirectory, distinctKeys, chars);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, String>> lines) {
    PCollection<String> runs = lines
        .apply("SortAndWriteRuns", ParDo.of(new WriteRunsFn(partsDirectory, distinctKeys, maxRunChars)))
        .setCoder(StringUtf8Coder.of());
    runs
        .apply("AllRuns", Combine.globally(new RunNames()))
        .apply("WriteRunList", ParDo.of(new WriteRunListFn(partsDirectory)));
    return runs;
  }

  /** Characters of keys and lines a writer sorts in memory before it starts another run (about 32 M). */
  static final long MAX_RUN_CHARS = 32L << 20;
  /** Lines a writer sorts in memory before it starts another run (bounds the per-line overhead of short lines). */
  static final int MAX_RUN_LINES = 400_000;
  /** Runs merged at once; more are first merged in groups of this size. */
  static final int MAX_OPEN_RUNS = 128;

  /** Sorts the lines of each bundle into runs of bounded size and writes each run as a file; outputs run names. */
  private static final class WriteRunsFn extends DoFn<KV<String, String>, String> {
    private final String directory;
    private final boolean distinctKeys;
    private final long maxRunChars;
    private transient String writer;
    private transient int runs;
    private transient List<KV<String, String>> lines;
    private transient long chars;

    WriteRunsFn(String directory, boolean distinctKeys, long maxRunChars) {
      this.directory = directory;
      this.distinctKeys = distinctKeys;
      this.maxRunChars = maxRunChars;
    }

    @Setup
    public void setup() {
      // Names only need to be unique: the merge orders lines by content, never by file.
      writer = UUID.randomUUID().toString();
      runs = 0;
    }

    @StartBundle
    public void startBundle() {
      lines = new ArrayList<>();
      chars = 0;
    }

    @ProcessElement
    public void process(@Element KV<String, String> line, OutputReceiver<String> out) throws IOException {
      lines.add(line);
      chars += line.getKey().length() + line.getValue().length();
      if (chars >= maxRunChars || lines.size() >= MAX_RUN_LINES) {
        out.output(writeRun());
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      if (!lines.isEmpty()) {
        context.output(writeRun(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      lines = null;
    }

    private String writeRun() throws IOException {
      lines.sort(ORDER);
      String name = String.format(Locale.ROOT, "run-%s-%05d.run", writer, runs++);
      ResourceId file = FileSystems.matchNewResource(directory, true)
          .resolve(name, StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY));
          DataOutputStream data = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
        String previousKey = null;
        for (KV<String, String> line : lines) {
          if (distinctKeys && line.getKey().equals(previousKey)) {
            continue;
          }
          previousKey = line.getKey();
          writeString(data, line.getKey());
          writeString(data, line.getValue());
        }
      }
      lines.clear();
      chars = 0;
      return name;
    }
  }

  /** The names of all runs written, sorted (an empty list when there were no lines). */
  private static final class RunNames extends Combine.CombineFn<String, List<String>, List<String>> {
    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> names, String name) {
      names.add(name);
      return names;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> accumulators) {
      List<String> all = new ArrayList<>();
      accumulators.forEach(all::addAll);
      return all;
    }

    @Override
    public List<String> extractOutput(List<String> names) {
      List<String> sorted = new ArrayList<>(names);
      Collections.sort(sorted);
      return sorted;
    }

    @Override
    public Coder<List<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> input) {
      return ListCoder.of(StringUtf8Coder.of());
    }

    @Override
    public Coder<List<String>> getDefaultOutputCoder(CoderRegistry registry, Coder<String> input) {
      return ListCoder.of(StringUtf8Coder.of());
    }
  }

  /** Writes {@code runs.list}: the runs the merge reads. */
  private static final class WriteRunListFn extends DoFn<List<String>, Void> {
    private final String directory;

    WriteRunListFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element List<String> names) throws IOException {
      ResourceId file = FileSystems.matchNewResource(directory, true)
          .resolve(RUN_LIST, StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream stream = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
        for (String name : names) {
          stream.write((name + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** Receives merged lines in order. */
  private interface LineSink {
    void line(String line) throws IOException;
  }

  /**
   * Merges the sorted runs under {@code partsDir} into {@code target}, header first, in (key, line) order; returns the
   * number of data lines. Run by the driver after the pipeline has finished; holds one line per run in memory.
   */
  public static long merge(Path partsDir, String headerLine, Path target, boolean distinctKeys) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      out.write((headerLine + "\n").getBytes(StandardCharsets.UTF_8));
      return mergeRuns(partsDir, distinctKeys, line -> {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      });
    }
  }

  public static long merge(Path partsDir, String headerLine, Path target) throws IOException {
    return merge(partsDir, headerLine, target, false);
  }

  /** The lines of a small output (counts), merged in key order, without writing a file. */
  public static List<String> readLines(Path partsDir) throws IOException {
    List<String> lines = new ArrayList<>();
    mergeRuns(partsDir, false, lines::add);
    return lines;
  }

  private static long mergeRuns(Path partsDir, boolean distinctKeys, LineSink sink) throws IOException {
    List<Path> runs = listedRuns(partsDir);
    Path cascade = null;
    try {
      int round = 0;
      while (runs.size() > MAX_OPEN_RUNS) {
        // Too many runs to hold open at once: merge them in groups into fewer, longer runs first.
        if (cascade == null) {
          cascade = Files.createTempDirectory(partsDir, "merge");
        }
        List<Path> longer = new ArrayList<>();
        for (int from = 0; from < runs.size(); from += MAX_OPEN_RUNS) {
          Path merged = cascade.resolve(String.format(Locale.ROOT, "round-%03d-%05d.run", round, longer.size()));
          try (DataOutputStream out = new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(merged), 1 << 16))) {
            mergeOpen(runs.subList(from, Math.min(runs.size(), from + MAX_OPEN_RUNS)), head -> {
              writeString(out, head.key);
              writeString(out, head.line);
            });
          }
          longer.add(merged);
        }
        runs = longer;
        round++;
      }
      long[] lines = {0};
      String[] previousKey = {null};
      mergeOpen(runs, head -> {
        if (!(distinctKeys && head.key.equals(previousKey[0]))) {
          sink.line(head.line);
          lines[0]++;
        }
        previousKey[0] = head.key;
      });
      return lines[0];
    } finally {
      if (cascade != null) {
        StageDirectory.deleteRecursively(cascade);
      }
    }
  }

  /** The runs {@code runs.list} names (none when the directory does not exist: an output with no lines). */
  private static List<Path> listedRuns(Path partsDir) throws IOException {
    if (!Files.isDirectory(partsDir)) {
      return List.of();
    }
    Path list = partsDir.resolve(RUN_LIST);
    if (!Files.isRegularFile(list)) {
      throw new IOException("no " + RUN_LIST + " in " + partsDir + ": the pipeline that writes it did not finish");
    }
    List<Path> runs = new ArrayList<>();
    for (String name : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (!name.isEmpty()) {
        runs.add(partsDir.resolve(name));
      }
    }
    return runs;
  }

  /** Receives merged heads in order. */
  private interface HeadSink {
    void head(Head head) throws IOException;
  }

  private static void mergeOpen(List<Path> runFiles, HeadSink sink) throws IOException {
    List<DataInputStream> open = new ArrayList<>();
    PriorityQueue<Head> heads = new PriorityQueue<>();
    try {
      for (Path run : runFiles) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
        open.add(in);
        Head head = Head.read(in);
        if (head != null) {
          heads.add(head);
        }
      }
      while (!heads.isEmpty()) {
        Head head = heads.poll();
        sink.head(head);
        Head next = Head.read(head.in);
        if (next != null) {
          heads.add(next);
        }
      }
    } finally {
      for (DataInputStream in : open) {
        in.close();
      }
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static final class Head implements Comparable<Head> {
    final String key;
    final String line;
    final DataInputStream in;

    Head(String key, String line, DataInputStream in) {
      this.key = key;
      this.line = line;
      this.in = in;
    }

    static Head read(DataInputStream in) throws IOException {
      int keyLength;
      try {
        keyLength = in.readInt();
      } catch (EOFException end) {
        return null;
      }
      String key = new String(in.readNBytes(keyLength), StandardCharsets.UTF_8);
      int lineLength = in.readInt();
      String line = new String(in.readNBytes(lineLength), StandardCharsets.UTF_8);
      return new Head(key, line, in);
    }

    @Override
    public int compareTo(Head other) {
      int byKey = key.compareTo(other.key);
      return byKey != 0 ? byKey : line.compareTo(other.line);
    }
  }
}
