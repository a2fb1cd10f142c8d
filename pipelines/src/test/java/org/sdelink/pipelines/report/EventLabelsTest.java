package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventLabelsTest {
  @Test
  void codesFallInTheirRelease1CategoryWhateverTheSpelling() {
    assertEquals("Discharge from Hospital", EventLabels.route(" discharge FROM hospital "));
    assertEquals("Long Term Assessment", EventLabels.assessmentType("Long term assessment"));
    assertEquals("Long Term Support: Nursing Care", EventLabels.serviceType("Long term support: Nursing care"));
    assertEquals("Carer Support: Direct to Carer", EventLabels.serviceType("Unpaid carer support: Direct to unpaid carer"));
    assertEquals("Carer Support: Support involving the person cared-for",
        EventLabels.serviceType("UNPAID CARER SUPPORT: SUPPORT INVOLVING THE PERSON CARED-FOR"));
    assertEquals("Unplanned - Carer related", EventLabels.reviewReason("unplanned - carer related"));
  }

  @Test
  void blankIsNotRecordedAndAnythingElseIsOtherSoFreeTextNeverBecomesACategory() {
    assertEquals(EventLabels.NOT_RECORDED, EventLabels.route(""));
    assertEquals(EventLabels.NOT_RECORDED, EventLabels.serviceType("  "));
    assertEquals(EventLabels.OTHER, EventLabels.route("rang Mrs Smith on 07700 900123"));
    assertEquals(EventLabels.OTHER, EventLabels.serviceType("Long Term Support: Nursing"));
    assertEquals(EventLabels.OTHER, EventLabels.reviewReason("Review of short term support"));
  }

  @Test
  void supportTermsAndReviewTypesComeFromTheCategories() {
    assertEquals(EventLabels.LONG_TERM, EventLabels.supportTerm(EventLabels.serviceType("Long term support: Prison")));
    assertEquals(EventLabels.SHORT_TERM, EventLabels.supportTerm("Short Term Support: ST-Max"));
    assertEquals(EventLabels.CARER_SUPPORT, EventLabels.supportTerm("Carer Support: Direct to Carer"));
    assertEquals(EventLabels.OTHER, EventLabels.supportTerm(EventLabels.OTHER));
    assertEquals(EventLabels.NOT_RECORDED, EventLabels.supportTerm(EventLabels.NOT_RECORDED));
    assertEquals(EventLabels.PLANNED, EventLabels.reviewType("Planned"));
    assertEquals(EventLabels.UNPLANNED, EventLabels.reviewType("Unplanned - Provider Failure"));
    assertEquals(EventLabels.OTHER, EventLabels.reviewType(EventLabels.OTHER));
    assertEquals(EventLabels.NOT_RECORDED, EventLabels.reviewType(EventLabels.NOT_RECORDED));
  }
}
