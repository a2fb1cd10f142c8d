package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;

/**
 * The fields that hold one date (of birth) and its parts, as the {@code dob_*} levels and the cascade's date check
 * read them: the full date, the date with day and month swapped, and year, month and day. In a tokenised file these
 * are separate tokens; for a plaintext {@code date} field they are derived by the record reader.
 */
public record DateFields(String full, String swapped, String year, String month, String day)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public DateFields {
    for (String field : new String[] {full, swapped, year, month, day}) {
      checkArgument(!Strings.isNullOrEmpty(field), "a date needs full, swapped, year, month and day fields");
    }
  }

  /** The parts derived from a plaintext date field named {@code name}. */
  public static DateFields derivedFrom(String name) {
    return new DateFields(name, name + "_swapped", name + "_year", name + "_month", name + "_day");
  }

  public ImmutableList<String> all() {
    return ImmutableList.of(full, swapped, year, month, day);
  }
}
