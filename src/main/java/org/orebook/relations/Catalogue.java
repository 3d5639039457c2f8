package org.orebook.relations;

import static org.orebook.relations.Concepts.*;
import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.minus;
import static org.orebook.relations.Expr.opt;
import static org.orebook.relations.Expr.plus;
import static org.orebook.relations.Expr.ref;
import static org.orebook.relations.Expr.sum;
import static org.orebook.relations.Expr.times;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * The catalogue of relations: the standards written once as templates, instantiated for a
 * company's units, groups, segments, properties and statements over the periods its data covers.
 * The engine uses the relations forward; a checker evaluates the same relations on printed
 * intervals.
 */
public final class Catalogue {
  /**
   * The families of relations, one per standard, in the order they are instantiated for each period
   * (a family may build on the relations of the families before it): the seam for the next standard.
   */
  static final List<RelationFamily> FAMILIES = List.of(new GoldInstituteCosts(), new Consolidation(), new BaseMetalCosts(),
      new StatementRelations(), new ReserveRelations(), new AllInCosts(), new CoProductCosts(),
      new StatementTies(), new Changes(), new FinanceTies());

  private final Company company;
  private final FactSet inputs;
  private List<StatementLine> lines = List.of();
  private List<Property> properties = List.of();
  /** Figures the period relations add over longer periods (nine months from quarters), with their units. */
  private final Map<FactKey, Unit> periodSums;
  private final List<Relation> relations = new ArrayList<>();
  private final Set<FactKey> results = new java.util.HashSet<>();
  /** The unit of each relation's result, as the relation declares it. */
  private final Map<FactKey, Unit> resultUnits = new java.util.HashMap<>();

  private Catalogue(Company company, FactSet inputs, Map<FactKey, Unit> periodSums) {
    this.company = company;
    this.inputs = inputs;
    this.periodSums = periodSums;
  }

  /**
   * Every relation that applies to the company's data: the period relations (years to date from
   * quarters), then each period's standards over what is given or summed, then the ties.
   */
  public static List<Relation> build(Company company, List<StatementLine> lines, List<Property> properties, FactSet inputs) {
    PeriodRelations.Result byPeriod = PeriodRelations.build(inputs, lines);
    Catalogue c = new Catalogue(company, inputs, byPeriod.derived());
    Set<Period> periods = inputs.all().stream().map(f -> f.key().period())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    byPeriod.derived().keySet().forEach(k -> periods.add(k.period()));
    c.lines = List.copyOf(lines);
    c.properties = List.copyOf(properties);
    for (Period p : periods) {
      for (RelationFamily f : FAMILIES) {
        f.instantiate(c, p);
      }
    }
    for (RelationFamily f : FAMILIES) {
      f.afterPeriods(c);
    }
    // a figure the period relations sum that a standard of its own period also computes (an excluded
    // part of a GAAP line): the standard computes it, the sum over quarters ties to it
    List<Relation> all = new ArrayList<>();
    for (Relation r : byPeriod.relations()) {
      all.add(c.results.contains(r.result()) ? r.asTie() : r);
    }
    all.addAll(c.relations);
    return List.copyOf(all);
  }

  /** Given as an input, or summed from quarters by the period relations. */
  boolean given(FactKey k) {
    return inputs.has(k) || periodSums.containsKey(k);
  }

  /** The unit of a figure given or summed from quarters. */
  Optional<Unit> givenUnit(FactKey k) {
    return inputs.find(k).map(Fact::unit).or(() -> Optional.ofNullable(periodSums.get(k)));
  }

  FactKey key(Entity entity, String concept, Period p) {
    return FactKey.of(entity, concept, p);
  }

  FactKey key(Entity entity, String concept, String qualifier, Period p) {
    return new FactKey(entity, concept, qualifier, p);
  }

  void add(String id, String words, FactKey result, Unit unit, Expr expr) {
    add(id, words, result, unit, expr, Relation.Role.COMPUTE);
  }

  void add(String id, String words, FactKey result, Unit unit, Expr expr, Relation.Role role) {
    relations.add(new Relation(id, words, result, unit, expr, role));
    if (role == Relation.Role.COMPUTE) {
      results.add(result);
      resultUnits.putIfAbsent(result, unit);
    }
  }

  /** The unit of a figure given, summed from quarters or computed by a relation added before. */
  Optional<Unit> unitOf(FactKey k) {
    return givenUnit(k).or(() -> Optional.ofNullable(resultUnits.get(k)));
  }

  /** The unit the parts share, else {@code fallback} (parts written in different units are converted to it). */
  Unit commonUnit(List<FactKey> parts, Unit fallback) {
    List<Unit> units = parts.stream().map(this::unitOf).flatMap(Optional::stream).distinct().toList();
    return units.size() == 1 ? units.get(0) : fallback;
  }

  /** A figure in {@code target}: converted exactly from the unit it is given or computed in. */
  Expr refIn(FactKey k, Unit target) {
    return Expr.in(Expr.ref(k), unitOf(k).orElse(target), target);
  }

  /** A figure that counts as zero when absent, in {@code target}. */
  Expr optIn(FactKey k, Unit target) {
    return Expr.in(Expr.opt(k), unitOf(k).orElse(target), target);
  }

  /** The sum of the parts, each in {@code target}. */
  Expr sumIn(List<FactKey> parts, Unit target, boolean optional) {
    return Expr.sum(parts.stream().map(k -> Expr.plus(optional ? optIn(k, target) : refIn(k, target))).toList());
  }

  boolean hasAny(Entity entity, Period p, List<String> concepts) {
    return concepts.stream().anyMatch(c -> given(key(entity, c, p)));
  }

  /** A figure given, summed from quarters, or computed by a relation added before. */
  boolean knownOrComputed(FactKey k) {
    return given(k) || results.contains(k);
  }

  /** Computed by another relation and not printed: a second relation would make the engine's result ambiguous. */
  boolean computedOnly(FactKey k) {
    return results.contains(k) && !inputs.has(k);
  }

  /** The figure a {@code statement:line} (or {@code company:concept}) reference names. */
  FactKey linked(String reference, Period p) {
    int colon = reference.indexOf(':');
    return key(Entity.parse(reference.substring(0, colon)), reference.substring(colon + 1), p);
  }

  Company company() {
    return company;
  }

  FactSet inputs() {
    return inputs;
  }

  Map<FactKey, Unit> periodSums() {
    return periodSums;
  }

  /** Results of the relations added so far (ties excluded). */
  Set<FactKey> results() {
    return results;
  }

  /** The relations added so far. */
  List<Relation> relations() {
    return relations;
  }

  List<StatementLine> lines() {
    return lines;
  }

  List<Property> properties() {
    return properties;
  }

  /** Factor turning tons x grade into contained metal (see {@link ReserveRelations#containedFactor}). */
  static java.math.BigDecimal containedFactor(Unit tons, Unit grade, Metal metal) {
    return ReserveRelations.containedFactor(tons, grade, metal);
  }

  /** The unit of contained metal: troy ounces of a precious metal, else the tonnage's unit. */
  static Unit containedUnit(Unit tons, Metal metal) {
    return ReserveRelations.containedUnit(tons, metal);
  }
}
