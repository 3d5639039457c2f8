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
 * Co-product costs: a unit's total cash costs (and all-in sustaining costs) before by-product credits
 * allocated among its metals by revenue, or by production valued at a price deck, and per ounce or
 * pound of each metal.
 */
final class CoProductCosts implements RelationFamily {
  @Override
  public String standard() {
    return "co-product cost allocation";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    c.company().units().forEach(u -> coProduct(c, u, p));
  }

  static void coProduct(Catalogue c, OperatingUnit u, Period p) {
    if (u.primaryMetal().isEmpty() || u.byproductMetals().isEmpty()) {
      return;
    }
    Entity e = unit(u.id());
    if (!c.knownOrComputed(c.key(e, TOTAL_CASH, p))) {
      return;
    }
    List<Metal> metals = u.metals();
    Optional<String> deck = c.company().coproductPrices();
    // every metal needs its value (revenue, production at the deck's price, or printed), else no allocation
    boolean valued = metals.stream().allMatch(m -> deck.isPresent()
        ? c.given(c.key(Entity.MARKET, PRICE, m.name() + ":" + deck.get(), p)) && c.given(c.key(e, PRODUCED, m.name(), p))
        : c.given(c.key(e, REVENUE, m.name(), p)) || c.given(c.key(e, COPRODUCT_VALUE, m.name(), p)));
    if (!valued) {
      return;
    }
    for (Metal m : metals) {
      FactKey value = c.key(e, COPRODUCT_VALUE, m.name(), p);
      if (deck.isPresent()) {
        FactKey price = c.key(Entity.MARKET, PRICE, m.name() + ":" + deck.get(), p);
        FactKey produced = c.key(e, PRODUCED, m.name(), p);
        // precious: oz x USD/oz; base metals: pounds (tons x pounds per ton) x dollars per pound (cents / 100)
        c.add("coproduct.value_at_prices", "production x the price deck's price", value, Unit.USD,
            times(c.refIn(produced, c.company().costQuantityUnit(m)), c.refIn(price, c.company().costUnit(m))));
      } else if (c.given(c.key(e, REVENUE, m.name(), p))) {
        c.add("coproduct.value_revenue", "the metal's revenue", value, Unit.USD,
            sum(List.of(plus(ref(c.key(e, REVENUE, m.name(), p))))));
      }
    }
    FactKey gross = c.key(e, GROSS_CASH, p);
    c.add("coproduct.gross_cash_costs", "total cash costs + by-product credits", gross, Unit.USD,
        sum(List.of(plus(ref(c.key(e, TOTAL_CASH, p))), plus(opt(c.key(e, BYPRODUCT_CREDITS, p))))));
    Expr total = sum(metals.stream().map(m -> plus(ref(c.key(e, COPRODUCT_VALUE, m.name(), p)))).toList());
    for (Metal m : metals) {
      FactKey share = c.key(e, COPRODUCT_SHARE, m.name(), p);
      c.add("coproduct.share", "the metal's value / the unit's value of all its metals * 100", share, Unit.PERCENT,
          times(div(ref(c.key(e, COPRODUCT_VALUE, m.name(), p)), total), Expr.constant("100")));
      FactKey cost = c.key(e, COPRODUCT_COST, m.name(), p);
      c.add("coproduct.cost", "total cash costs before by-product credits x the metal's share / 100", cost, Unit.USD,
          div(times(ref(gross), ref(share)), Expr.constant("100")));
      FactKey produced = c.key(e, PRODUCED, m.name(), p);
      Optional<Unit> made = c.givenUnit(produced);
      if (made.isPresent()) {
        String lb = m.precious() ? "1" : poundsPer(made.get()).toPlainString();
        c.add("coproduct.cost_per_unit", m.precious() ? "co-product cost / ounces produced"
                : "co-product cost / pounds produced (tons x " + lb + " pounds per ton)",
            c.key(e, COPRODUCT_COST_PER_UNIT, m.name(), p), m.precious() ? Unit.USD_PER_OUNCE : Unit.USD_PER_POUND,
            m.precious() ? div(ref(cost), c.refIn(produced, Unit.TROY_OUNCE))
                : div(ref(cost), times(ref(produced), Expr.constant(lb))));
      }
      coProductAisc(c, e, m, share, made, p);
    }
  }

  /**
   * Co-product all-in sustaining costs: AISC before by-product credits x the metal's share, per
   * ounce sold where the data gives ounces sold, else per ounce or pound produced.
   */
  static void coProductAisc(Catalogue c, Entity e, Metal m, FactKey share, Optional<Unit> made, Period p) {
    FactKey gross = c.key(e, AISC_GROSS, p);
    if (!c.knownOrComputed(gross)) {
      return;
    }
    FactKey aisc = c.key(e, COPRODUCT_AISC, m.name(), p);
    c.add("coproduct.aisc", "all-in sustaining costs before by-product credits x the metal's share / 100", aisc, Unit.USD,
        div(times(ref(gross), ref(share)), Expr.constant("100")));
    FactKey perUnit = c.key(e, COPRODUCT_AISC_PER_UNIT, m.name(), p);
    FactKey sold = c.key(e, SOLD, m.name(), p);
    if (m.precious() && c.given(sold)) {
      c.add("coproduct.aisc_per_unit", "co-product AISC / ounces sold", perUnit, Unit.USD_PER_OUNCE,
          div(ref(aisc), c.refIn(sold, Unit.TROY_OUNCE)));
    } else if (made.isPresent()) {
      String lb = m.precious() ? "1" : poundsPer(made.get()).toPlainString();
      FactKey produced = c.key(e, PRODUCED, m.name(), p);
      c.add("coproduct.aisc_per_unit", m.precious() ? "co-product AISC / ounces produced"
              : "co-product AISC / pounds produced (tons x " + lb + " pounds per ton)", perUnit,
          m.precious() ? Unit.USD_PER_OUNCE : Unit.USD_PER_POUND,
          m.precious() ? div(ref(aisc), c.refIn(produced, Unit.TROY_OUNCE))
              : div(ref(aisc), times(ref(produced), Expr.constant(lb))));
    }
  }

  /** Pounds in one unit of a base-metal quantity (2,000 in a short ton; a tonne's exact 2,204.62...). */
  private static java.math.BigDecimal poundsPer(Unit quantity) {
    return quantity.convert(java.math.BigDecimal.ONE, Unit.POUND);
  }
}
