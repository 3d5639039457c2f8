package org.orebook.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Interval;
import org.orebook.relations.Catalogue;
import org.orebook.relations.Expr;
import org.orebook.relations.Relation;

/**
 * Tests every relation on a published release, rounding-aware in the manner of XBRL Calculations
 * 1.1: each printed figure stands for the interval of values that print as it, and a relation fails
 * only when no values inside its operands' intervals give a value inside its result's interval.
 *
 * <p>The relations are the engine's catalogue ({@link Catalogue#build}) instantiated for the company
 * the release describes, plus the checker's ties ({@link ExtraRelations}). A figure the release does
 * not print but a catalogue relation computes (a metal group's total cash costs when only its units
 * are printed) is derived as an interval from the printed figures. A cost line the release prints for
 * some entity but not for another counts as zero there (the catalogue's optional operands); a line it
 * never prints is unknown, and a relation that needs it is untested.
 */
public final class Checker {
  private final PublishedRelease pr;
  private final Map<FactKey, Relation> producers = new HashMap<>();
  private final Map<Relation, Expr> rewritten = new HashMap<>();
  private final org.orebook.relations.Resolver<Interval> resolver;
  private final Set<String> printedConcepts = new HashSet<>();
  /** Figures a relation could not derive from the printed ones, with the reason. */
  private final Map<FactKey, String> derivationErrors = new java.util.LinkedHashMap<>();
  /** {@link #narrowed} intervals, and the figures being narrowed (a circle of relations stops there). */
  private final Map<FactKey, Optional<Interval>> narrowMemo = new HashMap<>();
  private final Set<FactKey> narrowing = new HashSet<>();

  private Checker(PublishedRelease pr) {
    this.pr = pr;
    this.resolver = new org.orebook.relations.Resolver<>(k -> Optional.ofNullable(pr.readings().get(k)).map(Reading::interval),
        producers, this::derive, org.orebook.relations.Resolver.OnCycle.UNKNOWN);
    pr.readings().keySet().forEach(k -> printedConcepts.add(kindOf(k) + "/" + k.concept()));
  }

  /** The start of the note a check that ran out of its time adds. */
  static final String OUT_OF_TIME = "the check ran out of its time for one document";

  public static CheckResult check(PublishedRelease pr) {
    return check(pr, Long.MAX_VALUE);
  }

  /**
   * Checks until {@code deadline} ({@link System#nanoTime}): what is left then (relations, sentences)
   * is not tested, and a note says so.
   */
  public static CheckResult check(PublishedRelease pr, long deadline) {
    return new Checker(pr).run(deadline);
  }

  private CheckResult run(long deadline) {
    List<Relation> catalogue = Catalogue.build(pr.company(), pr.lines(), pr.properties(), pr.facts());
    for (Relation r : catalogue) {
      producers.putIfAbsent(r.result(), r);
    }
    List<Relation> all = new ArrayList<>(catalogue);
    all.addAll(ExtraRelations.build(pr));
    all.addAll(pr.layoutRelations());
    int tested = 0;
    int passed = 0;
    List<Failure> failures = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    boolean outOfTime = false;
    Set<FactKey> involved = new HashSet<>();
    List<CheckResult.Unevaluated> unevaluated = new ArrayList<>();
    for (Relation r : all) {
      if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
        outOfTime = true;
        break;
      }
      Reading result = pr.readings().get(r.result());
      if (result == null) {
        continue;
      }
      Expr e = completeBlock(r, result) ? r.expr() : expr(r);
      Optional<Interval> rhs;
      try {
        rhs = e.evalInterval(this::value);
      } catch (ArithmeticException | IllegalArgumentException ex) {
        unevaluated.add(new CheckResult.Unevaluated(r.id(), Report.describe(r.result()),
            ex.getClass().getSimpleName() + ": " + ex.getMessage()));
        continue;
      }
      if (rhs.isEmpty()) {
        continue;
      }
      tested++;
      ids.add(r.id());
      involved.add(r.result());
      operands(e).forEach(o -> involved.add(o.key()));
      if (!rhs.get().overlaps(result.interval())) {
        failures.add(new Failure(r, result, rhs.get(), operands(e)));
        continue;
      }
      Optional<Failure> joint = jointly(r, e, result);
      if (joint.isPresent()) {
        failures.add(joint.get());
      } else {
        passed++;
      }
    }
    ProseChecker.Read prose = outOfTime ? new ProseChecker.Read(List.of(), 0) : ProseChecker.check(pr, this::valued, deadline);
    PublishedRelease checked = pr;
    if (outOfTime || prose.stoppedAtLine() > 0) {
      List<String> notes = new ArrayList<>(pr.notes());
      notes.add(outOfTime ? OUT_OF_TIME + ": some relations and the running text were not"
          + " tested" : OUT_OF_TIME + ": the running text was read up to line "
          + prose.stoppedAtLine());
      checked = new PublishedRelease(pr.text(), pr.company(), pr.lines(), pr.properties(), pr.facts(), pr.readings(),
          pr.aliases(), pr.statementConcepts(), pr.unmapped(), notes, pr.layoutRelations(), pr.keyOf(), pr.kinds());
    }
    derivationErrors.forEach((k, why) -> unevaluated.add(new CheckResult.Unevaluated("derivation", Report.describe(k), why)));
    return new CheckResult(checked, all.size(), tested, passed, failures, ids, prose.claims(), involved, unevaluated);
  }

  /**
   * The relation tested again with each printed operand narrowed to the values its own relation
   * also allows ({@link #narrowed}): a per-ounce cost printed beside ounces rounded to thousands
   * passes alone, yet no exact ounces fit both it and the ounces the production data prints. Empty
   * when the relation holds on the narrowed operands too, or when nothing was narrowed.
   */
  private Optional<Failure> jointly(Relation r, Expr e, Reading result) {
    Set<FactKey> narrowedKeys = new LinkedHashSet<>();
    for (FactKey k : e.refs()) {
      Optional<Interval> n = narrowed(k);
      if (n.isPresent() && producers.containsKey(k) && !n.equals(value(k))) {
        narrowedKeys.add(k);
      }
    }
    if (narrowedKeys.isEmpty()) {
      return Optional.empty();
    }
    Optional<Interval> rhs;
    try {
      rhs = e.evalInterval(this::narrowed);
    } catch (ArithmeticException | IllegalArgumentException ex) {
      // the relation was evaluated on the printed intervals just before: it stands as tested there
      return Optional.empty();
    }
    if (rhs.isEmpty() || rhs.get().overlaps(result.interval())) {
      return Optional.empty();
    }
    StringBuilder how = new StringBuilder(r.description()).append(", with ");
    List<Reading> figures = new ArrayList<>(operands(e));
    int i = 0;
    for (FactKey k : narrowedKeys) {
      Relation producer = producers.get(k);
      how.append(i++ == 0 ? "" : " and ").append(Report.describe(k)).append(" also = ").append(producer.description())
          .append(" [").append(producer.id()).append("]");
      operands(expr(producer)).stream().filter(x -> !figures.contains(x)).forEach(figures::add);
    }
    Relation through = new Relation(r.id(), how.toString(), r.result(), r.unit(), r.expr(), r.role());
    return Optional.of(new Failure(through, result, rhs.get(), figures));
  }

  /**
   * The values a figure may take given every relation that leads to it: its printed interval,
   * narrowed to the part its producing relation allows from its operands (narrowed the same way)
   * when the two overlap; a figure not printed is derived from narrowed operands. Sound: exact
   * figures that satisfy the relations and print as printed lie inside.
   */
  private Optional<Interval> narrowed(FactKey k) {
    Optional<Interval> m = narrowMemo.get(k);
    if (m != null) {
      return m;
    }
    Reading printed = pr.readings().get(k);
    Relation producer = producers.get(k);
    Optional<Interval> out;
    if (producer == null || producer.tie() || !narrowing.add(k)) {
      out = printed != null ? Optional.of(printed.interval()) : value(k);
    } else {
      Optional<Interval> derived;
      try {
        derived = expr(producer).evalInterval(this::narrowed);
      } catch (ArithmeticException | IllegalArgumentException e) {
        // not narrowed: the printed interval stands (a derivation that fails is reported by value())
        derived = Optional.empty();
      } finally {
        narrowing.remove(k);
      }
      if (printed == null) {
        out = derived;
      } else if (derived.isPresent() && derived.get().overlaps(printed.interval())) {
        out = Optional.of(derived.get().intersect(printed.interval()));
      } else {
        out = Optional.of(printed.interval());
      }
    }
    narrowMemo.put(k, out);
    return out;
  }

  /** A figure's interval with the printed figures it comes from (itself, or its relation's operands). */
  record Valued(Interval interval, List<Reading> figures) {}

  /** The interval a key stands for, printed or derived from printed figures, with its printed figures. */
  Optional<Valued> valued(FactKey k) {
    Optional<Interval> v;
    try {
      v = value(k);
    } catch (ArithmeticException | IllegalArgumentException e) {
      v = Optional.empty();
    }
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Reading r = pr.readings().get(k);
    return Optional.of(new Valued(v.get(), r != null ? List.of(r) : operands(expr(producers.get(k)))));
  }

  /**
   * True when a relation's result and every required operand are printed in the same table: a
   * printed reconciliation lists all its lines, so an optional line it omits is zero.
   */
  private boolean completeBlock(Relation r, Reading result) {
    for (Expr.Ref ref : refs(r.expr())) {
      if (ref.optional()) {
        continue;
      }
      Reading op = pr.readings().get(ref.key());
      if (op == null || !op.figure().table().equals(result.figure().table())) {
        return false;
      }
    }
    return true;
  }

  private static List<Expr.Ref> refs(Expr e) {
    List<Expr.Ref> out = new ArrayList<>();
    switch (e) {
      case Expr.Ref ref -> out.add(ref);
      case Expr.Const c -> { }
      case Expr.Sum s -> s.terms().forEach(t -> out.addAll(refs(t.expr())));
      case Expr.Product p -> {
        out.addAll(refs(p.a()));
        out.addAll(refs(p.b()));
      }
      case Expr.Quotient q -> {
        out.addAll(refs(q.a()));
        out.addAll(refs(q.b()));
      }
    }
    return out;
  }

  /**
   * The interval a figure stands for: printed, or derived from printed figures by its relation —
   * resolved as the engine resolves exact values (relations.Resolver).
   */
  Optional<Interval> value(FactKey k) {
    return resolver.resolve(k);
  }

  /** A derived figure's interval: its relation on the operands' intervals; an operand that cannot be divided or converted is reported. */
  private Optional<Interval> derive(Relation producer, java.util.function.Function<FactKey, Optional<Interval>> operand) {
    try {
      return expr(producer).evalInterval(operand);
    } catch (ArithmeticException | IllegalArgumentException e) {
      // not derivable from the printed figures: reported, and the relations that need it are untested
      derivationErrors.putIfAbsent(producer.result(), producer.id() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private Expr expr(Relation r) {
    return rewritten.computeIfAbsent(r, x -> rewrite(x.expr()));
  }

  /** Optional operands of concepts the release never prints become required (unknown, not zero). */
  private Expr rewrite(Expr e) {
    return switch (e) {
      case Expr.Ref ref -> ref.optional() && !printedConcepts.contains(kindOf(ref.key()) + "/" + ref.key().concept())
          ? Expr.ref(ref.key()) : ref;
      case Expr.Const c -> c;
      case Expr.Sum s -> new Expr.Sum(s.terms().stream().map(t -> new Expr.Term(t.negative(), rewrite(t.expr()))).toList());
      case Expr.Product p -> new Expr.Product(rewrite(p.a()), rewrite(p.b()));
      case Expr.Quotient q -> new Expr.Quotient(rewrite(q.a()), rewrite(q.b()));
    };
  }

  /** The kind of entity a key is about: {@code unit}, {@code group}, {@code segment}, a statement, ... */
  private static String kindOf(FactKey k) {
    return k.entity().is(Entity.Kind.STATEMENT) ? k.entity().id() : k.entity().kind().word();
  }

  /** The printed figures an expression reads, directly or through derived figures. */
  private List<Reading> operands(Expr e) {
    Set<FactKey> seen = new LinkedHashSet<>();
    Deque<FactKey> todo = new ArrayDeque<>(e.refs());
    List<Reading> out = new ArrayList<>();
    while (!todo.isEmpty()) {
      FactKey k = todo.pop();
      if (!seen.add(k)) {
        continue;
      }
      Reading r = pr.readings().get(k);
      if (r != null) {
        out.add(r);
      } else if (producers.containsKey(k)) {
        todo.addAll(expr(producers.get(k)).refs());
      }
    }
    return out;
  }
}
