package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The LTS001 support setting of a long-term service row and its rank: nursing, residential, then community and prison
 * by delivery mechanism (SALT LTS001a/b/c replication code, {@code #REF_Service_Type_Delivery_Mech}). A delivery
 * mechanism outside the table, or on nursing or residential care, counts as none ({@code ''}). A client with several
 * rows is counted once, in the setting of lowest rank.
 */
public final class SupportSetting {
  /** A setting label (the table's SALT_Category) with its rank. */
  public record Setting(String label, int rank) {}

  private record Row(String serviceType, String mechanism, String label) {}

  private static final ImmutableList<Row> TABLE = ImmutableList.of(
      new Row("Long Term Support: Nursing Care", "", "Nursing"),
      new Row("Long Term Support: Residential Care", "", "Residential"),
      new Row("Long Term Support: Community", "Direct Payment", "Community: Direct Payment"),
      new Row("Long Term Support: Community", "CASSR Managed Personal Budget",
          "Community: CASSR Managed Personal Budget"),
      new Row("Long Term Support: Community", "CASSR Commissioned Support", "Community: CASSR Commissioned Support"),
      new Row("Long Term Support: Community", "", "Community"),
      new Row("Long Term Support: Prison", "CASSR Managed Personal Budget", "Prison: CASSR Managed Personal Budget"),
      new Row("Long Term Support: Prison", "CASSR Commissioned Support", "Prison: CASSR Commissioned Support"),
      new Row("Long Term Support: Prison", "", "Prison"));

  private SupportSetting() {}

  /** The setting of one long-term support row; empty when its service type is not long-term support. */
  public static Optional<Setting> of(SaltEvent event) {
    checkNotNull(event, "event");
    Optional<Setting> withMechanism = find(event.serviceType(), event.deliveryMechanism());
    return withMechanism.isPresent() ? withMechanism : find(event.serviceType(), "");
  }

  private static Optional<Setting> find(String serviceType, String mechanism) {
    for (int i = 0; i < TABLE.size(); i++) {
      Row row = TABLE.get(i);
      if (row.serviceType.equals(serviceType) && row.mechanism.equalsIgnoreCase(mechanism)) {
        return Optional.of(new Setting(row.label, i + 1));
      }
    }
    return Optional.empty();
  }

  /** The setting of lowest rank among {@code rows}. */
  public static Optional<Setting> best(List<SaltEvent> rows) {
    return rows.stream().map(SupportSetting::of).flatMap(Optional::stream)
        .min((a, b) -> Integer.compare(a.rank(), b.rank()));
  }
}
