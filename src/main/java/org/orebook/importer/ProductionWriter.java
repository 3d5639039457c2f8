package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.util.Locale;
import java.util.Optional;
import org.orebook.check.Reading;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * production.csv: the production of the unit carrying what the units do not add up to, then each
 * unit's production data as printed (tons of ore, days, grades, metal produced, cost-basis ounces),
 * then the ounces sold and co-product revenue of the all-in cost and co-product tables.
 */
final class ProductionWriter extends DatasetFileWriter {
  private final SegmentsAndUnitsWriter.Layout layout;

  ProductionWriter(ImportContext ctx, SegmentsAndUnitsWriter.Layout layout) {
    super(ctx, DatasetFile.PRODUCTION);
    this.layout = layout;
  }

  void write() {
    var prod = rows(DatasetFile.PRODUCTION);
    String id = SegmentsAndUnitsWriter.OTHER_SOURCES;
    layout.otherSources().forEach((m, byPeriod) -> byPeriod.forEach((p, rest) ->
        prod.add(id, p.code(), PRODUCED, m.name(), rest, m.quantityUnit().code())));
    production();
    soldAndRevenue();
  }

  private void production() {
    var prod = rows(DatasetFile.PRODUCTION);
    for (OperatingUnit u : company.units()) {
      Entity e = unit(u.id());
      for (Period p : periods) {
        v(e, ORE_MILLED, p).ifPresent(x -> prod.add(u.id(), p.code(), ORE_MILLED, "", x,
            pr.facts().find(FactKey.of(e, ORE_MILLED, p)).orElseThrow().unit().code()));
        v(e, DAYS, p).ifPresent(x -> prod.add(u.id(), p.code(), DAYS, "", x, Unit.DAYS.code()));
        for (Metal m : Metal.values()) {
          pr.facts().find(new FactKey(e, GRADE, m.name(), p))
              .ifPresent(f -> prod.add(u.id(), p.code(), GRADE, m.name(), f.value(), f.unit().code()));
        }
        for (Metal m : Metal.values()) {
          Optional<Fact> f = pr.facts().find(new FactKey(e, PRODUCED, m.name(), p));
          if (f.isEmpty() && u.primaryMetal().equals(Optional.of(m))) {
            f = pr.facts().find(FactKey.of(e, COST_OUNCES, p));
            f.ifPresent(x -> notes.add(u.name() + " " + p.code() + ": " + m.displayName().toLowerCase(Locale.ROOT)
                + " produced taken from the reconciliation's ounces (printed in thousands)."));
          }
          f.ifPresent(x -> prod.add(u.id(), p.code(), PRODUCED, m.name(), x.value(), x.unit().code()));
        }
        if (u.primaryMetal().isPresent()) {
          Metal m = u.primaryMetal().get();
          pr.facts().find(new FactKey(e, COST_BASIS, m.name(), p))
              .ifPresent(f -> prod.add(u.id(), p.code(), COST_BASIS, m.name(), f.value(), Unit.TROY_OUNCE.code()));
        }
      }
    }
  }

  /** Ounces sold (all-in cost tables) and the revenue of a co-product table, per unit and metal. */
  private void soldAndRevenue() {
    for (Period p : periods) {
      for (OperatingUnit u : company.units()) {
        Entity e = unit(u.id());
        for (Metal m : Metal.values()) {
          pr.facts().find(new FactKey(e, SOLD, m.name(), p)).ifPresent(f -> rows(DatasetFile.PRODUCTION)
              .add(u.id(), p.code(), SOLD, m.name(), f.value(), f.unit().code()));
          Reading revenue = pr.readings().get(new FactKey(e, COPRODUCT_VALUE, m.name(), p));
          if (revenue != null && revenue.figure().label().toLowerCase(Locale.ROOT).contains("revenue")) {
            rows(DatasetFile.PRODUCTION)
                .add(u.id(), p.code(), REVENUE, m.name(), revenue.value(), Unit.USD.code());
          }
        }
      }
    }
  }
}
