package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.model.OperatingUnit;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * costs.csv: each unit's cost inputs, reconstructed from the printed cost per ton, per ounce and
 * reconciliation lines so that the engine prints the same unit costs again (the rules are in the
 * dataset's README).
 */
final class CostsWriter extends DatasetFileWriter {
  /** Per unit and period, the reconstructed cost inputs (as written). */
  record UnitCosts(Map<String, Map<Period, Map<String, BigDecimal>>> byUnit) {
    /** A unit's GAAP cost of sales and DD&A as the engine computes them from the written inputs, or null. */
    BigDecimal[] cosDda(String unitId, Period p) {
      Map<String, BigDecimal> c = byUnit.getOrDefault(unitId, Map.of()).getOrDefault(p, Map.of());
      boolean any = COST_ITEMS.subList(0, COST_ITEMS.size() - 1).stream().anyMatch(c::containsKey);
      if (!any) {
        return null;
      }
      BigDecimal cashOp = z(c.get(MINING)).add(z(c.get(MILLING))).add(z(c.get(SITE_OTHER))).add(z(c.get(TREATMENT_FREIGHT)))
          .subtract(z(c.get(BYPRODUCT_CREDITS)));
      BigDecimal tcc = cashOp.add(z(c.get(ROYALTIES))).add(z(c.get(PRODUCTION_TAXES)));
      BigDecimal cos = tcc.subtract(z(c.get(TREATMENT_FREIGHT))).add(z(c.get(BYPRODUCT_CREDITS)))
          .add(z(c.get(INVENTORY_CHANGE))).add(z(c.get(RECLAMATION_OTHER)));
      return new BigDecimal[] {cos, z(c.get(DDA))};
    }
  }

  private final Map<String, Map<Period, Map<String, BigDecimal>>> unitCosts = new HashMap<>();

  CostsWriter(ImportContext ctx) {
    super(ctx, DatasetFile.COSTS);
  }

  UnitCosts write() {
    var costs = rows(DatasetFile.COSTS);
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
          }
        }
      }
    }
    return new UnitCosts(unitCosts);
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
      BigDecimal site = cashOp.subtract(z(mining)).subtract(z(milling)).subtract(z(tf)).add(z(bpc));
      put(c, MINING, mining);
      put(c, MILLING, milling);
      c.put(SITE_OTHER, site);
      put(c, TREATMENT_FREIGHT, tf);
      put(c, BYPRODUCT_CREDITS, bpc);
      BigDecimal royalties = tcc.subtract(cashOp);
      if (royalties.signum() != 0) {
        c.put(ROYALTIES, royalties);
      }
      Optional<BigDecimal> cos = v(e, COST_OF_SALES, p);
      if (inv == null && cos.isPresent()) {
        inv = cos.get().subtract(tcc.subtract(z(tf)).add(z(bpc)).add(z(recl)));
        notes.add(u.name() + " " + p.code() + ": change in product inventory not printed; "
            + DatasetFiles.plain(inv) + " makes the printed cost of sales come out.");
      }
      put(c, INVENTORY_CHANGE, inv);
      put(c, RECLAMATION_OTHER, recl);
      BigDecimal tpc = tpcOz != null && oz != null ? tpcOz.multiply(oz) : v(e, TOTAL_PRODUCTION, p).orElse(null);
      BigDecimal dda = tpc != null ? tpc.subtract(tcc).subtract(z(recl)) : v(e, DDA, p).orElse(null);
      put(c, DDA, dda);
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
