package org.sdelink.pseudonymisation.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.io.BaseEncoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

  @Property(tries = 100)
  void toStringNeverShowsKeyMaterial(@ForAll @Size(32) byte[] material) {
    MasterKey key = MasterKey.of("k20261127-1", material);
    String text = key.toString();
    assertFalse(text.contains(BaseEncoding.base16().encode(material)));
    assertFalse(text.contains(BaseEncoding.base16().lowerCase().encode(material)));
    assertFalse(text.contains(Base64.getEncoder().encodeToString(material)));
    assertFalse(text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(material)));
    assertTrue(text.contains("k20261127-1"));
  }

  @Test
  void refusesShortKeysAndBadIds() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MasterKey.of("k1", new byte[16]));
    assertTrue(e.getMessage().contains("128 bits"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MasterKey.of("key id; with spaces", new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> MasterKey.of("", new byte[32]));
  }

  @Test
  void copiesTheMaterialAndMarksDemoKeys() {
    byte[] material = new byte[32];
    MasterKey key = MasterKey.of("demo-k20261127-1", material);
    material[0] = 1;
    assertEquals(MasterKey.of("demo-k20261127-1", new byte[32]), key);
    assertTrue(key.isDemo());
    assertFalse(MasterKey.of("k20261127-1", new byte[32]).isDemo());
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    byte[] material = new byte[32];
    for (int i = 0; i < material.length; i++) {
      material[i] = (byte) (i * 7);
    }
    MasterKey key = MasterKey.of("k20261127-1", material);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(key);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(key, in.readObject());
    }
  }
}
