package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A reviewer's Ed25519 public key: what the SDE lists in its trusted reviewers to check approval signatures with. It
 * is written as the base64 of its X.509 SubjectPublicKeyInfo (the body of a {@code PUBLIC KEY} PEM block, one line)
 * and named by its fingerprint, {@code sha256:} and the lower-case hex SHA-256 of those bytes.
 */
public final class ReviewerPublicKey {
  /** The fingerprint prefix. */
  public static final String FINGERPRINT_PREFIX = "sha256:";

  private final Ed25519PublicKeyParameters key;
  private final byte[] encoded;

  private ReviewerPublicKey(Ed25519PublicKeyParameters key) {
    this.key = key;
    try {
      this.encoded = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an Ed25519 public key", e);
    }
  }

  static ReviewerPublicKey of(Ed25519PublicKeyParameters key) {
    return new ReviewerPublicKey(checkNotNull(key, "key"));
  }

  /**
   * The key written as base64 of its SubjectPublicKeyInfo.
   *
   * @throws IllegalArgumentException when it is not base64 of an Ed25519 public key
   */
  public static ReviewerPublicKey fromBase64(String base64) {
    checkNotNull(base64, "base64");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the public key is not base64: copy the line between BEGIN PUBLIC KEY and "
          + "END PUBLIC KEY of the reviewer's .pub file");
    }
    return fromDer(der);
  }

  /**
   * The key in a {@code PUBLIC KEY} PEM block, as {@code sdelink policy keys init} writes it.
   *
   * @throws IllegalArgumentException when the text holds no Ed25519 public key
   */
  public static ReviewerPublicKey fromPem(String pem) {
    checkNotNull(pem, "pem");
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      PemObject object = reader.readPemObject();
      if (object == null || !"PUBLIC KEY".equals(object.getType())) {
        throw new IllegalArgumentException("the file holds no PUBLIC KEY block: give the .pub file written by "
            + "`sdelink policy keys init`");
      }
      return fromDer(object.getContent());
    } catch (IOException e) {
      throw new IllegalArgumentException("the file holds no readable PUBLIC KEY block: give the .pub file written "
          + "by `sdelink policy keys init`");
    }
  }

  private static ReviewerPublicKey fromDer(byte[] der) {
    AsymmetricKeyParameter parameters;
    try {
      parameters = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(der));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the public key cannot be read: it must be an Ed25519 key written by "
          + "`sdelink policy keys init`");
    }
    if (!(parameters instanceof Ed25519PublicKeyParameters ed25519)) {
      throw new IllegalArgumentException("the public key is not an Ed25519 key: reviewers' keys are made with "
          + "`sdelink policy keys init`");
    }
    return new ReviewerPublicKey(ed25519);
  }

  /** The key as base64 of its SubjectPublicKeyInfo, one line. */
  public String base64() {
    return Base64.getEncoder().encodeToString(encoded);
  }

  /** The key as a {@code PUBLIC KEY} PEM block. */
  public String pem() {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject("PUBLIC KEY", encoded));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a PEM block to memory", e);
    }
    return text.toString().replace("\r\n", "\n");
  }

  /** {@code sha256:} and the lower-case hex SHA-256 of the encoded key. */
  public String fingerprint() {
    return FINGERPRINT_PREFIX + Hashing.sha256().hashBytes(encoded);
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    checkNotNull(message, "message");
    checkNotNull(signature, "signature");
    if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReviewerPublicKey that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "ReviewerPublicKey{" + fingerprint() + "}";
  }
}
