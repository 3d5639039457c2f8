package org.orebook.relations;

import static org.orebook.relations.Concepts.*;
import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.minus;
import static org.orebook.relations.Expr.opt;
import static org.orebook.relations.Expr.plus;
import static org.orebook.relations.Expr.ref;
import static org.orebook.relations.Expr.sum;

import java.util.List;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * The base-metal industry's C1 cash cost (the Brook Hunt, now Wood Mackenzie, definition; see
 * docs/base-metals.md): mining, processing and site general and administrative costs, plus
 * treatment and refining charges and freight, less by-product credits, per pound of payable metal.
 * It is the Gold Institute's cash operating cost of a unit whose primary metal is a base metal,
 * named as the base-metal industry names it and divided by the unit's cost pounds (payable pounds
 * when the data gives payable metal). Royalties and production taxes are not in C1; they are in the
 * Gold Institute total cash cost printed beside it.
 */
final class BaseMetalCosts implements RelationFamily {
  @Override
  public String standard() {
    return "C1 cash cost (base metals, per payable pound)";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    for (Metal m : Metal.values()) {
      if (m.precious()) {
        continue;
      }
      List<FactKey> members = new java.util.ArrayList<>();
      for (OperatingUnit u : c.company().unitsWithPrimary(m)) {
        Entity e = unit(u.id());
        FactKey pounds = c.key(e, COST_OUNCES, p);
        if (!c.knownOrComputed(c.key(e, DIRECT, p)) || !c.knownOrComputed(pounds)) {
          continue;
        }
        FactKey c1 = c.key(e, C1_CASH_COST, p);
        c.add("c1.cash_cost", "mining + processing + site G&A (direct production costs) + treatment and refining charges"
                + " and freight - by-product credits", c1, Unit.USD,
            sum(List.of(plus(ref(c.key(e, DIRECT, p))), plus(opt(c.key(e, TREATMENT_FREIGHT, p))),
                minus(opt(c.key(e, BYPRODUCT_CREDITS, p))))));
        perPound(c, e, m, p);
        members.add(c1);
      }
      Entity g = group(m.name());
      if (!members.isEmpty() && c.knownOrComputed(c.key(g, COST_OUNCES, p))) {
        c.add("c1.combined_cash_cost", "sum of the " + m.displayName().toLowerCase() + " units' C1 cash cost",
            c.key(g, C1_CASH_COST, p), Unit.USD, sum(members.stream().map(k -> plus(ref(k))).toList()));
        perPound(c, g, m, p);
      }
    }
  }

  private static void perPound(Catalogue c, Entity e, Metal m, Period p) {
    c.add("c1.cash_cost_per_lb", "C1 cash cost / pounds of " + m.displayName().toLowerCase() + " (payable where given)",
        c.key(e, C1_PER_LB, p), c.company().costUnit(m), div(ref(c.key(e, C1_CASH_COST, p)), ref(c.key(e, COST_OUNCES, p))));
  }
}
