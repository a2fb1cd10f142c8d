package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;

/**
 * Writes CSV lines so that the same input gives the same bytes on every runner and for any number of parts: lines are
 * spread over parts by a stable hash of their sort key, each part is sorted by (key, line) and written whole as a
 * sorted run, and {@link #merge} then merges the runs, in key order, under one header. With {@code distinctKeys}
 * only the first line of each key is kept, which makes "one row per record id" hold by construction.
 */
public final class SortedCsvSink extends PTransform<PCollection<KV<String, String>>, PCollection<String>> {
  private static final Comparator<KV<String, String>> ORDER =
      Comparator.comparing((KV<String, String> kv) -> kv.getKey()).thenComparing(KV::getValue);

  private final String partsDirectory;
  private final int parts;
  private final boolean distinctKeys;
  private final long maxRunChars;

  private SortedCsvSink(String partsDirectory, int parts, boolean distinctKeys, long maxRunChars) {
    this.partsDirectory = partsDirectory;
    this.parts = parts;
    this.distinctKeys = distinctKeys;
    this.maxRunChars = maxRunChars;
  }

  /** Lines (sort key, CSV line without its line break) to be written as sorted runs under {@code partsDirectory}. */
  public static SortedCsvSink to(String partsDirectory, int parts) {
    checkArgument(parts > 0, "parts must be positive");
    return new SortedCsvSink(partsDirectory, parts, false, MAX_RUN_CHARS);
  }

  public SortedCsvSink withDistinctKeys() {
    return new SortedCsvSink(partsDirectory, parts, true, maxRunChars);
  }

  /** The same sink cutting runs after {@code chars} characters (tests use small runs). */
  SortedCsvSink withMaxRunChars(long chars) {
    checkArgument(chars > 0, "run size must be positive");
    return new SortedCsvSink(partsDirectory, parts, distinctKeys, chars);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, String>> lines) {
    return lines
        .apply("GroupIntoParts", GroupIntoBuckets.<String>of(parts))
        .apply("SortAndWritePart", ParDo.of(new WritePartFn(partsDirectory, distinctKeys, maxRunChars)));
  }

  /** Characters of keys and lines a writer sorts in memory before it starts another run (about 64 M). */
  static final long MAX_RUN_CHARS = 64L << 20;

  static String partName(int n) {
    return String.format(Locale.ROOT, "part-%05d", n);
  }

  static String runName(int part, int run) {
    return String.format(Locale.ROOT, "part-%05d-%05d.run", part, run);
  }

  private static final class WritePartFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, String> {
    private final String directory;
    private final boolean distinctKeys;
    private final long maxRunChars;

    WritePartFn(String directory, boolean distinctKeys, long maxRunChars) {
      this.directory = directory;
      this.distinctKeys = distinctKeys;
      this.maxRunChars = maxRunChars;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> part, OutputReceiver<String> out)
        throws IOException {
      // A part may be larger than memory: it is cut into sorted runs of bounded size, which the driver's merge
      // reads together with every other run, so the merged file does not depend on where the cuts fall.
      List<KV<String, String>> lines = new ArrayList<>();
      long chars = 0;
      int run = 0;
      long written = 0;
      for (KV<String, String> line : part.getValue()) {
        lines.add(line);
        chars += line.getKey().length() + line.getValue().length();
        if (chars >= maxRunChars) {
          written += writeRun(part.getKey(), run++, lines);
          lines.clear();
          chars = 0;
        }
      }
      if (!lines.isEmpty() || run == 0) {
        written += writeRun(part.getKey(), run, lines);
      }
      out.output(partName(part.getKey()) + ":" + written);
    }

    private long writeRun(int part, int run, List<KV<String, String>> lines) throws IOException {
      lines.sort(ORDER);
      ResourceId file = FileSystems.matchNewResource(directory, true)
          .resolve(runName(part, run), StandardResolveOptions.RESOLVE_FILE);
      long written = 0;
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
          written++;
        }
      }
      return written;
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
    List<DataInputStream> runs = new ArrayList<>();
    PriorityQueue<Head> heads = new PriorityQueue<>();
    long lines = 0;
    try {
      if (Files.isDirectory(partsDir)) {
        try (var listing = Files.list(partsDir)) {
          for (Path part : listing.filter(p -> p.getFileName().toString().endsWith(".run")).sorted().toList()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(part), 1 << 16));
            runs.add(in);
            Head head = Head.read(in);
            if (head != null) {
              heads.add(head);
            }
          }
        }
      }
      String previousKey = null;
      while (!heads.isEmpty()) {
        Head head = heads.poll();
        if (!(distinctKeys && head.key.equals(previousKey))) {
          sink.line(head.line);
          lines++;
        }
        previousKey = head.key;
        Head next = Head.read(head.in);
        if (next != null) {
          heads.add(next);
        }
      }
    } finally {
      for (DataInputStream in : runs) {
        in.close();
      }
    }
    return lines;
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
