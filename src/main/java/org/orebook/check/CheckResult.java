package org.orebook.check;

import java.util.List;

/**
 * The outcome of checking a release.
 *
 * @param relations relations instantiated (catalogue and checker)
 * @param tested relations whose result and operands are all printed or derivable from printed figures
 * @param passed tested relations that hold
 */
public record CheckResult(PublishedRelease release, int relations, int tested, int passed, List<Failure> failures,
    List<String> testedIds) {
  public CheckResult {
    failures = List.copyOf(failures);
    testedIds = List.copyOf(testedIds);
  }

  public int untested() {
    return relations - tested;
  }
}
