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
 * Reserves and resources (SEC Industry Guide 7 and S-K 1300): attributable and 100%-basis tons,
 * contained metal = tons x grade, combined categories, Guide 7 mineralized material from measured and
 * indicated resources, totals, and the year's reconciliation of proven and probable reserves.
 */
final class ReserveRelations implements RelationFamily {
  @Override
  public String standard() {
    return "reserves and resources (Industry Guide 7, S-K 1300)";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    reserveRelations(c, c.properties(), p);
  }

  static void reserveRelations(Catalogue c, List<Property> properties, Period p) {
    for (ReserveCategory cat : ReserveCategory.values()) {
      for (Property prop : properties) {
        Entity e = property(prop.id());
        FactKey tons100 = c.key(e, TONS_100PCT, cat.code(), p);
        FactKey tons = c.key(e, TONS, cat.code(), p);
        if (c.inputs().has(tons100) && !c.inputs().has(tons)) {
          c.add("res.attributable_tons", "tons on a 100% basis * ownership share", tons, c.inputs().find(tons100).orElseThrow().unit(),
              times(ref(tons100), Expr.constant(prop.ownershipPct().movePointLeft(2).toPlainString())));
        }
        if (!cat.containedMetalAllowed()) {
          continue;
        }
        Optional<Unit> tonsUnit = c.inputs().find(c.inputs().has(tons) ? tons : tons100).map(Fact::unit);
        if (tonsUnit.isEmpty()) {
          continue;
        }
        for (Metal m : Metal.values()) {
          FactKey grade = c.key(e, GRADE, cat.code() + ":" + m.name(), p);
          Optional<Fact> g = c.inputs().find(grade);
          if (g.isEmpty()) {
            continue;
          }
          c.add("res.contained_metal", "tons * grade (attributable)", c.key(e, CONTAINED, cat.code() + ":" + m.name(), p),
              containedUnit(tonsUnit.get(), m), times(times(ref(tons), ref(grade)),
                  Expr.constant(containedFactor(tonsUnit.get(), g.get().unit(), m).toPlainString())));
        }
      }
    }
    for (Property prop : properties) {
      combined(c, prop, ReserveCategory.PROVEN_PROBABLE, ReserveCategory.PROVEN, ReserveCategory.PROBABLE, p);
      combined(c, prop, ReserveCategory.MEASURED_INDICATED, ReserveCategory.MEASURED, ReserveCategory.INDICATED, p);
      if (ReserveCategory.Standard.forYear(c.company(), p.year()) == ReserveCategory.Standard.GUIDE_7) {
        mineralizedMaterial(c, prop, p);
      }
    }
    for (ReserveCategory cat : ReserveCategory.values()) {
      if (!cat.containedMetalAllowed()) {
        continue;
      }
      for (Metal m : Metal.values()) {
        List<FactKey> parts = properties.stream()
            .map(prop -> c.key(property(prop.id()), CONTAINED, cat.code() + ":" + m.name(), p))
            .filter(c::knownOrComputed).toList();
        FactKey total = c.key(reserves(), CONTAINED, cat.code() + ":" + m.name(), p);
        if (!parts.isEmpty()) {
          Unit unit = c.commonUnit(parts, m.quantityUnit());
          c.add("res.total_contained", "sum of the properties' contained metal", total, unit, c.sumIn(parts, unit, false));
        }
      }
    }
    fullBasis(c, properties, p);
    reconciliation(c, properties, p);
  }

  /**
   * S-K 1300 tonnage of a partly owned property on a 100% basis beside the attributable one: the
   * 100% basis from the attributable tonnage (tons / ownership share) when only that is known; when
   * both are known (a printed table, or a dataset that gives both) attributable = 100% x share ties them.
   */
  static void fullBasis(Catalogue c, List<Property> properties, Period p) {
    for (Property prop : properties) {
      if (!prop.partlyOwned()) {
        continue;
      }
      Entity e = property(prop.id());
      // S-K 1300 estimates only: a Guide 7 dataset's figures stay as they were
      if (ReserveCategory.SK_INPUTS.stream().noneMatch(x -> c.knownOrComputed(c.key(e, TONS, x.code(), p))
          || c.inputs().has(c.key(e, TONS_100PCT, x.code(), p)))) {
        continue;
      }
      String share = prop.ownershipPct().movePointLeft(2).toPlainString();
      for (ReserveCategory cat : ReserveCategory.SK_TABLES) {
        FactKey tons100 = c.key(e, TONS_100PCT, cat.code(), p);
        FactKey tons = c.key(e, TONS, cat.code(), p);
        if (c.inputs().has(tons100) && c.inputs().has(tons)) {
          c.add("res.attributable_tons", "tons on a 100% basis * ownership share", tons, c.inputs().find(tons).orElseThrow().unit(),
              times(ref(tons100), Expr.constant(share)));
        } else if (c.knownOrComputed(tons) && !c.knownOrComputed(tons100)) {
          Unit unit = c.unitOf(tons).or(() -> c.inputs().all().stream()
              .filter(f -> f.key().entity().equals(e) && f.key().concept().startsWith(TONS)).map(Fact::unit).findFirst())
              .orElse(Unit.SHORT_TON);
          c.add("res.full_basis_tons", "tons on a 100% basis = attributable tons / ownership share", tons100, unit,
              div(ref(tons), Expr.constant(share)));
        }
      }
    }
  }

  /**
   * A combined category of one property (proven and probable, measured and indicated): tons and
   * contained metal are the sums of the parts, the grade is contained metal over tons.
   */
  static void combined(Catalogue c, Property prop, ReserveCategory whole, ReserveCategory a, ReserveCategory b, Period p) {
    Entity e = property(prop.id());
    List<FactKey> tonsParts = List.of(c.key(e, TONS, a.code(), p), c.key(e, TONS, b.code(), p));
    FactKey tons = c.key(e, TONS, whole.code(), p);
    // a second relation for a figure is fine for the checker (printed figures) but not for the engine
    if (tonsParts.stream().noneMatch(c::knownOrComputed) || c.computedOnly(tons)) {
      return;
    }
    // the parts' unit, given or computed (attributable tonnes from a 100% basis in tonnes stay tonnes)
    Unit tonsUnit = c.commonUnit(tonsParts.stream().filter(c::knownOrComputed).toList(), Unit.SHORT_TON);
    c.add("res.combined_tons", "tons of the " + a.code() + " + tons of the " + b.code(), tons, tonsUnit,
        c.sumIn(tonsParts, tonsUnit, true));
    for (Metal m : Metal.values()) {
      List<FactKey> parts = List.of(c.key(e, CONTAINED, a.code() + ":" + m.name(), p),
          c.key(e, CONTAINED, b.code() + ":" + m.name(), p));
      Optional<Unit> gradeUnit = gradeUnit(c, e, a, b, m, p);
      FactKey contained = c.key(e, CONTAINED, whole.code() + ":" + m.name(), p);
      if (parts.stream().noneMatch(c::knownOrComputed) || gradeUnit.isEmpty() || c.computedOnly(contained)) {
        continue;
      }
      c.add("res.combined_contained", "contained metal of the " + a.code() + " + of the " + b.code(), contained,
          containedUnit(tonsUnit, m), c.sumIn(parts, containedUnit(tonsUnit, m), true));
      FactKey grade = c.key(e, GRADE, whole.code() + ":" + m.name(), p);
      if (!c.computedOnly(grade)) {
        c.add("res.combined_grade", "contained metal / (tons * the grade unit's factor)", grade, gradeUnit.get(),
            div(ref(contained), times(ref(tons),
                Expr.constant(containedFactor(tonsUnit, gradeUnit.get(), m).toPlainString()))));
      }
    }
  }

  /** The unit of a metal's grade as given for either of two categories of a property. */
  static Optional<Unit> gradeUnit(Catalogue c, Entity e, ReserveCategory a, ReserveCategory b, Metal m, Period p) {
    return Stream.of(a, b).map(x -> c.inputs().find(c.key(e, GRADE, x.code() + ":" + m.name(), p))).flatMap(Optional::stream)
        .map(Fact::unit).findFirst();
  }


  /** Guide 7 from S-K 1300 data: measured and indicated resources shown as mineralized material (tons, grade). */
  static void mineralizedMaterial(Catalogue c, Property prop, Period p) {
    Entity e = property(prop.id());
    String mi = ReserveCategory.MEASURED_INDICATED.code();
    String mm = ReserveCategory.MINERALIZED_MATERIAL.code();
    if (!c.results().contains(c.key(e, TONS, mi, p)) || c.knownOrComputed(c.key(e, TONS, mm, p))) {
      return;
    }
    FactKey miTons = c.key(e, TONS, mi, p);
    c.add("res.mineralized_material", "Guide 7 mineralized material = measured and indicated resources", c.key(e, TONS, mm, p),
        c.unitOf(miTons).orElse(Unit.SHORT_TON), sum(List.of(plus(ref(miTons)))));
    for (Metal m : Metal.values()) {
      FactKey grade = c.key(e, GRADE, mi + ":" + m.name(), p);
      if (c.results().contains(grade)) {
        c.add("res.mineralized_material", "Guide 7 mineralized material = measured and indicated resources",
            c.key(e, GRADE, mm + ":" + m.name(), p),
            gradeUnit(c, e, ReserveCategory.MEASURED, ReserveCategory.INDICATED, m, p).orElse(m.gradeUnit()),
            sum(List.of(plus(ref(grade)))));
      }
    }
  }

  /**
   * The year's reconciliation of each property's proven and probable reserves, per metal: opening =
   * the prior year-end's contained metal, closing = this year-end's, and closing = opening - depleted
   * + added + revised (revised is the balancing figure when the data does not give it, and must tie
   * when it does); the company's totals are the sums.
   */
  static void reconciliation(Catalogue c, List<Property> properties, Period p) {
    if (!(p instanceof Period.Year)) {
      return;
    }
    String pp = ReserveCategory.PROVEN_PROBABLE.code();
    for (Metal m : Metal.values()) {
      List<Entity> entities = new ArrayList<>();
      Map<Entity, Unit> units = new java.util.HashMap<>();
      for (Property prop : properties) {
        Entity e = property(prop.id());
        List<String> moves = List.of(RES_DEPLETED, RES_ADDED, RES_REVISED, RES_OPENING, RES_CLOSING);
        if (moves.stream().noneMatch(x -> c.inputs().has(c.key(e, x, m.name(), p)))) {
          continue;
        }
        entities.add(e);
        FactKey opening = c.key(e, RES_OPENING, m.name(), p);
        FactKey closing = c.key(e, RES_CLOSING, m.name(), p);
        FactKey prior = c.key(e, CONTAINED, pp + ":" + m.name(), p.priorYear());
        FactKey now = c.key(e, CONTAINED, pp + ":" + m.name(), p);
        // the movements' unit: the unit they are written in, else the contained metal's (nothing converts
        // when both agree, so a roll-forward that ties in tonnes ties exactly)
        List<FactKey> given = moves.stream().map(x -> c.key(e, x, m.name(), p)).filter(c.inputs()::has).toList();
        Unit unit = c.commonUnit(given, c.unitOf(now).or(() -> c.unitOf(prior)).orElse(m.quantityUnit()));
        units.put(e, unit);
        if (c.knownOrComputed(prior)) {
          c.add("res.opening", "opening reserves = the prior year-end's proven and probable contained metal", opening,
              unit, sum(List.of(plus(c.refIn(prior, unit)))));
        }
        if (c.knownOrComputed(now)) {
          c.add("res.closing", "closing reserves = the year-end's proven and probable contained metal", closing,
              unit, sum(List.of(plus(c.refIn(now, unit)))));
        }
        c.add("res.roll_forward", "revisions = closing - opening + depleted - added (closing = opening - depleted + added"
                + " + revised)", c.key(e, RES_REVISED, m.name(), p), unit,
            sum(List.of(plus(c.refIn(closing, unit)), minus(c.refIn(opening, unit)),
                plus(c.optIn(c.key(e, RES_DEPLETED, m.name(), p), unit)),
                minus(c.optIn(c.key(e, RES_ADDED, m.name(), p), unit)))));
      }
      if (entities.isEmpty()) {
        continue;
      }
      List<Unit> distinct = units.values().stream().distinct().toList();
      Unit total = distinct.size() == 1 ? distinct.get(0) : m.quantityUnit();
      for (String concept : List.of(RES_OPENING, RES_DEPLETED, RES_ADDED, RES_REVISED, RES_CLOSING)) {
        c.add("res.total_" + concept, "sum of the properties' " + concept.replace('_', ' '),
            c.key(reserves(), concept, m.name(), p), total,
            Expr.sum(entities.stream().map(e -> Expr.plus(Expr.in(opt(c.key(e, concept, m.name(), p)), units.get(e), total)))
                .toList()));
      }
    }
  }

  /**
   * Factor turning tons x grade into contained metal: ounces from short tons x oz/ton, short tons
   * from short tons x percent, and the exact conversions for tonnes and grams per tonne.
   */
  static java.math.BigDecimal containedFactor(Unit tons, Unit grade, Metal metal) {
    if (metal.precious()) {
      // one exact quotient of the units' factors: 1 for short tons at oz/ton, 1 / 31.1034768 for tonnes at g/t
      return Unit.ouncesContained(tons, grade);
    }
    // base metals: contained in the unit the tonnage is in (short tons of lead from short tons of ore)
    return grade.convert(java.math.BigDecimal.ONE, Unit.PERCENT).movePointLeft(2);
  }

  /** The unit of contained metal: troy ounces of a precious metal, else the tonnage's unit. */
  static Unit containedUnit(Unit tons, Metal metal) {
    return metal.precious() ? Unit.TROY_OUNCE : tons;
  }
}
