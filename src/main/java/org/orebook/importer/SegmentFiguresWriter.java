package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.model.Segment;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.relations.Catalogue;
import org.orebook.relations.Engine;

/**
 * segment_figures.csv: each segment's printed sales, and the costs its units do not carry
 * (other_cost_of_sales, other_dda) as the remainder that makes its printed gross profit come out.
 * Returns the company figures the engine will compute as the sum of the segments (sales, cost of
 * sales, DD&A, gross profit), which the statements link to where they print the same.
 */
final class SegmentFiguresWriter extends DatasetFileWriter {
  private final List<Segment> segments;
  private final Map<String, String> unitSegment;
  private final CostsWriter.UnitCosts unitCosts;
  /** Company figures the engine will compute from segments: concept → period → value. */
  private final Map<String, Map<Period, BigDecimal>> companyFigures = new HashMap<>();

  SegmentFiguresWriter(ImportContext ctx, SegmentsAndUnitsWriter.Layout layout, CostsWriter.UnitCosts unitCosts) {
    super(ctx, DatasetFile.SEGMENT_FIGURES);
    this.segments = layout.segments();
    this.unitSegment = layout.unitSegment();
    this.unitCosts = unitCosts;
  }

  Map<String, Map<Period, BigDecimal>> write() {
    var sf = rows(DatasetFile.SEGMENT_FIGURES);
    org.orebook.model.Company laidOut = laidOut();
    for (Period p : periods) {
      // the figures written for the period, which the engine sums into the company's
      FactSet written = unitCosts.inputs(p);
      Map<String, BigDecimal> unitCos = new LinkedHashMap<>();
      Map<String, BigDecimal> unitDda = new LinkedHashMap<>();
      Set<String> active = new LinkedHashSet<>();
      for (Segment s : segments) {
        BigDecimal cos = BigDecimal.ZERO;
        BigDecimal dda = BigDecimal.ZERO;
        boolean any = false;
        for (var e : unitSegment.entrySet()) {
          if (!e.getValue().equals(s.id())) {
            continue;
          }
          BigDecimal[] cd = unitCosts.cosDda(e.getKey(), p);
          if (cd != null) {
            cos = cos.add(cd[0]);
            dda = dda.add(cd[1]);
            any = true;
          }
        }
        unitCos.put(s.id(), cos);
        unitDda.put(s.id(), dda);
        if (any || v(segment(s.id()), SALES, p).isPresent()) {
          active.add(s.id());
        }
      }
      // remainders: what a segment's printed sales and gross profit leave for costs its units do not carry
      Map<String, BigDecimal> rest = new LinkedHashMap<>();
      boolean noSegmentFigures = segments.size() == 1 && segments.stream()
          .allMatch(s -> v(segment(s.id()), SALES, p).isEmpty() && v(segment(s.id()), GROSS_PROFIT, p).isEmpty());
      for (Segment s : segments) {
        Optional<BigDecimal> sales = v(segment(s.id()), SALES, p);
        Optional<BigDecimal> gp = v(segment(s.id()), GROSS_PROFIT, p);
        if (noSegmentFigures) {
          // one segment and no segment table: the company's sales and gross profit are the segment's
          sales = companyFigure(SALES, p);
          gp = companyFigure(GROSS_PROFIT, p);
          Optional<BigDecimal> cos = companyFigure(COST_OF_SALES, p);
          if (gp.isEmpty() && sales.isPresent() && cos.isPresent()) {
            BigDecimal d = companyFigure(DDA, p).orElse(unitDda.get(s.id()));
            gp = Optional.of(sales.get().subtract(cos.get()).subtract(d));
          }
          if (sales.isPresent()) {
            active.add(s.id());
          }
        }
        if (sales.isPresent()) {
          sf.add(s.id(), p.code(), SALES, sales.get(), Unit.USD.code());
          written.add(input(segment(s.id()), SALES, p, sales.get()));
        }
        if (sales.isPresent() && gp.isPresent()) {
          rest.put(s.id(), sales.get().subtract(gp.get()).subtract(unitCos.get(s.id())).subtract(unitDda.get(s.id())));
        }
      }
      Map<String, BigDecimal> otherDda = new LinkedHashMap<>();
      Optional<BigDecimal> companyDda = companyFigure(DDA, p);
      if (companyDda.isPresent() && !rest.isEmpty()) {
        BigDecimal units = active.stream().map(unitDda::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal dRest = companyDda.get().subtract(units);
        String target = rest.keySet().stream().max((a, b) -> unitDda.get(a).compareTo(unitDda.get(b))).orElseThrow();
        if (dRest.signum() != 0) {
          otherDda.put(target, dRest);
        }
      }
      for (var e : rest.entrySet()) {
        BigDecimal d = otherDda.getOrDefault(e.getKey(), BigDecimal.ZERO);
        BigDecimal c = e.getValue().subtract(d);
        if (c.signum() != 0) {
          sf.add(e.getKey(), p.code(), OTHER_COST_OF_SALES, c, Unit.USD.code());
          written.add(input(segment(e.getKey()), OTHER_COST_OF_SALES, p, c));
        }
        if (d.signum() != 0) {
          sf.add(e.getKey(), p.code(), OTHER_DDA, d, Unit.USD.code());
          written.add(input(segment(e.getKey()), OTHER_DDA, p, d));
        }
      }
      // the company figures the engine will compute from what is written (the catalogue's segment and company sums)
      FactSet computed = Engine.run(written, Catalogue.build(laidOut, List.of(), List.of(), written)).facts();
      for (String concept : List.of(SALES, COST_OF_SALES, DDA, GROSS_PROFIT)) {
        computed.find(FactKey.of(COMPANY, concept, p)).filter(f -> f.origin() instanceof Origin.Derived)
            .ifPresent(f -> companyFigures.computeIfAbsent(concept, k -> new HashMap<>()).put(p, f.value()));
      }
    }
    return companyFigures;
  }

  /** The company as the dataset lays it out: the segments written, each unit in the segment it is written under. */
  private org.orebook.model.Company laidOut() {
    var c = company;
    List<org.orebook.model.OperatingUnit> units = c.units().stream().map(u -> new org.orebook.model.OperatingUnit(u.id(),
        u.name(), u.country(), unitSegment.getOrDefault(u.id(), u.segmentId()), u.ownershipPct(), u.primaryMetal(),
        u.byproductMetals(), u.oreTerm(), u.gradeTerm(), u.shownInTables())).toList();
    return new org.orebook.model.Company(c.name(), c.shortName(), c.currency(), c.releasePeriod(), c.metals(), segments, units,
        c.coproductPrices(), c.reserveStandard(), c.reportingUnits(), c.reserveStandardByYear(), c.gradeDecimals(),
        c.baseMetalCostsPerTonne());
  }

  private static Fact input(org.orebook.facts.Entity e, String concept, Period p, BigDecimal value) {
    return new Fact(FactKey.of(e, concept, p), value, Unit.USD, new Origin.Input("segment_figures.csv", 0, "reconstructed"));
  }
}
