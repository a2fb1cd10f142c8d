package org.sdelink.pipelines.publish;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import org.sdelink.policies.treatments.PersonDateOffset;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.KeyedHmac;

/**
 * The per-person date shift of {@code shift-dates}: HMAC-SHA256 of the level-1 person id under the key derived for
 * {@code project/<id>/date-shift}, reduced to a whole number of days in [-max, +max] excluding 0. The same person
 * always moves by the same amount within a project; without the key the offset cannot be worked out.
 */
public final class KeyedDateOffsets implements PersonDateOffset {
  private static final long serialVersionUID = 1L;

  private final KeyedHmac hmac;
  private final int maxDays;

  private KeyedDateOffsets(KeyedHmac hmac, int maxDays) {
    this.hmac = hmac;
    this.maxDays = maxDays;
  }

  public static KeyedDateOffsets create(MasterKey key, String projectId, int maxDays) {
    checkArgument(maxDays >= 0, "maxDays must not be negative");
    return new KeyedDateOffsets(KeyedHmac.derive(key, "project/" + projectId + "/date-shift"), maxDays);
  }

  @Override
  public int offsetDays(String personId) {
    if (maxDays == 0) {
      return 0;
    }
    byte[] mac = hmac.compute(personId.getBytes(StandardCharsets.UTF_8));
    long value = ((mac[0] & 0xffL) << 24) | ((mac[1] & 0xffL) << 16) | ((mac[2] & 0xffL) << 8) | (mac[3] & 0xffL);
    int magnitude = (int) (value % maxDays) + 1;
    return (mac[4] & 1) == 0 ? magnitude : -magnitude;
  }
}
