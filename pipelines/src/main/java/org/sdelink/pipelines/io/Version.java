package org.sdelink.pipelines.io;

/** The sdelink version recorded in every marker and manifest (from the jar manifest, else the build default). */
public final class Version {
  private Version() {}

  public static String current() {
    String fromJar = Version.class.getPackage().getImplementationVersion();
    return fromJar != null ? fromJar : "0.1.0-SNAPSHOT";
  }
}
