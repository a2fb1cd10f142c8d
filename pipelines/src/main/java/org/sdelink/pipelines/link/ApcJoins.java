package org.sdelink.pipelines.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.sdelink.linkage.blocking.Blocking;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.cluster.AmbiguousLink;
import org.sdelink.linkage.cluster.Assignment;
import org.sdelink.linkage.cluster.OneToOneAssignment;
import org.sdelink.linkage.cluster.ScoredLink;
import org.sdelink.linkage.cluster.StarCap;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;
import org.sdelink.linkage.scoring.PairScorer;
import org.sdelink.linkage.scoring.TermFrequencies;

/**
 * APC-to-APC linkage of episodes without a valid NHS number ("orphans") into the patient who has one, at the start
 * of the probabilistic phase. An orphan is an APC person of the deterministic phase that is residual (no CLD record)
 * and whose entity has no valid NHS-number token; a patient is an APC person whose entity has one. Orphans and
 * patients are blocked under the model's blocking rules that the APC source can fill and that do not read the NHS
 * number, each pair scored once (first rule that blocks it) with the model's comparisons and parameters (HES holds
 * no names, so date of birth, postcode, council and sex carry the decision), and each orphan assigned with the
 * library's assignment to at most one patient: at or above {@code thresholds.match_weight}, and ahead of the
 * runner-up by {@code thresholds.ambiguity_margin} (twins at one address are left apart). A joined orphan's records
 * take the patient's person id and rule {@value #RULE}; its entity no longer takes part in CLD-APC linkage (the
 * patient's does). A single-record patient that receives an orphan takes the same rule.
 *
 * <p>Orphans are also scored against the CLD persons that have a valid NHS number and no APC patient (residual CLD
 * entities): the person an orphan belongs to may be known to social care only, and a same-sex twin at the same
 * address may be the only patient it matches (HES cannot tell them apart). The chosen patient is therefore checked
 * against those CLD candidates whose NHS number differs from the patient's ({@link #competitor}): when one matches
 * the orphan about as well (within the ambiguity margin), the orphan could be either person's, so it is left apart
 * from both: not joined, and held out of CLD-APC linkage (counted as {@code ambiguous} {@value #HELD_KIND}); when one
 * matches it clearly better, the orphan is not joined and CLD-APC linkage decides it. A CLD candidate without a valid
 * NHS number, or with the patient's, is no evidence of another person and does not stop a join.
 */
final class ApcJoins {
  static final String RULE = "probabilistic_apc";
  static final String SOURCE = "apc";
  static final String IDENTIFIER = "nhs_number_token";

  static final TupleTag<KV<String, List<String>>> JOINABLE = new TupleTag<>("apcJoinable") {};
  static final TupleTag<List<String>> PASS_ENTITIES = new TupleTag<>("apcPassEntities") {};
  static final TupleTag<KV<String, List<String>>> PASS_MEMBERS = new TupleTag<>("apcPassMembers") {};
  static final TupleTag<List<String>> ENTITIES_OUT = new TupleTag<>("apcEntitiesOut") {};
  static final TupleTag<KV<String, List<String>>> MEMBERS_OUT = new TupleTag<>("apcMembersOut") {};
  static final TupleTag<KV<String, List<String>>> CANDIDATES = new TupleTag<>("apcCandidates") {};
  static final TupleTag<KV<String, List<String>>> JOINS = new TupleTag<>("apcJoins") {};
  static final TupleTag<KV<String, List<String>>> REDIRECTS = new TupleTag<>("apcRedirects") {};
  /** Orphans held out of CLD-APC linkage, by person: {@code [h]} (see the class comment). */
  static final TupleTag<KV<String, List<String>>> HOLDS = new TupleTag<>("apcHolds") {};
  /** The report's name for orphans left apart because a CLD person of another NHS number matches as well. */
  static final String HELD_KIND = "apc_episode_cld_person";
  /** Candidate kinds: an APC patient, a CLD person. */
  static final String PATIENT = "p";
  static final String CLD_PERSON = "c";
  /** Persons that episodes joined, with the persons they now stand for: {@code [#persons, n]} by person id. */
  static final TupleTag<KV<String, List<String>>> PERSONS = new TupleTag<>("apcPersons") {};

  private ApcJoins() {}

  /** Whether the model can run the APC joins: it has the NHS-number field and reads the APC source. */
  static boolean enabled(LinkageModel model) {
    return model.layout().contains(IDENTIFIER) && model.sources().contains(SOURCE) && !rules(model).isEmpty();
  }

  /** The model's blocking rules usable between APC persons: every field has an APC column; no NHS number. */
  static List<BlockingRule> rules(LinkageModel model) {
    List<BlockingRule> rules = new ArrayList<>();
    for (BlockingRule rule : model.blockingRules()) {
      boolean usable = !rule.fields().contains(IDENTIFIER);
      for (String field : rule.fields()) {
        usable &= model.fields().stream().anyMatch(f -> f.name().equals(field) && !f.columnFor(SOURCE).isEmpty());
      }
      if (usable) {
        rules.add(rule);
      }
    }
    return rules;
  }

  static boolean isApc(List<String> entity) {
    return SOURCE.equals(entity.get(0));
  }

  static boolean hasIdentifier(RecordLayout layout, List<String> entity) {
    return !entity.get(Entities.VALUES_FROM + layout.indexOf(IDENTIFIER)).isEmpty();
  }

  static boolean isOrphan(RecordLayout layout, List<String> entity) {
    return isApc(entity) && Entities.residual(entity) && !hasIdentifier(layout, entity);
  }

  /** A CLD person with a valid NHS number and no APC patient: an orphan's other candidate (see the class comment). */
  static boolean isCldCandidate(RecordLayout layout, List<String> entity) {
    return !isApc(entity) && Entities.residual(entity) && hasIdentifier(layout, entity);
  }

  /**
   * Keys APC orphans, APC patients and the CLD persons of {@link #isCldCandidate} by {@code ruleIndex SEP key} under
   * the APC rules.
   */
  static final class KeysFn extends DoFn<List<String>, KV<String, List<String>>> {
    private final LinkageModel model;
    private transient List<BlockingRule> rules;

    KeysFn(LinkageModel model) {
      this.model = model;
    }

    @Setup
    public void setup() {
      rules = rules(model);
    }

    @ProcessElement
    public void process(@Element List<String> entity, OutputReceiver<KV<String, List<String>>> out) {
      RecordLayout layout = model.layout();
      boolean wanted = isApc(entity) ? isOrphan(layout, entity) || hasIdentifier(layout, entity)
          : isCldCandidate(layout, entity);
      if (!wanted) {
        return;
      }
      LinkRecord record = Entities.decode(model.layout(), entity);
      for (int i = 0; i < rules.size(); i++) {
        String key = rules.get(i).keyOrNull(record);
        if (key != null) {
          out.output(KV.of(i + String.valueOf(PairFns.SEP) + key, entity));
        }
      }
    }
  }

  /**
   * Scores each (orphan, patient) and (orphan, CLD person) pair of a bucket once and emits candidates at or above the
   * threshold keyed by the orphan: {@code [orphan key, candidate key, weight, kind, candidate's NHS-number token]}
   * ({@link #PATIENT} or {@link #CLD_PERSON}); counts pairs per rule.
   */
  static final class ScoreFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, List<String>>> {
    private final LinkageModel model;
    private final ModelParameters parameters;
    private final TermFrequencies frequencies;
    private transient PairScorer scorer;

    ScoreFn(LinkageModel model, ModelParameters parameters, TermFrequencies frequencies) {
      this.model = model;
      this.parameters = parameters;
      this.frequencies = frequencies;
    }

    @Setup
    public void setup() {
      scorer = PairScorer.create(model, parameters, frequencies);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      List<BlockingRule> rules = rules(model);
      RecordLayout layout = model.layout();
      double threshold = model.thresholds().matchWeight();
      List<KV<String, List<String>>> sorted = new ArrayList<>();
      bucket.getValue().forEach(sorted::add);
      sorted.sort((a, b) -> {
        int byKey = a.getKey().compareTo(b.getKey());
        return byKey != 0 ? byKey : Entities.rowKey(a.getValue()).compareTo(Entities.rowKey(b.getValue()));
      });
      Map<String, List<List<LinkRecord>>> groups = new TreeMap<>();
      Map<String, LinkRecord> decoded = new HashMap<>();
      for (KV<String, List<String>> kv : sorted) {
        LinkRecord record = decoded.computeIfAbsent(Entities.rowKey(kv.getValue()),
            k -> Entities.decode(layout, kv.getValue()));
        List<List<LinkRecord>> sides = groups.computeIfAbsent(kv.getKey(),
            k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        sides.get(!isApc(kv.getValue()) ? 2 : hasIdentifier(layout, kv.getValue()) ? 1 : 0).add(record);
      }
      int nhs = layout.indexOf(IDENTIFIER);
      Map<String, Long> counts = new TreeMap<>();
      groups.forEach((key, sides) -> {
        int rule = Integer.parseInt(key.substring(0, key.indexOf(PairFns.SEP)));
        for (LinkRecord orphan : sides.get(0)) {
          for (LinkRecord patient : sides.get(1)) {
            if (!Blocking.isFirstRuleFor(orphan, patient, rules, rule)) {
              continue;
            }
            double weight = scorer.matchWeight(orphan, patient);
            counts.merge("pairs\tapc-apc " + rules.get(rule).name(), 1L, Long::sum);
            if (weight >= threshold && !model.vetoesProbabilisticLink(orphan, patient, weight)) {
              out.get(CANDIDATES).output(KV.of(orphan.key(), List.of(orphan.key(), patient.key(),
                  Double.toString(weight), PATIENT, patient.value(nhs))));
            }
          }
          for (LinkRecord person : sides.get(2)) {
            if (!Blocking.isFirstRuleFor(orphan, person, rules, rule)) {
              continue;
            }
            // CLD on the left, as the CLD-APC phase scores the pair.
            double weight = scorer.matchWeight(person, orphan);
            counts.merge("pairs\tapc-cld " + rules.get(rule).name(), 1L, Long::sum);
            if (weight >= threshold) {
              out.get(CANDIDATES).output(KV.of(orphan.key(), List.of(orphan.key(), person.key(),
                  Double.toString(weight), CLD_PERSON, person.value(nhs))));
            }
          }
        }
      });
      counts.forEach((k, v) -> out.get(PairFns.COUNTS).output(KV.of(k, v)));
    }
  }

  /**
   * Assigns each orphan of a bucket to at most one patient; emits each accepted join to the cap ({@link CapFn}) as
   * {@code [j, orphan person, weight]} keyed by the patient person, unless a CLD person of another NHS number
   * matches the orphan as well or better ({@link #competitor}): then no join, and {@code [h]} keyed by the orphan
   * person when the two are too close to call.
   */
  static final class AssignFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, List<String>>> {
    private final LinkageModel model;

    AssignFn(LinkageModel model) {
      this.model = model;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      List<ScoredLink> links = new ArrayList<>();
      Map<String, String> patientNhs = new HashMap<>();
      Map<String, List<List<String>>> cldCandidates = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        List<String> v = kv.getValue();
        if (CLD_PERSON.equals(v.get(3))) {
          cldCandidates.computeIfAbsent(v.get(0), k -> new ArrayList<>()).add(v);
        } else {
          links.add(ScoredLink.probabilistic(v.get(0), v.get(1), Double.parseDouble(v.get(2))));
          patientNhs.put(v.get(1), v.get(4));
        }
      }
      links.sort(ScoredLink.STRONGEST_FIRST);
      double margin = model.thresholds().ambiguityMargin();
      Assignment assignment = OneToOneAssignment.create(model.thresholds().matchWeight(), margin, false)
          .assign(links);
      for (ScoredLink link : assignment.accepted()) {
        Double rival = competitor(link, patientNhs.get(link.to()),
            cldCandidates.getOrDefault(link.from(), List.of()));
        if (rival == null || rival <= link.matchWeight() - margin) {
          out.get(JOINS).output(KV.of(PairFns.person(link.to()),
              List.of("j", PairFns.person(link.from()), Double.toString(link.matchWeight()))));
        } else if (rival < link.matchWeight() + margin) {
          out.get(HOLDS).output(KV.of(PairFns.person(link.from()), List.of("h")));
          out.get(PairFns.COUNTS).output(KV.of("ambiguous\t" + HELD_KIND, 1L));
        }
      }
      for (AmbiguousLink ambiguous : assignment.ambiguous()) {
        out.get(PairFns.COUNTS).output(KV.of("ambiguous\tapc_episode_" + ambiguous.side().name()
            .toLowerCase(Locale.ROOT), 1L));
      }
    }
  }

  /**
   * The strongest weight among an orphan's CLD candidates whose valid NHS number differs from the chosen patient's
   * ({@code patientNhs}), or null when none: the weight of the best rival person the orphan might belong to instead.
   */
  static Double competitor(ScoredLink join, String patientNhs, List<List<String>> cldCandidates) {
    Double best = null;
    for (List<String> candidate : cldCandidates) {
      String nhs = candidate.get(4);
      if (nhs.isEmpty() || nhs.equals(patientNhs)) {
        continue;
      }
      double weight = Double.parseDouble(candidate.get(2));
      if (best == null || weight > best) {
        best = weight;
      }
    }
    return best;
  }

  /**
   * The cluster cap on the joins of a bucket of patients: a patient and the episodes joining it form a star
   * ({@link StarCap}, one person each); over {@code thresholds.max_cluster_persons} the weakest joins are cut and
   * those episodes stay apart. Emits {@code [r, patient person, weight]} to each joined episode's person and
   * {@code [t, weight]} to the patient person; counts accepted and cut joins.
   */
  static final class CapFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, List<String>>> {
    private final int maxPersons;

    CapFn(int maxPersons) {
      this.maxPersons = maxPersons;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, List<StarCap.Spoke>> byPatient = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        List<String> v = kv.getValue();
        byPatient.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(new StarCap.Spoke(
            ScoredLink.probabilistic(v.get(1), kv.getKey(), Double.parseDouble(v.get(2))), 1));
      }
      byPatient.forEach((patient, spokes) -> {
        StarCap.Star star = StarCap.cap(1, spokes, maxPersons);
        for (StarCap.Spoke spoke : star.kept()) {
          ScoredLink link = spoke.link();
          out.get(REDIRECTS).output(KV.of(link.from(), List.of("r", patient, PairFns.weight4(link.matchWeight()))));
          out.get(REDIRECTS).output(KV.of(patient, List.of("t", PairFns.weight4(link.matchWeight()))));
          out.get(PairFns.COUNTS).output(KV.of("accepted\t" + RULE, 1L));
        }
        if (star.wasCut()) {
          out.get(PairFns.COUNTS).output(KV.of("cap\tapc_episode_joins\tclusters_over_cap", 1L));
          out.get(PairFns.COUNTS).output(KV.of("cap\tapc_episode_joins\tlinks_cut", (long) star.cut().size()));
        }
      });
    }
  }

  /** Sends orphan entities to the join ({@code [e, entity...]} by person), the rest on. */
  static final class SplitEntitiesFn extends DoFn<List<String>, List<String>> {
    private final RecordLayout layout;

    SplitEntitiesFn(RecordLayout layout) {
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element List<String> entity, MultiOutputReceiver out) {
      if (isOrphan(layout, entity)) {
        List<String> message = new ArrayList<>(entity.size() + 1);
        message.add("e");
        message.addAll(entity);
        out.get(JOINABLE).output(KV.of(entity.get(1), message));
      } else {
        out.get(PASS_ENTITIES).output(entity);
      }
    }
  }

  /**
   * Member rows {@code [person, source, record, rule]} as messages {@code [m, source, record, rule, weight]} by
   * person: unlinked ones to the join, the rest on.
   */
  static final class SplitMembersFn extends DoFn<List<String>, KV<String, List<String>>> {
    @ProcessElement
    public void process(@Element List<String> v, MultiOutputReceiver out) {
      KV<String, List<String>> message = KV.of(v.get(0), List.of("m", v.get(1), v.get(2), v.get(3), ""));
      if (DeterministicPersonLinker.RULE_UNLINKED.equals(v.get(3))) {
        out.get(JOINABLE).output(message);
      } else {
        out.get(PASS_MEMBERS).output(message);
      }
    }
  }

  /**
   * Applies the joins to a bucket of persons: a joined orphan's members move to the patient's person with rule
   * {@value #RULE} and the weight, and its entity is dropped; a held orphan ({@code [h]}) keeps its members as they
   * are and its entity is dropped too, so that CLD-APC linkage does not link it; a patient's unlinked members take
   * rule {@value #RULE}, and the patient's person count (itself and the orphans it took) goes to the cluster cap
   * ({@link #PERSONS}).
   */
  static final class ApplyFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, List<String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, List<List<String>>> byPerson = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        byPerson.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      byPerson.forEach((person, messages) -> {
        messages.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        List<String> redirect = null;
        String targetWeight = null;
        boolean held = false;
        int joined = 0;
        for (List<String> m : messages) {
          if (m.get(0).equals("r")) {
            redirect = m;
          } else if (m.get(0).equals("h")) {
            held = true;
          } else if (m.get(0).equals("t")) {
            joined++;
            if (targetWeight == null || Double.parseDouble(m.get(1)) > Double.parseDouble(targetWeight)) {
              targetWeight = m.get(1);
            }
          }
        }
        if (joined > 0) {
          out.get(PERSONS).output(KV.of(person, List.of(PairFns.PERSONS, Integer.toString(1 + joined))));
        }
        for (List<String> m : messages) {
          if (m.get(0).equals("e")) {
            if (redirect == null && !held) {
              out.get(ENTITIES_OUT).output(m.subList(1, m.size()));
            }
          } else if (m.get(0).equals("m")) {
            if (redirect != null) {
              out.get(MEMBERS_OUT).output(KV.of(redirect.get(1), List.of("m", m.get(1), m.get(2), RULE,
                  redirect.get(2))));
              out.get(PairFns.COUNTS).output(KV.of("joined\t" + m.get(1), 1L));
            } else if (targetWeight != null) {
              out.get(MEMBERS_OUT).output(KV.of(person, List.of("m", m.get(1), m.get(2), RULE, targetWeight)));
            } else {
              out.get(MEMBERS_OUT).output(KV.of(person, m));
            }
          }
        }
      });
    }
  }
}
