package org.orebook.check;

import java.util.List;

/**
 * The outcome of checking a release.
 *
 * @param relations relations instantiated (catalogue and checker)
 * @param tested relations whose result and operands are all printed or derivable from printed figures
 * @param passed tested relations that hold
 * @param prose every number claim read in the running text, tested or not
 */
public record CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
    List<String> testedIds, List<ProseClaim> prose, List<Unevaluated> unevaluated) {
  public CheckResult {
    failures = List.copyOf(failures);
    testedIds = List.copyOf(testedIds);
    prose = List.copyOf(prose);
    unevaluated = List.copyOf(unevaluated);
  }

  public CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
      List<String> testedIds, List<ProseClaim> prose) {
    this(release, relations, tested, passed, failures, testedIds, prose, List.of());
  }

  public CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
      List<String> testedIds) {
    this(release, relations, tested, passed, failures, testedIds, List.of(), List.of());
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
