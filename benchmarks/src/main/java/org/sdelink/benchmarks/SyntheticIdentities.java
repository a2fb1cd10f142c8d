package org.sdelink.benchmarks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.sdelink.pseudonymisation.RawIdentity;

/**
 * Deterministic synthetic identities shaped like CLD and HES rows: common UK given and family names
 * (hyphenated, apostrophes, accents, prefixes, titles and mixed case among them), dates of birth
 * 1920-2005 mostly ISO with some {@code dd/MM/yyyy}, postcodes of real districts with random inward codes
 * written with and without the space, CLD and HES sex codes. About 3 % of rows carry a typical fault
 * (missing or mistyped NHS number, missing postcode, ZZ99 pseudo-postcode, blank given name). No real
 * person: names, numbers and postcodes are combined at random.
 */
final class SyntheticIdentities {
  private static final String[] GIVEN = {
    "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Muhammad", "Thomas", "Oscar",
    "William", "James", "Henry", "Leo", "Alfie", "Joshua", "Freddie", "Archie", "Ethan", "Isaac",
    "Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy", "Ella", "Lily",
    "Margaret", "Patricia", "Elizabeth", "Susan", "Dorothy", "Joan", "Jean", "Doreen", "Eileen", "Barbara",
    "John", "David", "Michael", "Peter", "Robert", "Anthony", "Brian", "Kenneth", "Dennis", "Alan",
    "Mary-Jane", "Anne Marie", "José", "Zoë", "Siobhán", "Bill", "Peggy", "Betty", "Steven", "Katherine",
    "mr john paul", "MRS MARGARET", "Dr Priya", "Aisha", "Mohammed", "Fatima", "Wei", "Kwame", "Olumide",
    "Gráinne",
  };

  private static final String[] FAMILY = {
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
    "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
    "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
    "Khan", "Ali", "Ahmed", "Begum", "Singh", "Kaur", "Nguyen", "Okafor", "Kowalski", "Nowak",
    "O'Brien", "O'Neill", "McDonald", "Mc Donald", "MacLeod", "St John", "Smith-Jones", "Bowes-Lyon",
    "van der Berg", "de la Cruz", "D'Souza", "Brontë", "Ní Bhriain", "Øvergaard", "Jones Jr", "SMITH",
    "taylor", "Fitzgerald", "Featherstonehaugh", "Al Hassan",
  };

  private static final String[] DISTRICTS = {
    "LS1", "LS6", "LS28", "BD7", "HX1", "WF10", "S10", "M1", "M14", "M60", "B33", "B15", "CV1",
    "NG7", "LE2", "DE22", "NE1", "SR4", "DH1", "TS1", "YO10", "HU5", "L1", "CH41", "PR1", "BL9",
    "OL6", "SK4", "WA1", "ST4", "NR1", "IP4", "CB2", "OX1", "RG1", "SO15", "PO1", "BN1", "CT1",
    "ME4", "TN1", "GU1", "CR2", "BR1", "DA1", "EN1", "HA0", "UB8", "TW9", "KT1", "SM1", "E1",
    "E14", "N1", "NW1", "SE1", "SW1A", "SW19", "W1A", "WC1E", "EC1A", "EC2M", "BS1", "EX4", "PL1",
    "TR1", "GL1", "BA1", "SN1", "DN55", "LN1", "CA1", "LA1", "CF10", "SA1",
  };

  /** Inward-code letters allowed by the postcode format (no C, I, K, M, O, V). */
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  private static final String[] SEX = {"Male", "Female", "M", "F", "1", "2", "1", "2", "Other", "Not known"};

  private static final LocalDate FIRST_DOB = LocalDate.of(1920, 1, 1);
  private static final int DOB_DAYS = (int) (LocalDate.of(2005, 12, 31).toEpochDay() - FIRST_DOB.toEpochDay());
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private SyntheticIdentities() {}

  /** {@code count} identities, always the same for the same count and seed. */
  static RawIdentity[] generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] nhs = NhsNumbers.generate(count);
    RawIdentity[] out = new RawIdentity[count];
    for (int i = 0; i < count; i++) {
      String nhsNumber = nhs[i];
      String given = pick(random, GIVEN);
      String family = pick(random, FAMILY);
      LocalDate dob = FIRST_DOB.plusDays(random.nextInt(DOB_DAYS + 1));
      String dateOfBirth = random.nextInt(10) == 0 ? dob.format(UK) : dob.toString();
      String postcode = postcode(random);
      String sex = pick(random, SEX);
      switch (random.nextInt(100)) {
        case 0 -> nhsNumber = null;
        case 1 -> nhsNumber = mistype(nhsNumber);
        case 2 -> postcode = random.nextBoolean() ? "" : "ZZ99 3VZ";
        case 3 -> given = " ";
        default -> {
          if (random.nextInt(4) == 0) {
            nhsNumber = NhsNumbers.spaced(new String[] {nhsNumber})[0];
          }
        }
      }
      out[i] = new RawIdentity(nhsNumber, given, family, dateOfBirth, postcode, sex);
    }
    return out;
  }

  private static String postcode(SplittableRandom random) {
    String inward =
        ""
            + random.nextInt(10)
            + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
            + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    String outward = pick(random, DISTRICTS);
    return switch (random.nextInt(5)) {
      case 0 -> (outward + inward).toLowerCase(java.util.Locale.ROOT);
      case 1 -> outward + inward;
      default -> outward + " " + inward;
    };
  }

  /** One digit changed: the check digit then almost always fails. */
  private static String mistype(String digits) {
    char[] chars = digits.toCharArray();
    chars[4] = (char) ('0' + (chars[4] - '0' + 1) % 10);
    return new String(chars);
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
