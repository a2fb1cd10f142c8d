package org.sdelink.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 of files, streamed in 64 KiB blocks, remembered for the life of the process per file version (path, size,
 * modification time and file key), so that a run hashing the same input for its rerun check, its upstream check and
 * its {@code _SUCCESS} marker reads the file once. A file changed in any of those attributes is hashed again.
 */
public final class FileHashes {
  private static final int REMEMBERED = 4096;
  private static final Map<String, String> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED;
    }
  };

  private FileHashes() {}

  /** The SHA-256 of a regular file, as lower-case hex. */
  public static String sha256(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      String version = file.toAbsolutePath().normalize() + "|" + attributes.size() + "|"
          + attributes.lastModifiedTime().toInstant() + "|" + attributes.fileKey();
      synchronized (CACHE) {
        String known = CACHE.get(version);
        if (known != null) {
          return known;
        }
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, file);
      String hash = HexFormat.of().formatHex(digest.digest());
      synchronized (CACHE) {
        CACHE.put(version, hash);
      }
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void update(MessageDigest digest, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
    }
  }
}
