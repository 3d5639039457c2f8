package org.orebook.relations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Interval;

/**
 * The right-hand side of a relation: an arithmetic tree over figures. The same tree is evaluated
 * forward on exact values (the engine) and on intervals (the checker: what printed figures allow).
 */
public sealed interface Expr permits Expr.Ref, Expr.Const, Expr.Sum, Expr.Product, Expr.Quotient {

  /** Exact value, or empty when a required operand is missing or a divisor is zero. */
  Optional<BigDecimal> eval(Function<FactKey, Optional<BigDecimal>> values);

  /** Interval of values the operands' intervals allow, or empty when an operand is unknown. */
  Optional<Interval> evalInterval(Function<FactKey, Optional<Interval>> values);

  /** Every figure the expression reads. */
  List<FactKey> refs();

  /** Infix text, e.g. {@code (mining + milling) / ore_milled}. */
  String text();

  static Ref ref(FactKey key) {
    return new Ref(key, false);
  }

  /** A figure that counts as zero when absent (a cost line a unit does not have). */
  static Ref opt(FactKey key) {
    return new Ref(key, true);
  }

  static Const constant(String v) {
    return new Const(new BigDecimal(v));
  }

  static Sum sum(List<Term> terms) {
    return new Sum(terms);
  }

  static Term plus(Expr e) {
    return new Term(false, e);
  }

  static Term minus(Expr e) {
    return new Term(true, e);
  }

  static Product times(Expr a, Expr b) {
    return new Product(a, b);
  }

  static Quotient div(Expr a, Expr b) {
    return new Quotient(a, b);
  }

  /**
   * A figure in {@code from} expressed in {@code to}: itself when the units agree, else times the
   * exact factor between them (a tonne in pounds, short tons in tonnes).
   */
  static Expr in(Expr e, org.orebook.quantity.Unit from, org.orebook.quantity.Unit to) {
    return from == to ? e : times(e, new Const(from.factorTo(to)));
  }

  /** A figure. */
  record Ref(FactKey key, boolean optional) implements Expr {
    @Override
    public Optional<BigDecimal> eval(Function<FactKey, Optional<BigDecimal>> values) {
      Optional<BigDecimal> v = values.apply(key);
      return v.isPresent() || !optional ? v : Optional.of(BigDecimal.ZERO);
    }

    @Override
    public Optional<Interval> evalInterval(Function<FactKey, Optional<Interval>> values) {
      Optional<Interval> v = values.apply(key);
      return v.isPresent() || !optional ? v : Optional.of(Interval.exact(BigDecimal.ZERO));
    }

    @Override
    public List<FactKey> refs() {
      return List.of(key);
    }

    @Override
    public String text() {
      String q = key.qualifier().isEmpty() ? "" : "[" + key.qualifier() + "]";
      return key.entity() + "." + key.concept() + q + (key.period() == null ? "" : "@" + key.period().code());
    }
  }

  /** A constant. */
  record Const(BigDecimal value) implements Expr {
    @Override
    public Optional<BigDecimal> eval(Function<FactKey, Optional<BigDecimal>> values) {
      return Optional.of(value);
    }

    @Override
    public Optional<Interval> evalInterval(Function<FactKey, Optional<Interval>> values) {
      return Optional.of(Interval.exact(value));
    }

    @Override
    public List<FactKey> refs() {
      return List.of();
    }

    @Override
    public String text() {
      return value.toPlainString();
    }
  }

  /** One signed term of a sum. */
  record Term(boolean negative, Expr expr) {}

  /** A signed sum. */
  record Sum(List<Term> terms) implements Expr {
    public Sum {
      terms = List.copyOf(terms);
    }

    @Override
    public Optional<BigDecimal> eval(Function<FactKey, Optional<BigDecimal>> values) {
      BigDecimal total = BigDecimal.ZERO;
      for (Term t : terms) {
        Optional<BigDecimal> v = t.expr().eval(values);
        if (v.isEmpty()) {
          return Optional.empty();
        }
        total = t.negative() ? total.subtract(v.get()) : total.add(v.get());
      }
      return Optional.of(total);
    }

    @Override
    public Optional<Interval> evalInterval(Function<FactKey, Optional<Interval>> values) {
      Interval total = Interval.exact(BigDecimal.ZERO);
      for (Term t : terms) {
        Optional<Interval> v = t.expr().evalInterval(values);
        if (v.isEmpty()) {
          return Optional.empty();
        }
        total = t.negative() ? total.minus(v.get()) : total.plus(v.get());
      }
      return Optional.of(total);
    }

    @Override
    public List<FactKey> refs() {
      List<FactKey> all = new ArrayList<>();
      terms.forEach(t -> all.addAll(t.expr().refs()));
      return all;
    }

    @Override
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (Term t : terms) {
        if (sb.isEmpty()) {
          sb.append(t.negative() ? "- " : "");
        } else {
          sb.append(t.negative() ? " - " : " + ");
        }
        sb.append(t.expr().text());
      }
      return "(" + sb + ")";
    }
  }

  /** A product. */
  record Product(Expr a, Expr b) implements Expr {
    @Override
    public Optional<BigDecimal> eval(Function<FactKey, Optional<BigDecimal>> values) {
      return a.eval(values).flatMap(x -> b.eval(values).map(x::multiply));
    }

    @Override
    public Optional<Interval> evalInterval(Function<FactKey, Optional<Interval>> values) {
      return a.evalInterval(values).flatMap(x -> b.evalInterval(values).map(x::times));
    }

    @Override
    public List<FactKey> refs() {
      List<FactKey> all = new ArrayList<>(a.refs());
      all.addAll(b.refs());
      return all;
    }

    @Override
    public String text() {
      return a.text() + " * " + b.text();
    }
  }

  /** A quotient; empty when the divisor is zero. */
  record Quotient(Expr a, Expr b) implements Expr {
    @Override
    public Optional<BigDecimal> eval(Function<FactKey, Optional<BigDecimal>> values) {
      Optional<BigDecimal> x = a.eval(values);
      Optional<BigDecimal> y = b.eval(values);
      if (x.isEmpty() || y.isEmpty() || y.get().signum() == 0) {
        return Optional.empty();
      }
      return Optional.of(Exact.divide(x.get(), y.get()));
    }

    @Override
    public Optional<Interval> evalInterval(Function<FactKey, Optional<Interval>> values) {
      Optional<Interval> x = a.evalInterval(values);
      Optional<Interval> y = b.evalInterval(values);
      if (x.isEmpty() || y.isEmpty()) {
        return Optional.empty();
      }
      // a divisor that may be zero leaves the relation untestable: Interval says so (ArithmeticException)
      return Optional.of(x.get().dividedBy(y.get()));
    }

    @Override
    public List<FactKey> refs() {
      List<FactKey> all = new ArrayList<>(a.refs());
      all.addAll(b.refs());
      return all;
    }

    @Override
    public String text() {
      return a.text() + " / " + b.text();
    }
  }
}
