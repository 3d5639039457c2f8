package org.orebook.release;

import static org.orebook.relations.Concepts.COMPANY;
import static org.orebook.relations.Concepts.PRODUCED;
import static org.orebook.relations.Concepts.TOTAL_CASH_PER_OZ;
import static org.orebook.relations.Concepts.group;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orebook.data.Dataset;
import org.orebook.data.FinanceInputs;
import org.orebook.data.Hedge;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.finance.ExchangeOffer;
import org.orebook.finance.Guidance;
import org.orebook.finance.HedgeBook;
import org.orebook.finance.ProjectEconomics;
import org.orebook.model.Metal;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.relations.Concepts;

/**
 * The finance sections that follow the operating tables: the hedge book marked to market, guidance
 * (and guidance against actuals), project economics with sensitivities, and the exchange offer.
 * Each computed figure is added to the release's figures with a derived origin (the model's rule
 * in words, its formula and its operands), so every printed number can be traced like the rest.
 */
final class FinanceSections {
  /** The titles the sections open with (after the company name), in print order. */
  static final List<String> TITLES = List.of("Hedge Book - Mark to Market", "Guidance", "Project Economics",
      "Preferred Stock Exchange Offer");

  /**
   * A cell where no figure applies (a price's total, a bound an "about" guidance has not, an actual not
   * yet known): blank, never "--", which reads as zero.
   */
  private static final Cell NOT_APPLICABLE = Cell.literal("");

  private final Dataset data;
  private final FactSet facts;
  private final String companyName;
  /** The last day the release reports: guidance of a period ending later has no actual yet. */
  private final java.time.LocalDate reportedTo;

  private FinanceSections(Dataset data, FactSet facts, java.time.LocalDate reportedTo) {
    this.data = data;
    this.facts = facts;
    this.companyName = data.company().name().toUpperCase(Locale.ROOT);
    this.reportedTo = reportedTo;
  }

  /**
   * Computes the finance figures into {@code facts} and returns their sections (none when there are
   * no inputs); {@code reportedTo} is the release period's last day (guidance so far: a year an
   * interim release is in is compared with no actual).
   */
  static List<Section> build(Dataset data, FactSet facts, java.time.LocalDate reportedTo) {
    FinanceSections f = new FinanceSections(data, facts, reportedTo);
    data.finance().inputs().all().stream().filter(x -> !facts.has(x.key())).forEach(facts::add);
    List<Section> out = new ArrayList<>();
    f.hedgeBook().ifPresent(out::add);
    f.guidance().ifPresent(out::add);
    f.data.finance().projects().forEach(p -> out.add(f.project(p)));
    f.data.finance().offer().ifPresent(o -> out.add(f.offer(o)));
    prove(data, facts);
    return out;
  }

  /** The entities whose figures the finance models compute. */
  private static final java.util.Set<Entity.Kind> FINANCE = java.util.EnumSet.of(Entity.Kind.HEDGES, Entity.Kind.GUIDANCE,
      Entity.Kind.PROJECT, Entity.Kind.OFFER);

  /**
   * The finance models compute with schedules, floors and bisection, which the catalogue's relations do
   * not; where the catalogue states a finance figure's arithmetic (relations.FinanceTies: a position's
   * mark to market, a project's yearly revenue and cash flow, the offer's VWAP, ...), the figure the
   * model computed must be the relation's value on the same figures, under the same relation id. A
   * difference is a defect of Orebook, never of the inputs: the release is not printed. Values agree
   * to 28 significant digits (the two divide in different orders at 34).
   */
  static void prove(Dataset data, FactSet facts) {
    if (facts.all().stream().noneMatch(f -> FINANCE.contains(f.key().entity().kind()))) {
      return;
    }
    for (org.orebook.relations.Relation r : org.orebook.relations.Catalogue.build(data.company(), data.statementLines(),
        data.properties(), facts)) {
      if (!FINANCE.contains(r.result().entity().kind())) {
        continue;
      }
      Fact printed = facts.find(r.result()).orElseThrow();
      Optional<BigDecimal> v = r.expr().eval(k -> facts.find(k).map(Fact::value));
      BigDecimal tolerance = printed.value().abs().max(BigDecimal.ONE).movePointLeft(28);
      boolean sameRelation = !(printed.origin() instanceof Origin.Derived d) || d.relation().equals(r.id());
      if (v.isEmpty() || v.get().subtract(printed.value()).abs().compareTo(tolerance) > 0 || !sameRelation) {
        throw new IllegalStateException("internal error: the finance figure " + r.result() + " = " + printed.value()
            + " (" + printed.origin() + ") is not what the catalogue's " + r.id() + " (" + r.description() + ") gives: "
            + v.map(BigDecimal::toPlainString).orElse("no value"));
      }
    }
  }

  // ---------------------------------------------------------------- shared

  private FactKey derive(FactKey key, BigDecimal value, Unit unit, String relation, String words, String formula,
      FactKey... operands) {
    if (!facts.has(key)) {
      facts.add(new Fact(key, value, unit, new Origin.Derived(relation, words, formula, List.of(operands))));
    }
    return key;
  }

  /** The code of the unit the first present figure of {@code keys} is reported in (a metric release: t), else {@code fallback}'s. */
  private String unitCode(Unit fallback, FactKey... keys) {
    return java.util.Arrays.stream(keys).flatMap(k -> facts.find(k).stream()).findFirst().map(f -> f.unit().code())
        .orElse(fallback.code());
  }

  private Optional<BigDecimal> value(FactKey key) {
    return facts.find(key).map(Fact::value);
  }

  private List<String> title(String... lines) {
    List<String> t = new ArrayList<>();
    t.add(companyName);
    t.addAll(List.of(lines));
    return t;
  }

  /** A cell of a schedule: a year without the figure (no ore mined before production starts) prints "--". */
  private static Cell cell(FactKey key, int decimals, int scale) {
    return Cell.of(key, decimals, scale).emptyAs("--");
  }

  private static Row.Values row(String label, Cell... cells) {
    return new Row.Values(label, 0, List.of(cells));
  }

  private static List<String> header(String... lines) {
    return List.of(lines);
  }

  private static Section section(String id, String title, List<Section.Block> blocks) {
    return new Section(id, title, blocks);
  }

  // ---------------------------------------------------------------- hedge book

  private Optional<Section> hedgeBook() {
    if (data.hedges().isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = new ArrayList<>();
    java.time.LocalDate asOf = data.hedges().get(0).asOf();
    FactKey total = null;
    BigDecimal sum = BigDecimal.ZERO;
    List<FactKey> mtms = new ArrayList<>();
    String basis = "";
    for (Hedge h : data.hedges()) {
      HedgeBook.Position p = position(h);
      FactKey market = FinanceInputs.MarketPrice.key(h.metal(), h.asOf());
      Optional<BigDecimal> price = value(market);
      Cell mtmCell = Cell.literal("n/a");
      if (price.isPresent()) {
        basis = data.finance().marketPrices().stream().filter(m -> m.key().equals(market)).findFirst()
            .map(FinanceInputs.MarketPrice::basis).orElse("");
        BigDecimal mtm = HedgeBook.markToMarket(p, price.get());
        FactKey k = derive(new FactKey(Entity.HEDGES, Concepts.MARK_TO_MARKET, h.qualifier(), h.period()), mtm, Unit.USD,
            "hedge.mark_to_market", h.position().equals(HedgeBook.SOLD_FORWARD)
                ? "mark to market of a forward sale: (contract price - market price) x quantity"
                : "mark to market of a forward purchase: (market price - contract price) x quantity",
            h.position().equals(HedgeBook.SOLD_FORWARD) ? "(price - market_price) x quantity"
                : "(market_price - price) x quantity", h.priceKey(), market, h.quantityKey());
        mtms.add(k);
        sum = sum.add(mtm);
        mtmCell = cell(k, 0, 3);
      }
      String delivery = h.deliveryFrom() == 0 ? "delivery not stated"
          : "delivery " + h.deliveryFrom() + (h.deliveryTo() == h.deliveryFrom() ? "" : "-" + h.deliveryTo());
      String what = h.position().equals(HedgeBook.SOLD_FORWARD) ? "sold forward" : "bought forward";
      int pd = h.priceUnit() == Unit.CENTS_PER_POUND ? 1 : h.metal().priceDecimals();
      // a price in cents per pound prints without a dollar sign, and says so
      boolean cents = h.priceUnit() == Unit.CENTS_PER_POUND;
      rows.add(row(h.metal().displayName() + " " + what + " (" + unitCode(h.unit(), h.quantityKey()) + ", " + delivery
          + (cents ? ", cents/lb" : "") + ")",
          cell(h.quantityKey(), 0, 0), cents ? cell(h.priceKey(), pd, 0) : cell(h.priceKey(), pd, 0).withDollar(),
          price.isPresent() ? (cents ? cell(market, 2, 0) : cell(market, 2, 0).withDollar()) : Cell.literal("n/a"), mtmCell));
    }
    if (mtms.size() > 1) {
      total = derive(new FactKey(Entity.HEDGES, Concepts.MARK_TO_MARKET, "total", new Period.Year(asOf.getYear())), sum, Unit.USD,
          "hedge.mark_to_market_total", "total mark to market of the hedge book", "sum of the positions' mark to market",
          mtms.toArray(FactKey[]::new));
      rows.add(new Row.Rule('-'));
      rows.add(row("Total", NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, cell(total, 0, 3)));
    }
    String date = asOf.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + asOf.getDayOfMonth() + ", "
        + asOf.getYear();
    Table book = new Table("hedge_book", title(TITLES.get(0), "As of " + date + (basis.isEmpty() ? "" : " (market: " + basis + ")"),
        "(mark to market in thousands of dollars)"), List.of(),
        List.of(header("Quantity"), header("Contract", "price"), header("Market", "price"), header("Mark to", "market")),
        "", rows, 40, 12, false);
    List<Section.Block> blocks = new ArrayList<>(List.of(new Section.TableBlock(book)));
    hedgedShare().ifPresent(t -> blocks.add(new Section.TableBlock(t)));
    blocks.add(new Section.TextBlock(List.of("",
        "Mark to market of a forward sale = (contract price - market price) x quantity; negative when the",
        "market is above the contract price. Hedged share = forward sales delivering in the year / the",
        "year's guided production.")));
    return Optional.of(section("hedge_book", TITLES.get(0), blocks));
  }

  private static HedgeBook.Position position(Hedge h) {
    return new HedgeBook.Position(h.metal(), h.position(), h.quantity(), h.unit(), h.price(), h.priceUnit(),
        h.deliveryFrom(), h.deliveryTo());
  }

  /** Forward sales delivering in a guided year as a share of the year's guided production. */
  private Optional<Table> hedgedShare() {
    List<Row> rows = new ArrayList<>();
    List<HedgeBook.Position> positions = data.hedges().stream().map(FinanceSections::position).toList();
    for (FinanceInputs.GuidanceItem g : data.finance().guidance()) {
      if (g.kind() != Guidance.Kind.PRODUCTION || !(g.period() instanceof Period.Year y) || g.metal().isEmpty()) {
        continue;
      }
      Metal m = g.metal().get();
      List<Hedge> delivering = data.hedges().stream().filter(h -> h.metal() == m && h.unit() == g.unit()
          && position(h).deliversIn(y.year()) && h.position().equals(HedgeBook.SOLD_FORWARD)).toList();
      if (delivering.isEmpty()) {
        continue;
      }
      BigDecimal hedged = HedgeBook.hedgedIn(positions.stream().filter(p -> p.unit() == g.unit()).toList(), m, y.year());
      FactKey hk = derive(new FactKey(Entity.HEDGES, Concepts.HEDGED_QUANTITY, m.name(), y), hedged, g.unit(), "hedge.hedged_quantity",
          "forward sales of the metal delivering in the year", "sum of quantity",
          delivering.stream().map(Hedge::quantityKey).toArray(FactKey[]::new));
      BigDecimal guided = g.target().reference();
      FactKey gk = g.key(g.target() instanceof Guidance.Range ? "low" : "value");
      if (g.target() instanceof Guidance.Range r) {
        guided = r.low();
      }
      FactKey sk = derive(new FactKey(Entity.HEDGES, Concepts.HEDGED_SHARE_PCT, m.name(), y),
          HedgeBook.hedgedShare(hedged, guided).multiply(Exact.HUNDRED), Unit.PERCENT, "hedge.hedged_share",
          "share of guided production sold forward: hedged quantity / guided production (the low end of a range)",
          "hedged_quantity / guided_production x 100", hk, gk);
      rows.add(row(m.displayName() + " " + y.year() + " (" + unitCode(g.unit(), hk) + ")", cell(hk, 0, 0), cell(gk, 0, 0),
          cell(sk, 1, 0)));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Table("hedged_share", List.of("", "Share of guided production sold forward"), List.of(),
        List.of(header("Sold", "forward"), header("Guided", "production"), header("Hedged", "(%)")), "", rows, 40, 12,
        false));
  }

  // ---------------------------------------------------------------- guidance

  private Optional<Section> guidance() {
    List<FinanceInputs.GuidanceItem> items = data.finance().guidance();
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<Section.Block> blocks = new ArrayList<>();
    List<Period> periods = items.stream().map(FinanceInputs.GuidanceItem::period).distinct().sorted().toList();
    for (Period p : periods) {
      List<Row> rows = new ArrayList<>();
      boolean anyActual = false;
      for (FinanceInputs.GuidanceItem g : items.stream().filter(x -> x.period().equals(p)).toList()) {
        int dec;
        int scale = 0;
        String label;
        switch (g.kind()) {
          case PRODUCTION -> {
            dec = 0;
            label = g.metal().get().displayName() + " production (" + unitCode(g.unit(), g.key("value"), g.key("low"),
                g.key("high")) + ")";
          }
          case CASH_COST -> {
            dec = data.company().costDecimals(g.metal().get());
            label = g.metal().get().displayName() + " total cash cost (" + unitCode(g.unit(), g.key("value"), g.key("low"),
                g.key("high")) + ")";
          }
          default -> {
            dec = 0;
            scale = 3;
            label = "Exploration ($000)";
          }
        }
        Cell from = switch (g.target()) {
          case Guidance.Value v -> cell(g.key("value"), dec, scale);
          case Guidance.Range r -> cell(g.key("low"), dec, scale);
          case Guidance.LessThan l -> NOT_APPLICABLE;
        };
        Cell to = g.target() instanceof Guidance.Value ? NOT_APPLICABLE : cell(g.key("high"), dec, scale);
        Optional<FactKey> actualKey = actualKey(g);
        Cell actual = NOT_APPLICABLE;
        Cell diff = NOT_APPLICABLE;
        Cell met = NOT_APPLICABLE;
        if (actualKey.isPresent()) {
          anyActual = true;
          Fact a = facts.find(actualKey.get()).orElseThrow();
          // the actual in the guidance's own unit (a cost guided in cents per pound, the actual per pound in dollars),
          // so the row compares like with like and prints in one unit
          FactKey shown = actualKey.get();
          Unit unit = a.unit();
          if (g.unit() != a.unit() && g.unit().dimension() == a.unit().dimension()) {
            shown = derive(new FactKey(g.entity(), "actual", g.qualifier(), p), a.unit().convert(a.value(), g.unit()),
                g.unit(), "guidance.actual_in_unit", "the actual in the guidance's unit (" + g.unit().code() + ")",
                "actual x " + a.unit().factorTo(g.unit()).toPlainString(), actualKey.get());
            unit = g.unit();
          }
          // the value in `unit`, computed here: a release reported in other units converts the fact as it is added, so
          // reading it back would give it in the reported unit (an imperial release: short tons, not the guided tonnes)
          BigDecimal actualValue = unit == a.unit() ? a.value() : a.unit().convert(a.value(), unit);
          Guidance.Target target = converted(g.target(), g.unit(), unit);
          Guidance.Assessment as = Guidance.assess(g.kind(), target, actualValue, g.tolerance());
          FactKey[] operands = switch (g.target()) {
            case Guidance.Value v -> new FactKey[] {shown, g.key("value")};
            case Guidance.Range r -> new FactKey[] {shown, g.key("low"), g.key("high")};
            case Guidance.LessThan l -> new FactKey[] {shown, g.key("high")};
          };
          FactKey dk = derive(new FactKey(g.entity(), "difference", g.qualifier(), p), as.difference(), unit,
              "guidance.difference", "actual less guidance (the value, a range's midpoint, or a 'less than' bound)",
              g.target() instanceof Guidance.Range ? "actual - (low + high) / 2" : "actual - guidance", operands);
          derive(new FactKey(g.entity(), "met", g.qualifier(), p), as.met() ? BigDecimal.ONE : BigDecimal.ZERO, Unit.RATIO,
              "guidance.met", metWords(g.kind()), metFormula(g), operands);
          actual = cell(shown, dec, scale);
          diff = cell(dk, dec, scale).emptyAs("0");
          met = Cell.literal(as.met() ? "yes" : "no");
        }
        // "met" beside the kind's word, before the figures: a row that ends in a word does not read as a row of figures
        rows.add(row(label, Cell.literal(g.target().word()), met, from, to, actual, diff));
      }
      // a year in words ("2004", "fiscal 2025"), not a period code: a heading "FY2004" would read as a column heading
      String when = p instanceof Period.Year y ? (y.yearEnd() == org.orebook.quantity.FiscalYearEnd.DECEMBER ? "" : "fiscal ")
          + y.year() : p.code();
      String heading = anyActual ? "Guidance and Actual, " + when : "Guidance, " + when;
      Table t = new Table("guidance_" + p.code().replace(' ', '_'), blocks.isEmpty()
          ? title(TITLES.get(1), heading) : List.of("", heading), List.of(),
          List.of(header("Guidance"), header("Met"), header("Value", "or low"), header("High", "(bound)"), header("Actual"),
              header("Differ-", "ence")), "", rows, 34, 11, false);
      blocks.add(new Section.TableBlock(t));
    }
    blocks.add(new Section.TextBlock(List.of("",
        "Met: production at least the guided value (a range's low end) less the tolerance; a cash cost at",
        "most the guided value plus the tolerance, at most a range's high end or below a 'less than' bound;",
        "a spend within its range. Difference = actual - guidance (a range's midpoint).")));
    return Optional.of(section("guidance", TITLES.get(1), blocks));
  }

  private static String metWords(Guidance.Kind kind) {
    return switch (kind) {
      case PRODUCTION -> "production guidance met: actual >= guided value (range low) x (1 - tolerance)";
      case CASH_COST -> "cost guidance met: actual <= value x (1 + tolerance), <= range high, or < bound";
      case SPEND -> "spend guidance met: low <= actual <= high, |actual - value| <= value x tolerance, or < bound";
    };
  }

  private static String metFormula(FinanceInputs.GuidanceItem g) {
    return switch (g.kind()) {
      case PRODUCTION -> "actual >= guided x (1 - " + g.tolerance().toPlainString() + ")";
      case CASH_COST -> g.target() instanceof Guidance.LessThan ? "actual < high" : "actual <= guided";
      case SPEND -> g.target() instanceof Guidance.Range ? "low <= actual <= high" : "actual within guidance";
    };
  }

  private static Guidance.Target converted(Guidance.Target t, Unit from, Unit to) {
    if (from == to || from.dimension() != to.dimension()) {
      return t;
    }
    return switch (t) {
      case Guidance.Value v -> new Guidance.Value(from.convert(v.value(), to));
      case Guidance.Range r -> new Guidance.Range(from.convert(r.low(), to), from.convert(r.high(), to));
      case Guidance.LessThan l -> new Guidance.LessThan(from.convert(l.bound(), to));
    };
  }

  /** The actual figure a guidance compares with, when the release has it (and reports the whole guided period). */
  private Optional<FactKey> actualKey(FinanceInputs.GuidanceItem g) {
    if (g.period().end().isAfter(reportedTo)) {
      return Optional.empty();
    }
    Optional<FactKey> key = switch (g.kind()) {
      case PRODUCTION -> Optional.of(new FactKey(COMPANY, PRODUCED, g.qualifier(), g.period()));
      case CASH_COST -> Optional.of(FactKey.of(group(g.qualifier()), TOTAL_CASH_PER_OZ, g.period()));
      case SPEND -> data.statementLines().stream()
          .filter(l -> l.kind() == StatementLine.Kind.LINE && ("exploration".equals(l.concept()) || "exploration".equals(l.id())))
          .findFirst().map(l -> FactKey.of(Entity.statement(l.statement()), l.id(), g.period()));
    };
    return key.filter(facts::has);
  }

  // ---------------------------------------------------------------- projects

  private Section project(FinanceInputs.ProjectInput in) {
    ProjectEconomics.Project p = in.project();
    ProjectEconomics.Result res = ProjectEconomics.evaluate(p);
    Entity e = in.entity();
    Metal m = p.metal();
    boolean precious = m.precious();
    String qty = precious ? "oz." : "lb";
    List<ProjectEconomics.YearResult> ys = res.years();
    Period first = in.firstPeriod();
    FactKey recovery = in.termKey(Concepts.RECOVERY_PCT);
    FactKey royalty = in.termKey(Concepts.ROYALTY_PCT);
    FactKey tax = in.termKey(Concepts.TAX_RATE_PCT);
    List<Row> rows = new ArrayList<>();
    // per year
    List<Cell> ore = new ArrayList<>();
    List<Cell> grade = new ArrayList<>();
    List<Cell> produced = new ArrayList<>();
    List<Cell> price = new ArrayList<>();
    List<Cell> cashCost = new ArrayList<>();
    List<Cell> revenue = new ArrayList<>();
    List<Cell> royalties = new ArrayList<>();
    List<Cell> cash = new ArrayList<>();
    List<Cell> dep = new ArrayList<>();
    List<Cell> taxes = new ArrayList<>();
    List<Cell> capital = new ArrayList<>();
    List<Cell> flow = new ArrayList<>();
    List<Cell> cumulative = new ArrayList<>();
    FactKey previousCumulative = null;
    List<FactKey> capitalKeys = new ArrayList<>();
    for (int i = 0; i < ys.size(); i++) {
      ProjectEconomics.YearResult y = ys.get(i);
      Period yp = new Period.Year(y.year());
      FactKey oreK = in.itemKey(Concepts.ORE_MINED, y.year());
      FactKey gradeK = in.itemKey("grade", y.year());
      FactKey priceK = facts.has(in.itemKey("price", y.year())) ? in.itemKey("price", y.year()) : in.termKey(Concepts.PRICE_DECK);
      FactKey costK = in.itemKey(Concepts.PROJECT_CASH_COST, y.year());
      FactKey capK = in.itemKey("capital", y.year());
      capitalKeys.add(capK);
      ore.add(cell(oreK, 0, 0));
      grade.add(cell(gradeK, GradePrecision.decimals(data.company(), "projects", m,
          facts.find(gradeK).map(f -> f.unit()).orElse(m.gradeUnit()), precious ? m.productionGradeDecimals() : 2,
          facts.find(gradeK).map(f -> List.of(f.value())).orElse(List.of())), 0));
      FactKey prodK = derive(FactKey.of(e, Concepts.PROJECT_METAL_PRODUCED, yp), y.produced(), precious ? Unit.TROY_OUNCE : Unit.POUND,
          "project.metal_produced", "metal produced = ore mined x grade x recovery", "ore_mined x grade x recovery_pct / 100",
          oreK, gradeK, recovery);
      produced.add(cell(prodK, 0, 0));
      price.add(cell(priceK, m.priceDecimals(), 0));
      cashCost.add(cell(costK, data.company().costDecimals(m), 0));
      FactKey revK = derive(FactKey.of(e, "revenue", yp), y.revenue(), Unit.USD, "project.revenue",
          "revenue = metal produced x price", "metal_produced x price", prodK, priceK);
      FactKey royK = derive(FactKey.of(e, "royalties", yp), y.royalties(), Unit.USD, "project.royalties",
          "royalties = revenue x royalty rate", "revenue x royalty_pct / 100", revK, royalty);
      FactKey cashK = derive(FactKey.of(e, Concepts.PROJECT_CASH_COSTS, yp), y.cashCosts(), Unit.USD, "project.cash_costs",
          "cash costs = metal produced x cash cost per unit", "metal_produced x cash_cost", prodK, costK);
      FactKey depK = derive(FactKey.of(e, "depreciation", yp), y.depreciation(), Unit.USD, "project.depreciation",
          "each year's capital straight-line over " + p.depreciationYears() + " years from the next year; the rest in the last year",
          "straight-line of earlier capital", capitalKeys.subList(0, i).toArray(FactKey[]::new));
      FactKey taxK = derive(FactKey.of(e, Concepts.PROJECT_INCOME_TAXES, yp), y.taxes(), Unit.USD, "project.income_taxes",
          "income taxes = (revenue - royalties - cash costs - depreciation) x tax rate, when positive",
          "max(0, revenue - royalties - cash_costs - depreciation) x tax_rate_pct / 100", revK, royK, cashK, depK, tax);
      FactKey flowK = derive(FactKey.of(e, Concepts.AFTER_TAX_CASH_FLOW, yp), y.cashFlow(), Unit.USD, "project.cash_flow",
          "after-tax cash flow = revenue - royalties - cash costs - income taxes - capital",
          "revenue - royalties - cash_costs - income_taxes - capital", revK, royK, cashK, taxK, capK);
      FactKey cumK = previousCumulative == null
          ? derive(FactKey.of(e, Concepts.CUMULATIVE_CASH_FLOW, yp), y.cumulative(), Unit.USD, "project.cumulative",
              "cumulative after-tax cash flow", Concepts.AFTER_TAX_CASH_FLOW, flowK)
          : derive(FactKey.of(e, Concepts.CUMULATIVE_CASH_FLOW, yp), y.cumulative(), Unit.USD, "project.cumulative",
              "cumulative after-tax cash flow", "previous cumulative + after_tax_cash_flow", previousCumulative, flowK);
      previousCumulative = cumK;
      revenue.add(cell(revK, 0, 3));
      royalties.add(cell(royK, 0, 3));
      cash.add(cell(cashK, 0, 3));
      dep.add(cell(depK, 0, 3));
      taxes.add(cell(taxK, 0, 3));
      capital.add(cell(capK, 0, 3));
      flow.add(cell(flowK, 0, 3));
      cumulative.add(cell(cumK, 0, 3));
    }
    // totals
    String[][] totals = {{Concepts.PROJECT_METAL_PRODUCED, "0"}, {"revenue", "3"}, {"royalties", "3"}, {Concepts.PROJECT_CASH_COSTS, "3"},
        {"depreciation", "3"}, {Concepts.PROJECT_INCOME_TAXES, "3"}, {"capital", "3"}, {Concepts.AFTER_TAX_CASH_FLOW, "3"}};
    List<List<Cell>> perYear = List.of(produced, revenue, royalties, cash, dep, taxes, capital, flow);
    for (int i = 0; i < totals.length; i++) {
      String concept = totals[i][0];
      List<FactKey> parts = ys.stream().map(y -> concept.equals("capital") ? in.itemKey("capital", y.year())
          : FactKey.of(e, concept, new Period.Year(y.year()))).toList();
      BigDecimal t = parts.stream().map(k -> value(k).orElse(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
      FactKey tk = derive(new FactKey(e, concept, "total", first), t, i == 0 ? (precious ? Unit.TROY_OUNCE : Unit.POUND)
          : Unit.USD, "project.total", "life-of-project total of " + concept.replace('_', ' '), "sum over the years",
          parts.toArray(FactKey[]::new));
      perYear.get(i).add(cell(tk, 0, Integer.parseInt(totals[i][1])));
    }
    for (List<Cell> l : List.of(ore, grade, price, cashCost, cumulative)) {
      l.add(NOT_APPLICABLE);
    }
    rows.add(new Row.Values("Ore mined (" + UnitWords.tons(UnitWords.of(ore, facts)) + ")", 0, ore));
    rows.add(new Row.Values("Grade (" + UnitWords.grade(UnitWords.of(grade, facts).orElse(m.gradeUnit()), true) + ")", 0,
        grade));
    rows.add(new Row.Values(m.displayName() + " produced (" + qty + ")", 0, produced));
    rows.add(new Row.Values("Price ($/" + qty + ")", 0, price));
    rows.add(new Row.Values("Cash cost ($/" + qty + ")", 0, cashCost));
    rows.add(new Row.Blank());
    rows.add(new Row.Values("Revenue", 0, revenue));
    rows.add(new Row.Values("Royalties", 0, royalties));
    rows.add(new Row.Values("Cash costs", 0, cash));
    rows.add(new Row.Values("Income taxes", 0, taxes));
    rows.add(new Row.Values("Capital", 0, capital));
    rows.add(new Row.Rule('-'));
    rows.add(new Row.Values("After-tax cash flow", 0, flow));
    rows.add(new Row.Values("Cumulative cash flow", 0, cumulative));
    rows.add(new Row.Blank());
    rows.add(new Row.Values("Tax depreciation (memo)", 0, dep));
    List<List<String>> headers = new ArrayList<>(ys.stream().map(y -> header(String.valueOf(y.year()))).toList());
    headers.add(header("Total"));
    Table schedule = new Table("project_" + p.id(), title(TITLES.get(2) + " - " + p.name(),
        "(dollars in thousands, except per " + (precious ? "ounce" : "pound") + ")"), List.of(), headers, "", rows, 24, 10,
        false);

    // summary
    List<FactKey> flowKeys = ys.stream().map(y -> FactKey.of(e, Concepts.AFTER_TAX_CASH_FLOW, new Period.Year(y.year()))).toList();
    FactKey[] flowArr = flowKeys.toArray(FactKey[]::new);
    List<Row> sum = new ArrayList<>();
    for (int i = 0; i < p.discountRates().size(); i++) {
      BigDecimal rate = p.discountRates().get(i);
      String pct = Formats.plain(rate.multiply(Exact.HUNDRED));
      FactKey k = derive(new FactKey(e, "npv", pct + "%", first), res.npvs().get(i), Unit.USD, "project.npv",
          "net present value at " + pct + "%: sum of cash flow / (1 + rate)^t, t = 0 for " + ys.get(0).year(),
          "sum(after_tax_cash_flow[t] / (1 + " + Formats.plain(rate) + ")^t)", flowArr);
      sum.add(row("NPV at " + pct + "% ($000)", cell(k, 0, 3)));
    }
    if (res.irr().isPresent()) {
      FactKey k = derive(FactKey.of(e, Concepts.IRR_PCT, first), res.irr().get().multiply(Exact.HUNDRED), Unit.PERCENT,
          "project.irr", "internal rate of return: the rate at which NPV = 0 (bisection to 1E-10)", "NPV(irr) = 0", flowArr);
      sum.add(row("Internal rate of return (%)", cell(k, 1, 0)));
    } else {
      sum.add(row("Internal rate of return (%)", Cell.literal("none")));
    }
    if (res.payback().isPresent()) {
      FactKey k = derive(FactKey.of(e, Concepts.PAYBACK_YEARS, first), res.payback().get(), Unit.RATIO, "project.payback",
          "payback: years from the start until cumulative cash flow turns non-negative (even flow within a year)",
          "years before + shortfall / that year's cash flow", flowArr);
      sum.add(row("Payback (years from start of " + ys.get(0).year() + ")", cell(k, 1, 0).emptyAs("0.0")));
    } else {
      sum.add(row("Payback (years from start of " + ys.get(0).year() + ")", Cell.literal("none")));
    }
    FactKey totProd = new FactKey(e, Concepts.PROJECT_METAL_PRODUCED, "total", first);
    FactKey ccK = derive(FactKey.of(e, Concepts.CASH_COST_PER_UNIT, first), res.cashCostPerUnit(), precious ? Unit.USD_PER_OUNCE
        : Unit.RATIO, "project.cash_cost_per_unit", "life-of-project cash cost per unit: cash costs / metal produced",
        "cash_costs[total] / metal_produced[total]", new FactKey(e, Concepts.PROJECT_CASH_COSTS, "total", first), totProd);
    FactKey aiK = derive(FactKey.of(e, Concepts.ALL_IN_COST_PER_UNIT, first), res.allInCostPerUnit(), precious
        ? Unit.USD_PER_OUNCE : Unit.RATIO, "project.all_in_cost_per_unit",
        "all-in cost per unit: (cash costs + royalties + capital) / metal produced",
        "(cash_costs + royalties + capital)[total] / metal_produced[total]", new FactKey(e, Concepts.PROJECT_CASH_COSTS, "total", first),
        new FactKey(e, "royalties", "total", first), new FactKey(e, "capital", "total", first), totProd);
    sum.add(row("Cash cost per " + (precious ? "ounce" : "pound") + " ($)", cell(ccK, 2, 0)));
    sum.add(row("All-in cost per " + (precious ? "ounce" : "pound") + " ($)", cell(aiK, 2, 0)));
    // titled with the project and headed on the line of "Returns" so that a reader takes it for a table of its own
    Table summary = new Table("project_" + p.id() + "_summary", List.of("", TITLES.get(2) + " - " + p.name()), List.of(),
        List.of(header("Life of", "project")), "Returns", sum, 44, 14, false);

    // sensitivity
    BigDecimal base = p.discountRates().get(0);
    String basePct = Formats.plain(base.multiply(Exact.HUNDRED));
    FactKey baseNpv = new FactKey(e, "npv", basePct + "%", first);
    List<Row> sens = new ArrayList<>();
    for (ProjectEconomics.Sensitivity s : ProjectEconomics.sensitivity(p, base, ProjectEconomics.CHANGES)) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < s.changes().size(); i++) {
        String ch = Formats.plain(s.changes().get(i).multiply(Exact.HUNDRED));
        FactKey k = derive(new FactKey(e, Concepts.NPV_SENSITIVITY, s.driver().name().toLowerCase(Locale.ROOT) + ":" + ch + "%",
            first), s.npvs().get(i), Unit.USD, "project.sensitivity", "NPV at " + basePct + "% with "
            + s.driver().label().toLowerCase(Locale.ROOT) + " changed by " + ch + "% in every year",
            "NPV(schedule with " + s.driver().name().toLowerCase(Locale.ROOT) + " x (1 + " + Formats.plain(s.changes().get(i))
                + "))", flowArr);
        cells.add(cell(k, 0, 3));
        if (i == s.changes().size() / 2 - 1) {
          cells.add(cell(baseNpv, 0, 3));
        }
      }
      sens.add(new Row.Values(s.driver().label(), 0, cells));
    }
    List<List<String>> sh = new ArrayList<>();
    for (int i = 0; i < ProjectEconomics.CHANGES.size(); i++) {
      BigDecimal c = ProjectEconomics.CHANGES.get(i).multiply(Exact.HUNDRED);
      sh.add(header((c.signum() > 0 ? "+" : "") + Formats.plain(c) + "%"));
      if (i == ProjectEconomics.CHANGES.size() / 2 - 1) {
        sh.add(header("Base"));
      }
    }
    Table sensitivity = new Table("project_" + p.id() + "_sensitivity",
        List.of("", TITLES.get(2) + " - " + p.name(), "NPV at " + basePct + "% ($000) with one driver changed"), List.of(), sh, "",
        sens, 14, 10, false);
    List<String> notes = List.of("",
        "Metal produced = ore x grade x recovery (" + Formats.plain(p.recovery().multiply(Exact.HUNDRED)) + "%); royalty "
            + Formats.plain(p.royaltyRate().multiply(Exact.HUNDRED)) + "% of revenue; income tax "
            + Formats.plain(p.taxRate().multiply(Exact.HUNDRED)) + "% of revenue less royalties, cash costs and"
            + " depreciation (capital straight-line over " + p.depreciationYears()
            + " years from the year after it is spent), no loss carried forward. Cash flows are"
            + " discounted to the start of " + ys.get(0).year() + " at the end of each year, " + ys.get(0).year()
            + " undiscounted. All-in cost = (cash costs + royalties + capital) / metal produced.");
    return section("project_" + p.id(), TITLES.get(2) + " - " + p.name(), List.of(new Section.TableBlock(schedule),
        new Section.TableBlock(summary), new Section.TableBlock(sensitivity), new Section.TextBlock(notes)));
  }

  // ---------------------------------------------------------------- exchange offer

  private Section offer(FinanceInputs.OfferInput o) {
    List<Row> days = new ArrayList<>();
    List<FactKey> dayKeys = new ArrayList<>();
    for (ExchangeOffer.TradingDay d : o.pricingDays()) {
      FactKey pk = FinanceInputs.OfferInput.dayKey(Concepts.DAY_PRICE, d.date());
      FactKey vk = FinanceInputs.OfferInput.dayKey(Concepts.DAY_VOLUME, d.date());
      dayKeys.add(pk);
      dayKeys.add(vk);
      FactKey tk = derive(FinanceInputs.OfferInput.dayKey(Concepts.DAY_VALUE_TRADED, d.date()), d.price().multiply(d.volume()),
          Unit.USD, "offer.value_traded", "value traded = price x volume", "day_price x day_volume", pk, vk);
      days.add(row(d.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + ". " + d.date().getDayOfMonth() + ", "
          + d.date().getYear(), cell(pk, 4, 0).withDollar(), cell(vk, 0, 0), cell(tk, 0, 3)));
    }
    BigDecimal vwap = ExchangeOffer.vwap(o.pricingDays());
    FactKey vwapK = derive(o.key("vwap"), vwap, Unit.USD_PER_SHARE, "offer.vwap",
        "volume-weighted average price over the pricing days: sum(price x volume) / sum(volume)",
        "sum(day_price x day_volume) / sum(day_volume)", dayKeys.toArray(FactKey[]::new));
    days.add(new Row.Rule('-'));
    days.add(row("Volume-weighted average price", cell(vwapK, 4, 0).withDollar(), NOT_APPLICABLE, NOT_APPLICABLE));
    Table pricing = new Table("offer_pricing", title(TITLES.get(3), o.security(), "Pricing days"), List.of(),
        List.of(header("Price"), header("Volume", "(shares)"), header("Value", "($000)")), "", days, 34, 13, false);

    FactKey value = o.key(Concepts.VALUE_PER_PREFERRED);
    FactKey cap = o.key(Concepts.MAX_COMMON_PER_PREFERRED);
    FactKey uncapped = derive(o.key(Concepts.UNCAPPED_RATIO), ExchangeOffer.uncappedRatio(o.valuePerPreferred(), vwap), Unit.RATIO,
        "offer.uncapped_ratio", "common shares the value offered buys at the VWAP", "value_per_preferred / vwap", value, vwapK);
    BigDecimal ratio = ExchangeOffer.ratio(o.valuePerPreferred(), vwap, o.maxCommonPerPreferred());
    boolean binds = ExchangeOffer.capBinds(o.valuePerPreferred(), vwap, o.maxCommonPerPreferred());
    FactKey ratioK = derive(o.key(Concepts.EXCHANGE_RATIO), ratio, Unit.RATIO, "offer.exchange_ratio",
        "exchange ratio: the lesser of value / VWAP and the cap", "min(value_per_preferred / vwap, max_common_per_preferred)",
        uncapped, cap);
    BigDecimal shares = ExchangeOffer.sharesIssued(ratio, o.preferredExchanged());
    FactKey exchanged = o.key(Concepts.PREFERRED_EXCHANGED);
    FactKey sharesK = derive(o.key(Concepts.COMMON_ISSUED), shares, Unit.SHARES, "offer.shares_issued",
        "common shares issued = exchange ratio x preferred shares exchanged", "exchange_ratio x preferred_exchanged",
        ratioK, exchanged);
    FactKey fairK = facts.has(o.key(Concepts.COMMON_FAIR_VALUE)) ? o.key(Concepts.COMMON_FAIR_VALUE) : vwapK;
    BigDecimal fair = value(fairK).orElseThrow();
    FactKey fairTotal = derive(o.key(Concepts.FAIR_VALUE_GIVEN), shares.multiply(fair), Unit.USD, "offer.fair_value_given",
        "fair value of the common given = shares issued x fair value per share", "common_issued x fair value per share",
        sharesK, fairK);
    FactKey carrying = o.key(Concepts.CARRYING_AMOUNT_PER_PREFERRED);
    FactKey carryingTotal = derive(o.key(Concepts.CARRYING_AMOUNT_EXCHANGED), o.preferredExchanged().multiply(o.carryingPerPreferred()),
        Unit.USD, "offer.carrying_amount", "carrying amount of the preferred exchanged = shares x carrying amount per share",
        "preferred_exchanged x carrying_amount_per_preferred", exchanged, carrying);
    BigDecimal deemed = ExchangeOffer.deemedDividend(shares, fair, o.preferredExchanged(), o.carryingPerPreferred());
    FactKey deemedK = derive(o.key(Concepts.DEEMED_DIVIDEND), deemed, Unit.USD, "offer.deemed_dividend",
        "deemed dividend = fair value of the common given - carrying amount of the preferred exchanged; it reduces income"
            + " applicable to common shareholders", "fair_value_given - carrying_amount_exchanged", fairTotal, carryingTotal);
    List<Row> rows = new ArrayList<>();
    rows.add(row("Value offered per preferred share", cell(value, 2, 0).withDollar()));
    rows.add(row("Cap: common shares per preferred share", cell(cap, 4, 0)));
    rows.add(row("Value / VWAP (common shares)", cell(uncapped, 4, 0)));
    rows.add(row("Exchange ratio (the lesser)" + (binds ? ": the cap binds" : ": the cap does not bind"), cell(ratioK, 4, 0)));
    rows.add(row("Preferred shares outstanding", cell(o.key(Concepts.PREFERRED_OUTSTANDING), 0, 0)));
    rows.add(row("Preferred shares exchanged", cell(exchanged, 0, 0)));
    rows.add(row("Common shares issued", cell(sharesK, 0, 0)));
    rows.add(new Row.Blank());
    rows.add(row("Fair value per common share" + (fairK.equals(vwapK) ? " (the VWAP)" : ""), cell(fairK, 4, 0).withDollar()));
    rows.add(row("Fair value of common given ($000)", cell(fairTotal, 0, 3)));
    rows.add(row("Carrying amount of preferred exchanged ($000)", cell(carryingTotal, 0, 3)));
    rows.add(new Row.Rule('-'));
    rows.add(row("Deemed dividend to preferred holders ($000)", cell(deemedK, 0, 3)));
    if (o.weightedShares().isPresent()) {
      FactKey w = o.key(Concepts.WEIGHTED_AVERAGE_SHARES);
      FactKey perShare = derive(o.key(Concepts.DEEMED_DIVIDEND_PER_SHARE), Exact.divide(deemed, o.weightedShares().get()),
          Unit.USD_PER_SHARE, "offer.deemed_dividend_per_share",
          "reduction of basic income per common share = deemed dividend / weighted average common shares",
          "deemed_dividend / weighted_average_shares", deemedK, w);
      rows.add(row("Weighted average common shares", cell(w, 0, 0)));
      rows.add(row("Reduction of basic income per common share", cell(perShare, 2, 0).withDollar()));
    }
    Table terms = new Table("offer_terms", List.of("", TITLES.get(3)), List.of(), List.of(header("Terms")), "Exchange terms", rows, 58, 14,
        false);
    List<String> notes = List.of("",
        "Exchange ratio = the lesser of the value offered / VWAP and the cap; common shares issued = ratio x",
        "preferred shares exchanged (fractions not rounded). The deemed dividend (fair value of the common given",
        "over the carrying amount of the preferred) is deducted from income applicable to common shareholders.");
    return section("exchange_offer", TITLES.get(3), List.of(new Section.TableBlock(pricing), new Section.TableBlock(terms),
        new Section.TextBlock(notes)));
  }
}
