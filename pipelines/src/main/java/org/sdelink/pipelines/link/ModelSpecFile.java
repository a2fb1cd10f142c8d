package org.sdelink.pipelines.link;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sdelink.linkage.model.LinkageModel;

/**
 * A linkage model spec as read: the validated model and the SHA-256 of its YAML bytes, which the link stage records
 * in its settings so that a changed spec (a threshold, a level, a comment) reruns the stage.
 */
public final class ModelSpecFile {
  private final LinkageModel model;
  private final String sha256;

  private ModelSpecFile(LinkageModel model, String sha256) {
    this.model = model;
    this.sha256 = sha256;
  }

  /** The spec in {@code yaml} bytes. */
  public static ModelSpecFile of(byte[] yaml) {
    checkNotNull(yaml, "yaml");
    return new ModelSpecFile(LinkageModel.load(new ByteArrayInputStream(yaml)),
        Hashing.sha256().hashBytes(yaml).toString());
  }

  /** The spec in file {@code yaml}. */
  public static ModelSpecFile read(Path yaml) throws IOException {
    return of(Files.readAllBytes(yaml));
  }

  /** The shipped CLD-APC spec ({@link LinkageModel#DEFAULT_RESOURCE}). */
  public static ModelSpecFile defaultCldApc() {
    try (InputStream in = LinkageModel.class.getResourceAsStream(LinkageModel.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + LinkageModel.DEFAULT_RESOURCE + " is missing from the jar");
      }
      return of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LinkageModel model() {
    return model;
  }

  /** SHA-256 of the spec's bytes, lower-case hex. */
  public String sha256() {
    return sha256;
  }
}
