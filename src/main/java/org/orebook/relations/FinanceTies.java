package org.orebook.relations;

import static org.orebook.relations.Concepts.*;
import static org.orebook.relations.Expr.constant;
import static org.orebook.relations.Expr.div;
import static org.orebook.relations.Expr.minus;
import static org.orebook.relations.Expr.opt;
import static org.orebook.relations.Expr.plus;
import static org.orebook.relations.Expr.ref;
import static org.orebook.relations.Expr.sum;
import static org.orebook.relations.Expr.times;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * The checkable arithmetic of the finance models (org.orebook.finance, laid out by
 * release.FinanceSections), over the figures the finance tables print: a hedge position's mark to
 * market and the book's total, the hedged share of guided production, guidance against actual, a
 * project's yearly revenue, cash costs, cash flow and cumulative cash flow with the totals over its
 * years and its unit costs, and the exchange offer's value traded, VWAP, shares issued, fair value
 * given and deemed dividend. The keys are the ones FinanceSections gives the figures.
 *
 * <p>A relation is added only where its result is given (printed): the forward engine never has
 * these figures among its inputs (the finance models compute them after it, with min/max, bisection
 * and schedules), so the family computes nothing forward: it proves the models' figures before a
 * release prints them (release.FinanceSections.prove: the same value under the same relation id) and
 * tests a published release backward. Not
 * re-derived: metal produced (the recovery is in the notes, not the table), royalties and income
 * taxes (rates in the notes; taxes floored at zero), depreciation, NPV, IRR, payback, the
 * sensitivities and the capped exchange ratio (a minimum).
 */
final class FinanceTies implements RelationFamily {
  static final Entity HEDGES = Entity.HEDGES;
  static final Entity OFFER = Entity.OFFER;

  @Override
  public String standard() {
    return "finance models: hedge book, guidance, project economics, exchange offer";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    List<FactKey> keys = c.inputs().all().stream().map(Fact::key).filter(k -> k.period().equals(p))
        .sorted(Comparator.comparing(FactKey::toString)).toList();
    hedges(c, p, keys);
    guidance(c, p, keys);
    projects(c, p, keys);
    offer(c, p, keys);
  }

  // ---------------------------------------------------------------- hedge book

  private static void hedges(Catalogue c, Period p, List<FactKey> keys) {
    List<FactKey> mtms = new ArrayList<>();
    for (FactKey k : keys) {
      if (!k.entity().equals(HEDGES) || !k.concept().equals(MARK_TO_MARKET) || k.qualifier().equals("total")) {
        continue;
      }
      mtms.add(k);
      String[] q = k.qualifier().split(":");
      if (q.length < 3) {
        continue;
      }
      FactKey qty = c.key(HEDGES, QUANTITY, k.qualifier(), p);
      FactKey price = c.key(HEDGES, PRICE, k.qualifier(), p);
      Optional<FactKey> market = keys.stream().filter(m -> m.entity().equals(Entity.MARKET) && m.concept().equals(MARKET_PRICE)
          && m.qualifier().startsWith(q[1] + ":")).findFirst();
      Optional<Unit> priceUnit = c.unitOf(price);
      if (!c.given(qty) || !c.given(price) || market.isEmpty() || priceUnit.isEmpty()) {
        continue;
      }
      // priced per pound (dollars or cents) or per ounce; the quantity converted exactly to the priced unit
      boolean perPound = priceUnit.get().dimension() == Unit.Dimension.MONEY_PER_POUND;
      Unit per = perPound ? Unit.USD_PER_POUND : Unit.USD_PER_OUNCE;
      Expr contract = c.refIn(price, per);
      Expr marketPrice = c.refIn(market.get(), per);
      boolean sold = q[2].equals("sold_forward");
      Expr spread = sum(sold ? List.of(plus(contract), minus(marketPrice)) : List.of(plus(marketPrice), minus(contract)));
      c.add("hedge.mark_to_market", (sold ? "mark to market of a forward sale: (contract price - market price)"
          : "mark to market of a forward purchase: (market price - contract price)") + " x quantity", k, Unit.USD,
          times(spread, c.refIn(qty, perPound ? Unit.POUND : Unit.TROY_OUNCE)));
    }
    FactKey total = c.key(HEDGES, MARK_TO_MARKET, "total", p);
    if (c.given(total) && !mtms.isEmpty()) {
      c.add("hedge.mark_to_market_total", "total mark to market of the hedge book = sum of the positions'", total, Unit.USD,
          sum(mtms.stream().map(m -> plus(ref(m))).toList()));
    }
    for (FactKey k : keys) {
      if (!k.entity().equals(HEDGES) || !k.concept().equals(HEDGED_SHARE_PCT)) {
        continue;
      }
      FactKey hedged = c.key(HEDGES, HEDGED_QUANTITY, k.qualifier(), p);
      FactKey low = c.key(Entity.guidance("production"), GUIDED_LOW, k.qualifier(), p);
      FactKey guided = c.given(low) ? low : c.key(Entity.guidance("production"), GUIDED_VALUE, k.qualifier(), p);
      if (c.given(hedged) && c.given(guided)) {
        Unit u = c.unitOf(guided).orElseThrow();
        c.add("hedge.hedged_share", "share of guided production sold forward = hedged quantity / guided production"
            + " (a range's low end) x 100", k, Unit.PERCENT, times(div(c.refIn(hedged, u), ref(guided)), constant("100")));
      }
    }
  }

  // ---------------------------------------------------------------- guidance

  private static void guidance(Catalogue c, Period p, List<FactKey> keys) {
    for (FactKey k : keys) {
      if (!k.entity().is(Entity.Kind.GUIDANCE) || !k.concept().equals(GUIDED_DIFFERENCE)) {
        continue;
      }
      FactKey actual = c.key(k.entity(), GUIDED_ACTUAL, k.qualifier(), p);
      FactKey value = c.key(k.entity(), GUIDED_VALUE, k.qualifier(), p);
      FactKey low = c.key(k.entity(), GUIDED_LOW, k.qualifier(), p);
      FactKey high = c.key(k.entity(), GUIDED_HIGH, k.qualifier(), p);
      if (!c.given(actual)) {
        continue;
      }
      Unit u = c.unitOf(k).orElseThrow();
      Expr reference;
      String words;
      if (c.given(value)) {
        reference = c.refIn(value, u);
        words = "actual - guided value";
      } else if (c.given(low) && c.given(high)) {
        reference = div(sum(List.of(plus(c.refIn(low, u)), plus(c.refIn(high, u)))), constant("2"));
        words = "actual - the range's midpoint (low + high) / 2";
      } else if (c.given(high)) {
        reference = c.refIn(high, u);
        words = "actual - the 'less than' bound";
      } else {
        continue;
      }
      c.add("guidance.difference", "guidance difference = " + words, k, u,
          sum(List.of(plus(c.refIn(actual, u)), minus(reference))));
    }
  }

  // ---------------------------------------------------------------- projects

  private static void projects(Catalogue c, Period p, List<FactKey> keys) {
    List<Entity> entities = keys.stream().map(FactKey::entity).filter(e -> e.is(Entity.Kind.PROJECT)).distinct().toList();
    for (Entity e : entities) {
      FactKey produced = c.key(e, PROJECT_METAL_PRODUCED, p);
      product(c, "project.revenue", "project revenue = metal produced x price", c.key(e, REVENUE, p), produced,
          c.key(e, PRICE, p));
      product(c, "project.cash_costs", "project cash costs = metal produced x cash cost per unit",
          c.key(e, PROJECT_CASH_COSTS, p), produced, c.key(e, PROJECT_CASH_COST, p));
      FactKey flow = c.key(e, AFTER_TAX_CASH_FLOW, p);
      FactKey revenue = c.key(e, REVENUE, p);
      if (c.given(flow) && c.given(revenue)) {
        c.add("project.cash_flow", "after-tax cash flow = revenue - royalties - cash costs - income taxes - capital", flow,
            Unit.USD, sum(List.of(plus(ref(revenue)), minus(opt(c.key(e, ROYALTIES, p))),
                minus(opt(c.key(e, PROJECT_CASH_COSTS, p))), minus(opt(c.key(e, PROJECT_INCOME_TAXES, p))),
                minus(opt(c.key(e, PROJECT_CAPITAL, p))))));
      }
      FactKey cumulative = c.key(e, CUMULATIVE_CASH_FLOW, p);
      if (c.given(cumulative) && c.given(flow) && p instanceof Period.Year y) {
        FactKey before = c.key(e, CUMULATIVE_CASH_FLOW, new Period.Year(y.year() - 1));
        c.add("project.cumulative", c.given(before) ? "cumulative cash flow = the year before's + the year's cash flow"
            : "cumulative cash flow of the first year = its cash flow", cumulative, Unit.USD,
            c.given(before) ? sum(List.of(plus(ref(before)), plus(ref(flow)))) : sum(List.of(plus(ref(flow)))));
      }
      // totals over the years, keyed on the first year with the qualifier "total"
      for (FactKey t : keys) {
        if (!t.entity().equals(e) || !t.qualifier().equals("total")) {
          continue;
        }
        List<FactKey> years = c.inputs().all().stream().map(Fact::key).filter(k -> k.entity().equals(e)
            && k.concept().equals(t.concept()) && k.qualifier().isEmpty()).distinct()
            .sorted(Comparator.comparing(k -> k.period())).toList();
        if (!years.isEmpty()) {
          c.add("project.total", "life-of-project total of " + t.concept().replace('_', ' ') + " = sum over the years", t,
              c.unitOf(t).orElse(Unit.USD), sum(years.stream().map(k -> plus(c.refIn(k, c.unitOf(t).orElse(Unit.USD)))).toList()));
        }
      }
      FactKey producedTotal = c.key(e, PROJECT_METAL_PRODUCED, "total", p);
      FactKey cashTotal = c.key(e, PROJECT_CASH_COSTS, "total", p);
      FactKey perUnit = c.key(e, CASH_COST_PER_UNIT, p);
      if (c.given(perUnit) && c.given(producedTotal) && c.given(cashTotal)) {
        c.add("project.cash_cost_per_unit", "life-of-project cash cost per unit = cash costs / metal produced", perUnit,
            c.unitOf(perUnit).orElseThrow(), div(ref(cashTotal), ref(producedTotal)));
      }
      FactKey allIn = c.key(e, ALL_IN_COST_PER_UNIT, p);
      if (c.given(allIn) && c.given(producedTotal) && c.given(cashTotal)) {
        c.add("project.all_in_cost_per_unit", "all-in cost per unit = (cash costs + royalties + capital) / metal produced",
            allIn, c.unitOf(allIn).orElseThrow(), div(sum(List.of(plus(ref(cashTotal)),
                plus(opt(c.key(e, ROYALTIES, "total", p))), plus(opt(c.key(e, PROJECT_CAPITAL, "total", p))))), ref(producedTotal)));
      }
    }
  }

  private static void product(Catalogue c, String id, String words, FactKey result, FactKey a, FactKey b) {
    if (c.given(result) && c.given(a) && c.given(b)) {
      c.add(id, words, result, Unit.USD, times(ref(a), ref(b)));
    }
  }

  // ---------------------------------------------------------------- exchange offer

  private static void offer(Catalogue c, Period p, List<FactKey> keys) {
    List<FactKey> prices = new ArrayList<>();
    List<FactKey> volumes = new ArrayList<>();
    for (FactKey k : keys) {
      if (!k.entity().equals(OFFER) || !k.concept().equals(DAY_VALUE_TRADED)) {
        continue;
      }
      product(c, "offer.value_traded", "value traded = price x volume", k, c.key(OFFER, DAY_PRICE, k.qualifier(), p),
          c.key(OFFER, DAY_VOLUME, k.qualifier(), p));
    }
    for (FactKey k : keys) {
      if (k.entity().equals(OFFER) && k.concept().equals(DAY_PRICE) && c.given(c.key(OFFER, DAY_VOLUME, k.qualifier(), p))) {
        prices.add(k);
        volumes.add(c.key(OFFER, DAY_VOLUME, k.qualifier(), p));
      }
    }
    FactKey vwap = c.key(OFFER, VWAP, p);
    if (c.given(vwap) && !prices.isEmpty()) {
      List<Expr.Term> traded = new ArrayList<>();
      for (int i = 0; i < prices.size(); i++) {
        traded.add(plus(times(ref(prices.get(i)), ref(volumes.get(i)))));
      }
      c.add("offer.vwap", "volume-weighted average price = sum(price x volume) / sum(volume)", vwap, Unit.USD_PER_SHARE,
          div(sum(traded), sum(volumes.stream().map(v -> plus(ref(v))).toList())));
    }
    FactKey uncapped = c.key(OFFER, UNCAPPED_RATIO, p);
    FactKey value = c.key(OFFER, VALUE_PER_PREFERRED, p);
    if (c.given(uncapped) && c.given(value) && c.given(vwap)) {
      c.add("offer.uncapped_ratio", "common shares the value offered buys at the VWAP = value / VWAP", uncapped, Unit.RATIO,
          div(ref(value), ref(vwap)));
    }
    FactKey issued = c.key(OFFER, COMMON_ISSUED, p);
    product(c, "offer.shares_issued", "common shares issued = exchange ratio x preferred shares exchanged", issued,
        c.key(OFFER, EXCHANGE_RATIO, p), c.key(OFFER, PREFERRED_EXCHANGED, p));
    FactKey fair = c.given(c.key(OFFER, COMMON_FAIR_VALUE, p)) ? c.key(OFFER, COMMON_FAIR_VALUE, p) : vwap;
    FactKey given = c.key(OFFER, FAIR_VALUE_GIVEN, p);
    product(c, "offer.fair_value_given", "fair value of the common given = shares issued x fair value per share", given,
        issued, fair);
    FactKey carrying = c.key(OFFER, CARRYING_AMOUNT_EXCHANGED, p);
    FactKey deemed = c.key(OFFER, DEEMED_DIVIDEND, p);
    if (c.given(deemed) && c.given(given) && c.given(carrying)) {
      c.add("offer.deemed_dividend", "deemed dividend = fair value of the common given - carrying amount of the preferred"
          + " exchanged", deemed, Unit.USD, sum(List.of(plus(ref(given)), minus(ref(carrying)))));
    }
    FactKey perShare = c.key(OFFER, DEEMED_DIVIDEND_PER_SHARE, p);
    FactKey weighted = c.key(OFFER, WEIGHTED_AVERAGE_SHARES, p);
    if (c.given(perShare) && c.given(deemed) && c.given(weighted)) {
      c.add("offer.deemed_dividend_per_share", "reduction of basic income per common share = deemed dividend / weighted"
          + " average common shares", perShare, Unit.USD_PER_SHARE, div(ref(deemed), ref(weighted)));
    }
  }
}
