package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.orebook.check.Reading;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.ReserveCategory;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Unit;

/**
 * The reserve tables' tons and grades, in one of two files: an S-K 1300 release (proven, probable,
 * measured, indicated, inferred printed) becomes estimates.csv, its combined categories left to the
 * relations; a Guide 7 release becomes reserves.csv. Tons as printed (attributable basis); the grade
 * is contained / tons where that rounds to the printed grade, else the printed grade.
 */
final class ReservesWriter extends DatasetFileWriter {
  private static final MathContext GRADE_MC = new MathContext(12);

  ReservesWriter(ImportContext ctx) {
    super(ctx, DatasetFile.RESERVES, DatasetFile.ESTIMATES);
  }

  void write() {
    boolean sk = pr.facts().all().stream().anyMatch(f -> f.key().entity().is(Entity.Kind.PROPERTY)
        && ReserveCategory.ofCode(f.key().qualifier().split(":")[0]).filter(ReserveCategory.SK_INPUTS::contains).isPresent());
    var res = sk ? rows(DatasetFile.ESTIMATES) : rows(DatasetFile.RESERVES);
    for (Fact f : pr.facts().all()) {
      FactKey k = f.key();
      if (!k.entity().is(Entity.Kind.PROPERTY)) {
        continue;
      }
      String prop = k.entity().id();
      if (List.of(RES_DEPLETED, RES_ADDED, RES_REVISED).contains(k.concept())) {
        continue;
      }
      String[] q = k.qualifier().split(":");
      Optional<ReserveCategory> cat = ReserveCategory.ofCode(q[0]);
      if (cat.isEmpty() || sk != ReserveCategory.SK_INPUTS.contains(cat.get())) {
        continue;
      }
      if (k.concept().equals(TONS)) {
        if (sk) {
          res.add(prop, k.period().code(), q[0], "tonnage", "", f.value(), f.unit().code(), "attributable");
        } else {
          res.add(q[0], prop, TONS, "", f.value(), f.unit().code(), "attributable");
        }
      } else if (k.concept().equals(GRADE) && q.length == 2) {
        if (sk) {
          res.add(prop, k.period().code(), q[0], GRADE, q[1], grade(k, f), f.unit().code(), "");
        } else {
          res.add(q[0], prop, GRADE, q[1], grade(k, f), f.unit().code(), "");
        }
      }
    }
  }

  /** The grade to write: contained / tons where that rounds to the printed grade, else the printed grade. */
  private BigDecimal grade(FactKey k, Fact grade) {
    String[] q = k.qualifier().split(":");
    Optional<Metal> m = Metal.ofCode(q[1]);
    Optional<Fact> tons = pr.facts().find(new FactKey(k.entity(), TONS, q[0], k.period()));
    Optional<Fact> contained = pr.facts().find(new FactKey(k.entity(), CONTAINED, k.qualifier(), k.period()));
    Reading r = pr.readings().get(k);
    if (m.isEmpty() || tons.isEmpty() || contained.isEmpty() || r == null || tons.get().unit() != Unit.SHORT_TON
        || tons.get().value().signum() == 0) {
      return grade.value();
    }
    BigDecimal factor;
    if (m.get().precious() && grade.unit() == Unit.OUNCES_PER_TON && contained.get().unit() == Unit.TROY_OUNCE) {
      factor = BigDecimal.ONE;
    } else if (!m.get().precious() && grade.unit() == Unit.PERCENT && contained.get().unit() == Unit.SHORT_TON) {
      factor = new BigDecimal("0.01");
    } else {
      return grade.value();
    }
    BigDecimal implied = contained.get().value().divide(tons.get().value().multiply(factor), GRADE_MC);
    if (Exact.round(implied, r.figure().decimals()).compareTo(grade.value()) != 0) {
      return grade.value();
    }
    return implied;
  }
}
