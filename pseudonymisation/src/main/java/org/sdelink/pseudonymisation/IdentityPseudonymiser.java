package org.sdelink.pseudonymisation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sdelink.pseudonymisation.bloom.BloomEncoder;
import org.sdelink.pseudonymisation.dates.DateOfBirth;
import org.sdelink.pseudonymisation.dates.DateOfBirthStatus;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.names.FamilyName;
import org.sdelink.pseudonymisation.names.GivenName;
import org.sdelink.pseudonymisation.names.NameStatus;
import org.sdelink.pseudonymisation.names.PhoneticCodes;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumberStatus;
import org.sdelink.pseudonymisation.postcode.Postcode;
import org.sdelink.pseudonymisation.postcode.PostcodeStatus;
import org.sdelink.pseudonymisation.sex.SexCode;
import org.sdelink.pseudonymisation.sex.SexStatus;
import org.sdelink.pseudonymisation.tokens.Purposes;
import org.sdelink.pseudonymisation.tokens.TokenDeriver;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * Pseudonymises one record's identifiers (level 1): normalises and validates each, then derives linkage
 * tokens, phonetic and partial tokens and Bloom-filter encodings under one master key. Invalid or missing
 * identifiers get no token and a reason flag; the record is kept. Derived keys are computed once, here, and
 * the instance is thread-safe and serializable (a Beam DoFn holds it). The output is fully determined by
 * the key, the reference date and the input.
 */
public final class IdentityPseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String keyId;
  private final LocalDate referenceDate;
  private final TokenDeriver nhsNumber;
  private final TokenDeriver givenName;
  private final TokenDeriver givenNickname;
  private final TokenDeriver givenDoubleMetaphone;
  private final TokenDeriver givenSoundex;
  private final TokenDeriver givenInitial;
  private final TokenDeriver familyName;
  private final TokenDeriver familyDoubleMetaphone;
  private final TokenDeriver familySoundex;
  private final TokenDeriver dob;
  private final TokenDeriver dobYear;
  private final TokenDeriver dobMonth;
  private final TokenDeriver dobDay;
  private final TokenDeriver postcode;
  private final TokenDeriver postcodeSector;
  private final TokenDeriver postcodeDistrict;
  private final BloomEncoder givenBloom;
  private final BloomEncoder familyBloom;
  private final BloomEncoder dobBloom;

  private IdentityPseudonymiser(MasterKey key, LocalDate referenceDate) {
    this.keyId = key.id();
    this.referenceDate = referenceDate;
    this.nhsNumber = TokenDeriver.create(key, Purposes.NHS_NUMBER);
    this.givenName = TokenDeriver.create(key, Purposes.GIVEN_NAME);
    this.givenNickname = TokenDeriver.create(key, Purposes.GIVEN_NAME_NICKNAME);
    this.givenDoubleMetaphone = TokenDeriver.create(key, Purposes.GIVEN_NAME_DOUBLE_METAPHONE);
    this.givenSoundex = TokenDeriver.create(key, Purposes.GIVEN_NAME_SOUNDEX);
    this.givenInitial = TokenDeriver.create(key, Purposes.GIVEN_INITIAL);
    this.familyName = TokenDeriver.create(key, Purposes.FAMILY_NAME);
    this.familyDoubleMetaphone = TokenDeriver.create(key, Purposes.FAMILY_NAME_DOUBLE_METAPHONE);
    this.familySoundex = TokenDeriver.create(key, Purposes.FAMILY_NAME_SOUNDEX);
    this.dob = TokenDeriver.create(key, Purposes.DOB);
    this.dobYear = TokenDeriver.create(key, Purposes.DOB_YEAR);
    this.dobMonth = TokenDeriver.create(key, Purposes.DOB_MONTH);
    this.dobDay = TokenDeriver.create(key, Purposes.DOB_DAY);
    this.postcode = TokenDeriver.create(key, Purposes.POSTCODE);
    this.postcodeSector = TokenDeriver.create(key, Purposes.POSTCODE_SECTOR);
    this.postcodeDistrict = TokenDeriver.create(key, Purposes.POSTCODE_DISTRICT);
    this.givenBloom = BloomEncoder.create(key, Purposes.BLOOM_GIVEN_NAME);
    this.familyBloom = BloomEncoder.create(key, Purposes.BLOOM_FAMILY_NAME);
    this.dobBloom = BloomEncoder.create(key, Purposes.BLOOM_DOB);
  }

  /**
   * A pseudonymiser under {@code key}; dates of birth after {@code referenceDate} (e.g. the extract date)
   * are rejected as {@code IN_FUTURE}.
   */
  public static IdentityPseudonymiser create(MasterKey key, LocalDate referenceDate) {
    checkNotNull(key, "key");
    checkNotNull(referenceDate, "referenceDate");
    return new IdentityPseudonymiser(key, referenceDate);
  }

  /** The id of the master key every token of this instance is derived from. */
  public String keyId() {
    return keyId;
  }

  /** Thread-safe. */
  public PseudonymisedIdentity pseudonymise(RawIdentity raw) {
    checkNotNull(raw, "raw");
    String[] row = PseudonymisedIdentity.emptyRow();
    SortedSet<String> flags = new TreeSet<>();
    row[IdentityColumn.KEY_ID.ordinal()] = keyId;
    addNhsNumber(raw.nhsNumber(), row, flags);
    addGivenName(raw.givenName(), row, flags);
    addFamilyName(raw.familyName(), row, flags);
    addDateOfBirth(raw.dateOfBirth(), row, flags);
    addPostcode(raw.postcode(), row, flags);
    addSex(raw.sex(), row, flags);
    ImmutableList<String> sortedFlags = ImmutableList.copyOf(flags);
    row[IdentityColumn.IDENTITY_FLAGS.ordinal()] = String.join(";", sortedFlags);
    return new PseudonymisedIdentity(row, sortedFlags);
  }

  private void addNhsNumber(String raw, String[] row, SortedSet<String> flags) {
    Validated<NhsNumber, NhsNumberStatus> nhs = NhsNumber.validate(raw);
    set(row, IdentityColumn.NHS_NUMBER_STATUS, nhs.status().name());
    flag(flags, "NHS_NUMBER_", nhs.status(), NhsNumberStatus.VALID);
    if (nhs.isUsable()) {
      set(row, IdentityColumn.NHS_NUMBER_TOKEN, nhsNumber.token(nhs.get().digits()));
    }
  }

  private void addGivenName(String raw, String[] row, SortedSet<String> flags) {
    Validated<GivenName, NameStatus> given = GivenName.validate(raw);
    flag(flags, "GIVEN_NAME_", given.status(), NameStatus.VALID);
    if (!given.isUsable()) {
      return;
    }
    GivenName name = given.get();
    String first = name.first();
    set(row, IdentityColumn.GIVEN_NAME_TOKEN, givenName.token(name.full()));
    set(row, IdentityColumn.GIVEN_NAME_FIRST_TOKEN, givenName.token(first));
    set(row, IdentityColumn.GIVEN_NAME_NICKNAME_TOKEN, givenNickname.token(name.nicknameStandardised()));
    String doubleMetaphone = PhoneticCodes.doubleMetaphone(first);
    set(row, IdentityColumn.GIVEN_NAME_DM_TOKEN, tokenIfAny(givenDoubleMetaphone, doubleMetaphone));
    set(row, IdentityColumn.GIVEN_NAME_SOUNDEX_TOKEN, tokenIfAny(givenSoundex, PhoneticCodes.soundex(first)));
    set(row, IdentityColumn.GIVEN_INITIAL_TOKEN, givenInitial.token(name.initial()));
    set(row, IdentityColumn.GIVEN_NAME_BLOOM, givenBloom.encode(first));
  }

  private void addFamilyName(String raw, String[] row, SortedSet<String> flags) {
    Validated<FamilyName, NameStatus> family = FamilyName.validate(raw);
    flag(flags, "FAMILY_NAME_", family.status(), NameStatus.VALID);
    if (!family.isUsable()) {
      return;
    }
    FamilyName name = family.get();
    String full = name.full();
    set(row, IdentityColumn.FAMILY_NAME_TOKEN, familyName.token(full));
    SortedSet<String> partTokens = new TreeSet<>();
    for (String part : name.parts()) {
      partTokens.add(familyName.token(part));
    }
    set(row, IdentityColumn.FAMILY_NAME_PART_TOKENS, String.join(" ", partTokens));
    String doubleMetaphone = PhoneticCodes.doubleMetaphone(full);
    set(row, IdentityColumn.FAMILY_NAME_DM_TOKEN, tokenIfAny(familyDoubleMetaphone, doubleMetaphone));
    set(row, IdentityColumn.FAMILY_NAME_SOUNDEX_TOKEN, tokenIfAny(familySoundex, PhoneticCodes.soundex(full)));
    set(row, IdentityColumn.FAMILY_NAME_BLOOM, familyBloom.encode(full));
  }

  private void addDateOfBirth(String raw, String[] row, SortedSet<String> flags) {
    Validated<DateOfBirth, DateOfBirthStatus> validated = DateOfBirth.validate(raw, referenceDate);
    set(row, IdentityColumn.DOB_STATUS, validated.status().name());
    flag(flags, "DOB_", validated.status(), DateOfBirthStatus.VALID);
    if (!validated.isUsable()) {
      return;
    }
    DateOfBirth date = validated.get();
    set(row, IdentityColumn.DOB_TOKEN, dob.token(date.iso()));
    date.swappedIso()
        .ifPresent(swapped -> set(row, IdentityColumn.DOB_SWAPPED_TOKEN, dob.token(swapped)));
    set(row, IdentityColumn.DOB_YEAR_TOKEN, dobYear.token(date.year()));
    set(row, IdentityColumn.DOB_MONTH_TOKEN, dobMonth.token(date.month()));
    set(row, IdentityColumn.DOB_DAY_TOKEN, dobDay.token(date.day()));
    set(row, IdentityColumn.BIRTH_YEAR, date.year());
    set(row, IdentityColumn.DOB_BLOOM, dobBloom.encode(date.compact()));
  }

  private void addPostcode(String raw, String[] row, SortedSet<String> flags) {
    Validated<Postcode, PostcodeStatus> validated = Postcode.validate(raw);
    set(row, IdentityColumn.POSTCODE_STATUS, validated.status().name());
    flag(flags, "POSTCODE_", validated.status(), PostcodeStatus.VALID);
    if (!validated.isUsable()) {
      return;
    }
    Postcode code = validated.get();
    set(row, IdentityColumn.POSTCODE_TOKEN, postcode.token(code.canonical()));
    set(row, IdentityColumn.POSTCODE_SECTOR_TOKEN, postcodeSector.token(code.sector()));
    set(row, IdentityColumn.POSTCODE_DISTRICT_TOKEN, postcodeDistrict.token(code.district()));
    set(row, IdentityColumn.POSTCODE_DISTRICT, code.district());
  }

  private static void addSex(String raw, String[] row, SortedSet<String> flags) {
    Validated<SexCode, SexStatus> validated = SexCode.validate(raw);
    flag(flags, "SEX_", validated.status(), SexStatus.VALID);
    validated.value().ifPresent(code -> set(row, IdentityColumn.SEX, code.code()));
  }

  private static String tokenIfAny(TokenDeriver deriver, String code) {
    return code.isEmpty() ? "" : deriver.token(code);
  }

  private static <S extends Enum<S>> void flag(
      SortedSet<String> flags, String prefix, S status, S valid) {
    if (status != valid) {
      flags.add(prefix + status.name());
    }
  }

  private static void set(String[] row, IdentityColumn column, String value) {
    row[column.ordinal()] = value;
  }

  @Override
  public String toString() {
    return "IdentityPseudonymiser{keyId=" + keyId + ", referenceDate=" + referenceDate + "}";
  }
}
