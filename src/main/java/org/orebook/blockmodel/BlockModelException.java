package org.orebook.blockmodel;

import java.util.List;

/**
 * The options do not fit the block model (an unknown column, a grade without a price, a cut-off
 * that is not a number, ...): nothing was computed. Each problem is one message.
 */
public final class BlockModelException extends Exception {
  private final List<String> problems;

  public BlockModelException(String problem) {
    this(List.of(problem));
  }

  public BlockModelException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
