package org.sdelink.pipelines.publish;

import java.io.Serializable;
import java.util.Map;
import java.util.function.Function;
import org.sdelink.policies.Policy;
import org.sdelink.policies.treatments.RecordTreatment;
import org.sdelink.pseudonymisation.Level2Pseudonymiser;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * The keyed parts of one project's record treatments (the level-2 pseudonyms and the per-person date shifts, both
 * derived from the master key for the project), in a form a pipeline can ship to its workers.
 */
final class ProjectTreatments implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ProjectPseudonyms pseudonyms;
  private final KeyedDateOffsets offsets;

  private ProjectTreatments(ProjectPseudonyms pseudonyms, KeyedDateOffsets offsets) {
    this.pseudonyms = pseudonyms;
    this.offsets = offsets;
  }

  static ProjectTreatments of(MasterKey key, Policy policy) {
    String project = policy.project().id();
    return new ProjectTreatments(new ProjectPseudonyms(Level2Pseudonymiser.create(key, project)),
        KeyedDateOffsets.create(key, project, policy.dateShiftMaxDays().orElse(0)));
  }

  /** The treatment {@code policy} sets for {@code dataset} under this project's keys. */
  RecordTreatment treatment(Policy policy, String dataset, Map<String, ? extends Map<String, String>> lookups) {
    return RecordTreatment.forDataset(policy, dataset, pseudonyms, offsets, lookups);
  }

  /** The level-2 pseudonymiser as the serializable function a record treatment takes. */
  private static final class ProjectPseudonyms implements Function<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Level2Pseudonymiser level2;

    ProjectPseudonyms(Level2Pseudonymiser level2) {
      this.level2 = level2;
    }

    @Override
    public String apply(String level1) {
      return level2.pseudonym(level1);
    }
  }
}
