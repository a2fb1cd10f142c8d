package org.sdelink.metrics.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The STS001 and STS002a sequel labels by record type, with the outcome mapping tables. */
class SequelLabelsTest {
  private static SequelChain.Chain inScope(SaltEvent... events) {
    return new SequelChain.Chain(SequelChain.Kind.IN_SCOPE, ImmutableList.copyOf(events), false);
  }

  private static final SequelChain.Chain NONE =
      new SequelChain.Chain(SequelChain.Kind.NO_CHRONOLOGY, ImmutableList.of(), false);
  private static final SequelChain.Chain OUT =
      new SequelChain.Chain(SequelChain.Kind.OUT_OF_SCOPE, ImmutableList.of(), false);

  @Test
  void sts001TakesTheHighestRankingService() {
    var result = Sts001Sequel.of(inScope(
        Ev.service("Long Term Support: Community", "2024-06-02", null).build(),
        Ev.service(StMaxSequels.ST_MAX, "2024-06-03", "2024-06-20").build()), "Progress to Assessment");
    assertEquals("Short Term Support: ST-Max", result.label());
    assertEquals(2, result.recordType());
  }

  @Test
  void sts001ReadsNfaOutcomesOfTheLatestEndAndCallsConflictsOtherReason() {
    var one = Sts001Sequel.of(inScope(Ev.assessment("2024-06-02", "2024-06-05").outcome("NFA - Deceased").build()),
        "Progress to Assessment");
    assertEquals("No Services Provided - Deceased", one.label());
    assertEquals(3, one.recordType());
    var conflict = Sts001Sequel.of(inScope(
        Ev.assessment("2024-06-02", "2024-06-05").outcome("NFA - Deceased").build(),
        Ev.assessment("2024-06-03", "2024-06-05").outcome("NFA - Support declined").build()), "x");
    assertEquals("No Services Provided - other reason", conflict.label());
    var endOfLife = Sts001Sequel.of(inScope(
        Ev.assessment("2024-06-02", "2024-06-05").outcome("Progress to End of Life Care").build()), "x");
    assertEquals("End of Life", endOfLife.label());
  }

  @Test
  void sts001DiffersFromPublishedWhenANonNfaRowSharesTheLatestEnd() {
    var result = Sts001Sequel.of(inScope(
        Ev.assessment("2024-06-02", "2024-06-05").outcome("NFA - Deceased").build(),
        Ev.assessment("2024-06-03", "2024-06-05").outcome("Progress to Assessment").build()), "x");
    assertEquals("No Services Provided - Deceased", result.label());
    assertTrue(result.differsFromPublished());
  }

  @Test
  void sts001WithoutServiceOrNfaFallsBackToTheRequestOutcome() {
    var withNfa = Sts001Sequel.of(inScope(Ev.assessment("2024-06-02", "2024-06-05")
        .outcome("Progress to Support Planning / Services").build()), "NFA - Support declined");
    assertEquals("No Service Found_No Services Provided - other reason", withNfa.label());
    assertEquals(4, withNfa.recordType());
    var plain = Sts001Sequel.of(inScope(Ev.assessment("2024-06-02", "2024-06-05").build()), "Progress to Assessment");
    assertEquals("No Service Found", plain.label());
  }

  @Test
  void sts001NoChronologyAndOutOfScopeUseTheRequestOutcomeWithPrefix() {
    assertEquals("No_Chronology_100% NHS Funded Care", Sts001Sequel.of(NONE, "NFA - 100% NHS funded care").label());
    assertEquals("No_Chronology_Unable_To_Classify", Sts001Sequel.of(NONE, "Progress to Assessment").label());
    assertEquals("No_Chronology_Unable_To_Classify", Sts001Sequel.of(NONE, "").label());
    var out = Sts001Sequel.of(OUT, "");
    assertEquals("No_Chronology_Unable_To_Classify", out.label());
    assertEquals(5, out.recordType());
    assertTrue(out.differsFromPublished());
    assertFalse(Sts001Sequel.of(OUT, "NFA - Deceased").differsFromPublished());
  }

  @Test
  void sts002aMapsServicesAndOutcomesToSaltCategories() {
    assertEquals("Long Term Support (any setting)", Sts002aSequel.of(inScope(
        Ev.service("Long Term Support: Residential Care", "2024-06-02", null).build()), "x").label());
    assertEquals("No services provided – needs identified but support declined", Sts002aSequel.of(inScope(
        Ev.assessment("2024-06-02", "2024-06-03").outcome("NFA - Support declined").build()), "x").label());
    assertEquals("No Service Found", Sts002aSequel.of(inScope(Ev.assessment("2024-06-02", "2024-06-03").build()),
        "Progress to Assessment").label());
    var planned = Sts002aSequel.of(inScope(Ev.assessment("2024-06-02", "2024-06-03").build()),
        "Service ended as planned");
    assertEquals("No services provided – other", planned.label());
    assertTrue(planned.differsFromPublished());
    assertEquals("No services provided – other", Sts002aSequel.of(NONE, "Service ended as planned").label());
    assertEquals("No_Chronology_Early cessation of service (not leading to long term support) - 100% NHS funded"
        + " care/End of Life/deceased", Sts002aSequel.of(NONE, "NFA - Deceased").label());
    assertEquals("No_Chronology_Unable_To_Classify", Sts002aSequel.of(OUT, "Progress to Assessment").label());
  }

  @Test
  void serviceRanksDifferBetweenTables() {
    List<SaltEvent> chain = List.of(Ev.service(StMaxSequels.ST_MAX, "2024-06-02", null).build(),
        Ev.service("Short Term Support: Other Short Term", "2024-06-02", null).build());
    assertEquals("Short Term Support: ST-Max", SequelServiceRank.STS001.best(chain).orElseThrow());
    assertEquals("Short Term Support: Other Short Term", SequelServiceRank.STS002A.best(chain).orElseThrow());
  }
}
