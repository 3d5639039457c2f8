package org.orebook.relations;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.orebook.facts.FactKey;

/**
 * Resolves a figure the one way both directions do: known (an input, a printed figure), else
 * computed by the relation that produces it from figures resolved the same way, memoised, each
 * figure once. The engine resolves exact values ({@link Engine}); the checker resolves the intervals
 * printed figures stand for ({@code check.Checker}). Not thread-safe: one per run.
 *
 * @param <T> what a figure resolves to (an exact value, an interval)
 */
public final class Resolver<T> {
  /** How a relation's result is computed from resolved operands. */
  @FunctionalInterface
  public interface Evaluation<T> {
    Optional<T> of(Relation r, Function<FactKey, Optional<T>> operand);
  }

  /** What to do when a figure's relations lead back to it. */
  public enum OnCycle { FAIL, UNKNOWN }

  private final Function<FactKey, Optional<T>> known;
  private final Map<FactKey, Relation> producers;
  private final Evaluation<T> evaluation;
  private final OnCycle onCycle;
  private final Map<FactKey, Optional<T>> memo = new HashMap<>();
  private final Set<FactKey> visiting = new HashSet<>();

  public Resolver(Function<FactKey, Optional<T>> known, Map<FactKey, Relation> producers, Evaluation<T> evaluation,
      OnCycle onCycle) {
    this.known = known;
    this.producers = producers;
    this.evaluation = evaluation;
    this.onCycle = onCycle;
  }

  /** The figure: known, or computed by its producer; empty when neither. */
  public Optional<T> resolve(FactKey key) {
    Optional<T> k = known.apply(key);
    if (k.isPresent()) {
      return k;
    }
    Optional<T> m = memo.get(key);
    if (m != null) {
      return m;
    }
    Relation r = producers.get(key);
    if (r == null) {
      return Optional.empty();
    }
    if (!visiting.add(key)) {
      if (onCycle == OnCycle.FAIL) {
        throw new CircularRelationsException(key);
      }
      return Optional.empty();
    }
    Optional<T> value;
    try {
      value = evaluation.of(r, this::resolve);
    } finally {
      visiting.remove(key);
    }
    memo.put(key, value);
    return value;
  }

  /** True when the figure was computed (not merely known) and has a value. */
  public boolean computed(FactKey key) {
    return memo.getOrDefault(key, Optional.empty()).isPresent();
  }
}
