package org.sdelink.pseudonymisation.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4231 section 4, HMAC-SHA-256 test cases 1-7 (case 5 truncated to 128 bits, as the RFC gives it). */
class KeyedHmacTest {
  private static final BaseEncoding HEX = BaseEncoding.base16().lowerCase();

  private static byte[] repeat(int value, int count) {
    byte[] out = new byte[count];
    Arrays.fill(out, (byte) value);
    return out;
  }

  private static byte[] bytes(String spec) {
    if (spec.startsWith("hex:")) {
      return HEX.decode(spec.substring(4));
    }
    if (spec.startsWith("repeat:")) {
      String[] parts = spec.split(":");
      return repeat(Integer.parseInt(parts[1], 16), Integer.parseInt(parts[2]));
    }
    return spec.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "RFC 4231 test case {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | repeat:0b:20 | Hi There | b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "2 | Jefe | what do ya want for nothing? | 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "3 | repeat:aa:20 | repeat:dd:50 | 773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "4 | hex:0102030405060708090a0b0c0d0e0f10111213141516171819 | repeat:cd:50 | 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "5 | repeat:0c:20 | Test With Truncation | a3b6167473100ee06e0c796c2955552b",
        "6 | repeat:aa:131 | Test Using Larger Than Block-Size Key - Hash Key First | 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "7 | repeat:aa:131 | This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm. | 9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
      })
  void rfc4231(int testCase, String key, String data, String expectedHex) {
    KeyedHmac hmac = KeyedHmac.ofRawKey(bytes(key));
    byte[] input = bytes(data);
    byte[] mac = hmac.compute(input);
    assertEquals(expectedHex, HEX.encode(mac).substring(0, expectedHex.length()));
    byte[] into = new byte[KeyedHmac.MAC_BYTES];
    hmac.compute(input, 0, input.length, into);
    assertEquals(HEX.encode(mac), HEX.encode(into));
  }
}
