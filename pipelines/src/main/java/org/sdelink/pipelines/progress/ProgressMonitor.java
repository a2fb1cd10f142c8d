package org.sdelink.pipelines.progress;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches one stage while it runs: prints a progress line (stage, elapsed time, rows read and their rate, heap in
 * use) every interval, samples the heap for its peak, and on {@link #close()} gives the {@link StageMeasurement}.
 * Progress lines name counts and sizes only, never data.
 */
public final class ProgressMonitor implements AutoCloseable {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final String stage;
  private final PrintWriter out;
  private final long start = System.nanoTime();
  private final long rowsAtStart = RowCounters.get(RowCounters.ROWS_READ);
  private final AtomicLong peakHeap = new AtomicLong(heapUsed());
  private final ScheduledExecutorService timer;
  /** Set under the writer's lock by {@link #close}: a line the timer was about to print is then dropped. */
  private volatile boolean closed;
  private StageMeasurement measurement;

  private ProgressMonitor(String stage, PrintWriter out, Duration interval) {
    this.stage = stage;
    this.out = out;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "sdelink-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::sampleHeap, 100, 100, TimeUnit.MILLISECONDS);
    if (out != null) {
      long millis = interval.toMillis();
      timer.scheduleAtFixedRate(this::printLine, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Starts watching {@code stage}; progress lines go to {@code out} every {@code interval}, or nowhere if null. */
  public static ProgressMonitor start(String stage, PrintWriter out, Duration interval) {
    checkNotNull(stage, "stage");
    checkArgument(!interval.isNegative() && !interval.isZero(), "interval must be positive");
    return new ProgressMonitor(stage, out, interval);
  }

  /** The progress line for the moment it is called. */
  public String line() {
    long elapsedNanos = System.nanoTime() - start;
    long rows = rowsRead();
    StringBuilder line = new StringBuilder()
        .append("  [").append(stage).append("] ").append(clock(elapsedNanos)).append(" elapsed");
    if (rows > 0) {
      line.append(String.format(", %,d rows read (%,.0f rows/s)", rows, rows / Math.max(1e-9, elapsedNanos / 1e9)));
    }
    line.append(String.format(", heap %s in use of %s", gigabytes(heapUsed()), gigabytes(heapMax())));
    return line.toString();
  }

  private long rowsRead() {
    return RowCounters.get(RowCounters.ROWS_READ) - rowsAtStart;
  }

  private void printLine() {
    synchronized (out) {
      if (closed) {
        return;
      }
      out.println(line());
      out.flush();
    }
  }

  private void sampleHeap() {
    peakHeap.accumulateAndGet(heapUsed(), Math::max);
  }

  /** Stops the monitor and returns what the stage cost. */
  @Override
  public synchronized void close() {
    if (measurement == null) {
      if (out == null) {
        closed = true;
      } else {
        synchronized (out) {
          closed = true;
        }
      }
      timer.shutdownNow();
      sampleHeap();
      measurement = new StageMeasurement(stage, Duration.ofNanos(System.nanoTime() - start), rowsRead(),
          peakHeap.get());
    }
  }

  /** The measurement, once closed. */
  public synchronized StageMeasurement measurement() {
    checkArgument(measurement != null, "the monitor of %s is still running", stage);
    return measurement;
  }

  private static long heapUsed() {
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static long heapMax() {
    long max = MEMORY.getHeapMemoryUsage().getMax();
    return max < 0 ? Runtime.getRuntime().maxMemory() : max;
  }

  static String clock(long nanos) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  static String gigabytes(long bytes) {
    return String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024));
  }
}
