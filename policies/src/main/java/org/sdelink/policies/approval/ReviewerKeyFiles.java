package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A reviewer's key pair on disk: the private key in {@code FILE}, an {@code ENCRYPTED PRIVATE KEY} PEM block (PKCS#8,
 * AES-256-CBC under a key derived from the reviewer's password with PBKDF2-HMAC-SHA256, {@value #PBKDF2_ITERATIONS}
 * iterations; {@code openssl pkey} reads it), created with mode 0600 and refused when others can read it; the public
 * key in {@code FILE.pub}, a {@code PUBLIC KEY} PEM block the reviewer sends to the SDE.
 */
public final class ReviewerKeyFiles {
  /** The shortest password accepted for a reviewer's key. */
  public static final int MIN_PASSWORD_LENGTH = 12;
  /** PBKDF2 iterations protecting the private key (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
  public static final int PBKDF2_ITERATIONS = 600_000;

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private ReviewerKeyFiles() {}

  /** The public key file beside {@code keyFile}: {@code keyFile} with {@code .pub} appended. */
  public static Path publicKeyFile(Path keyFile) {
    checkNotNull(keyFile, "keyFile");
    return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
  }

  /**
   * Creates a new key pair: the private key in {@code keyFile} (mode 0600) encrypted under {@code password}, the
   * public key in {@link #publicKeyFile}. Never replaces an existing file.
   *
   * @throws ReviewerKeyException when the password is too short or either file exists
   */
  public static ReviewerPublicKey create(Path keyFile, char[] password, SecureRandom random) throws IOException {
    checkNotNull(keyFile, "keyFile");
    checkNotNull(password, "password");
    checkNotNull(random, "random");
    requireStrong(password);
    Path publicFile = publicKeyFile(keyFile);
    for (Path file : new Path[] {keyFile, publicFile}) {
      if (Files.exists(file)) {
        throw new ReviewerKeyException(file + " already exists: sdelink never replaces a key file; choose another "
            + "--key path, or move the old files away if you mean to replace your key (then ask the SDE to trust "
            + "the new one)");
      }
    }
    ReviewerSigningKey key = ReviewerSigningKey.generate(random);
    String encrypted = encrypt(key, password, random);
    Path parent = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try {
      if (Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null) {
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(keyFile);
      }
    } catch (FileAlreadyExistsException e) {
      throw new ReviewerKeyException(keyFile + " already exists: sdelink never replaces a key file");
    }
    Files.writeString(keyFile, encrypted, StandardCharsets.US_ASCII);
    Files.writeString(publicFile, key.publicKey().pem(), StandardCharsets.US_ASCII);
    return key.publicKey();
  }

  /**
   * Opens the private key in {@code keyFile} with {@code password}.
   *
   * @throws ReviewerKeyException when others may read the file, or the password is wrong, or it is not a key file
   */
  public static ReviewerSigningKey open(Path keyFile, char[] password) throws IOException {
    checkNotNull(keyFile, "keyFile");
    checkNotNull(password, "password");
    requireOwnerOnly(keyFile);
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(keyFile, StandardCharsets.US_ASCII)))) {
      object = parser.readObject();
    } catch (IOException | RuntimeException e) {
      object = null;
    }
    if (!(object instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
      throw new ReviewerKeyException(keyFile + " is not a reviewer's private key (an ENCRYPTED PRIVATE KEY block "
          + "written by `sdelink policy keys init`)");
    }
    AsymmetricKeyParameter parameters;
    try {
      PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
          new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(PROVIDER).build(password));
      parameters = PrivateKeyFactory.createKey(info);
    } catch (PKCSException | OperatorCreationException | IOException | RuntimeException e) {
      throw new ReviewerKeyException("cannot open the reviewer's key " + keyFile + ": wrong password, or the file "
          + "is damaged");
    }
    if (!(parameters instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw new ReviewerKeyException(keyFile + " holds a key that is not Ed25519: make a reviewer's key with "
          + "`sdelink policy keys init`");
    }
    return ReviewerSigningKey.of(ed25519);
  }

  /**
   * Reads a public key file ({@code .pub}).
   *
   * @throws IllegalArgumentException when it holds no Ed25519 public key
   */
  public static ReviewerPublicKey readPublic(Path publicFile) throws IOException {
    checkNotNull(publicFile, "publicFile");
    try {
      return ReviewerPublicKey.fromPem(Files.readString(publicFile, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(publicFile + ": " + e.getMessage());
    }
  }

  /**
   * Refuses a password shorter than {@value #MIN_PASSWORD_LENGTH} characters.
   *
   * @throws ReviewerKeyException when it is
   */
  public static void requireStrong(char[] password) {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new ReviewerKeyException("the password of a reviewer's key must have at least " + MIN_PASSWORD_LENGTH
          + " characters: choose a longer one (a passphrase of several words is easiest to remember)");
    }
  }

  private static void requireOwnerOnly(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    for (PosixFilePermission permission : permissions) {
      if (!permission.name().startsWith("OWNER_")) {
        throw new ReviewerKeyException("the reviewer's key " + file + " can be read or changed by others (mode "
            + PosixFilePermissions.toString(permissions) + "): run `chmod 600 " + file + "`; if others may have "
            + "copied it, make a new key and ask the SDE to stop trusting this one");
      }
    }
  }

  private static String encrypt(ReviewerSigningKey key, char[] password, SecureRandom random) throws IOException {
    try {
      // RFC 8410 version 1 (no public key attached), the form OpenSSL reads.
      PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
          new DEROctetString(key.parameters().getEncoded()));
      var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
          .setPRF(PKCS8Generator.PRF_HMACSHA256)
          .setIterationCount(PBKDF2_ITERATIONS)
          .setRandom(random)
          .setPassword(password)
          .setProvider(PROVIDER)
          .build();
      StringWriter text = new StringWriter();
      try (PemWriter writer = new PemWriter(text)) {
        writer.writeObject(new PKCS8Generator(info, encryptor).generate());
      }
      return text.toString().replace("\r\n", "\n");
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot set up the encryption of a reviewer's key", e);
    }
  }
}
