package org.sdelink.metrics.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricTallyTest {
  private static final BreakdownGroups OLD_WOMAN = BreakdownGroups.of(AgeBand.of(82), "2", "E08000025", true);
  private static final BreakdownGroups YOUNG_MAN = BreakdownGroups.of(AgeBand.of(30), "1", "", false);

  private static MetricTally randomTally(Random random) {
    MetricTally tally = MetricTally.empty();
    for (int i = 0; i < 5; i++) {
      BreakdownGroups groups = random.nextBoolean() ? OLD_WOMAN : YOUNG_MAN;
      tally.addDischarge(Metric.EMERGENCY_READMISSION_30D, groups, random.nextBoolean());
      tally.addDischarge(Metric.REQUEST_AFTER_DISCHARGE, groups, random.nextBoolean());
      tally.addDays(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, groups, random.nextInt(29));
      tally.addRate(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, random.nextInt(3), random.nextInt(400));
    }
    return tally;
  }

  @Test
  void addDischarge_countsEveryBreakdownOfTheMetric() {
    MetricTally tally = MetricTally.empty();
    tally.addDischarge(Metric.EMERGENCY_READMISSION_30D, OLD_WOMAN, true);
    tally.addDischarge(Metric.EMERGENCY_READMISSION_30D, YOUNG_MAN, false);
    assertEquals(1, tally.numerator(Metric.EMERGENCY_READMISSION_30D, Breakdown.ALL, "all"));
    assertEquals(2, tally.denominator(Metric.EMERGENCY_READMISSION_30D, Breakdown.ALL, "all"));
    assertEquals(1, tally.denominator(Metric.EMERGENCY_READMISSION_30D, Breakdown.AGE_BAND, "75-84"));
    assertEquals(1, tally.denominator(Metric.EMERGENCY_READMISSION_30D, Breakdown.LA, "unknown"));
    assertEquals(1, tally.numerator(Metric.EMERGENCY_READMISSION_30D, Breakdown.SOCIAL_CARE_AT_DISCHARGE, "yes"));
    assertEquals(0, tally.numerator(Metric.EMERGENCY_READMISSION_30D, Breakdown.SEX, "1"));
    tally.addDischarge(Metric.CARE_HOME_AFTER_DISCHARGE, OLD_WOMAN, true);
    assertEquals(0, tally.denominator(Metric.CARE_HOME_AFTER_DISCHARGE, Breakdown.SOCIAL_CARE_AT_DISCHARGE, "yes"));
  }

  @Test
  void merge_isAssociativeAndCommutative() {
    Random random = new Random(3);
    List<MetricTally> parts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      parts.add(randomTally(random));
    }
    MetricTally leftToRight = MetricTally.sum(parts);
    List<MetricTally> shuffled = new ArrayList<>(parts);
    Collections.shuffle(shuffled, random);
    MetricTally tree = MetricTally.sum(List.of(MetricTally.sum(shuffled.subList(0, 3)),
        MetricTally.sum(shuffled.subList(3, 8))));
    assertEquals(leftToRight, tree);
    assertEquals(leftToRight.hashCode(), tree.hashCode());
    assertNotEquals(MetricTally.empty(), leftToRight);
    long totalDischarges = 0;
    for (MetricTally part : parts) {
      totalDischarges += part.denominator(Metric.EMERGENCY_READMISSION_30D, Breakdown.ALL, "all");
    }
    assertEquals(totalDischarges, tree.denominator(Metric.EMERGENCY_READMISSION_30D, Breakdown.ALL, "all"));
  }

  @Test
  void binaryForm_roundTripsExactly() {
    MetricTally tally = randomTally(new Random(5));
    byte[] bytes = tally.toBytes();
    assertEquals(tally, MetricTally.fromBytes(bytes));
    assertTrue(Arrays.equals(bytes, MetricTally.fromBytes(bytes).toBytes()), "stable encoding");
    assertEquals(MetricTally.empty(), MetricTally.fromBytes(MetricTally.empty().toBytes()));
    assertThrows(IllegalArgumentException.class, () -> MetricTally.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)));
  }

  @Test
  void javaSerialization_roundTrips() throws Exception {
    MetricTally tally = randomTally(new Random(9));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tally);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(tally, in.readObject());
    }
  }

  @Test
  void misuse_isRejected() {
    MetricTally tally = MetricTally.empty();
    assertThrows(IllegalArgumentException.class,
        () -> tally.addDays(Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE, OLD_WOMAN, 29));
    assertThrows(IllegalArgumentException.class,
        () -> tally.addDays(Metric.REQUEST_AFTER_DISCHARGE, OLD_WOMAN, 2));
    assertThrows(IllegalArgumentException.class,
        () -> tally.addDischarge(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, OLD_WOMAN, true));
    assertThrows(IllegalArgumentException.class,
        () -> tally.addRate(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> tally.addAll(tally));
  }

  @Test
  void ageBands() {
    assertEquals("0-17", AgeBand.of(17).label());
    assertEquals("18-64", AgeBand.of(18).label());
    assertEquals("18-64", AgeBand.of(64).label());
    assertEquals("65-74", AgeBand.of(65).label());
    assertEquals("75-84", AgeBand.of(84).label());
    assertEquals("85+", AgeBand.of(85).label());
    assertEquals("unknown", AgeBand.of(null).label());
  }
}
