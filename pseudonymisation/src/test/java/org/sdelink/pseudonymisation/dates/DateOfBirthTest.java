package org.sdelink.pseudonymisation.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.validation.Validated;

class DateOfBirthTest {
  private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 27);

  @Property
  void everyAcceptedFormGivesTheSameDateAndValidationIsIdempotent(
      @ForAll @IntRange(min = 0, max = 50_000) int daysAfter1890) {
    LocalDate date = DateOfBirth.EARLIEST.plusDays(daysAfter1890);
    String iso = date.toString();
    String uk = date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    String compact = date.format(DateTimeFormatter.BASIC_ISO_DATE);
    Validated<DateOfBirth, DateOfBirthStatus> fromIso = DateOfBirth.validate(iso, REFERENCE);
    if (date.isAfter(REFERENCE)) {
      assertEquals(DateOfBirthStatus.IN_FUTURE, fromIso.status());
      return;
    }
    assertEquals(fromIso, DateOfBirth.validate(uk, REFERENCE));
    assertEquals(fromIso, DateOfBirth.validate(compact, REFERENCE));
    assertEquals(fromIso, DateOfBirth.validate(fromIso.get().iso(), REFERENCE));
    assertEquals(iso, fromIso.get().iso());
    assertFalse(fromIso.get().toString().contains(iso));
    assertFalse(fromIso.toString().contains(iso));
  }

  @Test
  void partsAndSwappedDate() {
    DateOfBirth dob = DateOfBirth.parse("07/09/1956", REFERENCE);
    assertEquals("1956-09-07", dob.iso());
    assertEquals("1956", dob.year());
    assertEquals("09", dob.month());
    assertEquals("07", dob.day());
    assertEquals("19560907", dob.compact());
    assertEquals(Optional.of("1956-07-09"), dob.swappedIso());
    assertEquals(Optional.empty(), DateOfBirth.parse("1956-09-13", REFERENCE).swappedIso());
    assertEquals(Optional.of("1956-05-05"), DateOfBirth.parse("1956-05-05", REFERENCE).swappedIso());
  }

  @Test
  void rejectsImpossibleFutureAndAncientDates() {
    assertEquals(DateOfBirthStatus.INVALID_DATE, DateOfBirth.validate("2023-02-30", REFERENCE).status());
    assertEquals(DateOfBirthStatus.INVALID_DATE, DateOfBirth.validate("31/04/1960", REFERENCE).status());
    assertEquals(DateOfBirthStatus.INVALID_DATE, DateOfBirth.validate("1900-02-29", REFERENCE).status());
    assertEquals(DateOfBirthStatus.VALID, DateOfBirth.validate("2000-02-29", REFERENCE).status());
    assertEquals(DateOfBirthStatus.IN_FUTURE, DateOfBirth.validate("2026-11-28", REFERENCE).status());
    assertEquals(DateOfBirthStatus.VALID, DateOfBirth.validate("2026-11-27", REFERENCE).status());
    assertEquals(DateOfBirthStatus.BEFORE_1890, DateOfBirth.validate("1800-01-01", REFERENCE).status());
    assertEquals(DateOfBirthStatus.VALID, DateOfBirth.validate("1890-01-01", REFERENCE).status());
    assertEquals(DateOfBirthStatus.INVALID_FORMAT, DateOfBirth.validate("7/9/1956", REFERENCE).status());
    assertEquals(DateOfBirthStatus.INVALID_FORMAT, DateOfBirth.validate("1956-9-7", REFERENCE).status());
    assertEquals(DateOfBirthStatus.INVALID_FORMAT, DateOfBirth.validate("Sept 7 1956", REFERENCE).status());
    assertEquals(DateOfBirthStatus.MISSING, DateOfBirth.validate(" ", REFERENCE).status());
    assertEquals(DateOfBirthStatus.MISSING, DateOfBirth.validate(null, REFERENCE).status());
  }

  @Test
  void theReferenceDateDecidesWhatIsInTheFuture() {
    assertTrue(DateOfBirth.validate("2030-01-01", LocalDate.of(2031, 1, 1)).isUsable());
    assertFalse(DateOfBirth.validate("2030-01-01", LocalDate.of(2029, 1, 1)).isUsable());
  }
}
