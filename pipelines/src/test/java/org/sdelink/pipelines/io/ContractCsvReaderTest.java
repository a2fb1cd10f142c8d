package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pipelines.contract.InputSource;

class ContractCsvReaderTest {
  private final List<SourceRow> accepted = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();

  private long read(InputSource source, String text) throws IOException {
    return read(source, text.getBytes(StandardCharsets.UTF_8));
  }

  private long read(InputSource source, byte[] bytes) throws IOException {
    return ContractCsvReader.forSource(source).read(new ByteArrayInputStream(bytes), "f.csv",
        new ContractCsvReader.RowHandler() {
          @Override
          public void accept(SourceRow row) {
            accepted.add(row);
          }

          @Override
          public void reject(RejectedRow row) {
            rejected.add(row);
          }
        });
  }

  @Test
  void unknownColumnStopsWithItsName() {
    InputContractException e = assertThrows(InputContractException.class, () ->
        read(InputSource.APC, "EPIKEY,ADMIDATE,PROCODE3,PATIENT_NAME\n1,2024-01-01,RXX,x\n"));
    assertTrue(e.getMessage().contains("PATIENT_NAME"), e.getMessage());
    assertTrue(e.getMessage().contains("remove it"), e.getMessage());
  }

  @Test
  void aMissingHeaderRowStopsWithoutQuotingTheDataItHolds() {
    InputContractException headerless = assertThrows(InputContractException.class, () ->
        read(InputSource.APC, "9434765919,Smith,1001,2024-01-01,RXX\n4857773457,Brown,1002,2024-01-02,RXX\n"));
    assertTrue(headerless.getMessage().contains("header row is missing"), headerless.getMessage());
    assertFalse(headerless.getMessage().contains("9434765919") || headerless.getMessage().contains("Smith"),
        headerless.getMessage());
    for (String cell : List.of("LS1 4AP", "L4   1UW", "Smith", "SMITH", "9434765919", "1940-02-01")) {
      InputContractException value = assertThrows(InputContractException.class, () ->
          read(InputSource.APC, "EPIKEY,ADMIDATE,PROCODE3,SEX," + cell + "\n1,2024-01-01,RXX,1,x\n"));
      assertTrue(value.getMessage().contains("column 5 of the header") && !value.getMessage().contains(cell),
          value.getMessage());
    }
    for (String data : List.of("9434765919", "01/02/1940", "1940_02_01", "ls6 2ab", "a@b.org", "Smith", "MARY",
        "x".repeat(80), "First_1940")) {
      assertFalse(QuotableHeaderCell.isQuotable(data), data);
    }
    for (String name : List.of("PATIENT_NAME", "DIAG_4_02", "Extra_Column", "OPERTN_01", "Event_Ref_2")) {
      assertTrue(QuotableHeaderCell.isQuotable(name), name);
    }
  }

  /** Issue 15: a header cell that is a person's name (Patricia_Griffin) was quoted in the error message. */
  @Test
  void aHeaderCellThatIsAPersonsNameIsNotQuoted() {
    for (String cell : List.of("Patricia_Griffin", "PATRICIA_GRIFFIN", "Mary_Ann_Smith", "Griffin_P")) {
      InputContractException e = assertThrows(InputContractException.class, () ->
          read(InputSource.CLD, "LA_Code,LA_Person_Unique_Identifier,Event_Type,Event_Start_Date," + cell
              + "\nE1,P1,Service,2024-01-01,x\n"));
      assertTrue(e.getMessage().contains("column 5 of the header"), e.getMessage());
      assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("griffin")
          || e.getMessage().contains("Patricia") || e.getMessage().contains("Smith"), e.getMessage());
      assertFalse(QuotableHeaderCell.isQuotable(cell), cell);
    }
    InputContractException named = assertThrows(InputContractException.class, () ->
        read(InputSource.CLD, "LA_Code,LA_Person_Unique_Identifier,Event_Type,Event_Start_Date,Client_Notes"
            + "\nE1,P1,Service,2024-01-01,x\n"));
    assertTrue(named.getMessage().contains("'Client_Notes'"), named.getMessage());
  }

  /** Issue 15: a UTF-16 file got "the header row is missing" without naming the encoding. */
  @Test
  void aUtf16Or32FileIsNamedWithItsEncoding() {
    String text = "EPIKEY,ADMIDATE,PROCODE3\n7,2024-01-01,RXX\n";
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("UTF-16 (little-endian, with a byte-order mark)", withBom(text, "UTF-16LE", 0xFF, 0xFE));
    files.put("UTF-16 (big-endian, with a byte-order mark)", text.getBytes(StandardCharsets.UTF_16));
    files.put("UTF-16 (little-endian)", text.getBytes(StandardCharsets.UTF_16LE));
    files.put("UTF-16 (big-endian)", text.getBytes(StandardCharsets.UTF_16BE));
    files.put("UTF-32 (little-endian, with a byte-order mark)", withBom(text, "UTF-32LE", 0xFF, 0xFE, 0, 0));
    files.put("UTF-32 (big-endian)", text.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
    files.forEach((encoding, bytes) -> {
      InputContractException e = assertThrows(InputContractException.class, () -> read(InputSource.APC, bytes));
      assertTrue(e.getMessage().contains("file f.csv is " + encoding + ", not UTF-8: save it as UTF-8"),
          encoding + ": " + e.getMessage());
      InputContractException check = assertThrows(InputContractException.class, () ->
          ContractCsvReader.forSource(InputSource.APC).checkHeader(new ByteArrayInputStream(bytes), "f.csv"));
      assertTrue(check.getMessage().contains(encoding), check.getMessage());
    });
  }

  private static byte[] withBom(String text, String charset, int... bom) {
    byte[] body = text.getBytes(java.nio.charset.Charset.forName(charset));
    byte[] all = new byte[bom.length + body.length];
    for (int i = 0; i < bom.length; i++) {
      all[i] = (byte) bom[i];
    }
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  /** Issue 15: Unit_Cost=1e309 was accepted; it is now a row reject naming the column, never the value. */
  @Test
  void aCostOutOfBoundsIsARowRejectNamingTheColumn() throws IOException {
    assertEquals(2, read(InputSource.CLD, "LA_Code,LA_Person_Unique_Identifier,Event_Type,Event_Start_Date,Unit_Cost\n"
        + "E1,P1,Service,2024-01-01,1e309\nE1,P2,Service,2024-01-01,450.00\n"));
    assertEquals(1, accepted.size());
    assertEquals(1, rejected.size());
    assertEquals("NUMBER_OUT_OF_RANGE", rejected.get(0).reason());
    assertEquals("Unit_Cost", rejected.get(0).column());
    assertEquals(2, rejected.get(0).line());
  }

  @Test
  void anUnreadableHeaderStopsTheFullReadAsTheCheckDoes() {
    InputContractException e = assertThrows(InputContractException.class, () ->
        read(InputSource.APC, "EPIKEY,\"ADMIDATE,PROCODE3\n1,2024-01-01,RXX\n"));
    assertTrue(e.getMessage().contains("header row cannot be read"), e.getMessage());
  }

  @Test
  void duplicateAndMissingRequiredColumnsStop() {
    assertThrows(InputContractException.class,
        () -> read(InputSource.APC, "EPIKEY,ADMIDATE,PROCODE3,epikey\n"));
    InputContractException missing = assertThrows(InputContractException.class,
        () -> read(InputSource.APC, "EPIKEY,ADMIDATE\n1,2024-01-01\n"));
    assertTrue(missing.getMessage().contains("PROCODE3"));
    assertThrows(InputContractException.class, () -> read(InputSource.APC, ""));
  }

  @Test
  void headerInAnotherCaseWithBomAndCrlfIsAccepted() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "epikey,Admidate,procode3\r\n7,01/02/2024,RXX\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    assertEquals(1, read(InputSource.APC, all));
    assertEquals(1, accepted.size());
    assertEquals("7", accepted.get(0).get("EPIKEY"));
    assertEquals("01/02/2024", accepted.get(0).get("ADMIDATE"));
  }

  @Test
  void malformedRowsAreRejectedWithLineAndReasonAndNothingIsLost() throws IOException {
    String csv = "EPIKEY,ADMIDATE,PROCODE3,DOB\n"
        + "1,2024-01-01,RXX,1950-01-01\n"      // line 2 ok
        + "2,2024-01-01,RXX\n"                 // line 3 too few columns
        + "3,2024-06-31,RXX,1950-01-01\n"      // line 4 impossible date
        + "\"4\",2024-01-01,\"R\nXX\",1950-01-01\n" // lines 5-6: quoted newline, ok
        + "5,2024-01-01,,1950-01-01\n"         // line 7 missing required
        + "6,2024-01-01,RXX,31/02/1950\n";     // line 8 bad DOB is kept (identifier)
    long rows = read(InputSource.APC, csv);
    assertEquals(6, rows);
    assertEquals(rows, accepted.size() + rejected.size());
    assertEquals(List.of(3L, 4L, 7L), rejected.stream().map(RejectedRow::line).toList());
    assertEquals(List.of("COLUMN_COUNT", "INVALID_DATE", "MISSING_REQUIRED"),
        rejected.stream().map(RejectedRow::reason).toList());
    assertEquals("ADMIDATE", rejected.get(1).column());
    assertEquals(List.of(2L, 5L, 8L), accepted.stream().map(SourceRow::line).toList());
    assertEquals(List.of(1L, 4L, 6L), accepted.stream().map(SourceRow::rowNumber).toList());
    for (RejectedRow r : rejected) {
      assertFalse(r.message().contains("2024-06-31"), "a reject never quotes the value");
    }
  }

  @Test
  void unbalancedQuoteRejectsTheRestAndCountsIt() throws IOException {
    long rows = read(InputSource.APC, "EPIKEY,ADMIDATE,PROCODE3\n1,2024-01-01,RXX\n\"2,2024-01-01,RXX\n3,x,y\n");
    assertEquals(rows, accepted.size() + rejected.size());
    assertEquals(1, accepted.size());
    assertEquals("UNREADABLE", rejected.get(0).reason());
  }
}
