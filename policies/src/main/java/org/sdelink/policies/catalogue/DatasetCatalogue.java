package org.sdelink.policies.catalogue;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.FieldAction;
import org.sdelink.policies.GeneralisationTarget;
import org.sdelink.policies.YamlDocuments;

/**
 * The datasets sdelink can release and their fields, read from the {@code datasets.yaml} resource of this package.
 * A policy must give an action for every field of every dataset it releases, and nothing else.
 */
public final class DatasetCatalogue {
  private static final String RESOURCE = "datasets.yaml";
  private static volatile DatasetCatalogue standard;

  private final ImmutableMap<String, CatalogueDataset> datasets;

  private DatasetCatalogue(ImmutableMap<String, CatalogueDataset> datasets) {
    this.datasets = datasets;
  }

  /** The catalogue shipped with this module. */
  public static DatasetCatalogue standard() {
    DatasetCatalogue loaded = standard;
    if (loaded == null) {
      URL url = Resources.getResource(DatasetCatalogue.class, RESOURCE);
      try {
        loaded = parse(Resources.toString(url, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the dataset catalogue resource", e);
      }
      standard = loaded;
    }
    return loaded;
  }

  /**
   * Parses a catalogue document (the format of {@code datasets.yaml}).
   *
   * @throws IllegalArgumentException when an entry is incomplete or lets a direct identifier be kept
   */
  public static DatasetCatalogue parse(String yaml) {
    JsonNode root = YamlDocuments.read(yaml, "the dataset catalogue");
    JsonNode datasetsNode = root.path("datasets");
    checkArgument(datasetsNode.isObject() && !datasetsNode.isEmpty(), "the dataset catalogue has no datasets");
    ImmutableMap.Builder<String, CatalogueDataset> datasets = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = datasetsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> dataset = it.next();
      datasets.put(dataset.getKey(), parseDataset(dataset.getKey(), dataset.getValue()));
    }
    return new DatasetCatalogue(datasets.buildOrThrow());
  }

  private static CatalogueDataset parseDataset(String name, JsonNode node) {
    JsonNode fieldsNode = node.path("fields");
    checkArgument(fieldsNode.isObject() && !fieldsNode.isEmpty(), "catalogue dataset %s has no fields", name);
    ImmutableMap.Builder<String, CatalogueField> fields = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.put(field.getKey(), parseField(name, field.getKey(), field.getValue()));
    }
    return new CatalogueDataset(name, node.path("description").asText(""), fields.buildOrThrow());
  }

  private static CatalogueField parseField(String dataset, String name, JsonNode node) {
    String where = dataset + "." + name;
    IdentifierClass identifierClass = IdentifierClass.fromYamlName(node.path("class").asText(""))
        .orElseThrow(() -> new IllegalArgumentException(
            "catalogue field " + where + " needs a class: direct, quasi, sensitive or other"));
    String meaning = node.path("meaning").asText("");
    checkArgument(!meaning.isBlank(), "catalogue field %s needs a plain-English meaning", where);
    ImmutableSet.Builder<FieldAction> actions = ImmutableSet.builder();
    for (JsonNode action : node.path("actions")) {
      actions.add(FieldAction.fromYamlName(action.asText()).orElseThrow(() -> new IllegalArgumentException(
          "catalogue field " + where + " lists an unknown action; use " + FieldAction.allNames())));
    }
    ImmutableSet.Builder<GeneralisationTarget> targets = ImmutableSet.builder();
    for (JsonNode target : node.path("generalise_to")) {
      targets.add(GeneralisationTarget.fromYamlName(target.asText()).orElseThrow(() ->
          new IllegalArgumentException("catalogue field " + where + " lists an unknown generalise_to target")));
    }
    return new CatalogueField(dataset, name, identifierClass, meaning, actions.build(), targets.build());
  }

  /** The datasets, in catalogue order. */
  public ImmutableMap<String, CatalogueDataset> datasets() {
    return datasets;
  }

  /** The dataset called {@code name}, if the catalogue has it. */
  public Optional<CatalogueDataset> dataset(String name) {
    checkNotNull(name, "name");
    return Optional.ofNullable(datasets.get(name));
  }

  /** The field {@code dataset.field}, if the catalogue has it. */
  public Optional<CatalogueField> field(String dataset, String field) {
    return dataset(dataset).flatMap(d -> d.field(field));
  }
}
