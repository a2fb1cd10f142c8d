package org.sdelink.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sdelink.pseudonymisation.keys.KeyDerivation;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumberStatus;
import org.sdelink.pseudonymisation.tokens.Purposes;
import org.sdelink.pseudonymisation.tokens.TokenDeriver;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * NHS-number tokens per second on one core: the project's tokeniser against a plain JCA {@code Mac}
 * HmacSHA256 loop over the same 2^20 distinct valid NHS numbers, under the same derived key.
 *
 * <ul>
 *   <li>{@link #jcaHmacRaw}: {@code mac.doFinal} over precomputed UTF-8 bytes; nothing else.
 *   <li>{@link #jcaHmacToken}: the fair baseline: the same work as the tokeniser with a plain {@code Mac}
 *       (String to UTF-8 bytes, HMAC, keep 16 bytes, base64url without padding, a String).
 *   <li>{@link #tokeniser}: {@code TokenDeriver.token} on the normalised ten digits.
 *   <li>{@link #validateAndToken}, {@link #validateAndTokenSpaced}: {@code NhsNumber.validate} (normalise,
 *       modulus 11, HES placeholder rules) then the token, on the ten digits and on {@code 943 476 5919}.
 * </ul>
 *
 * <p>One op = one token. Single thread, so ops/s is per core. Run: {@code bin/benchmark TokenBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class TokenBenchmark {
  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private String[] digits;
  private String[] spaced;
  private byte[][] utf8;
  private Mac mac;
  private TokenDeriver deriver;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws GeneralSecurityException {
    digits = NhsNumbers.generate(NhsNumbers.COUNT);
    spaced = NhsNumbers.spaced(digits);
    utf8 = new byte[digits.length][];
    for (int i = 0; i < digits.length; i++) {
      utf8[i] = digits[i].getBytes(StandardCharsets.UTF_8);
    }
    MasterKey master = BenchmarkKeys.master();
    // The baseline uses the very key the tokeniser derives, so both compute identical tokens.
    mac = Mac.getInstance(HMAC);
    mac.init(new SecretKeySpec(KeyDerivation.deriveKey(master, Purposes.NHS_NUMBER), HMAC));
    deriver = TokenDeriver.create(master, Purposes.NHS_NUMBER);
    checkSameWork();
    next = 0;
  }

  /** Refuses to run when the baseline and the tokeniser would not be computing the same thing. */
  private void checkSameWork() {
    for (int i = 0; i < 1000; i++) {
      String expected = deriver.token(digits[i]);
      if (!expected.equals(plainToken(digits[i]))) {
        throw new IllegalStateException("baseline and tokeniser disagree: the comparison is not fair");
      }
      Validated<NhsNumber, NhsNumberStatus> validated = NhsNumber.validate(spaced[i]);
      if (validated.status() != NhsNumberStatus.VALID
          || !expected.equals(deriver.token(validated.get().digits()))) {
        throw new IllegalStateException("spaced input does not normalise to the same token");
      }
    }
  }

  private String plainToken(String value) {
    byte[] full = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return new String(BASE64URL.encode(Arrays.copyOf(full, 16)), StandardCharsets.ISO_8859_1);
  }

  private int index() {
    int i = next;
    next = (i + 1) & NhsNumbers.MASK;
    return i;
  }

  @Benchmark
  public byte[] jcaHmacRaw() {
    return mac.doFinal(utf8[index()]);
  }

  @Benchmark
  public String jcaHmacToken() {
    return plainToken(digits[index()]);
  }

  @Benchmark
  public String tokeniser() {
    return deriver.token(digits[index()]);
  }

  @Benchmark
  public String validateAndToken() {
    return validateThenToken(digits[index()]);
  }

  @Benchmark
  public String validateAndTokenSpaced() {
    return validateThenToken(spaced[index()]);
  }

  private String validateThenToken(String raw) {
    Validated<NhsNumber, NhsNumberStatus> validated = NhsNumber.validate(raw);
    return validated.isUsable() ? deriver.token(validated.get().digits()) : null;
  }
}
