package org.sdelink.pipelines.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.sdelink.pipelines.contract.InputContractException;

/**
 * The check that an input file is UTF-8 (with or without a byte-order mark) before it is parsed: a UTF-16 or UTF-32
 * file (Excel's "Unicode text", PowerShell's default) would otherwise be read as one odd header cell and stopped as
 * "the header row is missing". Its first bytes are enough: a UTF-16/32 byte-order mark, or NUL bytes among the first
 * four (a UTF-8 header never holds one) in the pattern each encoding gives ASCII letters.
 */
public final class TextEncoding {
  /** Bytes looked at. */
  static final int HEAD = 256;

  private TextEncoding() {}

  /**
   * {@code in} ready to read from its first byte, after stopping with an {@link InputContractException} naming
   * {@code fileName} and the encoding when the file is not UTF-8.
   */
  public static InputStream requireUtf8(InputStream in, String fileName) throws IOException {
    BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 8192);
    buffered.mark(HEAD);
    byte[] head = buffered.readNBytes(HEAD);
    buffered.reset();
    Optional<String> foreign = foreignEncoding(head);
    if (foreign.isPresent()) {
      throw new InputContractException("file " + fileName + " is " + foreign.get() + ", not UTF-8: save it as UTF-8"
          + " (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\") and run again");
    }
    return buffered;
  }

  /** The encoding the first bytes of a file show, when it is not UTF-8; empty for UTF-8 (or plain ASCII). */
  static Optional<String> foreignEncoding(byte[] head) {
    int n = head.length;
    if (startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
      return Optional.of("UTF-32 (big-endian, with a byte-order mark)");
    }
    if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00)) {
      return Optional.of("UTF-32 (little-endian, with a byte-order mark)");
    }
    if (startsWith(head, 0xFE, 0xFF)) {
      return Optional.of("UTF-16 (big-endian, with a byte-order mark)");
    }
    if (startsWith(head, 0xFF, 0xFE)) {
      return Optional.of("UTF-16 (little-endian, with a byte-order mark)");
    }
    boolean zeroAtStart = false;
    for (int i = 0; i < Math.min(4, n); i++) {
      zeroAtStart |= head[i] == 0;
    }
    if (!zeroAtStart) {
      return Optional.empty(); // a UTF-8 header starts with four non-NUL bytes; NULs in later rows are row rejects
    }
    int[] zerosAt = new int[4];
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        zerosAt[i % 4]++;
      }
    }
    int quarter = n / 4;
    if (quarter > 0 && zerosAt[1] + zerosAt[2] + zerosAt[3] >= 3 * quarter * 9 / 10 && zerosAt[0] == 0) {
      return Optional.of("UTF-32 (little-endian)");
    }
    if (quarter > 0 && zerosAt[0] + zerosAt[1] + zerosAt[2] >= 3 * quarter * 9 / 10 && zerosAt[3] == 0) {
      return Optional.of("UTF-32 (big-endian)");
    }
    int odd = zerosAt[1] + zerosAt[3];
    int even = zerosAt[0] + zerosAt[2];
    int half = n / 2;
    if (odd >= half / 4 && even * 10 <= odd) {
      return Optional.of("UTF-16 (little-endian)");
    }
    if (even >= half / 4 && odd * 10 <= even) {
      return Optional.of("UTF-16 (big-endian)");
    }
    return Optional.of("not UTF-8 text (it starts with NUL bytes)");
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
