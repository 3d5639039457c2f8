package org.orebook.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Segment;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/** The catalogue's sums used backward: what the importer reconstructs is what the engine turns back into the totals. */
class SolverTest {
  static final Period FY = new Period.Year(2024);
  static final Entity MINE = unit("m");
  final Company company = new Company("Made Up Gold", "MUG", "USD", FY, List.of(Metal.AU),
      List.of(new Segment("gold", "Gold")), List.of(new OperatingUnit("m", "The Mine", "Chile", "gold", new BigDecimal("100"),
          Optional.of(Metal.AU), List.of(Metal.AG), "milled", "milled", true)));

  static FactKey k(String concept) {
    return FactKey.of(MINE, concept, FY);
  }

  @Test
  void aSumsOpenTermIsWhatTheOthersLeaveAndAnIntermediateIsPassedThrough() {
    // direct = mining + milling + site; cash operating = direct + treatment - credits; total cash = cash operating + royalties + taxes
    List<Relation> rs = List.of(
        new Relation("d", "", k(DIRECT), Unit.USD, Expr.sum(List.of(Expr.plus(Expr.opt(k(MINING))), Expr.plus(Expr.opt(k(MILLING))),
            Expr.plus(Expr.opt(k(SITE_OTHER)))))),
        new Relation("c", "", k(CASH_OPERATING), Unit.USD, Expr.sum(List.of(Expr.plus(Expr.ref(k(DIRECT))),
            Expr.plus(Expr.opt(k(TREATMENT_FREIGHT))), Expr.minus(Expr.opt(k(BYPRODUCT_CREDITS)))))),
        new Relation("t", "", k(TOTAL_CASH), Unit.USD, Expr.sum(List.of(Expr.plus(Expr.ref(k(CASH_OPERATING))),
            Expr.plus(Expr.opt(k(ROYALTIES))), Expr.plus(Expr.opt(k(PRODUCTION_TAXES)))))));
    Map<FactKey, BigDecimal> known = Map.of(k(CASH_OPERATING), new BigDecimal("900"), k(TOTAL_CASH), new BigDecimal("1000"),
        k(MINING), new BigDecimal("300"), k(MILLING), new BigDecimal("200"), k(BYPRODUCT_CREDITS), new BigDecimal("50"));
    Map<FactKey, BigDecimal> solved = new Solver(rs).solve(known, Set.of(k(SITE_OTHER), k(ROYALTIES)));
    // direct = 900 + 50 (treatment not known: zero) = 950; site = 950 - 300 - 200 = 450; royalties = 1000 - 900 (taxes zero)
    assertThat(solved.get(k(SITE_OTHER))).isEqualByComparingTo("450");
    assertThat(solved.get(k(ROYALTIES))).isEqualByComparingTo("100");
    assertThat(solved).doesNotContainKey(k(DIRECT)).doesNotContainKey(k(PRODUCTION_TAXES));
    // two open figures in one relation: nothing is guessed
    assertThat(new Solver(rs).solve(Map.of(k(TOTAL_CASH), BigDecimal.TEN), Set.of(k(ROYALTIES), k(PRODUCTION_TAXES))))
        .isEmpty();
  }

  @Test
  void aConvertedTermIsSolvedInItsOwnUnit() {
    // total (oz) = a (oz) + b (g) x grams-to-ounces
    FactKey a = FactKey.of(MINE, "a", FY);
    FactKey b = FactKey.of(MINE, "b", FY);
    FactKey total = FactKey.of(MINE, "total", FY);
    BigDecimal factor = Unit.GRAM.factorTo(Unit.TROY_OUNCE);
    Relation r = new Relation("s", "", total, Unit.TROY_OUNCE, Expr.sum(List.of(Expr.plus(Expr.ref(a)),
        Expr.plus(Expr.in(Expr.ref(b), Unit.GRAM, Unit.TROY_OUNCE)))));
    BigDecimal grams = new BigDecimal("311.034768");
    Map<FactKey, BigDecimal> solved = new Solver(List.of(r)).solve(Map.of(a, new BigDecimal("5"), total,
        new BigDecimal("5").add(grams.multiply(factor))), Set.of(b));
    assertThat(solved.get(b)).isEqualByComparingTo(grams);
  }

  @Test
  void inputsSolvedFromTheEnginesOwnTotalsAreTheInputs() {
    Random random = new Random(42);
    for (int run = 0; run < 300; run++) {
      Map<String, BigDecimal> inputs = new HashMap<>();
      for (String item : List.of(MINING, MILLING, SITE_OTHER, TREATMENT_FREIGHT, BYPRODUCT_CREDITS, ROYALTIES,
          INVENTORY_CHANGE, RECLAMATION_OTHER, DDA)) {
        if (item.equals(SITE_OTHER) || random.nextInt(4) > 0) {
          inputs.put(item, BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(3)));
        }
      }
      FactSet in = new FactSet();
      inputs.forEach((item, v) -> in.add(new Fact(k(item), v, Unit.USD, new Origin.Input("costs.csv", 2, "value"))));
      List<Relation> relations = Catalogue.build(company, List.of(), List.of(), in);
      FactSet out = Engine.run(in, relations).facts();
      // what a release prints: the totals, and the items the reconciliation shows
      Map<FactKey, BigDecimal> known = new HashMap<>();
      for (String c : List.of(CASH_OPERATING, TOTAL_CASH, TOTAL_PRODUCTION, COST_OF_SALES)) {
        known.put(k(c), out.find(k(c)).orElseThrow().value());
      }
      for (String c : List.of(MINING, MILLING, TREATMENT_FREIGHT, BYPRODUCT_CREDITS, RECLAMATION_OTHER)) {
        if (inputs.containsKey(c)) {
          known.put(k(c), inputs.get(c));
        }
      }
      Set<FactKey> wanted = Set.of(k(SITE_OTHER), k(ROYALTIES), k(DDA), k(INVENTORY_CHANGE));
      Map<FactKey, BigDecimal> solved = new Solver(relations.stream().filter(r -> r.result().entity().equals(MINE)).toList())
          .solve(known, wanted);
      for (FactKey w : wanted) {
        BigDecimal expected = inputs.getOrDefault(w.concept(), BigDecimal.ZERO);
        assertThat(solved.get(w)).as("run %d: %s", run, w).isNotNull().isEqualByComparingTo(expected);
      }
    }
  }
}
