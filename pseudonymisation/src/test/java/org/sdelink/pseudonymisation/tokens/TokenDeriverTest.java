package org.sdelink.pseudonymisation.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.keys.MasterKey;

class TokenDeriverTest {
  static final MasterKey KEY = MasterKey.of("k20260101-1", sequence(0));
  static final MasterKey OTHER_KEY = MasterKey.of("k20260101-2", sequence(100));

  static byte[] sequence(int start) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (start + i);
    }
    return bytes;
  }

  private final TokenDeriver nhs = TokenDeriver.create(KEY, Purposes.NHS_NUMBER);

  @Property
  void tokenIsShortBase64UrlAndNeverTheInput(@ForAll @NotEmpty String value) {
    String token = nhs.token(value);
    assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
    assertNotEquals(value, token);
    assertEquals(token, nhs.token(value));
  }

  @Property
  void purposesAndKeysSeparateTokens(@ForAll @NotEmpty String value) {
    String token = nhs.token(value);
    assertNotEquals(token, TokenDeriver.create(KEY, Purposes.DOB).token(value));
    assertNotEquals(token, TokenDeriver.create(OTHER_KEY, Purposes.NHS_NUMBER).token(value));
  }

  @Test
  void carriesTheKeyIdAndRefusesEmptyValues() {
    assertEquals("k20260101-1", nhs.keyId());
    assertEquals(Purposes.NHS_NUMBER, nhs.purpose());
    assertThrows(IllegalArgumentException.class, () -> nhs.token(""));
  }

  @Test
  void manyThreadsGetTheSameTokensAsOne() throws Exception {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      inputs.add("value-" + i);
    }
    List<String> expected = inputs.stream().map(nhs::token).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> inputs.stream().map(nhs::token).toList()));
      }
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(nhs);
    }
    TokenDeriver copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TokenDeriver) in.readObject();
    }
    assertEquals(nhs.token("9434765919"), copy.token("9434765919"));
    assertEquals(nhs.keyId(), copy.keyId());
  }
}
