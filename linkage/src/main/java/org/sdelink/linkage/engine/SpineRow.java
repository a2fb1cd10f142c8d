package org.sdelink.linkage.engine;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One row of the linkage spine ({@code source,record_id,person_id,match_rule,match_weight}): a record, its person
 * id, and the rule and weight of the link that joined it to the other source ({@code unlinked} and no weight if
 * none).
 */
public record SpineRow(
    String source, String recordId, String personId, String matchRule, @Nullable Double matchWeight)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rule of records not linked to the other source. */
  public static final String UNLINKED = "unlinked";

  /** The CSV header of the spine. */
  public static final String HEADER = "source,record_id,person_id,match_rule,match_weight";
}
