package org.sdelink.policies.catalogue;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/** A dataset sdelink can release, with its fields in release order. */
public record CatalogueDataset(String name, String description, ImmutableMap<String, CatalogueField> fields) {

  public CatalogueDataset {
    checkNotNull(name, "name");
    checkNotNull(description, "description");
    checkNotNull(fields, "fields");
  }

  /** The field called {@code fieldName}, if the catalogue has it. */
  public Optional<CatalogueField> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }
}
