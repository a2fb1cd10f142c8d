package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.io.ByteStreams;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;

/** Opens the bytes [start, end) of a file that Beam's FileSystems can read, for the readers of one range. */
final class ByteRangeStreams {
  private ByteRangeStreams() {}

  /** A buffered stream of the range's bytes; closing it closes the file. */
  static InputStream open(String path, long start, long end) throws IOException {
    checkArgument(0 <= start && start <= end, "bad range %s..%s", start, end);
    ReadableByteChannel channel = FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId());
    try {
      InputStream whole = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
      if (channel instanceof SeekableByteChannel seekable) {
        seekable.position(start);
      } else {
        whole.skipNBytes(start);
      }
      return ByteStreams.limit(whole, end - start);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
