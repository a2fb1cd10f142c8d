package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Strings;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.ApcEpisode;

/**
 * One HES/SUS APC episode as ASCOF 2D reads it: the fields of {@link ApcEpisode} the rules need, with the treatment
 * function ({@code TRETSPEF}) and the residence LSOA ({@code LSOA11}) that {@link ApcEpisode} does not carry. The
 * spell is named by the record id of its last episode (the code's {@code APCS_Ident}).
 */
public record HospitalDischarge(
    String recordId,
    @Nullable LocalDate admission,
    @Nullable LocalDate discharge,
    String admissionMethod,
    String dischargeMethod,
    String dischargeDestination,
    String treatmentFunction,
    boolean lastEpisode,
    @Nullable Integer ageAtDischarge,
    String lsoa,
    String residenceLa) implements Serializable {
  private static final long serialVersionUID = 1L;

  public HospitalDischarge {
    checkNotNull(recordId, "recordId");
    checkNotNull(admissionMethod, "admissionMethod");
    checkNotNull(dischargeMethod, "dischargeMethod");
    checkNotNull(dischargeDestination, "dischargeDestination");
    checkNotNull(treatmentFunction, "treatmentFunction");
    checkNotNull(lsoa, "lsoa");
    checkNotNull(residenceLa, "residenceLa");
  }

  /** Reads a row of the pseudonymised APC records file (errors name the column, never a value). */
  public static HospitalDischarge fromRow(Map<String, String> row) {
    ApcEpisode episode = ApcEpisode.fromRow(row);
    return new HospitalDischarge(episode.recordId(), episode.admissionDate(), episode.dischargeDate(),
        episode.admissionMethod(), episode.dischargeMethod(), episode.dischargeDestination(),
        Strings.nullToEmpty(row.get("TRETSPEF")).trim(), episode.endsSpell(), episode.ageAtDischarge(),
        Strings.nullToEmpty(row.get("LSOA11")).trim(), episode.residenceLa());
  }
}
