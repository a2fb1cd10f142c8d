package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkNotNull;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A reviewer's Ed25519 private key, in memory only while an approval is signed. It is stored encrypted under the
 * reviewer's password ({@link ReviewerKeyFiles}) and never printed: {@link #toString} shows the fingerprint of its
 * public key only.
 */
public final class ReviewerSigningKey {
  private final Ed25519PrivateKeyParameters key;
  private final ReviewerPublicKey publicKey;

  private ReviewerSigningKey(Ed25519PrivateKeyParameters key) {
    this.key = key;
    this.publicKey = ReviewerPublicKey.of(key.generatePublicKey());
  }

  /** A new random key. */
  public static ReviewerSigningKey generate(SecureRandom random) {
    checkNotNull(random, "random");
    return new ReviewerSigningKey(new Ed25519PrivateKeyParameters(random));
  }

  static ReviewerSigningKey of(Ed25519PrivateKeyParameters key) {
    return new ReviewerSigningKey(checkNotNull(key, "key"));
  }

  Ed25519PrivateKeyParameters parameters() {
    return key;
  }

  /** The public half, which the SDE trusts. */
  public ReviewerPublicKey publicKey() {
    return publicKey;
  }

  /** The Ed25519 signature of {@code message} (64 bytes; the same message always gives the same signature). */
  public byte[] sign(byte[] message) {
    checkNotNull(message, "message");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  @Override
  public String toString() {
    return "ReviewerSigningKey{" + publicKey.fingerprint() + "}";
  }
}
