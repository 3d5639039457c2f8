package org.orebook.relations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.facts.FactKey;

/**
 * The catalogue's relations used backward on exact values: given some figures of a relation, the one
 * figure it leaves open. The importer chooses which printed figures to trust and which inputs to
 * reconstruct; the arithmetic that reconstructs them is the catalogue's, so an input recovered from a
 * printed total is the one the engine turns back into that total.
 *
 * <p>Only sums are solved ({@code result = ± a ± b ...}, a term a figure or a constant multiple of
 * one, as unit conversions write it): a product or a quotient is left alone. A figure is solved for
 * when it is a relation's result (an intermediate: direct production costs between cash operating
 * costs and site costs) or one of the inputs asked for; an optional input neither known nor asked for
 * is zero, as the engine takes it. Not thread-safe.
 */
public final class Solver {
  private final List<Relation> relations;
  private final Set<FactKey> results = new HashSet<>();

  public Solver(List<Relation> relations) {
    this.relations = relations.stream().filter(r -> !r.tie()).toList();
    this.relations.forEach(r -> results.add(r.result()));
  }

  /**
   * Every figure of {@code wanted} the relations determine from {@code known} (and the intermediates
   * they pass through), each solved once from the first relation that leaves it the only open figure.
   */
  public Map<FactKey, BigDecimal> solve(Map<FactKey, BigDecimal> known, Set<FactKey> wanted) {
    Map<FactKey, BigDecimal> values = new HashMap<>(known);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Relation r : relations) {
        Optional<Map.Entry<FactKey, BigDecimal>> solved = solveOne(r, values, wanted);
        if (solved.isPresent()) {
          values.put(solved.get().getKey(), solved.get().getValue());
          progress = true;
        }
      }
    }
    Map<FactKey, BigDecimal> out = new HashMap<>();
    for (FactKey k : wanted) {
      if (values.containsKey(k) && !known.containsKey(k)) {
        out.put(k, values.get(k));
      }
    }
    return out;
  }

  /** A term of a sum: sign × factor × figure. */
  private record Term(FactKey key, BigDecimal factor, boolean optional) {}

  private Optional<Map.Entry<FactKey, BigDecimal>> solveOne(Relation r, Map<FactKey, BigDecimal> values, Set<FactKey> wanted) {
    List<Term> terms = new ArrayList<>();
    BigDecimal constant = BigDecimal.ZERO;
    if (!(r.expr() instanceof Expr.Sum s)) {
      return Optional.empty();
    }
    for (Expr.Term t : s.terms()) {
      BigDecimal sign = t.negative() ? BigDecimal.ONE.negate() : BigDecimal.ONE;
      Optional<Term> term = term(t.expr(), sign);
      if (term.isEmpty()) {
        return Optional.empty();
      }
      terms.add(term.get());
    }
    // result - sum(terms) = 0: the open figure is the result or one term
    FactKey open = null;
    BigDecimal openFactor = null;
    BigDecimal rest = BigDecimal.ZERO;
    if (values.containsKey(r.result())) {
      rest = values.get(r.result());
    } else if (solvable(r.result(), wanted)) {
      open = r.result();
      openFactor = BigDecimal.ONE.negate();
    } else {
      return Optional.empty();
    }
    for (Term t : terms) {
      if (values.containsKey(t.key())) {
        rest = rest.subtract(t.factor().multiply(values.get(t.key())));
      } else if (open == null && solvable(t.key(), wanted)) {
        open = t.key();
        openFactor = t.factor();
      } else if (!t.optional() || solvable(t.key(), wanted)) {
        return Optional.empty();
      }
      // else: an optional input nobody asked for is zero
    }
    if (open == null) {
      return Optional.empty();
    }
    // result - sum(terms) = 0, with every known figure moved into rest
    BigDecimal value = open.equals(r.result()) ? rest.negate()
        : openFactor.compareTo(BigDecimal.ONE) == 0 ? rest
        : openFactor.compareTo(BigDecimal.ONE.negate()) == 0 ? rest.negate()
        : org.orebook.quantity.Exact.divide(rest, openFactor);
    return Optional.of(Map.entry(open, value));
  }

  private boolean solvable(FactKey k, Set<FactKey> wanted) {
    return wanted.contains(k) || results.contains(k);
  }

  /** A sum's term as sign × factor × figure, when it is a figure or a constant multiple of one. */
  private static Optional<Term> term(Expr e, BigDecimal sign) {
    return switch (e) {
      case Expr.Ref ref -> Optional.of(new Term(ref.key(), sign, ref.optional()));
      case Expr.Product p when p.a() instanceof Expr.Ref ref && p.b() instanceof Expr.Const c ->
          Optional.of(new Term(ref.key(), sign.multiply(c.value()), ref.optional()));
      case Expr.Product p when p.b() instanceof Expr.Ref ref && p.a() instanceof Expr.Const c ->
          Optional.of(new Term(ref.key(), sign.multiply(c.value()), ref.optional()));
      default -> Optional.empty();
    };
  }
}
