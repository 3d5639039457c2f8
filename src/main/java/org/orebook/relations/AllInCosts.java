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
 * The World Gold Council's all-in sustaining costs and all-in costs (guidance note 2013, updated
 * November 2018) per unit and per metal business, per ounce sold; and each GAAP line the all-in items
 * are drawn from, split into the parts in AISC, in AIC only and in neither, which must tie.
 */
final class AllInCosts implements RelationFamily {
  @Override
  public String standard() {
    return "World Gold Council all-in sustaining and all-in costs";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    for (Metal m : Metal.values()) {
      allInCosts(c, m, p);
    }
    gaapTies(c, p);
  }

  static void allInCosts(Catalogue c, Metal metal, Period p) {
    List<OperatingUnit> members = c.company().unitsWithPrimary(metal).stream()
        .filter(u -> c.hasAny(unit(u.id()), p, COST_ITEMS)).toList();
    Entity g = group(metal.name());
    boolean active = members.stream().anyMatch(u -> c.hasAny(unit(u.id()), p, AISC_ITEMS)
            || c.hasAny(unit(u.id()), p, List.of(ADJUSTED_OPERATING, AISC)))
        || AISC_ITEMS.stream().anyMatch(i -> c.given(c.key(CORPORATE, i, metal.name(), p)))
        || c.hasAny(g, p, List.of(ADJUSTED_OPERATING, AISC));
    if (!active) {
      return;
    }
    for (OperatingUnit u : members) {
      allIn(c, unit(u.id()), metal, p);
    }
    if (members.isEmpty()) {
      return;
    }
    for (String item : AISC_ITEMS) {
      List<FactKey> parts = new ArrayList<>();
      members.stream().map(u -> c.key(unit(u.id()), item, p)).filter(c::knownOrComputed).forEach(parts::add);
      FactKey corporate = c.key(CORPORATE, item, metal.name(), p);
      if (c.given(corporate)) {
        parts.add(corporate);
      }
      if (!parts.isEmpty() && !c.given(c.key(g, item, p))) {
        c.add("sum.combined_" + item, "sum of the " + metal.displayName().toLowerCase() + " units' " + item.replace('_', ' ')
                + " + the corporate amount the " + metal.displayName().toLowerCase() + " business carries",
            c.key(g, item, p), Unit.USD, sum(parts.stream().map(k -> plus(ref(k))).toList()));
      }
    }
    List<FactKey> sold = members.stream().map(u -> c.key(unit(u.id()), SOLD, metal.name(), p)).toList();
    if (sold.stream().allMatch(c::given)) {
      Unit unit = c.commonUnit(sold, metal.quantityUnit());
      c.add("sum.combined_sold", "sum of the " + metal.displayName().toLowerCase() + " units' " + c.company().costWords(metal) + " sold",
          c.key(g, SOLD, metal.name(), p), unit, c.sumIn(sold, unit, false));
    }
    allIn(c, g, metal, p);
  }

  static void allIn(Catalogue c, Entity e, Metal metal, Period p) {
    List<Expr.Term> adjusted = new ArrayList<>();
    adjusted.add(plus(ref(c.key(e, COST_OF_SALES, p))));
    adjusted.add(minus(opt(c.key(e, RECLAMATION_OTHER, p))));
    adjusted.add(plus(opt(c.key(e, TREATMENT_FREIGHT, p))));
    AISC_OPERATING_ITEMS.stream().map(i -> c.key(e, i, p)).filter(c::knownOrComputed)
        .forEach(k -> adjusted.add(plus(ref(k))));
    adjusted.add(minus(opt(c.key(e, BYPRODUCT_CREDITS, p))));
    c.add("wgc.adjusted_operating_costs", "cost of sales (GAAP) - reclamation and other costs + treatment, refining and"
            + " transport + the guidance's other operating items (hedges, community, permitting, site share-based pay,"
            + " write-downs, operational stripping) - by-product credits",
        c.key(e, ADJUSTED_OPERATING, p), Unit.USD, sum(adjusted));
    List<Expr.Term> aisc = new ArrayList<>();
    aisc.add(plus(ref(c.key(e, ADJUSTED_OPERATING, p))));
    AISC_SUSTAINING_ITEMS.stream().map(i -> c.key(e, i, p)).filter(c::knownOrComputed).forEach(k -> aisc.add(plus(ref(k))));
    c.add("wgc.all_in_sustaining_costs", "adjusted operating costs + corporate G&A + reclamation accretion and amortisation"
            + " + sustaining exploration, capitalised stripping and development, capital and leases",
        c.key(e, AISC, p), Unit.USD, sum(aisc));
    List<Expr.Term> aic = new ArrayList<>();
    aic.add(plus(ref(c.key(e, AISC, p))));
    AIC_ITEMS.stream().map(i -> c.key(e, i, p)).filter(c::knownOrComputed).forEach(k -> aic.add(plus(ref(k))));
    c.add("wgc.all_in_costs", "all-in sustaining costs + community, permitting and reclamation costs not related to current"
            + " operations + non-sustaining exploration, stripping and development, capital and leases",
        c.key(e, AIC, p), Unit.USD, sum(aic));
    c.add("wgc.aisc_before_byproduct_credits", "all-in sustaining costs + by-product credits", c.key(e, AISC_GROSS, p),
        Unit.USD, sum(List.of(plus(ref(c.key(e, AISC, p))), plus(opt(c.key(e, BYPRODUCT_CREDITS, p))))));
    FactKey sold = c.key(e, SOLD, metal.name(), p);
    if (!c.knownOrComputed(sold)) {
      return;
    }
    // per ounce of a precious metal sold, per pound of a base metal sold (tonnes sold converted exactly)
    Unit per = c.company().costUnit(metal);
    Expr quantity = c.refIn(sold, c.company().costQuantityUnit(metal));
    String words = c.company().costWords(metal) + " sold";
    c.add("wgc.aisc_per_oz", "all-in sustaining costs / " + words, c.key(e, AISC_PER_OZ, p), per,
        div(ref(c.key(e, AISC, p)), quantity));
    c.add("wgc.aisc_before_byproduct_per_oz", "all-in sustaining costs before by-product credits / " + words,
        c.key(e, AISC_GROSS_PER_OZ, p), per, div(ref(c.key(e, AISC_GROSS, p)), quantity));
    c.add("wgc.aic_per_oz", "all-in costs / " + words, c.key(e, AIC_PER_OZ, p), per,
        div(ref(c.key(e, AIC, p)), quantity));
  }

  /**
   * Each GAAP line that all-in cost items are drawn from: its amount as the statement prints it,
   * the part in AISC, the part in AIC only, and the rest, which must tie to the line.
   */
  static void gaapTies(Catalogue c, Period p) {
    Map<String, List<String[]>> sources = new java.util.TreeMap<>();
    Set<String> lines = new java.util.TreeSet<>();
    List<FactKey> givenKeys = new ArrayList<>();
    c.inputs().all().forEach(f -> givenKeys.add(f.key()));
    givenKeys.addAll(c.periodSums().keySet());
    for (FactKey k : givenKeys) {
      if (!k.entity().equals(GAAP) || !k.period().equals(p)) {
        continue;
      }
      if (k.concept().equals(GAAP_SOURCE)) {
        String[] parts = k.qualifier().split("\\|", -1);
        sources.computeIfAbsent(parts[0], x -> new ArrayList<>()).add(parts);
        lines.add(parts[0]);
      } else if (List.of(GAAP_AMOUNT, IN_AISC, IN_AIC_ONLY, NOT_IN_AIC).contains(k.concept())) {
        lines.add(k.qualifier());
      }
    }
    for (String line : lines) {
      FactKey amount = c.key(GAAP, GAAP_AMOUNT, line, p);
      boolean negative = line.startsWith("-");
      String ref = negative ? line.substring(1) : line;
      if (ref.contains(":") && c.knownOrComputed(c.linked(ref, p)) && !c.given(amount)) {
        FactKey statementLine = c.linked(ref, p);
        c.add("gaap.line_amount", negative ? "the statement line's amount, sign reversed" : "the statement line's amount",
            amount, Unit.USD, sum(List.of(negative ? minus(ref(statementLine)) : plus(ref(statementLine)))));
      }
      List<String[]> drawn = sources.getOrDefault(line, List.of());
      List<Expr.Term> inAisc = drawn.stream().filter(s -> !AIC_ITEMS.contains(s[2]))
          .map(s -> plus(ref(c.key(Entity.parse(s[1]), s[2], s[3], p)))).toList();
      List<Expr.Term> inAic = drawn.stream().filter(s -> AIC_ITEMS.contains(s[2]))
          .map(s -> plus(ref(c.key(Entity.parse(s[1]), s[2], s[3], p)))).toList();
      if (!drawn.isEmpty() && !c.given(c.key(GAAP, IN_AISC, line, p))) {
        c.add("gaap.in_aisc", "sum of the all-in sustaining cost items drawn from the line", c.key(GAAP, IN_AISC, line, p),
            Unit.USD, sum(inAisc));
        c.add("gaap.in_aic_only", "sum of the all-in cost items (not sustaining) drawn from the line",
            c.key(GAAP, IN_AIC_ONLY, line, p), Unit.USD, sum(inAic));
      }
      if (c.knownOrComputed(amount)) {
        c.add("gaap.not_in_aic", "GAAP amount - in AISC - in AIC only = the part outside both measures",
            c.key(GAAP, NOT_IN_AIC, line, p), Unit.USD,
            sum(List.of(plus(ref(amount)), minus(opt(c.key(GAAP, IN_AISC, line, p))), minus(opt(c.key(GAAP, IN_AIC_ONLY, line, p))))));
      }
    }
  }
}
