package io.mlsysim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagSpellingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"true, true", "TRUE, true", "yes, true", "Yes, true", "1, true", "' 1 ', true",
      "false, false", "no, false", "NO, false", "0, false"})
  void everySpellingOfAFlagReadsTheSame(String text, boolean expected) {
    assertEquals(expected, FlagSpelling.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"2", "maybe", "on", "1.5", "''"})
  void anythingElseIsNoFlag(String text) {
    assertNull(FlagSpelling.parse(text));
  }

  @org.junit.jupiter.api.Test
  void numbersAndBooleansFromYamlReadAsTheirText() {
    assertEquals(Boolean.TRUE, FlagSpelling.parse(1L));
    assertEquals(Boolean.FALSE, FlagSpelling.parse(0));
    assertEquals(Boolean.TRUE, FlagSpelling.parse(Boolean.TRUE));
    assertNull(FlagSpelling.parse(2L));
  }
}
