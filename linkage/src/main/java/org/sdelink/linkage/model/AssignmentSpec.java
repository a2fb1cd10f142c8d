package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How record links become entity links: which fields group a source's records into entities (e.g. a CLD person is
 * {@code council + la_person_token}; a source not listed has one entity per record), which source's entities
 * link to at most one entity of the other ({@code each}), and whether the other side is exclusive too.
 *
 * @param entities per source, the fields whose values together identify an entity (all must be present)
 * @param each the source whose entities each link to at most one entity of the other source; default the left
 * @param oneToOne whether each entity of the other source also takes at most one link
 */
public record AssignmentSpec(
    @Nullable Map<String, List<String>> entities,
    @Nullable String each,
    @JsonProperty("one_to_one") boolean oneToOne)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One entity per record, the left source linking to at most one right record, not exclusive. */
  public static final AssignmentSpec DEFAULTS = new AssignmentSpec(null, null, false);

  public AssignmentSpec {
    ImmutableMap.Builder<String, List<String>> copy = ImmutableMap.builder();
    if (entities != null) {
      entities.forEach(
          (source, fields) -> {
            checkArgument(
                fields != null && !fields.isEmpty(), "assignment.entities.%s needs at least one field", source);
            copy.put(source, ImmutableList.copyOf(fields));
          });
    }
    entities = copy.buildOrThrow();
    each = Strings.emptyToNull(each);
  }

  /** The fields identifying an entity of {@code source}; empty means one entity per record. */
  public List<String> entityFields(String source) {
    return entities.getOrDefault(source, ImmutableList.of());
  }
}
