package org.orebook.relations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;

/**
 * The forward direction: computes every relation's result from the inputs, in dependency order,
 * memoised. An input that is also the result of a relation whose operands are all present must
 * agree with it; a disagreement is reported, not silently overwritten. A tie (two figures computed
 * or given elsewhere that must be equal) is evaluated once everything is computed, and a tie that
 * does not hold is a disagreement too.
 */
public final class Engine {

  /**
   * A figure that contradicts a relation: an input the relation computes otherwise, or one side of
   * a tie against the other.
   *
   * @param input the figure as given (an input) or computed (a tie's left side)
   * @param computed the relation's right side
   */
  public record Disagreement(Relation relation, Fact input, BigDecimal computed) {
    @Override
    public String toString() {
      return input.origin() + ": " + input.key() + " is " + input.value().toPlainString()
          + " but " + relation.id() + " gives " + computed.toPlainString();
    }
  }

  /** The computed figures and any disagreements. */
  public record Result(FactSet facts, List<Disagreement> disagreements) {}

  private Engine() {}

  public static Result run(FactSet inputs, List<Relation> relations) {
    Map<FactKey, Relation> producers = new HashMap<>();
    List<Relation> ties = new ArrayList<>();
    for (Relation r : relations) {
      if (r.tie()) {
        ties.add(r);
        continue;
      }
      Relation previous = producers.putIfAbsent(r.result(), r);
      if (previous != null) {
        throw new IllegalStateException("two relations compute " + r.result() + ": " + previous.id() + ", " + r.id());
      }
    }
    FactSet out = new FactSet();
    inputs.all().forEach(out::add);
    List<Disagreement> disagreements = new ArrayList<>();
    // the same resolution as the checker's, over exact values: each computed figure joins the output
    Resolver<BigDecimal> resolver = new Resolver<>(k -> out.find(k).map(Fact::value), producers, (r, operand) -> {
      Optional<BigDecimal> value = r.compute(operand);
      value.ifPresent(v -> out.add(new Fact(r.result(), v, r.unit(),
          new Origin.Derived(r.id(), r.description(), r.expr().text(), r.expr().refs()))));
      return value;
    }, Resolver.OnCycle.FAIL);
    for (Relation r : relations) {
      if (r.tie()) {
        continue;
      }
      resolver.resolve(r.result());
      Optional<Fact> input = inputs.find(r.result());
      if (input.isPresent()) {
        Optional<BigDecimal> computed = r.compute(resolver::resolve);
        boolean allOperandsGiven = r.expr().refs().stream()
            .allMatch(k -> out.has(k) || (producers.containsKey(k) && resolver.computed(k)));
        if (computed.isPresent() && allOperandsGiven && computed.get().compareTo(input.get().value()) != 0) {
          disagreements.add(new Disagreement(r, input.get(), computed.get()));
        }
      }
    }
    for (Relation t : ties) {
      Optional<BigDecimal> lhs = resolver.resolve(t.result());
      Optional<BigDecimal> rhs = t.compute(resolver::resolve);
      if (lhs.isPresent() && rhs.isPresent() && lhs.get().compareTo(rhs.get()) != 0) {
        disagreements.add(new Disagreement(t, out.find(t.result()).orElseThrow(), rhs.get()));
      }
    }
    return new Result(out, disagreements);
  }
}
