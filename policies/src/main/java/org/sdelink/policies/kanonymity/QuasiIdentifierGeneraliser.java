package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-record side of a k-anonymity decision: generalises a row's quasi-identifiers to the chosen levels and
 * suppresses rows whose class is still smaller than k. Serializable so a pipeline can ship it to its workers.
 */
public final class QuasiIdentifierGeneraliser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<QuasiIdentifier> quasiIdentifiers;
  private final ImmutableList<String> fields;
  private final ImmutableList<Integer> levels;
  private final ImmutableSet<List<String>> suppressedClasses;

  QuasiIdentifierGeneraliser(
      ImmutableList<QuasiIdentifier> quasiIdentifiers,
      ImmutableList<Integer> levels,
      ImmutableSet<List<String>> suppressedClasses) {
    this.quasiIdentifiers = quasiIdentifiers;
    this.fields = quasiIdentifiers.stream().map(QuasiIdentifier::field).collect(ImmutableList.toImmutableList());
    this.levels = levels;
    this.suppressedClasses = suppressedClasses;
  }

  /** The quasi-identifier columns, in key order. */
  public ImmutableList<String> fields() {
    return fields;
  }

  /** The generalised key of a released key (values in {@link #fields()} order). */
  public ImmutableList<String> generalise(List<String> releasedKey) {
    checkNotNull(releasedKey, "releasedKey");
    checkArgument(releasedKey.size() == quasiIdentifiers.size(), "a key needs %s values, got %s",
        quasiIdentifiers.size(), releasedKey.size());
    List<String> out = new ArrayList<>(releasedKey.size());
    for (int i = 0; i < releasedKey.size(); i++) {
      out.add(quasiIdentifiers.get(i).generalise(releasedKey.get(i), levels.get(i)));
    }
    return ImmutableList.copyOf(out);
  }

  /** Whether a record with released key {@code releasedKey} is suppressed. */
  public boolean isSuppressed(List<String> releasedKey) {
    return suppressedClasses.contains(generalise(releasedKey));
  }

  /**
   * The row with its quasi-identifier columns generalised, other columns unchanged and in the same order, or
   * {@link GeneralisedRow#SUPPRESSED}.
   *
   * @throws IllegalArgumentException when the row lacks a quasi-identifier column (the message names the column)
   */
  public GeneralisedRow apply(Map<String, String> row) {
    checkNotNull(row, "row");
    List<String> released = new ArrayList<>(quasiIdentifiers.size());
    for (QuasiIdentifier qi : quasiIdentifiers) {
      String value = row.get(qi.field());
      checkArgument(value != null || row.containsKey(qi.field()), "the row has no quasi-identifier column %s",
          qi.field());
      released.add(value == null ? "" : value);
    }
    ImmutableList<String> key = generalise(released);
    if (suppressedClasses.contains(key)) {
      return GeneralisedRow.SUPPRESSED;
    }
    ImmutableMap.Builder<String, String> out = ImmutableMap.builderWithExpectedSize(row.size());
    for (Map.Entry<String, String> column : row.entrySet()) {
      int index = fields.indexOf(column.getKey());
      out.put(column.getKey(), index >= 0 ? key.get(index) : column.getValue() == null ? "" : column.getValue());
    }
    return GeneralisedRow.of(out.buildOrThrow());
  }

  @Override
  public String toString() {
    return "QuasiIdentifierGeneraliser{fields=" + fields() + ", levels=" + levels + ", suppressedClasses="
        + suppressedClasses.size() + "}";
  }
}
