package org.sdelink.pipelines.grouping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;

/**
 * Elements appended to one byte array with their coder: a batch that takes a fraction of the memory of the objects it
 * holds, decoded again whole when read.
 */
final class EncodedBatch<T> {
  private final Coder<T> coder;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 10);

  EncodedBatch(Coder<T> coder) {
    this.coder = coder;
  }

  /** Appends {@code element}; returns the bytes it took. */
  int add(T element) {
    try {
      int before = bytes.size();
      coder.encode(element, bytes);
      return bytes.size() - before;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The batch: the encoded elements, one after another. */
  byte[] bytes() {
    return bytes.toByteArray();
  }

  /** The elements of a batch made by {@link #bytes()}, in the order they were added. */
  static <T> List<T> decode(byte[] batch, Coder<T> coder) {
    ByteArrayInputStream in = new ByteArrayInputStream(batch);
    List<T> out = new ArrayList<>();
    try {
      while (in.available() > 0) {
        out.add(coder.decode(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
