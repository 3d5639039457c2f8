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
import java.util.function.Function;
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
 * The Gold Institute production cost standard (1996, revised 1999) per operating unit: mining and
 * milling cost per ton, direct production costs, cash operating, total cash and total production
 * costs, the ounces they are divided by and each per ounce, and the reconciliation of total cash
 * costs to GAAP cost of sales.
 */
final class GoldInstituteCosts implements RelationFamily {
  @Override
  public String standard() {
    return "Gold Institute production cost standard";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    c.company().units().forEach(u -> unitCosts(c, u, p));
  }

  private static void unitCosts(Catalogue c, OperatingUnit u, Period p) {
    Entity e = unit(u.id());
    if (!c.hasAny(e, p, COST_ITEMS.subList(0, COST_ITEMS.size() - 1))) {
      return;
    }
    Function<String, Expr> in = x -> opt(c.key(e, x, p));
    if (c.given(c.key(e, ORE_MILLED, p))) {
      if (c.given(c.key(e, MINING, p))) {
        c.add("gi.mining_cost_per_ton", "mining cost / tons of ore milled", c.key(e, MINING_PER_TON, p), Unit.USD_PER_TON,
            div(ref(c.key(e, MINING, p)), ref(c.key(e, ORE_MILLED, p))));
      }
      if (c.given(c.key(e, MILLING, p))) {
        c.add("gi.milling_cost_per_ton", "milling cost / tons of ore milled", c.key(e, MILLING_PER_TON, p), Unit.USD_PER_TON,
            div(ref(c.key(e, MILLING, p)), ref(c.key(e, ORE_MILLED, p))));
      }
    }
    c.add("gi.direct_production_costs", "mining + milling + site and other direct costs", c.key(e, DIRECT, p), Unit.USD,
        sum(List.of(plus(in.apply(MINING)), plus(in.apply(MILLING)), plus(in.apply(SITE_OTHER)))));
    c.add("gi.cash_operating_costs", "direct production costs + treatment and freight - by-product credits",
        c.key(e, CASH_OPERATING, p), Unit.USD,
        sum(List.of(plus(ref(c.key(e, DIRECT, p))), plus(in.apply(TREATMENT_FREIGHT)), minus(in.apply(BYPRODUCT_CREDITS)))));
    c.add("gi.total_cash_costs", "cash operating costs + royalties + production taxes", c.key(e, TOTAL_CASH, p), Unit.USD,
        sum(List.of(plus(ref(c.key(e, CASH_OPERATING, p))), plus(in.apply(ROYALTIES)), plus(in.apply(PRODUCTION_TAXES)))));
    c.add("gi.total_production_costs", "total cash costs + depreciation, depletion and amortization + reclamation and other",
        c.key(e, TOTAL_PRODUCTION, p), Unit.USD,
        sum(List.of(plus(ref(c.key(e, TOTAL_CASH, p))), plus(in.apply(DDA)), plus(in.apply(RECLAMATION_OTHER)))));
    c.add("gaap.cost_of_sales", "total cash costs - treatment and freight + by-product credits + change in product inventory"
            + " + reclamation and other = GAAP costs of sales and other direct production costs",
        c.key(e, COST_OF_SALES, p), Unit.USD,
        sum(List.of(plus(ref(c.key(e, TOTAL_CASH, p))), minus(in.apply(TREATMENT_FREIGHT)), plus(in.apply(BYPRODUCT_CREDITS)),
            plus(in.apply(INVENTORY_CHANGE)), plus(in.apply(RECLAMATION_OTHER)))));
    if (u.primaryMetal().isEmpty()) {
      return;
    }
    costQuantity(c, u, u.primaryMetal().get(), p);
    perOunce(c, e, u.primaryMetal().get(), p);
  }

  /**
   * The quantity dividing the unit's costs: a precious metal's troy ounces (the cost basis ounces when
   * given, else the ounces produced); a base metal's pounds, payable when the data gives payable metal
   * (a quantity, or a payable share of the metal produced: the C1 convention), else produced.
   * Quantities written in other units (grams, tonnes, short tons) are converted exactly.
   */
  private static void costQuantity(Catalogue c, OperatingUnit u, Metal metal, Period p) {
    Entity e = unit(u.id());
    String m = metal.name();
    Unit q = c.company().costQuantityUnit(metal);
    FactKey result = c.key(e, COST_OUNCES, p);
    FactKey basis = c.key(e, COST_BASIS, m, p);
    FactKey produced = c.key(e, PRODUCED, m, p);
    if (c.given(basis)) {
      c.add("gi.cost_ounces", "quantity dividing unit costs = the cost basis " + c.company().costWords(metal), result, q,
          sum(List.of(plus(c.refIn(basis, q)))));
      return;
    }
    if (metal.precious()) {
      c.add("gi.cost_ounces", "ounces dividing unit costs = ounces of the primary metal produced", result, q,
          sum(List.of(plus(c.refIn(produced, q)))));
      return;
    }
    FactKey payable = c.key(e, PAYABLE, m, p);
    FactKey factor = c.key(e, PAYABLE_FACTOR, m, p);
    if (!c.given(payable) && c.given(factor) && c.given(produced)) {
      c.add("bm.payable", "payable metal = metal produced x the payable share / 100", payable,
          c.unitOf(produced).orElseThrow(), div(times(ref(produced), ref(factor)), Expr.constant("100")));
    }
    if (c.knownOrComputed(payable)) {
      c.add("bm.cost_pounds", "pounds dividing unit costs = payable pounds of " + metal.displayName().toLowerCase(), result, q,
          sum(List.of(plus(c.refIn(payable, q)))));
    } else {
      c.add("bm.cost_pounds", "pounds dividing unit costs = pounds of " + metal.displayName().toLowerCase() + " produced",
          result, q, sum(List.of(plus(c.refIn(produced, q)))));
    }
  }

  /** Each cost per ounce of a precious primary metal, or per pound of a base one. */
  static void perOunce(Catalogue c, Entity e, Metal metal, Period p) {
    FactKey oz = c.key(e, COST_OUNCES, p);
    Unit per = c.company().costUnit(metal);
    String words = c.company().costWords(metal);
    c.add("gi.cash_operating_costs_per_oz", "cash operating costs / " + words, c.key(e, CASH_OPERATING_PER_OZ, p),
        per, div(ref(c.key(e, CASH_OPERATING, p)), ref(oz)));
    c.add("gi.total_cash_costs_per_oz", "total cash costs / " + words, c.key(e, TOTAL_CASH_PER_OZ, p), per,
        div(ref(c.key(e, TOTAL_CASH, p)), ref(oz)));
    c.add("gi.total_production_costs_per_oz", "total production costs / " + words, c.key(e, TOTAL_PRODUCTION_PER_OZ, p),
        per, div(ref(c.key(e, TOTAL_PRODUCTION, p)), ref(oz)));
  }
}
