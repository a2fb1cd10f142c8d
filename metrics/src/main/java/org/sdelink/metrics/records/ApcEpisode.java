package org.sdelink.metrics.records;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Ints;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HES APC episode of a linked person, typed from a row of the pseudonymised APC records file. Codes are trimmed
 * strings (blank = missing); dates are {@code null} when blank or a HES null sentinel; {@code epiOrder} is {@code
 * null} when blank or not a number; {@code ageAtDischarge} is the {@code age_at_disdate} column.
 */
public record ApcEpisode(
    String recordId,
    String sourceFile,
    long sourceLine,
    String sex,
    String residenceLa,
    String provider,
    @Nullable LocalDate admissionDate,
    String admissionMethod,
    @Nullable LocalDate episodeStart,
    @Nullable LocalDate episodeEnd,
    @Nullable Integer epiOrder,
    String spellEnd,
    @Nullable LocalDate dischargeDate,
    String dischargeMethod,
    String dischargeDestination,
    @Nullable Integer ageAtDischarge)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Which of several copies of one record id to keep: the lowest (source_file, source_line). */
  public static final Comparator<ApcEpisode> PREFERRED_COPY_FIRST =
      Comparator.comparing(ApcEpisode::sourceFile).thenComparingLong(ApcEpisode::sourceLine);

  /** Columns that must be in the header (the contract's required APC columns as pseudonymised). */
  public static final ImmutableList<String> REQUIRED_COLUMNS =
      ImmutableList.of("record_id", "PROCODE3", "ADMIDATE", "age_at_disdate");

  /**
   * Every column the metrics read. Those not in {@link #REQUIRED_COLUMNS} may be absent from a file, which means
   * blank on every row; check a header with {@link #absentColumns} to warn about it.
   */
  public static final ImmutableList<String> READ_COLUMNS = ImmutableList.of(
      "record_id", "source_file", "source_line", "SEX", "RESLADST_ONS", "PROCODE3", "ADMIDATE", "ADMIMETH",
      "EPISTART", "EPIEND", "EPIORDER", "SPELEND", "DISDATE", "DISMETH", "DISDEST", "age_at_disdate");

  /** The columns of {@link #READ_COLUMNS} that {@code header} lacks (those will read as blank). */
  public static ImmutableList<String> absentColumns(Collection<String> header) {
    checkNotNull(header, "header");
    return READ_COLUMNS.stream().filter(c -> !header.contains(c)).collect(ImmutableList.toImmutableList());
  }

  public ApcEpisode {
    checkNotNull(recordId, "recordId");
    checkArgument(!recordId.isEmpty(), "an APC record needs a record_id");
    checkNotNull(sourceFile, "sourceFile");
    checkNotNull(sex, "sex");
    checkNotNull(residenceLa, "residenceLa");
    checkNotNull(provider, "provider");
    checkNotNull(admissionMethod, "admissionMethod");
    checkNotNull(spellEnd, "spellEnd");
    checkNotNull(dischargeMethod, "dischargeMethod");
    checkNotNull(dischargeDestination, "dischargeDestination");
    checkArgument(ageAtDischarge == null || ageAtDischarge >= 0, "age at discharge must not be negative");
  }

  /** True when SPELEND is {@code Y}: the last episode of its spell. */
  public boolean endsSpell() {
    return spellEnd.equalsIgnoreCase("Y");
  }

  /**
   * Types one row (column name to value) of the pseudonymised APC records file. Identity columns are ignored.
   *
   * @throws IllegalArgumentException when a {@linkplain #REQUIRED_COLUMNS required column} is absent, record_id is
   *     blank, a date is not {@code yyyy-MM-dd} or age_at_disdate is not a whole number; the message names the
   *     column, never a value
   */
  public static ApcEpisode fromRow(Map<String, String> row) {
    checkNotNull(row, "row");
    RowReader r = new RowReader(row, "APC records");
    String recordId = r.required("record_id");
    checkArgument(!recordId.isEmpty(),
        "an APC row has a blank record_id; the pseudonymise stage assigns one to every row");
    try {
      String age = r.required("age_at_disdate");
      Integer ageAtDischarge = null;
      if (!age.isEmpty()) {
        ageAtDischarge = Ints.tryParse(age);
        checkArgument(ageAtDischarge != null && ageAtDischarge >= 0,
            "column age_at_disdate is not a whole number of years (blank = unknown)");
      }
      return new ApcEpisode(
          recordId,
          r.optional("source_file"),
          CldEvent.parseLine(r.optional("source_line")),
          r.optional("SEX"),
          r.optional("RESLADST_ONS"),
          r.required("PROCODE3"),
          r.requiredDate("ADMIDATE"),
          r.optional("ADMIMETH"),
          r.optionalDate("EPISTART"),
          r.optionalDate("EPIEND"),
          Ints.tryParse(r.optional("EPIORDER")),
          r.optional("SPELEND"),
          r.optionalDate("DISDATE"),
          r.optional("DISMETH"),
          r.optional("DISDEST"),
          ageAtDischarge);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("APC record " + recordId + ": " + e.getMessage(), e);
    }
  }
}
