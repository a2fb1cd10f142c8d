package org.sdelink.pseudonymisation.keys;

/** Which keys {@link KeyStoreFile#open} accepts. */
public enum KeyPolicy {
  /** Real data: demo keys (published with the demo, so known to anyone) are refused. */
  PRODUCTION,
  /** Demos and tests on synthetic data: demo keys accepted. */
  ALLOW_DEMO
}
