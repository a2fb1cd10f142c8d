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
 * How record links become entity links: which keys group a source's records into entities, which source's
 * entities link to at most one entity of the other ({@code each}), and whether the other side is exclusive too.
 *
 * <p>Each source lists entity keys, each a list of fields: records sharing the values of any key (all its fields
 * present) are one entity, transitively. E.g. a CLD client is {@code [council, la_person_token]}, and clients of
 * two councils with one valid NHS number are one entity through {@code [nhs_number_token]}. A source not listed,
 * and a record with no complete key, has one entity per record.
 *
 * @param entities per source, its entity keys
 * @param each the source whose entities each link to at most one entity of the other source; default the left
 * @param oneToOne whether each entity of the other source also takes at most one link
 * @param method how accepted pairs become persons; null: {@code best_match} for {@code link_only}, else {@code
 *     connected_components} (see {@link LinkageModel#clusteringMethod()})
 */
public record AssignmentSpec(
    @Nullable Map<String, List<List<String>>> entities,
    @Nullable String each,
    @JsonProperty("one_to_one") boolean oneToOne,
    @Nullable ClusteringMethod method)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One entity per record, the left source linking to at most one right record, not exclusive. */
  public static final AssignmentSpec DEFAULTS = new AssignmentSpec(null, null, false, null);

  /** The assignment of a spec written before {@code method} existed. */
  public AssignmentSpec(@Nullable Map<String, List<List<String>>> entities, @Nullable String each, boolean oneToOne) {
    this(entities, each, oneToOne, null);
  }

  public AssignmentSpec {
    ImmutableMap.Builder<String, List<List<String>>> copy = ImmutableMap.builder();
    if (entities != null) {
      entities.forEach(
          (source, keys) -> {
            checkArgument(keys != null && !keys.isEmpty(), "assignment.entities.%s needs at least one key", source);
            ImmutableList.Builder<List<String>> keyCopies = ImmutableList.builder();
            for (List<String> key : keys) {
              checkArgument(
                  key != null && !key.isEmpty(), "every key in assignment.entities.%s needs a field", source);
              keyCopies.add(ImmutableList.copyOf(key));
            }
            copy.put(source, keyCopies.build());
          });
    }
    entities = copy.buildOrThrow();
    each = Strings.emptyToNull(each);
  }

  /** The entity keys of {@code source}; empty means one entity per record. */
  public List<List<String>> entityKeys(String source) {
    return entities.getOrDefault(source, ImmutableList.of());
  }
}
