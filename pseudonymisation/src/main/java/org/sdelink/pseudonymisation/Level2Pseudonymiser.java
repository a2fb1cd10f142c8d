package org.sdelink.pseudonymisation;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.Purposes;
import org.sdelink.pseudonymisation.tokens.TokenDeriver;

/**
 * Level-2 (project) pseudonyms for a data release: {@code pseudonym = token of the level-1 token under the
 * key derived for purpose project/<projectId>}. The same person gets different pseudonyms in different
 * projects, so two releases cannot be joined without the master key. Thread-safe and serializable.
 */
public final class Level2Pseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String projectId;
  private final TokenDeriver deriver;

  private Level2Pseudonymiser(String projectId, TokenDeriver deriver) {
    this.projectId = projectId;
    this.deriver = deriver;
  }

  /** Project ids: 1-64 of {@code [A-Za-z0-9._-]}, starting alphanumeric. */
  public static Level2Pseudonymiser create(MasterKey key, String projectId) {
    checkNotNull(key, "key");
    return new Level2Pseudonymiser(projectId, TokenDeriver.create(key, Purposes.project(projectId)));
  }

  /** The project pseudonym of a non-empty level-1 token (e.g. {@code nhs_number_token}). */
  public String pseudonym(String level1Token) {
    return deriver.token(level1Token);
  }

  public String projectId() {
    return projectId;
  }

  public String keyId() {
    return deriver.keyId();
  }

  @Override
  public String toString() {
    return "Level2Pseudonymiser{projectId=" + projectId + ", keyId=" + keyId() + "}";
  }
}
