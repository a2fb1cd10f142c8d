package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EthnicCategoriesTest {
  @Test
  void releaseOneAndReleaseTwoSpellingsAreOneCategory() {
    assertEquals("Asian or Asian British: Indian", EthnicCategories.category("Asian or Asian British - Indian"));
    assertEquals("Asian or Asian British: Indian", EthnicCategories.category("Asian or Asian British: Indian"));
    assertEquals("Asian or Asian British", EthnicCategories.group("Asian or Asian British - Indian"));
    assertEquals("Asian or Asian British", EthnicCategories.group(" Asian or Asian British:  Indian "));
    // A comma or a hyphen inside a group name is not a separator.
    assertEquals("Black, Black British, Caribbean or African",
        EthnicCategories.group("Black, Black British, Caribbean or African - Caribbean"));
    assertEquals("Mixed or multiple ethnic groups: White and Black Caribbean",
        EthnicCategories.category("Mixed or multiple ethnic groups - White and Black Caribbean"));
    assertEquals("White: English, Welsh, Scottish, Northern Irish or British",
        EthnicCategories.category("White - English, Welsh, Scottish, Northern Irish or British"));
    assertEquals("No data", EthnicCategories.group("No data - Undeclared or Not known"));
  }

  @Test
  void blankIsUnknownAndAValueWithoutSeparatorIsItsOwnGroup() {
    assertEquals("unknown", EthnicCategories.category(""));
    assertEquals("unknown", EthnicCategories.group("  "));
    assertEquals("unknown", EthnicCategories.group(null));
    assertEquals("Other", EthnicCategories.group("Other"));
  }

  @Test
  void spellingsThatDifferInCaseShareTheMostFrequentSpelling() {
    Map<String, String> labels = EthnicCategories.labels(Map.of(
        "No data: Undeclared or Not known", 127L, "No data: Undeclared or not known", 21L, "White: Irish", 5L));
    assertEquals("No data: Undeclared or Not known", labels.get("No data: Undeclared or not known"));
    assertEquals("No data: Undeclared or Not known", labels.get("No data: Undeclared or Not known"));
    assertEquals("White: Irish", labels.get("White: Irish"));
    // Ties: the smallest spelling, whatever the map order.
    assertEquals("A: x", EthnicCategories.labels(Map.of("a: X", 3L, "A: x", 3L)).get("a: X"));
  }
}
