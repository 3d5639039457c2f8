package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.orebook.check.PublishedRelease;
import org.orebook.check.Reading;
import org.orebook.edgar.TableRow;
import org.orebook.edgar.Table;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * Turns what the checker read from a published release ({@link PublishedRelease}: a company, its
 * statement lines and properties, and the printed figures keyed as the engine keys them) back into
 * the engine's inputs. A release prints rounded totals, not the raw inputs, so most inputs are
 * reconstructed: each rule is named in {@link #RULES} and in the README written with the dataset.
 * Nothing here knows a particular company.
 */
final class Reconstruction {
  static final List<String> RULES = List.of(
      "Production (tons of ore, days, grades, metal produced) is copied from the production data as printed.",
      "mining = printed mining cost per ton x tons of ore; milling likewise (so the engine prints the same cost per ton).",
      "total cash costs: from the reconciliation (printed in thousands, x 1000), else total cash cost per ounce x ounces.",
      "cash operating costs = total cash costs - (total cash cost per ounce - cash operating cost per ounce) x ounces;"
          + " the difference is written as `royalties` (the release does not split royalties from production taxes).",
      "site_other = the remainder that makes cash operating costs come out:"
          + " cash operating - mining - milling - treatment and freight + by-product credits.",
      "treatment_freight, byproduct_credits, inventory_change, reclamation_other: the reconciliation lines x 1000;"
          + " where a unit's change in product inventory is not printed but its GAAP cost of sales is, it is the remainder"
          + " that makes the cost of sales come out.",
      "dda = total production cost per ounce x ounces - total cash costs - reclamation and other.",
      "Ounces dividing unit costs: the cost-basis ounces when printed, else the ounces produced, else the reconciliation's"
          + " ounces (in thousands).",
      "capital_additions: as printed (x 1000).",
      "Segment sales: as printed (x 1000). A segment's costs not carried by its units (other_cost_of_sales, other_dda) are"
          + " the remainder that makes its printed gross profit come out; the part of the company's printed DD&A the units"
          + " do not carry goes to other_dda of the segment with the most unit DD&A.",
      "Company production printed above the sum of the units' (a minor source not shown in the tables) is carried by a unit"
          + " `other-sources` with show_in_tables = no.",
      "Statements: every printed line is a `line` with its printed values (x 1000, shares x 1000); statement subtotals become"
          + " `subtotal` lines whose inputs are the printed lines (a subtotal that does not foot exactly on the printed lines"
          + " stays a `line` with its printed values); sales, cost of sales, DD&A of the statement of operations become"
          + " `company:` links where the printed figure is the sum of the segments.",
      "Per-share lines become `per_share` lines over the statement lines whose labels they repeat; preferred dividends are"
          + " not printed in tables, so `per_share.csv` is absent and basic EPS is computed without them.",
      "Reserves: tons as printed (attributable basis: the printed tons are the company's share); where the release prints"
          + " contained metal, the grade is contained / tons (it rounds to the printed grade, and the engine then reproduces"
          + " the printed contained metal), else the printed grade. A dash is zero.",
      "Prices: as printed.");

  private static final MathContext GRADE_MC = new MathContext(12);

  private final PublishedRelease pr;
  private final Company company;
  private final DatasetFiles out = new DatasetFiles();
  private final List<String> notes = new ArrayList<>();
  private final Set<Period> periods;
  /** Per unit and period, the reconstructed cost inputs (as written). */
  private final Map<String, Map<Period, Map<String, BigDecimal>>> unitCosts = new HashMap<>();
  /** Company figures the engine will compute from segments: concept → period → value. */
  private final Map<String, Map<Period, BigDecimal>> companyFigures = new HashMap<>();
  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, String> unitSegment = new LinkedHashMap<>();

  private Reconstruction(PublishedRelease pr) {
    this.pr = pr;
    this.company = pr.company();
    this.periods = new TreeSet<>();
    pr.facts().all().forEach(f -> periods.add(f.key().period()));
  }

  static DatasetFiles of(PublishedRelease pr, String source) {
    Reconstruction r = new Reconstruction(pr);
    r.run(source);
    return r.out;
  }

  // ------------------------------------------------------------------ helpers

  private Optional<BigDecimal> v(Entity entity, String concept, String qualifier, Period p) {
    return pr.facts().find(new FactKey(entity, concept, qualifier, p)).map(Fact::value);
  }

  private Optional<BigDecimal> v(Entity entity, String concept, Period p) {
    return v(entity, concept, "", p);
  }

  private Optional<Reading> reading(Entity entity, String concept, String qualifier) {
    for (Period p : periods) {
      Reading r = pr.readings().get(new FactKey(entity, concept, qualifier, p));
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static BigDecimal z(BigDecimal b) {
    return b == null ? BigDecimal.ZERO : b;
  }

  private static BigDecimal or(Optional<BigDecimal> a, BigDecimal b) {
    return a.orElse(b);
  }

  // ------------------------------------------------------------------ the whole

  private void run(String source) {
    segmentsAndUnits();
    production();
    costs();
    allInCosts();
    segmentFigures();
    prices();
    reserves();
    statements();
    companyFile();
    out.readme(readme(source));
  }

  private void companyFile() {
    var c = out.file("company.csv", "field", "value");
    c.comment("Imported from a published release: rounded published figures, not raw inputs (see README.md)");
    c.add("name", company.name());
    c.add("short_name", company.shortName());
    c.add("currency", company.currency());
    c.add("period", releasePeriod().code());
    List<Metal> metals = new ArrayList<>(company.metals());
    company.units().forEach(u -> u.metals().stream().filter(m -> !metals.contains(m)).forEach(metals::add));
    c.add("metals", String.join(" ", metals.stream().map(Metal::name).toList()));
    String decimals = gradeDecimals();
    if (!decimals.isEmpty()) {
      c.add("grade_decimals", decimals);
    }
  }

  /**
   * The decimals the published release prints grades with, per table and metal, where it prints
   * every grade of that metal and table alike ({@code reserves:AU=2}): the release's house style,
   * kept so the produced release prints them as published.
   */
  private String gradeDecimals() {
    Map<String, java.util.Set<Integer>> seen = new java.util.TreeMap<>();
    for (var e : pr.readings().entrySet()) {
      FactKey k = e.getKey();
      // a dash (no grade) says nothing of the decimals
      if (!k.concept().equals(GRADE) || pr.facts().find(k).map(f -> f.value().signum() == 0).orElse(true)) {
        continue;
      }
      String table = k.entity().is(Entity.Kind.PROPERTY) ? "reserves" : k.entity().is(Entity.Kind.UNIT) ? "production" : null;
      String[] q = k.qualifier().split(":");
      Optional<Metal> m = Metal.ofCode(q[q.length - 1]);
      if (table != null && m.isPresent()) {
        seen.computeIfAbsent(table + ":" + m.get().name(), x -> new java.util.TreeSet<>()).add(e.getValue().figure().decimals());
      }
    }
    return seen.entrySet().stream().filter(e -> e.getValue().size() == 1)
        .map(e -> e.getKey() + "=" + e.getValue().iterator().next()).collect(java.util.stream.Collectors.joining(" "));
  }

  /**
   * The release period: the latest period the tables print (reserve tables, which have no period of
   * their own, left aside), a quarter for a quarterly release; else the modeller's year.
   */
  private Period releasePeriod() {
    return pr.facts().all().stream().map(Fact::key)
        .filter(k -> !k.entity().is(Entity.Kind.PROPERTY) && !k.entity().is(Entity.Kind.RESERVES))
        .map(FactKey::period).max(Period::compareTo).orElse(company.releasePeriod());
  }

  // ------------------------------------------------------------------ segments and units

  private void segmentsAndUnits() {
    segments.addAll(company.segments());
    Set<String> ids = new HashSet<>(segments.stream().map(Segment::id).toList());
    for (OperatingUnit u : company.units()) {
      String seg = u.segmentId();
      if (!ids.contains(seg)) {
        seg = "operations";
        if (!ids.contains(seg)) {
          segments.add(new Segment(seg, segments.isEmpty() ? "Operations" : "Other operations"));
          ids.add(seg);
          notes.add("Unit " + u.name() + ": no segment of the release names its metal; put in segment `operations`.");
        }
      }
      unitSegment.put(u.id(), seg);
    }
    // a minor source: company production above the sum of the units'
    Map<Metal, Map<Period, BigDecimal>> remainder = new LinkedHashMap<>();
    for (Metal m : Metal.values()) {
      for (Period p : periods) {
        Optional<BigDecimal> total = v(COMPANY, PRODUCED, m.name(), p);
        if (total.isEmpty()) {
          continue;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OperatingUnit u : company.units()) {
          sum = sum.add(v(unit(u.id()), PRODUCED, m.name(), p).orElse(BigDecimal.ZERO));
        }
        BigDecimal rest = total.get().subtract(sum);
        if (rest.signum() > 0) {
          remainder.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(p, rest);
        }
      }
    }
    var segs = out.file("segments.csv", "id", "name");
    var units = out.file("units.csv", "id", "name", "country", "segment", "ownership_pct", "primary_metal",
        "byproduct_metals", "ore_term", "grade_term", "show_in_tables");
    for (OperatingUnit u : company.units()) {
      Entity e = unit(u.id());
      String ore = reading(e, ORE_MILLED, "").map(r -> r.figure().label().toLowerCase(Locale.ROOT))
          .filter(l -> l.contains("processed")).map(l -> "processed").orElse("milled");
      String grade = "milled";
      for (Metal m : u.metals()) {
        if (reading(e, GRADE, m.name()).map(r -> r.figure().label().toLowerCase(Locale.ROOT).contains("crushed")).orElse(false)) {
          grade = "crushed";
        }
      }
      units.add(u.id(), u.name(), u.country(), unitSegment.get(u.id()), u.ownershipPct(),
          u.primaryMetal().map(Metal::name).orElse(""), String.join(" ", u.byproductMetals().stream().map(Metal::name).toList()),
          ore, grade, "yes");
    }
    if (!remainder.isEmpty()) {
      Metal first = remainder.keySet().iterator().next();
      String seg = segments.stream().filter(s -> s.name().toLowerCase(Locale.ROOT)
          .contains(first.displayName().toLowerCase(Locale.ROOT))).map(Segment::id).findFirst()
          .orElse(segments.isEmpty() ? null : segments.get(segments.size() - 1).id());
      if (seg == null) {
        seg = "operations";
        segments.add(new Segment(seg, "Operations"));
      }
      String id = "other-sources";
      units.add(id, "Other sources", "", seg, BigDecimal.valueOf(100), "",
          String.join(" ", remainder.keySet().stream().map(Metal::name).toList()), "milled", "milled", "no");
      var prod = out.file("production.csv", "unit", "period", "item", "metal", "value", "uom");
      remainder.forEach((m, byPeriod) -> byPeriod.forEach((p, rest) -> {
        prod.add(id, p.code(), PRODUCED, m.name(), rest, m.quantityUnit().code());
        notes.add("Company " + m.displayName().toLowerCase(Locale.ROOT) + " production " + p.code() + " is "
            + DatasetFiles.plain(rest) + " above the sum of the units shown: carried by unit `other-sources`.");
      }));
      unitCosts.put(id, new HashMap<>());
    }
    for (Segment s : segments) {
      segs.add(s.id(), s.name());
    }
  }

  // ------------------------------------------------------------------ production

  private void production() {
    var prod = out.file("production.csv", "unit", "period", "item", "metal", "value", "uom");
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

  // ------------------------------------------------------------------ all-in costs

  /**
   * The all-in cost items a release prints per unit become aisc.csv rows; what a metal's block
   * prints beyond its units' sum (beyond their rounding) becomes a corporate row of that metal.
   * Ounces sold and the revenue of a co-product table become production.csv rows.
   */
  private void allInCosts() {
    for (Period p : periods) {
      for (OperatingUnit u : company.units()) {
        Entity e = unit(u.id());
        for (String item : AISC_ITEMS) {
          v(e, item, p).ifPresent(x -> out.file("aisc.csv", "entity", "metal", "period", "item", "value", "uom", "gaap_line")
              .add(u.id(), "", p.code(), item, x, Unit.USD.code(), ""));
        }
        for (Metal m : Metal.values()) {
          pr.facts().find(new FactKey(e, SOLD, m.name(), p)).ifPresent(f -> out.file("production.csv", "unit", "period",
              "item", "metal", "value", "uom").add(u.id(), p.code(), SOLD, m.name(), f.value(), f.unit().code()));
          Reading revenue = pr.readings().get(new FactKey(e, COPRODUCT_VALUE, m.name(), p));
          if (revenue != null && revenue.figure().label().toLowerCase(Locale.ROOT).contains("revenue")) {
            out.file("production.csv", "unit", "period", "item", "metal", "value", "uom")
                .add(u.id(), p.code(), REVENUE, m.name(), revenue.value(), Unit.USD.code());
          }
        }
      }
      for (Metal m : Metal.values()) {
        List<Entity> members = company.unitsWithPrimary(m).stream().map(u -> unit(u.id())).toList();
        for (String item : AISC_ITEMS) {
          FactKey g = new FactKey(group(m.name()), item, "", p);
          Reading whole = pr.readings().get(g);
          if (whole == null) {
            continue;
          }
          BigDecimal rest = whole.value();
          BigDecimal slack = halfWidth(whole);
          for (Entity e : members) {
            Reading part = pr.readings().get(new FactKey(e, item, "", p));
            if (part != null) {
              rest = rest.subtract(part.value());
              slack = slack.add(halfWidth(part));
            }
          }
          if (rest.abs().compareTo(slack) > 0) {
            out.file("aisc.csv", "entity", "metal", "period", "item", "value", "uom", "gaap_line")
                .add(CORPORATE, m.name(), p.code(), item, rest, Unit.USD.code(), "");
          }
        }
      }
    }
  }

  private static BigDecimal halfWidth(Reading r) {
    return r.interval().hi().subtract(r.interval().lo()).divide(BigDecimal.valueOf(2));
  }


  // ------------------------------------------------------------------ costs

  private void costs() {
    var costs = out.file("costs.csv", "unit", "period", "item", "value", "uom");
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

  /** A unit's GAAP cost of sales and DD&A as the engine computes them from the written inputs. */
  private BigDecimal[] unitCosDda(String unitId, Period p) {
    Map<String, BigDecimal> c = unitCosts.getOrDefault(unitId, Map.of()).getOrDefault(p, Map.of());
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

  // ------------------------------------------------------------------ segments

  private void segmentFigures() {
    var sf = out.file("segment_figures.csv", "segment", "period", "item", "value", "uom");
    for (Period p : periods) {
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
          BigDecimal[] cd = unitCosDda(e.getKey(), p);
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
            segmentSales.put(s.id() + "@" + p.code(), sales.get());
          }
        }
        if (sales.isPresent()) {
          sf.add(s.id(), p.code(), SALES, sales.get(), Unit.USD.code());
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
        }
        if (d.signum() != 0) {
          sf.add(e.getKey(), p.code(), OTHER_DDA, d, Unit.USD.code());
        }
      }
      // the company figures the engine will compute (sum of the active segments)
      BigDecimal sales = BigDecimal.ZERO;
      BigDecimal cos = BigDecimal.ZERO;
      BigDecimal dda = BigDecimal.ZERO;
      for (String s : active) {
        BigDecimal d = otherDda.getOrDefault(s, BigDecimal.ZERO);
        BigDecimal c = rest.containsKey(s) ? rest.get(s).subtract(d) : BigDecimal.ZERO;
        sales = sales.add(v(segment(s), SALES, p).orElse(segmentSales.getOrDefault(s + "@" + p.code(), BigDecimal.ZERO)));
        cos = cos.add(unitCos.get(s)).add(c);
        dda = dda.add(unitDda.get(s)).add(d);
      }
      if (!active.isEmpty()) {
        companyFigures.computeIfAbsent(SALES, k -> new HashMap<>()).put(p, sales);
        companyFigures.computeIfAbsent(COST_OF_SALES, k -> new HashMap<>()).put(p, cos);
        companyFigures.computeIfAbsent(DDA, k -> new HashMap<>()).put(p, dda);
        companyFigures.computeIfAbsent(GROSS_PROFIT, k -> new HashMap<>()).put(p, sales.subtract(cos).subtract(dda));
      }
    }
  }

  private final Map<String, BigDecimal> segmentSales = new HashMap<>();

  /** A company figure as printed: in a statement line carrying the concept, else in the highlights. */
  private Optional<BigDecimal> companyFigure(String concept, Period p) {
    return statementLineWithConcept(concept).flatMap(id -> v(Entity.statement(id.split(":")[0]), id.split(":")[1], p))
        .or(() -> v(COMPANY, concept, p));
  }

  /** "statement:line" of the first statement line carrying {@code concept}. */
  private Optional<String> statementLineWithConcept(String concept) {
    return pr.lines().stream().filter(l -> concept.equals(l.concept()) && l.kind() == StatementLine.Kind.LINE)
        .map(l -> l.statement() + ":" + l.id()).findFirst();
  }

  // ------------------------------------------------------------------ prices

  private void prices() {
    var prices = out.file("prices.csv", "metal", "period", "basis", "value", "uom");
    for (Fact f : pr.facts().all()) {
      if (f.key().entity().equals(Entity.MARKET) && f.key().concept().equals(PRICE)) {
        String q = f.key().qualifier();
        int colon = q.indexOf(':');
        if (colon < 0 || q.substring(colon + 1).isBlank()) {
          continue;
        }
        prices.add(q.substring(0, colon), f.key().period().code(), q.substring(colon + 1), f.value(), f.unit().code());
      }
    }
  }

  // ------------------------------------------------------------------ reserves

  private void reserves() {
    var props = out.file("properties.csv", "id", "name", "country", "ownership_pct", "unit");
    Set<String> unitIds = new HashSet<>(company.units().stream().map(OperatingUnit::id).toList());
    for (Property p : pr.properties()) {
      props.add(p.id(), p.name(), p.country(), p.ownershipPct(), p.unitId().filter(unitIds::contains).orElse(""));
    }
    // an S-K 1300 release (proven, probable, measured, indicated, inferred printed) becomes estimates.csv,
    // its combined categories left to the relations; a Guide 7 release becomes reserves.csv
    boolean sk = pr.facts().all().stream().anyMatch(f -> f.key().entity().is(Entity.Kind.PROPERTY)
        && ReserveCategory.ofCode(f.key().qualifier().split(":")[0]).filter(ReserveCategory.SK_INPUTS::contains).isPresent());
    var res = sk ? out.file("estimates.csv", "property", "period", "category", "item", "metal", "value", "uom", "basis")
        : out.file("reserves.csv", "category", "property", "item", "metal", "value", "uom", "basis");
    for (Fact f : pr.facts().all()) {
      FactKey k = f.key();
      if (!k.entity().is(Entity.Kind.PROPERTY)) {
        continue;
      }
      String prop = k.entity().id();
      if (List.of(RES_DEPLETED, RES_ADDED, RES_REVISED).contains(k.concept())) {
        out.file("reserve_changes.csv", "property", "period", "metal", "item", "value", "uom")
            .add(prop, k.period().code(), k.qualifier(), k.concept(), f.value(), f.unit().code());
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

  // ------------------------------------------------------------------ statements

  /** A statement line as written. */
  private static final class Out {
    String id;
    String label;
    StatementLine.Kind kind;
    List<String> terms;
    String concept;
    String rule;
    final Map<Period, BigDecimal> values = new LinkedHashMap<>();
    Unit unit = Unit.USD;
    String statement;

    Out(String statement, String id, String label, StatementLine.Kind kind, List<String> terms, String concept, String rule) {
      this.statement = statement;
      this.id = id;
      this.label = label;
      this.kind = kind;
      this.terms = new ArrayList<>(terms);
      this.concept = concept;
      this.rule = rule;
    }
  }

  private void statements() {
    var linesFile = out.file("statement_lines.csv", "statement", "id", "label", "kind", "sum_of", "concept", "rule");
    var valuesFile = out.file("statement_values.csv", "statement", "line", "period", "value", "uom");
    Map<String, List<StatementLine>> byStatement = new LinkedHashMap<>();
    pr.lines().forEach(l -> byStatement.computeIfAbsent(l.statement(), k -> new ArrayList<>()).add(l));
    for (var entry : byStatement.entrySet()) {
      String st = entry.getKey();
      List<Out> outs = statement(st, entry.getValue());
      for (Out o : outs) {
        linesFile.add(st, o.id, o.label, o.kind.code(), String.join(" ", o.terms), o.concept, o.rule);
      }
      for (Out o : outs) {
        o.values.forEach((p, x) -> valuesFile.add(st, o.id, p.code(), x, o.unit.code()));
      }
    }
  }

  private List<Out> statement(String st, List<StatementLine> lines) {
    boolean hasShares = lines.stream().anyMatch(l -> "weighted_shares".equals(l.concept()));
    Map<String, Out> byId = new LinkedHashMap<>();
    Map<String, List<String>> numerators = new HashMap<>();
    List<Out> result = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    int headingCount = 0;
    int previousLine = -1;
    Table previousTable = null;
    for (StatementLine l : lines) {
      Map<Period, BigDecimal> printed = new LinkedHashMap<>();
      Unit unit = Unit.USD;
      int sourceLine = Integer.MAX_VALUE;
      for (Period p : periods) {
        FactKey k = FactKey.of(Entity.statement(st), l.id(), p);
        Optional<Fact> f = pr.facts().find(k);
        if (f.isPresent()) {
          printed.put(p, f.get().value());
          unit = f.get().unit();
          Reading r = pr.readings().get(k);
          if (r != null) {
            sourceLine = Math.min(sourceLine, r.figure().line());
          }
        }
      }
      // a company figure printed elsewhere (the highlights' quarterly operating cash flow) for a period the
      // statement does not print: an input of the line for that period
      if (!l.concept().isBlank() && unit != Unit.USD_PER_SHARE) {
        for (Period p : periods) {
          Optional<BigDecimal> c = v(COMPANY, l.concept(), p);
          if (!printed.containsKey(p) && c.isPresent()
              && pr.facts().find(FactKey.of(COMPANY, l.concept(), p)).map(f -> f.unit() == Unit.USD).orElse(false)) {
            printed.put(p, c.get());
          }
        }
      }
      // headings printed between the previous line and this one
      Table table = tableOf(sourceLine);
      if (table != null) {
        int from = table == previousTable ? previousLine : table.firstLine() - 1;
        for (TableRow row : table.rows()) {
          if (row instanceof TableRow.Heading h && h.line() > from && h.line() < sourceLine) {
            String label = h.text().replaceAll("\\s+", " ").trim();
            result.add(new Out(st, "heading_" + (++headingCount), label, StatementLine.Kind.HEADING, List.of(), "", ""));
          }
        }
        previousTable = table;
        previousLine = sourceLine;
      }
      Out o = new Out(st, l.id(), l.label(), l.kind(), l.terms(), l.concept(), l.rule());
      o.unit = unit == Unit.SHARES ? Unit.SHARES : Unit.USD;
      if (unit == Unit.USD_PER_SHARE) {
        o.kind = StatementLine.Kind.PER_SHARE;
        List<String> num = numerator(l, lines, numerators, byId);
        if (!hasShares || num.isEmpty()) {
          dropped.add(l.id());
          notes.add("Statement " + st + ", per-share line '" + l.label() + "': "
              + (hasShares ? "no statement line it divides" : "no weighted average shares line") + "; left out.");
          continue;
        }
        numerators.put(l.id(), num);
        o.terms = new ArrayList<>(num);
        result.add(o);
        byId.put(o.id, o);
        continue;
      }
      if (l.kind() == StatementLine.Kind.SUBTOTAL && l.terms().stream().anyMatch(t -> dropped.contains(t.replaceFirst("^-", "")))) {
        o.kind = StatementLine.Kind.LINE;
        o.terms = new ArrayList<>();
      }
      if (o.kind == StatementLine.Kind.LINE && companyFigures.containsKey(l.concept())
          && printed.entrySet().stream().allMatch(e -> {
            BigDecimal c = companyFigures.get(l.concept()).get(e.getKey());
            return c != null && c.compareTo(e.getValue()) == 0;
          }) && !printed.isEmpty()) {
        o.kind = StatementLine.Kind.LINK;
        o.terms = new ArrayList<>(List.of("company:" + l.concept()));
        result.add(o);
        byId.put(o.id, o);
        continue;
      }
      if (o.kind == StatementLine.Kind.SUBTOTAL) {
        Map<Period, BigDecimal> inputs = new LinkedHashMap<>();
        boolean foots = true;
        for (var e : printed.entrySet()) {
          Optional<BigDecimal> computed = sum(o.terms, e.getKey(), byId);
          if (computed.isEmpty()) {
            inputs.put(e.getKey(), e.getValue());
          } else if (computed.get().compareTo(e.getValue()) != 0) {
            foots = false;
          }
        }
        if (!foots) {
          o.kind = StatementLine.Kind.LINE;
          o.terms = new ArrayList<>();
          o.values.putAll(printed);
          notes.add("Statement " + st + ", '" + (l.label().isBlank() ? l.id() : l.label())
              + "': the printed lines do not add up to the printed subtotal exactly; kept as a line with its printed values.");
        } else {
          o.values.putAll(inputs);
        }
      } else {
        o.values.putAll(printed);
      }
      result.add(o);
      byId.put(o.id, o);
    }
    return result;
  }

  /** The value the engine will give a written line for a period, when it can. */
  private Optional<BigDecimal> value(Out o, Period p, Map<String, Out> byId) {
    if (o.values.containsKey(p)) {
      return Optional.of(o.values.get(p));
    }
    if (o.kind == StatementLine.Kind.LINK) {
      return Optional.ofNullable(companyFigures.getOrDefault(o.concept, Map.of()).get(p));
    }
    if (o.kind == StatementLine.Kind.SUBTOTAL) {
      return sum(o.terms, p, byId);
    }
    return Optional.empty();
  }

  private Optional<BigDecimal> sum(List<String> terms, Period p, Map<String, Out> byId) {
    BigDecimal s = BigDecimal.ZERO;
    for (String t : terms) {
      boolean neg = t.startsWith("-");
      Out o = byId.get(neg ? t.substring(1) : t);
      if (o == null) {
        return Optional.empty();
      }
      Optional<BigDecimal> x = value(o, p, byId);
      if (x.isEmpty()) {
        return Optional.empty();
      }
      s = neg ? s.subtract(x.get()) : s.add(x.get());
    }
    return Optional.of(s);
  }

  private Table tableOf(int line) {
    for (Table t : pr.text().tables()) {
      if (t.firstLine() <= line && line <= t.lastLine()) {
        return t;
      }
    }
    return null;
  }

  private static final Set<String> STOP = Set.of("of", "in", "the", "and", "a", "an", "per", "share", "shares", "common",
      "basic", "diluted", "net", "from", "income", "loss", "tax", "taxes", "to", "for", "on");

  private static Set<String> words(String label) {
    Set<String> w = new LinkedHashSet<>(Arrays.asList(label.toLowerCase(Locale.ROOT)
        .replaceAll("\\(\\d{1,2}\\)|\\([a-z]\\)", " ").split("[^a-z]+")));
    w.removeIf(x -> x.isEmpty() || STOP.contains(x));
    return w;
  }

  /**
   * The numerator of a per-share line: for a subtotal of per-share lines, the union of theirs; else
   * the money line of the statement whose label it repeats most closely (most shared words, then the
   * closest match), and preferred dividends where the label names them.
   */
  private List<String> numerator(StatementLine l, List<StatementLine> lines, Map<String, List<String>> numerators,
      Map<String, Out> byId) {
    List<String> num = new ArrayList<>();
    if (l.kind() == StatementLine.Kind.SUBTOTAL && !l.terms().isEmpty()
        && l.terms().stream().allMatch(t -> numerators.containsKey(t.replaceFirst("^-", "")))) {
      for (String t : l.terms()) {
        for (String n : numerators.get(t.replaceFirst("^-", ""))) {
          if (!num.contains(n)) {
            num.add(n);
          }
        }
      }
      num.remove("-" + PREFERRED_DIVIDENDS);
      if (l.terms().stream().anyMatch(t -> numerators.get(t.replaceFirst("^-", "")).contains("-" + PREFERRED_DIVIDENDS))) {
        num.add("-" + PREFERRED_DIVIDENDS);
      }
      return num;
    }
    Set<String> mine = words(l.label());
    String best = null;
    int bestShared = 0;
    int bestUnion = Integer.MAX_VALUE;
    for (StatementLine c : lines) {
      Out o = byId.get(c.id());
      if (c == l || o == null || o.kind == StatementLine.Kind.PER_SHARE || o.unit != Unit.USD) {
        continue;
      }
      Set<String> theirs = words(c.label());
      Set<String> shared = new HashSet<>(mine);
      shared.retainAll(theirs);
      Set<String> union = new HashSet<>(mine);
      union.addAll(theirs);
      // equal shared words: the smaller union is the higher Jaccard similarity (exact, no division)
      if (shared.size() > bestShared || (shared.size() == bestShared && shared.size() > 0 && union.size() < bestUnion)) {
        best = c.id();
        bestShared = shared.size();
        bestUnion = union.size();
      }
    }
    if (best == null) {
      return List.of();
    }
    num.add(best);
    if (l.label().toLowerCase(Locale.ROOT).contains("preferred")) {
      num.add("-" + PREFERRED_DIVIDENDS);
    }
    return num;
  }

  // ------------------------------------------------------------------ README

  private String readme(String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(company.name()).append(" — dataset imported from a published release\n\n");
    sb.append("Imported by `orebook import` from `").append(source).append("`.\n\n");
    sb.append("**These are not the company's raw inputs.** A published release prints rounded totals (thousands of\n"
        + "dollars, whole ounces, cents per ounce), not the mine-level inputs it was computed from. This dataset\n"
        + "holds the printed figures where the input format takes them as printed, and inputs reconstructed from\n"
        + "printed figures elsewhere, so that `orebook release` on this folder prints, as far as the release\n"
        + "supports it, the same tables. Reconstructed inputs carry the rounding of the figures they come from;\n"
        + "where the release's own figures disagree, the produced release shows what the inputs imply.\n\n");
    sb.append("## How the inputs were reconstructed\n\n");
    for (String r : RULES) {
      sb.append("- ").append(r).append('\n');
    }
    sb.append("\n## Not imported\n\n");
    sb.append("- Preferred dividends (`per_share.csv`): printed only in footnote prose, not in tables.\n");
    sb.append("- Hedged positions (`hedges.csv`) and reserve footnotes (`reserve_notes.csv`): printed as prose.\n");
    sb.append("- Figures the reader could not key (").append(pr.unmapped().size()).append(" of ")
        .append(pr.figureCount()).append(" figures read).\n");
    if (!notes.isEmpty()) {
      sb.append("\n## Notes on this release\n\n");
      for (String n : notes) {
        sb.append("- ").append(n).append('\n');
      }
    }
    return sb.toString();
  }
}
