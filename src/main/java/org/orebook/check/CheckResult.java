package org.orebook.check;

import java.util.List;
import java.util.Set;
import org.orebook.edgar.Table;
import org.orebook.facts.FactKey;

/**
 * The outcome of checking a release.
 *
 * @param relations relations instantiated (catalogue and checker)
 * @param tested relations whose result and operands are all printed or derivable from printed figures
 * @param passed tested relations that hold
 * @param prose every number claim read in the running text, tested or not
 */
public record CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
    List<String> testedIds, List<ProseClaim> prose, Set<FactKey> involved, List<Unevaluated> unevaluated) {
  public CheckResult {
    failures = List.copyOf(failures);
    testedIds = List.copyOf(testedIds);
    prose = List.copyOf(prose);
    involved = Set.copyOf(involved);
    unevaluated = List.copyOf(unevaluated);
  }

  public CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
      List<String> testedIds, List<ProseClaim> prose) {
    this(release, relations, tested, passed, failures, testedIds, prose, Set.of(), List.of());
  }

  public CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
      List<String> testedIds) {
    this(release, relations, tested, passed, failures, testedIds, List.of(), Set.of(), List.of());
  }

  /** What was read from one table: figures, keyed, and taken into a tested relation; the labels not keyed. */
  public record Coverage(Table table, String kind, int figures, int mapped, int inRelations, List<String> unmappedLabels) {}

  /** Per table: figures read, keyed (mapped), taken into tested relations (as a result or an operand). */
  public List<Coverage> coverage() {
    java.util.Map<org.orebook.edgar.Figure, FactKey> keyOf = release.keyOf();
    java.util.Set<org.orebook.edgar.Figure> unmapped = new java.util.HashSet<>(release.unmapped());
    List<Coverage> out = new java.util.ArrayList<>();
    for (Table t : release.text().tables()) {
      int figures = 0;
      int mapped = 0;
      int in = 0;
      java.util.LinkedHashSet<String> labels = new java.util.LinkedHashSet<>();
      for (org.orebook.edgar.Figure f : t.figures()) {
        figures++;
        FactKey k = keyOf.get(f);
        if (k != null) {
          mapped++;
          if (involved.contains(k)) {
            in++;
          }
        } else if (unmapped.contains(f) || !keyOf.isEmpty()) {
          labels.add(f.label().isBlank() ? "(no label, line " + f.line() + ")" : f.label());
        }
      }
      out.add(new Coverage(t, release.kindOf(t), figures, mapped, in, List.copyOf(labels)));
    }
    return out;
  }

  /** Figures taken into tested relations, over all tables. */
  public int inRelations() {
    return coverage().stream().mapToInt(Coverage::inRelations).sum();
  }

  /** True when no relation and no prose claim could be tested: nothing was checked. */
  public boolean nothingChecked() {
    return tested == 0 && proseTested().isEmpty();
  }

  /**
   * A relation whose figures are printed but whose arithmetic could not be done on them (a divisor
   * whose interval holds zero, units that do not convert): reported with its reason, never counted
   * as tested and never silently dropped.
   */
  public record Unevaluated(String relationId, String figure, String reason) {}

  /** Prose claims linked to a table figure and tested. */
  public List<ProseClaim> proseTested() {
    return prose.stream().filter(c -> c.status() != ProseClaim.Status.NOT_LINKED).toList();
  }

  /** Prose claims that do not hold against the tables. */
  public List<ProseClaim> proseFailures() {
    return prose.stream().filter(c -> c.status() == ProseClaim.Status.FAILED).toList();
  }

  /** Prose claims found but not linked unambiguously to a table figure (not tested). */
  public List<ProseClaim> proseNotLinked() {
    return prose.stream().filter(c -> c.status() == ProseClaim.Status.NOT_LINKED).toList();
  }

  public int untested() {
    return relations - tested;
  }
}
