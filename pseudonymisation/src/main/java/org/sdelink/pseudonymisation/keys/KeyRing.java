package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * The keys of one keystore: the primary key (used to tokenise new data) and older keys kept so that data
 * tokenised before a rotation can still be recognised ({@link #byId(String)}).
 */
public final class KeyRing {
  private final ImmutableMap<String, MasterKey> keysById;
  private final String primaryId;

  KeyRing(ImmutableMap<String, MasterKey> keysById, String primaryId) {
    checkArgument(keysById.containsKey(primaryId), "primary key %s not in the ring", primaryId);
    this.keysById = keysById;
    this.primaryId = primaryId;
  }

  /** The newest key: tokenise with this one. */
  public MasterKey primary() {
    return keysById.get(primaryId);
  }

  /** The key with this id, e.g. the {@code key_id} column of earlier output. */
  public MasterKey byId(String keyId) {
    checkNotNull(keyId, "keyId");
    MasterKey key = keysById.get(keyId);
    checkArgument(
        key != null,
        "no key %s in this keystore (it holds %s): open the keystore the data was tokenised with",
        keyId,
        keysById.keySet());
    return key;
  }

  /** All key ids, oldest first. */
  public ImmutableSet<String> keyIds() {
    return keysById.keySet();
  }

  @Override
  public String toString() {
    return "KeyRing{primary=" + primaryId + ", keys=" + keysById.keySet() + "}";
  }
}
