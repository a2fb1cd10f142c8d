package org.sdelink.linkage;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Soundex;

/**
 * Test rows in the shape of the pseudonymised CLD and APC record files (identity columns per the shared
 * contract), made from clear test identities with stand-in tokens (SHA-256, not the real keyed HMAC) and Bloom
 * filters (1024 bits, 20 positions per padded bigram). Equal normalised values give equal tokens, which is all the
 * linkage code relies on.
 */
public final class PseudonymisedRows {
  private PseudonymisedRows() {}

  /** A clear test identity. Any field may be null (missing). */
  public record Identity(
      String nhsNumber, String givenName, String familyName, LocalDate dob, String postcode, String sex) {

    public Identity withGivenName(String name) {
      return new Identity(nhsNumber, name, familyName, dob, postcode, sex);
    }

    public Identity withFamilyName(String name) {
      return new Identity(nhsNumber, givenName, name, dob, postcode, sex);
    }

    public Identity withNhsNumber(String number) {
      return new Identity(number, givenName, familyName, dob, postcode, sex);
    }

    public Identity withDob(LocalDate date) {
      return new Identity(nhsNumber, givenName, familyName, date, postcode, sex);
    }

    public Identity withPostcode(String code) {
      return new Identity(nhsNumber, givenName, familyName, dob, code, sex);
    }
  }

  /** A CLD row: the identity columns plus record_id, LA_Code, la_person_token and a blank GP_Practice_Code. */
  public static Map<String, String> cldRow(String recordId, Identity identity, String council, String laPersonId) {
    Map<String, String> row = identityColumns(identity);
    row.put("record_id", recordId);
    row.put("LA_Code", council);
    row.put("la_person_token", token("la_person", council + "/" + laPersonId));
    row.put("GP_Practice_Code", "");
    return row;
  }

  /** An APC row: the identity columns plus record_id, RESLADST_ONS and a blank GPPRAC. */
  public static Map<String, String> apcRow(String recordId, Identity identity, String council) {
    Map<String, String> row = identityColumns(identity);
    row.put("record_id", recordId);
    row.put("RESLADST_ONS", council);
    row.put("GPPRAC", "");
    return row;
  }

  /** The identity columns of the contract for {@code identity}. */
  public static Map<String, String> identityColumns(Identity identity) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("key_id", "test-key");
    String nhs = identity.nhsNumber();
    row.put("nhs_number_token", token("nhs", nhs));
    row.put("nhs_number_status", nhs == null ? "MISSING" : "VALID");
    String given = normalise(identity.givenName());
    row.put("given_name_token", token("given", given));
    row.put("given_name_first_token", token("given_first", given == null ? null : given.split(" ")[0]));
    row.put("given_name_nickname_token", token("given_nick", given == null ? null : nickname(given.split(" ")[0])));
    row.put("given_name_dm_token", token("given_dm", given == null ? null : new DoubleMetaphone().doubleMetaphone(given)));
    row.put("given_name_soundex_token", token("given_sx", given == null ? null : new Soundex().soundex(given)));
    row.put("given_initial_token", token("given_initial", given == null ? null : given.substring(0, 1)));
    String family = normalise(identity.familyName());
    row.put("family_name_token", token("family", family));
    if (family == null) {
      row.put("family_name_part_tokens", "");
    } else {
      TreeSet<String> parts = new TreeSet<>();
      for (String part : family.split("[ -]")) {
        parts.add(token("family_part", part));
      }
      row.put("family_name_part_tokens", String.join(" ", parts));
    }
    row.put("family_name_dm_token", token("family_dm", family == null ? null : new DoubleMetaphone().doubleMetaphone(family)));
    row.put("family_name_soundex_token", token("family_sx", family == null ? null : new Soundex().soundex(family.replace(" ", ""))));
    row.put("given_name_bloom", bloom(given));
    row.put("family_name_bloom", bloom(family));
    LocalDate dob = identity.dob();
    row.put("dob_bloom", bloom(dob == null ? null : dob.toString()));
    row.put("dob_token", token("dob", dob == null ? null : dob.toString()));
    row.put("dob_swapped_token", token("dob", dob == null || dob.getDayOfMonth() > 12 ? null
        : String.format(Locale.ROOT, "%04d-%02d-%02d", dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue())));
    row.put("dob_year_token", token("dob_year", dob == null ? null : String.valueOf(dob.getYear())));
    row.put("dob_month_token", token("dob_month", dob == null ? null : String.valueOf(dob.getMonthValue())));
    row.put("dob_day_token", token("dob_day", dob == null ? null : String.valueOf(dob.getDayOfMonth())));
    row.put("dob_status", dob == null ? "MISSING" : "VALID");
    row.put("birth_year", dob == null ? "" : String.valueOf(dob.getYear()));
    String postcode = identity.postcode() == null ? null : identity.postcode().toUpperCase(Locale.ROOT);
    row.put("postcode_token", token("postcode", postcode));
    String sector = postcode == null ? null : postcode.substring(0, postcode.length() - 2);
    String district = postcode == null ? null : postcode.split(" ")[0];
    row.put("postcode_sector_token", token("postcode_sector", sector));
    row.put("postcode_district_token", token("postcode_district", district));
    row.put("postcode_district", district == null ? "" : district);
    row.put("postcode_status", postcode == null ? "MISSING" : "VALID");
    row.put("sex", identity.sex() == null ? "" : identity.sex());
    row.put("identity_flags", "");
    return row;
  }

  /** A stand-in token: base64url SHA-256 of the field and value, truncated to 128 bits; "" for missing. */
  public static String token(String field, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    byte[] hash = Hashing.sha256().hashString(field + "\u0000" + value, StandardCharsets.UTF_8).asBytes();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
  }

  /** A 1024-bit Bloom filter of the padded bigrams of {@code value}, base64; "" for missing. */
  public static String bloom(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    byte[] bits = new byte[128];
    String padded = " " + value + " ";
    for (int i = 0; i + 1 < padded.length(); i++) {
      byte[] hash = Hashing.sha256().hashString(padded.substring(i, i + 2), StandardCharsets.UTF_8).asBytes();
      long h1 = java.nio.ByteBuffer.wrap(hash, 0, 8).getLong();
      long h2 = java.nio.ByteBuffer.wrap(hash, 8, 8).getLong();
      for (int k = 0; k < 20; k++) {
        int bit = (int) Math.floorMod(h1 + k * h2, 1024L);
        bits[bit >>> 3] |= (byte) (1 << (bit & 7));
      }
    }
    return Base64.getEncoder().encodeToString(bits);
  }

  private static String normalise(String name) {
    return name == null || name.isBlank() ? null : name.trim().toLowerCase(Locale.ROOT);
  }

  private static String nickname(String first) {
    return switch (first) {
      case "bob", "rob", "bobby" -> "robert";
      case "liz", "beth", "betty" -> "elizabeth";
      case "bill", "will", "billy" -> "william";
      default -> first;
    };
  }
}
