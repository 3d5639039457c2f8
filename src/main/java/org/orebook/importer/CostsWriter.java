package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.model.OperatingUnit;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.relations.Catalogue;
import org.orebook.relations.Engine;
import org.orebook.relations.Relation;
import org.orebook.relations.Solver;

/**
 * costs.csv: each unit's cost inputs, reconstructed from the printed cost per ton, per ounce and
 * reconciliation lines so that the engine prints the same unit costs again (the rules are in the
 * dataset's README).
 */
final class CostsWriter extends DatasetFileWriter {
  /** Per unit and period, the reconstructed cost inputs (as written), and what the engine computes from them. */
  record UnitCosts(Map<String, Map<Period, Map<String, BigDecimal>>> byUnit, FactSet computed) {
    /** The cost inputs written for a period, as figures (a new set: the caller may add to it). */
    FactSet inputs(Period p) {
      FactSet out = new FactSet();
      byUnit.forEach((unitId, byPeriod) -> byPeriod.getOrDefault(p, Map.of()).forEach((item, v) ->
          out.add(new Fact(FactKey.of(unit(unitId), item, p), v, Unit.USD, SHAPE))));
      return out;
    }

    /** A unit's GAAP cost of sales and DD&A as the engine computes them from the written inputs, or null. */
    BigDecimal[] cosDda(String unitId, Period p) {
      Optional<Fact> cos = computed.find(FactKey.of(unit(unitId), COST_OF_SALES, p));
      if (cos.isEmpty()) {
        return null;
      }
      return new BigDecimal[] {cos.get().value(), computed.find(FactKey.of(unit(unitId), DDA, p)).map(Fact::value)
          .orElse(BigDecimal.ZERO)};
    }
  }

  private final Map<String, Map<Period, Map<String, BigDecimal>>> unitCosts = new HashMap<>();

  CostsWriter(ImportContext ctx) {
    super(ctx, DatasetFile.COSTS);
  }

  /** The catalogue's relations of each unit's costs, by unit and period, for solving inputs backward. */
  private final Map<Entity, Map<Period, List<Relation>>> relations = new HashMap<>();

  UnitCosts write() {
    // the catalogue's unit cost relations of each period on its own (a nine months' figures are
    // reconstructed from their own printed totals, not summed from quarters), instantiated on every
    // cost item: the values do not matter
    for (Period p : periods) {
      FactSet shape = new FactSet();
      for (OperatingUnit u : company.units()) {
        for (String item : COST_ITEMS) {
          shape.add(new Fact(FactKey.of(unit(u.id()), item, p), BigDecimal.ZERO, Unit.USD, SHAPE));
        }
      }
      for (Relation r : Catalogue.build(company, List.of(), List.of(), shape)) {
        if (r.result().entity().is(Entity.Kind.UNIT) && r.result().period().equals(p)) {
          relations.computeIfAbsent(r.result().entity(), x -> new HashMap<>())
              .computeIfAbsent(p, x -> new ArrayList<>()).add(r);
        }
      }
    }
    var costs = rows(DatasetFile.COSTS);
    Map<Period, FactSet> written = new HashMap<>();
    for (OperatingUnit u : company.units()) {
      Entity e = unit(u.id());
      Map<Period, Map<String, BigDecimal>> byPeriod = new HashMap<>();
      unitCosts.put(u.id(), byPeriod);
      for (Period p : periods) {
        Map<String, BigDecimal> c = unitCosts(u, e, p);
        byPeriod.put(p, c);
        for (String item : COST_ITEMS) {
          BigDecimal x = c.get(item);
          if (x != null) {
            costs.add(u.id(), p.code(), item, x, Unit.USD.code());
            written.computeIfAbsent(p, x2 -> new FactSet()).add(new Fact(FactKey.of(e, item, p), x, Unit.USD, SHAPE));
          }
        }
      }
    }
    // what the engine computes from the inputs written, each period on its own
    FactSet computed = new FactSet();
    for (FactSet w : written.values()) {
      Engine.run(w, Catalogue.build(company, List.of(), List.of(), w)).facts().all().forEach(f -> {
        if (!computed.has(f.key())) {
          computed.add(f);
        }
      });
    }
    return new UnitCosts(unitCosts, computed);
  }

  /** The origin of the figures this writer hands the catalogue (its own reconstruction). */
  private static final Origin SHAPE = new Origin.Input("costs.csv", 0, "reconstructed");

  /**
   * The inputs in {@code wanted} that the unit's cost relations determine from {@code known}: the
   * catalogue's arithmetic used backward (relations.Solver).
   */
  private Map<String, BigDecimal> solve(Entity e, Period p, Map<String, BigDecimal> known, Set<String> wanted) {
    Map<FactKey, BigDecimal> k = new HashMap<>();
    known.forEach((concept, v) -> {
      if (v != null) {
        k.put(FactKey.of(e, concept, p), v);
      }
    });
    Set<FactKey> w = new HashSet<>();
    wanted.forEach(concept -> w.add(FactKey.of(e, concept, p)));
    Map<String, BigDecimal> out = new HashMap<>();
    new Solver(relations.getOrDefault(e, Map.of()).getOrDefault(p, List.of())).solve(k, w)
        .forEach((key, v) -> out.put(key.concept(), v));
    return out;
  }

  private Map<String, BigDecimal> unitCosts(OperatingUnit u, Entity e, Period p) {
    Map<String, BigDecimal> c = new LinkedHashMap<>();
    BigDecimal oz = null;
    if (u.primaryMetal().isPresent()) {
      String m = u.primaryMetal().get().name();
      oz = v(e, COST_BASIS, m, p).or(() -> v(e, PRODUCED, m, p)).or(() -> v(e, COST_OUNCES, p)).orElse(null);
      if (oz != null && oz.signum() == 0) {
        oz = null;
      }
    }
    BigDecimal copOz = v(e, CASH_OPERATING_PER_OZ, p).orElse(null);
    BigDecimal tccOz = v(e, TOTAL_CASH_PER_OZ, p).orElse(null);
    BigDecimal tpcOz = v(e, TOTAL_PRODUCTION_PER_OZ, p).orElse(null);
    BigDecimal tcc = v(e, TOTAL_CASH, p).orElse(tccOz != null && oz != null ? tccOz.multiply(oz) : null);
    BigDecimal cashOp;
    if (tcc != null && copOz != null && tccOz != null && oz != null) {
      cashOp = tcc.subtract(tccOz.subtract(copOz).multiply(oz));
    } else if (copOz != null && oz != null) {
      cashOp = copOz.multiply(oz);
    } else {
      cashOp = v(e, CASH_OPERATING, p).orElse(tcc);
    }
    if (tcc == null) {
      tcc = cashOp;
    }
    BigDecimal tf = v(e, TREATMENT_FREIGHT, p).orElse(null);
    BigDecimal bpc = v(e, BYPRODUCT_CREDITS, p).orElse(null);
    BigDecimal inv = v(e, INVENTORY_CHANGE, p).orElse(null);
    BigDecimal recl = v(e, RECLAMATION_OTHER, p).orElse(null);
    BigDecimal ore = v(e, ORE_MILLED, p).orElse(null);
    if (cashOp != null) {
      BigDecimal mining = null;
      BigDecimal milling = null;
      if (ore != null) {
        mining = v(e, MINING_PER_TON, p).map(x -> x.multiply(ore)).orElse(null);
        milling = v(e, MILLING_PER_TON, p).map(x -> x.multiply(ore)).orElse(null);
      }
      // the printed figures trusted, then the inputs the catalogue's relations leave open: site and other
      // costs, royalties, depreciation from total production costs, the inventory change from cost of sales
      BigDecimal tpc = tpcOz != null && oz != null ? tpcOz.multiply(oz) : v(e, TOTAL_PRODUCTION, p).orElse(null);
      Optional<BigDecimal> cos = v(e, COST_OF_SALES, p);
      Map<String, BigDecimal> known = new HashMap<>();
      known.put(CASH_OPERATING, cashOp);
      known.put(TOTAL_CASH, tcc);
      known.put(MINING, mining);
      known.put(MILLING, milling);
      known.put(TREATMENT_FREIGHT, tf);
      known.put(BYPRODUCT_CREDITS, bpc);
      known.put(INVENTORY_CHANGE, inv);
      known.put(RECLAMATION_OTHER, recl);
      known.put(TOTAL_PRODUCTION, tpc);
      known.put(COST_OF_SALES, cos.orElse(null));
      if (tpc == null) {
        known.put(DDA, v(e, DDA, p).orElse(null));
      }
      Set<String> wanted = new HashSet<>(Set.of(SITE_OTHER, ROYALTIES, DDA));
      if (inv == null) {
        wanted.add(INVENTORY_CHANGE);
      }
      Map<String, BigDecimal> solved = solve(e, p, known, wanted);
      put(c, MINING, mining);
      put(c, MILLING, milling);
      c.put(SITE_OTHER, solved.get(SITE_OTHER));
      put(c, TREATMENT_FREIGHT, tf);
      put(c, BYPRODUCT_CREDITS, bpc);
      BigDecimal royalties = solved.get(ROYALTIES);
      if (royalties != null && royalties.signum() != 0) {
        c.put(ROYALTIES, royalties);
      }
      if (inv == null && solved.containsKey(INVENTORY_CHANGE)) {
        inv = solved.get(INVENTORY_CHANGE);
        notes.add(u.name() + " " + p.code() + ": change in product inventory not printed; "
            + DatasetFiles.plain(inv) + " makes the printed cost of sales come out.");
      }
      put(c, INVENTORY_CHANGE, inv);
      put(c, RECLAMATION_OTHER, recl);
      put(c, DDA, tpc != null ? solved.get(DDA) : known.get(DDA));
    } else {
      if (v(e, MINING_PER_TON, p).isPresent() || v(e, MILLING_PER_TON, p).isPresent()) {
        notes.add(u.name() + " " + p.code() + ": mining and milling cost per ton are printed but no cash costs to"
            + " reconcile them with; left out (they would be taken for the unit's whole cost).");
      }
      put(c, TREATMENT_FREIGHT, tf);
      put(c, BYPRODUCT_CREDITS, bpc);
      put(c, INVENTORY_CHANGE, inv);
      put(c, RECLAMATION_OTHER, recl);
      put(c, DDA, v(e, DDA, p).orElse(null));
    }
    put(c, CAPITAL_ADDITIONS, v(e, CAPITAL_ADDITIONS, p).orElse(null));
    return c;
  }

  private static void put(Map<String, BigDecimal> c, String item, BigDecimal x) {
    if (x != null) {
      c.put(item, x);
    }
  }
}
