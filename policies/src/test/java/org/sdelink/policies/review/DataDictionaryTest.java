package org.sdelink.policies.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.policies.Policy;
import org.sdelink.policies.ShippedPolicies;

class DataDictionaryTest {

  @Test
  void listsOnlyReleasedColumnsWithMeaningAndTreatment() throws Exception {
    StringWriter csv = new StringWriter();
    DataDictionary.writeCsv(ShippedPolicies.researcher(), csv);
    List<String> lines = csv.toString().lines().toList();
    assertEquals("dataset,column,meaning,treatment", lines.get(0));
    assertTrue(lines.contains("persons,sex,The person's recorded sex or gender.,Released as recorded."), csv.toString());
    assertFalse(csv.toString().contains("first_name"));
    assertFalse(csv.toString().contains("event_description"));
    String markdown = DataDictionary.markdown(ShippedPolicies.researcher());
    assertTrue(markdown.contains("## persons"), markdown);
    assertTrue(markdown.contains("| birth\\_year | The person's year of birth. | Released as recorded."), markdown);
    assertFalse(markdown.contains("date\\_of\\_birth"), "date_of_birth is dropped by the shipped policy");
    assertFalse(csv.toString().contains("date_of_birth"));
  }

  @Test
  void describesAnAgeBandedDateOfBirth() throws Exception {
    Policy policy = ShippedPolicies.researcherWithAgeBands();
    String markdown = DataDictionary.markdown(policy);
    assertTrue(markdown.contains("| date\\_of\\_birth | The person's full date of birth. | Released as the person's age "
        + "on 2025-03-31 in 5-year bands"), markdown);
    assertFalse(markdown.contains("birth\\_year"), "birth_year is dropped by the age-band variant");
    StringWriter csv = new StringWriter();
    DataDictionary.writeCsv(policy, csv);
    assertTrue(csv.toString().contains("persons,date_of_birth,The person's full date of birth.,"), csv.toString());
  }
}
