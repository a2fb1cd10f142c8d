package org.sdelink.linkage.blocking;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sdelink.linkage.record.LinkRecord;

/**
 * A blocking rule: a list of fields whose values must all be present and equal for two records to be compared.
 * The blocking key of a record is the concatenation of those values, or empty if any is missing.
 */
public final class BlockingRule implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Separates the values in a key; a control character that appears in no token or plaintext field. */
  static final char SEPARATOR = '\u001f';

  private final String name;
  private final ImmutableList<String> fields;

  private BlockingRule(String name, List<String> fields) {
    this.name = name;
    this.fields = ImmutableList.copyOf(fields);
  }

  /**
   * A rule named {@code name} requiring {@code fields} to agree.
   *
   * @throws IllegalArgumentException if the name is blank or there are no fields, or a field repeats
   */
  @JsonCreator
  public static BlockingRule of(@JsonProperty("name") String name, @JsonProperty("fields") List<String> fields) {
    checkArgument(!Strings.isNullOrEmpty(name), "every blocking rule needs a name");
    checkArgument(fields != null && !fields.isEmpty(), "blocking rule '%s' needs at least one field", name);
    checkArgument(
        ImmutableSet.copyOf(fields).size() == fields.size(), "blocking rule '%s' repeats a field", name);
    return new BlockingRule(name, fields);
  }

  public String name() {
    return name;
  }

  public ImmutableList<String> fields() {
    return fields;
  }

  /** The record's key under this rule, or empty if any of the rule's fields is missing. */
  public Optional<String> key(LinkRecord record) {
    return Optional.ofNullable(keyOrNull(record));
  }

  /** As {@link #key(LinkRecord)}, without the {@code Optional}. */
  public @Nullable String keyOrNull(LinkRecord record) {
    if (fields.size() == 1) {
      return record.value(fields.get(0));
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String value = record.value(fields.get(i));
      if (value == null) {
        return null;
      }
      if (i > 0) {
        key.append(SEPARATOR);
      }
      key.append(value);
    }
    return key.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockingRule that && name.equals(that.name) && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + fields.hashCode();
  }

  @Override
  public String toString() {
    return name + fields;
  }
}
