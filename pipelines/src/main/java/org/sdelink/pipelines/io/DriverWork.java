package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The file work a stage's driver does after its pipeline (merging sorted runs into one CSV, writing Parquet copies),
 * run on every core: each task writes its own file, so independent files are written at the same time and the bytes
 * of each do not depend on the others.
 */
public final class DriverWork {
  /** One file's work. */
  @FunctionalInterface
  public interface FileTask {
    void run() throws IOException;
  }

  private DriverWork() {}

  /** Runs {@code tasks} on up to one thread per core; the first failure is rethrown once all have ended. */
  public static void inParallel(List<FileTask> tasks) throws IOException {
    checkNotNull(tasks, "tasks");
    if (tasks.size() <= 1) {
      for (FileTask task : tasks) {
        task.run();
      }
      return;
    }
    int threads = Math.min(tasks.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "sdelink-driver-files");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (FileTask task : tasks) {
        running.add(pool.submit(() -> {
          try {
            task.run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return null;
        }));
      }
      Throwable first = null;
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (ExecutionException e) {
          first = first == null ? e.getCause() : first;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while writing the stage's files", e);
        }
      }
      if (first instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      } else if (first instanceof RuntimeException runtime) {
        throw runtime;
      } else if (first instanceof Error error) {
        throw error;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
