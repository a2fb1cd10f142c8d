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
  private int size;

  EncodedBatch(Coder<T> coder) {
    this.coder = coder;
  }

  /** Appends {@code element}; returns the bytes it took. */
  int add(T element) {
    try {
      int before = bytes.size();
      coder.encode(element, bytes);
      size++;
      return bytes.size() - before;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The batch: the element count, then the encoded elements. */
  byte[] bytes() {
    byte[] body = bytes.toByteArray();
    byte[] out = new byte[body.length + 4];
    out[0] = (byte) (size >>> 24);
    out[1] = (byte) (size >>> 16);
    out[2] = (byte) (size >>> 8);
    out[3] = (byte) size;
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  /** The elements of a batch made by {@link #bytes()}, in the order they were added. */
  static <T> List<T> decode(byte[] batch, Coder<T> coder) {
    int size = ((batch[0] & 0xFF) << 24) | ((batch[1] & 0xFF) << 16) | ((batch[2] & 0xFF) << 8) | (batch[3] & 0xFF);
    ByteArrayInputStream in = new ByteArrayInputStream(batch, 4, batch.length - 4);
    List<T> out = new ArrayList<>(size);
    try {
      for (int i = 0; i < size; i++) {
        out.add(coder.decode(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
