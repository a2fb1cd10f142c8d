package org.sdelink.linkage.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.PseudonymisedRows;
import org.sdelink.linkage.PseudonymisedRows.Identity;
import org.sdelink.linkage.blocking.PairFilter;
import org.sdelink.linkage.cascade.DeterministicCascade;
import org.sdelink.linkage.em.ExpectationMaximisation;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;

/** The pieces a Beam DoFn holds survive Java serialization and behave the same afterwards. */
class SerializationTest {

  @SuppressWarnings("unchecked")
  private static <T> T copy(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void scorerCascadeModelAndFilterSerialise() throws Exception {
    LinkageModel model = LinkageModel.defaultCldApc();
    Identity anne = new Identity("9434765919", "Anne", "Smith", LocalDate.of(1941, 3, 7), "LS1 4AP", "F");
    LinkRecord cld = model.record("cld", PseudonymisedRows.cldRow("c1", anne, "E08000035", "1"));
    LinkRecord apc = model.record("apc", PseudonymisedRows.apcRow("a1", anne.withGivenName("Ann"), "E08000035"));
    double[][] u = ExpectationMaximisation.startingM(model).toArray();
    for (double[] levels : u) {
      for (int l = 0; l < levels.length; l++) {
        levels[l] = l == levels.length - 1 ? 0.9 : 0.01;
      }
    }
    ModelParameters parameters = ModelParameters.of(
        model, 1e-6, "supplied", ExpectationMaximisation.startingM(model), LevelProbabilities.of(u), null);
    PairScorer scorer = PairScorer.create(model, parameters,
        TermFrequencies.fromRecords(List.of(cld, apc), model.termFrequencyFields()));

    PairScorer scorerCopy = copy(scorer);
    LinkRecord cldCopy = copy(cld);
    assertEquals(scorer.score(cld, apc).matchWeight(), scorerCopy.score(cldCopy, copy(apc)).matchWeight(), 0);
    assertEquals(scorer.waterfall(scorer.score(cld, apc)).toString(),
        scorerCopy.waterfall(scorerCopy.score(cldCopy, apc)).toString());
    assertEquals(Optional.of("nhs_number+dob"), copy(DeterministicCascade.create(model)).firstMatchingStep(cld, apc));
    assertEquals(cld, copy(model).record("cld", PseudonymisedRows.cldRow("c1", anne, "E08000035", "1")));
    assertEquals("cld", copy(PairFilter.crossSource("cld", "apc")).pair(apc, cld).left().source());
  }
}
