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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * Consolidation: the combined properties of one primary metal (sums, then per ounce from the sums),
 * the company's production of each metal, each segment's cost of sales, DD&A and gross profit from
 * its units and unallocated amounts, and the company's totals as the sums of its segments.
 */
final class Consolidation implements RelationFamily {
  @Override
  public String standard() {
    return "consolidation of units, metal groups, segments and the company";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    for (Metal m : Metal.values()) {
      groupRelations(c, m, p);
      productionTotal(c, m, p);
    }
    c.company().segments().forEach(s -> segmentRelations(c, s, p));
    companyTotals(c, p);
  }

  private static final List<String> GROUP_SUMS = List.of(CASH_OPERATING, TOTAL_CASH, TOTAL_PRODUCTION, COST_OUNCES,
      TREATMENT_FREIGHT, BYPRODUCT_CREDITS, INVENTORY_CHANGE, RECLAMATION_OTHER, DDA, COST_OF_SALES);

  /** Combined properties of one primary metal: per-ounce figures from the summed totals. */
  static void groupRelations(Catalogue c, Metal metal, Period p) {
    List<OperatingUnit> members = c.company().unitsWithPrimary(metal).stream()
        .filter(u -> c.hasAny(unit(u.id()), p, COST_ITEMS)).toList();
    if (members.isEmpty()) {
      return;
    }
    Entity g = group(metal.name());
    for (String concept : GROUP_SUMS) {
      c.add("sum.combined_" + concept, "sum of the " + metal.displayName().toLowerCase() + " units' "
              + concept.replace('_', ' '), c.key(g, concept, p), concept.equals(COST_OUNCES) ? c.company().costQuantityUnit(metal) : Unit.USD,
          sum(members.stream().map(u -> plus(opt(c.key(unit(u.id()), concept, p)))).toList()));
    }
    GoldInstituteCosts.perOunce(c, g, metal, p);
  }

  /** Company production of a metal: the sum over every unit, shown in tables or not. */
  static void productionTotal(Catalogue c, Metal metal, Period p) {
    List<FactKey> parts = c.company().units().stream().map(u -> c.key(unit(u.id()), PRODUCED, metal.name(), p))
        .filter(c::given).toList();
    if (parts.isEmpty()) {
      return;
    }
    Unit unit = c.commonUnit(parts, metal.quantityUnit());
    c.add("sum.production_total", "sum of the units' " + metal.displayName().toLowerCase() + " produced",
        c.key(COMPANY, PRODUCED, metal.name(), p), unit, c.sumIn(parts, unit, false));
    // the metal group's production: its primary metal produced by each of its units, when each is known
    List<FactKey> members = c.company().unitsWithPrimary(metal).stream()
        .map(u -> c.key(unit(u.id()), PRODUCED, metal.name(), p)).toList();
    if (!members.isEmpty() && members.stream().allMatch(c::given)) {
      Unit groupUnit = c.commonUnit(members, metal.quantityUnit());
      c.add("sum.group_produced", "sum of the " + metal.displayName().toLowerCase() + " units' "
          + metal.displayName().toLowerCase() + " produced", c.key(group(metal.name()), PRODUCED, metal.name(), p), groupUnit,
          c.sumIn(members, groupUnit, false));
    }
  }

  static void segmentRelations(Catalogue c, Segment s, Period p) {
    Entity e = segment(s.id());
    List<OperatingUnit> members = c.company().unitsOf(s);
    boolean any = c.given(c.key(e, SALES, p)) || c.hasAny(e, p, List.of(OTHER_COST_OF_SALES, OTHER_DDA))
        || members.stream().anyMatch(u -> c.hasAny(unit(u.id()), p, COST_ITEMS));
    if (!any) {
      return;
    }
    List<Expr.Term> cos = new ArrayList<>();
    List<Expr.Term> dda = new ArrayList<>();
    for (OperatingUnit u : members) {
      if (c.hasAny(unit(u.id()), p, COST_ITEMS)) {
        cos.add(plus(opt(c.key(unit(u.id()), COST_OF_SALES, p))));
        dda.add(plus(opt(c.key(unit(u.id()), DDA, p))));
      }
    }
    cos.add(plus(opt(c.key(e, OTHER_COST_OF_SALES, p))));
    dda.add(plus(opt(c.key(e, OTHER_DDA, p))));
    c.add("seg.cost_of_sales", "sum of the segment's units' cost of sales + other cost of sales", c.key(e, COST_OF_SALES, p),
        Unit.USD, sum(cos));
    c.add("seg.dda", "sum of the segment's units' DD&A + other DD&A", c.key(e, DDA, p), Unit.USD, sum(dda));
    c.add("seg.gross_profit", "sales - cost of sales - DD&A", c.key(e, GROSS_PROFIT, p), Unit.USD,
        sum(List.of(plus(opt(c.key(e, SALES, p))), minus(ref(c.key(e, COST_OF_SALES, p))), minus(ref(c.key(e, DDA, p))))));
  }

  static void companyTotals(Catalogue c, Period p) {
    List<Segment> active = c.company().segments().stream()
        .filter(s -> c.results().contains(c.key(segment(s.id()), GROSS_PROFIT, p)))
        .toList();
    if (active.isEmpty()) {
      return;
    }
    for (String concept : List.of(SALES, COST_OF_SALES, DDA, GROSS_PROFIT)) {
      c.add("sum.company_" + concept, "sum of the segments' " + concept.replace('_', ' '), c.key(COMPANY, concept, p),
          Unit.USD, sum(active.stream().map(s -> plus(opt(c.key(segment(s.id()), concept, p)))).toList()));
    }
  }
}
