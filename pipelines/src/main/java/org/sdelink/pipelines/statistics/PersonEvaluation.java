package org.sdelink.pipelines.statistics;

import java.io.Serializable;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.sdelink.metrics.salt.PersonStatistics;

/**
 * One family of statistics computed from each CLD person (the SALT cells, the ASCOF contributions, the waiting-time
 * histograms): what the family adds for one evaluated person. {@link EvaluatePersons} groups the CLD rows by person
 * once and gives every person, evaluated once ({@link PersonStatistics}), to each family; each family's summable cells
 * leave on its own {@link #cells} tag, the stage's counters on {@link EvaluatePersons#COUNTS}.
 */
interface PersonEvaluation extends Serializable {
  /** The tag of this family's summable cells (key, count). */
  TupleTag<KV<String, Long>> cells();

  /** Adds what one person of {@code council} contributes. */
  void evaluate(String council, CldPerson person, Tally tally);

  /** Called for each row without a council-local person id (it cannot be given to a person). */
  default void rowWithoutPersonId(String council, Tally tally) {}

  /** Where an evaluation adds: its own summable cells, and the stage's counters. */
  interface Tally {
    /** Adds {@code n} to this family's cell {@code key}. */
    void cell(String key, long n);

    /** Adds {@code n} to the stage's counter {@code key}. */
    void count(String key, long n);
  }
}
