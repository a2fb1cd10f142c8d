package org.sdelink.benchmarks;

import org.sdelink.pseudonymisation.keys.MasterKey;

/** A fixed, clearly fake master key: benchmarks must not need a keystore and must be repeatable. */
final class BenchmarkKeys {
  private BenchmarkKeys() {}

  static MasterKey master() {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (0xA5 ^ i);
    }
    return MasterKey.of("demo-benchmark-1", bytes);
  }
}
