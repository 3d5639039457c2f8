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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * The catalogue of relations: the standards written once as templates, instantiated for a
 * company's units, groups, segments, properties and statements over the periods its data covers.
 * The engine uses the relations forward; a checker evaluates the same relations on printed
 * intervals.
 */
public final class Catalogue {
  private final Company company;
  private final FactSet inputs;
  /** Figures the period relations add over longer periods (nine months from quarters), with their units. */
  private final Map<FactKey, Unit> periodSums;
  private final List<Relation> relations = new ArrayList<>();
  private final Set<FactKey> results = new java.util.HashSet<>();

  private Catalogue(Company company, FactSet inputs, Map<FactKey, Unit> periodSums) {
    this.company = company;
    this.inputs = inputs;
    this.periodSums = periodSums;
  }

  /**
   * Every relation that applies to the company's data: the period relations (years to date from
   * quarters), then each period's standards over what is given or summed, then the ties.
   */
  public static List<Relation> build(Company company, List<StatementLine> lines, List<Property> properties, FactSet inputs) {
    PeriodRelations.Result byPeriod = PeriodRelations.build(inputs, lines);
    Catalogue c = new Catalogue(company, inputs, byPeriod.derived());
    Set<Period> periods = inputs.all().stream().map(f -> f.key().period())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    byPeriod.derived().keySet().forEach(k -> periods.add(k.period()));
    for (Period p : periods) {
      company.units().forEach(u -> c.unitCosts(u, p));
      for (Metal m : Metal.values()) {
        c.groupRelations(m, p);
        c.productionTotal(m, p);
      }
      company.segments().forEach(s -> c.segmentRelations(s, p));
      c.companyTotals(p);
      c.statements(lines, p);
      c.ratios(p);
      c.reserveRelations(properties, p);
      for (Metal m : Metal.values()) {
        c.allInCosts(m, p);
      }
      company.units().forEach(u -> c.coProduct(u, p));
      c.gaapTies(p);
      c.statementTies(lines, p);
    }
    c.changes();
    // a figure the period relations sum that a standard of its own period also computes (an excluded
    // part of a GAAP line): the standard computes it, the sum over quarters ties to it
    List<Relation> all = new ArrayList<>();
    for (Relation r : byPeriod.relations()) {
      all.add(c.results.contains(r.result()) ? r.asTie() : r);
    }
    all.addAll(c.relations);
    return List.copyOf(all);
  }

  /** Given as an input, or summed from quarters by the period relations. */
  private boolean given(FactKey k) {
    return inputs.has(k) || periodSums.containsKey(k);
  }

  /** The unit of a figure given or summed from quarters. */
  private Optional<Unit> givenUnit(FactKey k) {
    return inputs.find(k).map(Fact::unit).or(() -> Optional.ofNullable(periodSums.get(k)));
  }

  private FactKey key(String entity, String concept, Period p) {
    return FactKey.of(entity, concept, p);
  }

  private FactKey key(String entity, String concept, String qualifier, Period p) {
    return new FactKey(entity, concept, qualifier, p);
  }

  private void add(String id, String words, FactKey result, Unit unit, Expr expr) {
    add(id, words, result, unit, expr, Relation.Role.COMPUTE);
  }

  private void add(String id, String words, FactKey result, Unit unit, Expr expr, Relation.Role role) {
    relations.add(new Relation(id, words, result, unit, expr, role));
    if (role == Relation.Role.COMPUTE) {
      results.add(result);
    }
  }

  private boolean hasAny(String entity, Period p, List<String> concepts) {
    return concepts.stream().anyMatch(c -> given(key(entity, c, p)));
  }

  // ---------------------------------------------------------------- units (Gold Institute)

  private void unitCosts(OperatingUnit u, Period p) {
    String e = unit(u.id());
    if (!hasAny(e, p, COST_ITEMS.subList(0, COST_ITEMS.size() - 1))) {
      return;
    }
    Function<String, Expr> in = c -> opt(key(e, c, p));
    if (given(key(e, ORE_MILLED, p))) {
      if (given(key(e, MINING, p))) {
        add("gi.mining_cost_per_ton", "mining cost / tons of ore milled", key(e, MINING_PER_TON, p), Unit.USD_PER_TON,
            div(ref(key(e, MINING, p)), ref(key(e, ORE_MILLED, p))));
      }
      if (given(key(e, MILLING, p))) {
        add("gi.milling_cost_per_ton", "milling cost / tons of ore milled", key(e, MILLING_PER_TON, p), Unit.USD_PER_TON,
            div(ref(key(e, MILLING, p)), ref(key(e, ORE_MILLED, p))));
      }
    }
    add("gi.direct_production_costs", "mining + milling + site and other direct costs", key(e, DIRECT, p), Unit.USD,
        sum(List.of(plus(in.apply(MINING)), plus(in.apply(MILLING)), plus(in.apply(SITE_OTHER)))));
    add("gi.cash_operating_costs", "direct production costs + treatment and freight - by-product credits",
        key(e, CASH_OPERATING, p), Unit.USD,
        sum(List.of(plus(ref(key(e, DIRECT, p))), plus(in.apply(TREATMENT_FREIGHT)), minus(in.apply(BYPRODUCT_CREDITS)))));
    add("gi.total_cash_costs", "cash operating costs + royalties + production taxes", key(e, TOTAL_CASH, p), Unit.USD,
        sum(List.of(plus(ref(key(e, CASH_OPERATING, p))), plus(in.apply(ROYALTIES)), plus(in.apply(PRODUCTION_TAXES)))));
    add("gi.total_production_costs", "total cash costs + depreciation, depletion and amortization + reclamation and other",
        key(e, TOTAL_PRODUCTION, p), Unit.USD,
        sum(List.of(plus(ref(key(e, TOTAL_CASH, p))), plus(in.apply(DDA)), plus(in.apply(RECLAMATION_OTHER)))));
    add("gaap.cost_of_sales", "total cash costs - treatment and freight + by-product credits + change in product inventory"
            + " + reclamation and other = GAAP costs of sales and other direct production costs",
        key(e, COST_OF_SALES, p), Unit.USD,
        sum(List.of(plus(ref(key(e, TOTAL_CASH, p))), minus(in.apply(TREATMENT_FREIGHT)), plus(in.apply(BYPRODUCT_CREDITS)),
            plus(in.apply(INVENTORY_CHANGE)), plus(in.apply(RECLAMATION_OTHER)))));
    if (u.primaryMetal().isEmpty()) {
      return;
    }
    String m = u.primaryMetal().get().name();
    FactKey basis = key(e, COST_BASIS, m, p);
    if (given(basis)) {
      add("gi.cost_ounces", "ounces dividing unit costs = cost basis ounces", key(e, COST_OUNCES, p), Unit.TROY_OUNCE,
          sum(List.of(plus(ref(basis)))));
    } else {
      add("gi.cost_ounces", "ounces dividing unit costs = ounces of the primary metal produced", key(e, COST_OUNCES, p),
          Unit.TROY_OUNCE, sum(List.of(plus(ref(key(e, PRODUCED, m, p))))));
    }
    perOunce(e, p);
  }

  private void perOunce(String e, Period p) {
    FactKey oz = key(e, COST_OUNCES, p);
    add("gi.cash_operating_costs_per_oz", "cash operating costs / ounces", key(e, CASH_OPERATING_PER_OZ, p),
        Unit.USD_PER_OUNCE, div(ref(key(e, CASH_OPERATING, p)), ref(oz)));
    add("gi.total_cash_costs_per_oz", "total cash costs / ounces", key(e, TOTAL_CASH_PER_OZ, p), Unit.USD_PER_OUNCE,
        div(ref(key(e, TOTAL_CASH, p)), ref(oz)));
    add("gi.total_production_costs_per_oz", "total production costs / ounces", key(e, TOTAL_PRODUCTION_PER_OZ, p),
        Unit.USD_PER_OUNCE, div(ref(key(e, TOTAL_PRODUCTION, p)), ref(oz)));
  }

  // ---------------------------------------------------------------- groups and totals

  private static final List<String> GROUP_SUMS = List.of(CASH_OPERATING, TOTAL_CASH, TOTAL_PRODUCTION, COST_OUNCES,
      TREATMENT_FREIGHT, BYPRODUCT_CREDITS, INVENTORY_CHANGE, RECLAMATION_OTHER, DDA, COST_OF_SALES);

  /** Combined properties of one primary metal: per-ounce figures from the summed totals. */
  private void groupRelations(Metal metal, Period p) {
    List<OperatingUnit> members = company.unitsWithPrimary(metal).stream()
        .filter(u -> hasAny(unit(u.id()), p, COST_ITEMS)).toList();
    if (members.isEmpty()) {
      return;
    }
    String g = group(metal.name());
    for (String c : GROUP_SUMS) {
      add("sum.combined_" + c, "sum of the " + metal.displayName().toLowerCase() + " units' " + c.replace('_', ' '),
          key(g, c, p), c.equals(COST_OUNCES) ? Unit.TROY_OUNCE : Unit.USD,
          sum(members.stream().map(u -> plus(opt(key(unit(u.id()), c, p)))).toList()));
    }
    perOunce(g, p);
  }

  /** Company production of a metal: the sum over every unit, shown in tables or not. */
  private void productionTotal(Metal metal, Period p) {
    List<FactKey> parts = company.units().stream().map(u -> key(unit(u.id()), PRODUCED, metal.name(), p))
        .filter(this::given).toList();
    if (parts.isEmpty()) {
      return;
    }
    add("sum.production_total", "sum of the units' " + metal.displayName().toLowerCase() + " produced",
        key(COMPANY, PRODUCED, metal.name(), p), metal.quantityUnit(), sum(parts.stream().map(k -> plus(ref(k))).toList()));
  }

  private void segmentRelations(Segment s, Period p) {
    String e = segment(s.id());
    List<OperatingUnit> members = company.unitsOf(s);
    boolean any = given(key(e, SALES, p)) || hasAny(e, p, List.of(OTHER_COST_OF_SALES, OTHER_DDA))
        || members.stream().anyMatch(u -> hasAny(unit(u.id()), p, COST_ITEMS));
    if (!any) {
      return;
    }
    List<Expr.Term> cos = new ArrayList<>();
    List<Expr.Term> dda = new ArrayList<>();
    for (OperatingUnit u : members) {
      if (hasAny(unit(u.id()), p, COST_ITEMS)) {
        cos.add(plus(opt(key(unit(u.id()), COST_OF_SALES, p))));
        dda.add(plus(opt(key(unit(u.id()), DDA, p))));
      }
    }
    cos.add(plus(opt(key(e, OTHER_COST_OF_SALES, p))));
    dda.add(plus(opt(key(e, OTHER_DDA, p))));
    add("seg.cost_of_sales", "sum of the segment's units' cost of sales + other cost of sales", key(e, COST_OF_SALES, p),
        Unit.USD, sum(cos));
    add("seg.dda", "sum of the segment's units' DD&A + other DD&A", key(e, DDA, p), Unit.USD, sum(dda));
    add("seg.gross_profit", "sales - cost of sales - DD&A", key(e, GROSS_PROFIT, p), Unit.USD,
        sum(List.of(plus(opt(key(e, SALES, p))), minus(ref(key(e, COST_OF_SALES, p))), minus(ref(key(e, DDA, p))))));
  }

  private void companyTotals(Period p) {
    List<Segment> active = company.segments().stream()
        .filter(s -> results.contains(key(segment(s.id()), GROSS_PROFIT, p)))
        .toList();
    if (active.isEmpty()) {
      return;
    }
    for (String c : List.of(SALES, COST_OF_SALES, DDA, GROSS_PROFIT)) {
      add("sum.company_" + c, "sum of the segments' " + c.replace('_', ' '), key(COMPANY, c, p), Unit.USD,
          sum(active.stream().map(s -> plus(opt(key(segment(s.id()), c, p)))).toList()));
    }
  }

  // ---------------------------------------------------------------- statements

  private void statements(List<StatementLine> lines, Period p) {
    Map<String, List<StatementLine>> byStatement = lines.stream()
        .collect(Collectors.groupingBy(StatementLine::statement, java.util.LinkedHashMap::new, Collectors.toList()));
    for (var entry : byStatement.entrySet()) {
      String st = entry.getKey();
      Optional<StatementLine> shares = entry.getValue().stream().filter(l -> "weighted_shares".equals(l.concept())).findFirst();
      for (StatementLine l : entry.getValue()) {
        FactKey result = key(st, l.id(), p);
        switch (l.kind()) {
          case SUBTOTAL -> add("stmt.subtotal", l.label().isBlank() ? "subtotal" : l.label(), result, Unit.USD,
              sum(l.terms().stream().map(t -> signed(t, st, p)).toList()));
          case LINK -> add("stmt.link", "the figure of " + l.terms().get(0), result, Unit.USD,
              sum(List.of(plus(ref(linked(l.terms().get(0), p))))));
          case PER_SHARE -> shares.ifPresent(sh -> add("eps.basic",
              "(income - preferred dividends) / weighted average common shares", result, Unit.USD_PER_SHARE,
              div(sum(l.terms().stream().map(t -> perShareTerm(t, st, p)).toList()), ref(key(st, sh.id(), p)))));
          default -> { }
        }
        boolean figure = l.kind() != StatementLine.Kind.HEADING && l.kind() != StatementLine.Kind.BLANK;
        FactKey alias = key(COMPANY, l.concept(), p);
        if (figure && !l.concept().isBlank() && !knownOrComputed(alias)) {
          add("stmt.concept", "the statement line that carries " + l.concept(), alias,
              givenUnit(result)
                  .orElse(l.kind() == StatementLine.Kind.PER_SHARE ? Unit.USD_PER_SHARE : Unit.USD),
              sum(List.of(plus(ref(result)))));
        }
      }
    }
  }

  private Expr.Term signed(String term, String statement, Period p) {
    boolean neg = term.startsWith("-");
    String id = neg ? term.substring(1) : term;
    FactKey k = id.contains(":") ? linked(id, p) : key(statement, id, p);
    return neg ? minus(ref(k)) : plus(ref(k));
  }

  private Expr.Term perShareTerm(String term, String statement, Period p) {
    boolean neg = term.startsWith("-");
    String id = neg ? term.substring(1) : term;
    Expr e = id.equals(PREFERRED_DIVIDENDS) ? opt(key(COMPANY, PREFERRED_DIVIDENDS, p)) : ref(key(statement, id, p));
    return neg ? minus(e) : plus(e);
  }

  private FactKey linked(String reference, Period p) {
    int colon = reference.indexOf(':');
    return key(reference.substring(0, colon), reference.substring(colon + 1), p);
  }

  /**
   * The ties between statements: the balance sheet balances (total assets = total liabilities and
   * equity), the cash flow statement ends at the balance sheet's cash at the period's end, and starts
   * at the cash on the day before the period (the prior balance sheet, or the prior period's closing
   * cash). Opening cash is computed from the prior balance when the data does not give it.
   */
  private void statementTies(List<StatementLine> lines, Period p) {
    Map<String, List<StatementLine>> byStatement = lines.stream()
        .collect(Collectors.groupingBy(StatementLine::statement, java.util.LinkedHashMap::new, Collectors.toList()));
    Optional<FactKey> cashLine = Optional.empty();
    for (var e : byStatement.entrySet()) {
      if (!balanceSheet(e.getKey())) {
        continue;
      }
      Optional<StatementLine> assets = withConcept(e.getValue(), TOTAL_ASSETS);
      Optional<StatementLine> claims = withConcept(e.getValue(), TOTAL_LIABILITIES_AND_EQUITY);
      if (assets.isPresent() && claims.isPresent()) {
        FactKey a = key(e.getKey(), assets.get().id(), p);
        FactKey b = key(e.getKey(), claims.get().id(), p);
        if (knownOrComputed(a) && knownOrComputed(b)) {
          add("tie.balance_sheet", "total assets = total liabilities and equity", a, Unit.USD,
              sum(List.of(plus(ref(b)))), Relation.Role.TIE);
        }
      }
      if (cashLine.isEmpty()) {
        cashLine = withConcept(e.getValue(), CASH).map(l -> key(e.getKey(), l.id(), p));
      }
    }
    if (cashLine.isEmpty()) {
      return;
    }
    FactKey cash = cashLine.get();
    for (var e : byStatement.entrySet()) {
      String st = e.getKey();
      if (balanceSheet(st)) {
        continue;
      }
      Optional<StatementLine> end = withConcept(e.getValue(), CF_CASH_END);
      Optional<StatementLine> begin = withConcept(e.getValue(), CF_CASH_BEGIN);
      if (end.isPresent() && knownOrComputed(key(st, end.get().id(), p)) && knownOrComputed(cash.withPeriod(p.asAt()))) {
        add("tie.closing_cash", "cash at the end of the period (cash flows) = cash on the balance sheet at "
            + p.asAt().code(), key(st, end.get().id(), p), Unit.USD, sum(List.of(plus(ref(cash.withPeriod(p.asAt()))))),
            Relation.Role.TIE);
      }
      if (begin.isEmpty()) {
        continue;
      }
      FactKey opening = key(st, begin.get().id(), p);
      // the cash on the day before the period: the balance sheet then, or the prior period's closing cash
      Period before = p.openingAsAt();
      List<FactKey> candidates = new ArrayList<>(List.of(cash.withPeriod(before)));
      end.ifPresent(l -> {
        candidates.add(key(st, l.id(), before));
        candidates.add(key(st, l.id(), before.toDate()));
      });
      Optional<FactKey> source = candidates.stream().filter(this::given).findFirst()
          .or(() -> Optional.of(cash.withPeriod(before)).filter(this::knownOrComputed));
      if (source.isEmpty() || results.contains(opening)) {
        continue;
      }
      add("tie.opening_cash", "cash at the beginning of the period = cash at the end of the period before ("
          + before.code() + ")", opening, Unit.USD, sum(List.of(plus(ref(source.get())))));
    }
  }

  private static boolean balanceSheet(String statement) {
    return StatementLine.balance(statement) || statement.startsWith(StatementLine.BALANCE_SHEET + "_");
  }

  private static Optional<StatementLine> withConcept(List<StatementLine> lines, String concept) {
    return lines.stream().filter(l -> concept.equals(l.concept())).findFirst();
  }

  /** Ratios the release quotes: current ratio, cash plus short-term investments. */
  private void ratios(Period p) {
    // the statement lines that carry these concepts are found by concept name at layout time;
    // the ratio relations read the company-level aliases the data layer adds for concepts.
    FactKey ca = key(COMPANY, "total_current_assets", p);
    FactKey cl = key(COMPANY, "total_current_liabilities", p);
    if (knownOrComputed(ca) && knownOrComputed(cl)) {
      add("ratio.current", "total current assets / total current liabilities", key(COMPANY, CURRENT_RATIO, p), Unit.RATIO,
          div(ref(ca), ref(cl)));
    }
    FactKey cash = key(COMPANY, "cash", p);
    if (knownOrComputed(cash)) {
      add("sum.cash_and_short_term", "cash and cash equivalents + short-term investments",
          key(COMPANY, CASH_AND_SHORT_TERM, p), Unit.USD,
          sum(List.of(plus(ref(cash)), plus(opt(key(COMPANY, "short_term_investments", p))))));
    }
  }

  private boolean knownOrComputed(FactKey k) {
    return given(k) || results.contains(k);
  }

  /** Year-on-year percent change of the company figures a release quotes in its text. */
  private void changes() {
    List<FactKey> current = relations.stream().map(Relation::result)
        .filter(k -> k.entity().equals(COMPANY) || k.entity().startsWith("group:"))
        .filter(k -> !k.concept().equals(PERCENT_CHANGE)).toList();
    Set<FactKey> known = new java.util.HashSet<>(current);
    inputs.all().forEach(f -> known.add(f.key()));
    known.addAll(periodSums.keySet());
    for (FactKey k : current) {
      FactKey prior = k.withPeriod(k.period().priorYear());
      if (known.contains(prior)) {
        String q = k.concept() + (k.qualifier().isEmpty() ? "" : ":" + k.qualifier());
        add("chg.percent", "(current - prior year) / prior year * 100", key(k.entity(), PERCENT_CHANGE, q, k.period()),
            Unit.PERCENT, times(div(sum(List.of(plus(ref(k)), minus(ref(prior)))), ref(prior)), Expr.constant("100")));
      }
    }
  }

  // ---------------------------------------------------------------- all-in costs (World Gold Council 2018)

  /**
   * All-in sustaining and all-in costs of the units whose primary metal is {@code metal} and of
   * their group (plus the corporate costs that business carries), when the data gives any all-in
   * item for that metal in the period (a published release: when it prints adjusted operating costs
   * or AISC).
   */
  private void allInCosts(Metal metal, Period p) {
    List<OperatingUnit> members = company.unitsWithPrimary(metal).stream()
        .filter(u -> hasAny(unit(u.id()), p, COST_ITEMS)).toList();
    String g = group(metal.name());
    boolean active = members.stream().anyMatch(u -> hasAny(unit(u.id()), p, AISC_ITEMS)
            || hasAny(unit(u.id()), p, List.of(ADJUSTED_OPERATING, AISC)))
        || AISC_ITEMS.stream().anyMatch(i -> given(key(CORPORATE, i, metal.name(), p)))
        || hasAny(g, p, List.of(ADJUSTED_OPERATING, AISC));
    if (!active) {
      return;
    }
    for (OperatingUnit u : members) {
      allIn(unit(u.id()), metal, p);
    }
    if (members.isEmpty()) {
      return;
    }
    for (String item : AISC_ITEMS) {
      List<FactKey> parts = new ArrayList<>();
      members.stream().map(u -> key(unit(u.id()), item, p)).filter(this::knownOrComputed).forEach(parts::add);
      FactKey corporate = key(CORPORATE, item, metal.name(), p);
      if (given(corporate)) {
        parts.add(corporate);
      }
      if (!parts.isEmpty() && !given(key(g, item, p))) {
        add("sum.combined_" + item, "sum of the " + metal.displayName().toLowerCase() + " units' " + item.replace('_', ' ')
                + " + the corporate amount the " + metal.displayName().toLowerCase() + " business carries",
            key(g, item, p), Unit.USD, sum(parts.stream().map(k -> plus(ref(k))).toList()));
      }
    }
    List<FactKey> sold = members.stream().map(u -> key(unit(u.id()), SOLD, metal.name(), p)).toList();
    if (sold.stream().allMatch(this::given)) {
      add("sum.combined_sold", "sum of the " + metal.displayName().toLowerCase() + " units' ounces sold",
          key(g, SOLD, metal.name(), p), metal.quantityUnit(), sum(sold.stream().map(k -> plus(ref(k))).toList()));
    }
    allIn(g, metal, p);
  }

  private void allIn(String e, Metal metal, Period p) {
    List<Expr.Term> adjusted = new ArrayList<>();
    adjusted.add(plus(ref(key(e, COST_OF_SALES, p))));
    adjusted.add(minus(opt(key(e, RECLAMATION_OTHER, p))));
    adjusted.add(plus(opt(key(e, TREATMENT_FREIGHT, p))));
    AISC_OPERATING_ITEMS.stream().map(i -> key(e, i, p)).filter(this::knownOrComputed)
        .forEach(k -> adjusted.add(plus(ref(k))));
    adjusted.add(minus(opt(key(e, BYPRODUCT_CREDITS, p))));
    add("wgc.adjusted_operating_costs", "cost of sales (GAAP) - reclamation and other costs + treatment, refining and"
            + " transport + the guidance's other operating items (hedges, community, permitting, site share-based pay,"
            + " write-downs, operational stripping) - by-product credits",
        key(e, ADJUSTED_OPERATING, p), Unit.USD, sum(adjusted));
    List<Expr.Term> aisc = new ArrayList<>();
    aisc.add(plus(ref(key(e, ADJUSTED_OPERATING, p))));
    AISC_SUSTAINING_ITEMS.stream().map(i -> key(e, i, p)).filter(this::knownOrComputed).forEach(k -> aisc.add(plus(ref(k))));
    add("wgc.all_in_sustaining_costs", "adjusted operating costs + corporate G&A + reclamation accretion and amortisation"
            + " + sustaining exploration, capitalised stripping and development, capital and leases",
        key(e, AISC, p), Unit.USD, sum(aisc));
    List<Expr.Term> aic = new ArrayList<>();
    aic.add(plus(ref(key(e, AISC, p))));
    AIC_ITEMS.stream().map(i -> key(e, i, p)).filter(this::knownOrComputed).forEach(k -> aic.add(plus(ref(k))));
    add("wgc.all_in_costs", "all-in sustaining costs + community, permitting and reclamation costs not related to current"
            + " operations + non-sustaining exploration, stripping and development, capital and leases",
        key(e, AIC, p), Unit.USD, sum(aic));
    add("wgc.aisc_before_byproduct_credits", "all-in sustaining costs + by-product credits", key(e, AISC_GROSS, p),
        Unit.USD, sum(List.of(plus(ref(key(e, AISC, p))), plus(opt(key(e, BYPRODUCT_CREDITS, p))))));
    FactKey sold = key(e, SOLD, metal.name(), p);
    if (!knownOrComputed(sold)) {
      return;
    }
    add("wgc.aisc_per_oz", "all-in sustaining costs / ounces sold", key(e, AISC_PER_OZ, p), Unit.USD_PER_OUNCE,
        div(ref(key(e, AISC, p)), ref(sold)));
    add("wgc.aisc_before_byproduct_per_oz", "all-in sustaining costs before by-product credits / ounces sold",
        key(e, AISC_GROSS_PER_OZ, p), Unit.USD_PER_OUNCE, div(ref(key(e, AISC_GROSS, p)), ref(sold)));
    add("wgc.aic_per_oz", "all-in costs / ounces sold", key(e, AIC_PER_OZ, p), Unit.USD_PER_OUNCE,
        div(ref(key(e, AIC, p)), ref(sold)));
  }

  /**
   * Each GAAP line that all-in cost items are drawn from: its amount as the statement prints it,
   * the part in AISC, the part in AIC only, and the rest, which must tie to the line.
   */
  private void gaapTies(Period p) {
    Map<String, List<String[]>> sources = new java.util.TreeMap<>();
    Set<String> lines = new java.util.TreeSet<>();
    List<FactKey> givenKeys = new ArrayList<>();
    inputs.all().forEach(f -> givenKeys.add(f.key()));
    givenKeys.addAll(periodSums.keySet());
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
      FactKey amount = key(GAAP, GAAP_AMOUNT, line, p);
      boolean negative = line.startsWith("-");
      String ref = negative ? line.substring(1) : line;
      if (ref.contains(":") && knownOrComputed(linked(ref, p)) && !given(amount)) {
        FactKey statementLine = linked(ref, p);
        add("gaap.line_amount", negative ? "the statement line's amount, sign reversed" : "the statement line's amount",
            amount, Unit.USD, sum(List.of(negative ? minus(ref(statementLine)) : plus(ref(statementLine)))));
      }
      List<String[]> drawn = sources.getOrDefault(line, List.of());
      List<Expr.Term> inAisc = drawn.stream().filter(s -> !AIC_ITEMS.contains(s[2]))
          .map(s -> plus(ref(key(s[1], s[2], s[3], p)))).toList();
      List<Expr.Term> inAic = drawn.stream().filter(s -> AIC_ITEMS.contains(s[2]))
          .map(s -> plus(ref(key(s[1], s[2], s[3], p)))).toList();
      if (!drawn.isEmpty() && !given(key(GAAP, IN_AISC, line, p))) {
        add("gaap.in_aisc", "sum of the all-in sustaining cost items drawn from the line", key(GAAP, IN_AISC, line, p),
            Unit.USD, sum(inAisc));
        add("gaap.in_aic_only", "sum of the all-in cost items (not sustaining) drawn from the line",
            key(GAAP, IN_AIC_ONLY, line, p), Unit.USD, sum(inAic));
      }
      if (knownOrComputed(amount)) {
        add("gaap.not_in_aic", "GAAP amount - in AISC - in AIC only = the part outside both measures",
            key(GAAP, NOT_IN_AIC, line, p), Unit.USD,
            sum(List.of(plus(ref(amount)), minus(opt(key(GAAP, IN_AISC, line, p))), minus(opt(key(GAAP, IN_AIC_ONLY, line, p))))));
      }
    }
  }

  // ---------------------------------------------------------------- co-product costs

  /**
   * Co-product costs of a unit with by-products: total cash costs before by-product credits
   * allocated among its metals by each metal's share of the unit's revenue (or, when the company
   * names a price deck, of its production valued at those prices), and per ounce or pound of each.
   */
  private void coProduct(OperatingUnit u, Period p) {
    if (u.primaryMetal().isEmpty() || u.byproductMetals().isEmpty()) {
      return;
    }
    String e = unit(u.id());
    if (!knownOrComputed(key(e, TOTAL_CASH, p))) {
      return;
    }
    List<Metal> metals = u.metals();
    Optional<String> deck = company.coproductPrices();
    // every metal needs its value (revenue, production at the deck's price, or printed), else no allocation
    boolean valued = metals.stream().allMatch(m -> deck.isPresent()
        ? given(key("market", PRICE, m.name() + ":" + deck.get(), p)) && given(key(e, PRODUCED, m.name(), p))
        : given(key(e, REVENUE, m.name(), p)) || given(key(e, COPRODUCT_VALUE, m.name(), p)));
    if (!valued) {
      return;
    }
    for (Metal m : metals) {
      FactKey value = key(e, COPRODUCT_VALUE, m.name(), p);
      if (deck.isPresent()) {
        FactKey price = key("market", PRICE, m.name() + ":" + deck.get(), p);
        FactKey produced = key(e, PRODUCED, m.name(), p);
        // precious: oz x USD/oz; base metals: tons x pounds per ton x cents/lb / 100
        String factor = m.precious() ? "1" : poundsPer(givenUnit(produced).orElseThrow()).movePointLeft(2)
            .toPlainString();
        add("coproduct.value_at_prices", "production x the price deck's price", value, Unit.USD,
            times(times(ref(produced), ref(price)), Expr.constant(factor)));
      } else if (given(key(e, REVENUE, m.name(), p))) {
        add("coproduct.value_revenue", "the metal's revenue", value, Unit.USD,
            sum(List.of(plus(ref(key(e, REVENUE, m.name(), p))))));
      }
    }
    FactKey gross = key(e, GROSS_CASH, p);
    add("coproduct.gross_cash_costs", "total cash costs + by-product credits", gross, Unit.USD,
        sum(List.of(plus(ref(key(e, TOTAL_CASH, p))), plus(opt(key(e, BYPRODUCT_CREDITS, p))))));
    Expr total = sum(metals.stream().map(m -> plus(ref(key(e, COPRODUCT_VALUE, m.name(), p)))).toList());
    for (Metal m : metals) {
      FactKey share = key(e, COPRODUCT_SHARE, m.name(), p);
      add("coproduct.share", "the metal's value / the unit's value of all its metals * 100", share, Unit.PERCENT,
          times(div(ref(key(e, COPRODUCT_VALUE, m.name(), p)), total), Expr.constant("100")));
      FactKey cost = key(e, COPRODUCT_COST, m.name(), p);
      add("coproduct.cost", "total cash costs before by-product credits x the metal's share / 100", cost, Unit.USD,
          div(times(ref(gross), ref(share)), Expr.constant("100")));
      FactKey produced = key(e, PRODUCED, m.name(), p);
      Optional<Unit> made = givenUnit(produced);
      if (made.isPresent()) {
        String lb = m.precious() ? "1" : poundsPer(made.get()).toPlainString();
        add("coproduct.cost_per_unit", m.precious() ? "co-product cost / ounces produced"
                : "co-product cost / pounds produced (tons x " + lb + " pounds per ton)",
            key(e, COPRODUCT_COST_PER_UNIT, m.name(), p), m.precious() ? Unit.USD_PER_OUNCE : Unit.USD_PER_POUND,
            m.precious() ? div(ref(cost), ref(produced)) : div(ref(cost), times(ref(produced), Expr.constant(lb))));
      }
      coProductAisc(e, m, share, made, p);
    }
  }

  /**
   * Co-product all-in sustaining costs: AISC before by-product credits x the metal's share, per
   * ounce sold where the data gives ounces sold, else per ounce or pound produced.
   */
  private void coProductAisc(String e, Metal m, FactKey share, Optional<Unit> made, Period p) {
    FactKey gross = key(e, AISC_GROSS, p);
    if (!knownOrComputed(gross)) {
      return;
    }
    FactKey aisc = key(e, COPRODUCT_AISC, m.name(), p);
    add("coproduct.aisc", "all-in sustaining costs before by-product credits x the metal's share / 100", aisc, Unit.USD,
        div(times(ref(gross), ref(share)), Expr.constant("100")));
    FactKey perUnit = key(e, COPRODUCT_AISC_PER_UNIT, m.name(), p);
    FactKey sold = key(e, SOLD, m.name(), p);
    if (m.precious() && given(sold)) {
      add("coproduct.aisc_per_unit", "co-product AISC / ounces sold", perUnit, Unit.USD_PER_OUNCE,
          div(ref(aisc), ref(sold)));
    } else if (made.isPresent()) {
      String lb = m.precious() ? "1" : poundsPer(made.get()).toPlainString();
      FactKey produced = key(e, PRODUCED, m.name(), p);
      add("coproduct.aisc_per_unit", m.precious() ? "co-product AISC / ounces produced"
              : "co-product AISC / pounds produced (tons x " + lb + " pounds per ton)", perUnit,
          m.precious() ? Unit.USD_PER_OUNCE : Unit.USD_PER_POUND,
          m.precious() ? div(ref(aisc), ref(produced)) : div(ref(aisc), times(ref(produced), Expr.constant(lb))));
    }
  }

  /** Pounds in one unit of a base-metal quantity (2,000 in a short ton; a tonne's exact 2,204.62...). */
  private static java.math.BigDecimal poundsPer(Unit quantity) {
    return quantity.convert(java.math.BigDecimal.ONE, Unit.POUND);
  }

  // ---------------------------------------------------------------- reserves (Industry Guide 7)

  private void reserveRelations(List<Property> properties, Period p) {
    for (ReserveCategory cat : ReserveCategory.values()) {
      for (Property prop : properties) {
        String e = property(prop.id());
        FactKey tons100 = key(e, TONS_100PCT, cat.code(), p);
        FactKey tons = key(e, TONS, cat.code(), p);
        if (inputs.has(tons100) && !inputs.has(tons)) {
          add("res.attributable_tons", "tons on a 100% basis * ownership share", tons, inputs.find(tons100).orElseThrow().unit(),
              times(ref(tons100), Expr.constant(prop.ownershipPct().movePointLeft(2).toPlainString())));
        }
        if (!cat.containedMetalAllowed()) {
          continue;
        }
        Optional<Unit> tonsUnit = inputs.find(inputs.has(tons) ? tons : tons100).map(Fact::unit);
        if (tonsUnit.isEmpty()) {
          continue;
        }
        for (Metal m : Metal.values()) {
          FactKey grade = key(e, GRADE, cat.code() + ":" + m.name(), p);
          Optional<Fact> g = inputs.find(grade);
          if (g.isEmpty()) {
            continue;
          }
          add("res.contained_metal", "tons * grade (attributable)", key(e, CONTAINED, cat.code() + ":" + m.name(), p),
              containedUnit(tonsUnit.get(), m), times(times(ref(tons), ref(grade)),
                  Expr.constant(containedFactor(tonsUnit.get(), g.get().unit(), m).toPlainString())));
        }
      }
    }
    for (Property prop : properties) {
      combined(prop, ReserveCategory.PROVEN_PROBABLE, ReserveCategory.PROVEN, ReserveCategory.PROBABLE, p);
      combined(prop, ReserveCategory.MEASURED_INDICATED, ReserveCategory.MEASURED, ReserveCategory.INDICATED, p);
      if (ReserveCategory.Standard.forYear(company, p.year()) == ReserveCategory.Standard.GUIDE_7) {
        mineralizedMaterial(prop, p);
      }
    }
    for (ReserveCategory cat : ReserveCategory.values()) {
      if (!cat.containedMetalAllowed()) {
        continue;
      }
      for (Metal m : Metal.values()) {
        List<FactKey> parts = properties.stream()
            .map(prop -> key(property(prop.id()), CONTAINED, cat.code() + ":" + m.name(), p))
            .filter(this::knownOrComputed).toList();
        FactKey total = key(reserves(), CONTAINED, cat.code() + ":" + m.name(), p);
        if (!parts.isEmpty()) {
          add("res.total_contained", "sum of the properties' contained metal", total, m.quantityUnit(),
              sum(parts.stream().map(k -> plus(ref(k))).toList()));
        }
      }
    }
    fullBasis(properties, p);
    reconciliation(properties, p);
  }

  /**
   * S-K 1300 tonnage of a partly owned property on a 100% basis beside the attributable one: the
   * 100% basis from the attributable tonnage (tons / ownership share) when only that is known; when
   * both are known (a printed table, or a dataset that gives both) attributable = 100% x share ties them.
   */
  private void fullBasis(List<Property> properties, Period p) {
    for (Property prop : properties) {
      if (!prop.partlyOwned()) {
        continue;
      }
      String e = property(prop.id());
      // S-K 1300 estimates only: a Guide 7 dataset's figures stay as they were
      if (ReserveCategory.SK_INPUTS.stream().noneMatch(c -> knownOrComputed(key(e, TONS, c.code(), p))
          || inputs.has(key(e, TONS_100PCT, c.code(), p)))) {
        continue;
      }
      String share = prop.ownershipPct().movePointLeft(2).toPlainString();
      for (ReserveCategory cat : ReserveCategory.SK_TABLES) {
        FactKey tons100 = key(e, TONS_100PCT, cat.code(), p);
        FactKey tons = key(e, TONS, cat.code(), p);
        if (inputs.has(tons100) && inputs.has(tons)) {
          add("res.attributable_tons", "tons on a 100% basis * ownership share", tons, inputs.find(tons).orElseThrow().unit(),
              times(ref(tons100), Expr.constant(share)));
        } else if (knownOrComputed(tons) && !knownOrComputed(tons100)) {
          Unit unit = inputs.find(tons).map(Fact::unit).or(() -> inputs.all().stream()
              .filter(f -> f.key().entity().equals(e) && f.key().concept().startsWith(TONS)).map(Fact::unit).findFirst())
              .orElse(Unit.SHORT_TON);
          add("res.full_basis_tons", "tons on a 100% basis = attributable tons / ownership share", tons100, unit,
              div(ref(tons), Expr.constant(share)));
        }
      }
    }
  }

  /**
   * A combined category of one property (proven and probable, measured and indicated): tons and
   * contained metal are the sums of the parts, the grade is contained metal over tons.
   */
  private void combined(Property prop, ReserveCategory whole, ReserveCategory a, ReserveCategory b, Period p) {
    String e = property(prop.id());
    List<FactKey> tonsParts = List.of(key(e, TONS, a.code(), p), key(e, TONS, b.code(), p));
    FactKey tons = key(e, TONS, whole.code(), p);
    // a second relation for a figure is fine for the checker (printed figures) but not for the engine
    if (tonsParts.stream().noneMatch(this::knownOrComputed) || computedOnly(tons)) {
      return;
    }
    Unit tonsUnit = tonsParts.stream().map(inputs::find).flatMap(Optional::stream).map(Fact::unit).findFirst()
        .orElse(Unit.SHORT_TON);
    add("res.combined_tons", "tons of the " + a.code() + " + tons of the " + b.code(), tons, tonsUnit,
        sum(tonsParts.stream().map(k -> plus(opt(k))).toList()));
    for (Metal m : Metal.values()) {
      List<FactKey> parts = List.of(key(e, CONTAINED, a.code() + ":" + m.name(), p),
          key(e, CONTAINED, b.code() + ":" + m.name(), p));
      Optional<Unit> gradeUnit = gradeUnit(e, a, b, m, p);
      FactKey contained = key(e, CONTAINED, whole.code() + ":" + m.name(), p);
      if (parts.stream().noneMatch(this::knownOrComputed) || gradeUnit.isEmpty() || computedOnly(contained)) {
        continue;
      }
      add("res.combined_contained", "contained metal of the " + a.code() + " + of the " + b.code(), contained,
          containedUnit(tonsUnit, m), sum(parts.stream().map(k -> plus(opt(k))).toList()));
      FactKey grade = key(e, GRADE, whole.code() + ":" + m.name(), p);
      if (!computedOnly(grade)) {
        add("res.combined_grade", "contained metal / (tons * the grade unit's factor)", grade, gradeUnit.get(),
            div(ref(contained), times(ref(tons),
                Expr.constant(containedFactor(tonsUnit, gradeUnit.get(), m).toPlainString()))));
      }
    }
  }

  /** The unit of a metal's grade as given for either of two categories of a property. */
  private Optional<Unit> gradeUnit(String e, ReserveCategory a, ReserveCategory b, Metal m, Period p) {
    return Stream.of(a, b).map(c -> inputs.find(key(e, GRADE, c.code() + ":" + m.name(), p))).flatMap(Optional::stream)
        .map(Fact::unit).findFirst();
  }

  /** Computed by another relation and not printed: a second relation would make the engine's result ambiguous. */
  private boolean computedOnly(FactKey k) {
    return results.contains(k) && !inputs.has(k);
  }

  /** Guide 7 from S-K 1300 data: measured and indicated resources shown as mineralized material (tons, grade). */
  private void mineralizedMaterial(Property prop, Period p) {
    String e = property(prop.id());
    String mi = ReserveCategory.MEASURED_INDICATED.code();
    String mm = ReserveCategory.MINERALIZED_MATERIAL.code();
    if (!results.contains(key(e, TONS, mi, p)) || knownOrComputed(key(e, TONS, mm, p))) {
      return;
    }
    add("res.mineralized_material", "Guide 7 mineralized material = measured and indicated resources", key(e, TONS, mm, p),
        Unit.SHORT_TON, sum(List.of(plus(ref(key(e, TONS, mi, p))))));
    for (Metal m : Metal.values()) {
      FactKey grade = key(e, GRADE, mi + ":" + m.name(), p);
      if (results.contains(grade)) {
        add("res.mineralized_material", "Guide 7 mineralized material = measured and indicated resources",
            key(e, GRADE, mm + ":" + m.name(), p),
            gradeUnit(e, ReserveCategory.MEASURED, ReserveCategory.INDICATED, m, p).orElse(m.gradeUnit()),
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
  private void reconciliation(List<Property> properties, Period p) {
    if (!(p instanceof Period.Year)) {
      return;
    }
    String pp = ReserveCategory.PROVEN_PROBABLE.code();
    for (Metal m : Metal.values()) {
      List<String> entities = new ArrayList<>();
      for (Property prop : properties) {
        String e = property(prop.id());
        List<String> moves = List.of(RES_DEPLETED, RES_ADDED, RES_REVISED, RES_OPENING, RES_CLOSING);
        if (moves.stream().noneMatch(c -> inputs.has(key(e, c, m.name(), p)))) {
          continue;
        }
        entities.add(e);
        FactKey opening = key(e, RES_OPENING, m.name(), p);
        FactKey closing = key(e, RES_CLOSING, m.name(), p);
        FactKey prior = key(e, CONTAINED, pp + ":" + m.name(), p.priorYear());
        FactKey now = key(e, CONTAINED, pp + ":" + m.name(), p);
        if (knownOrComputed(prior)) {
          add("res.opening", "opening reserves = the prior year-end's proven and probable contained metal", opening,
              m.quantityUnit(), sum(List.of(plus(ref(prior)))));
        }
        if (knownOrComputed(now)) {
          add("res.closing", "closing reserves = the year-end's proven and probable contained metal", closing,
              m.quantityUnit(), sum(List.of(plus(ref(now)))));
        }
        add("res.roll_forward", "revisions = closing - opening + depleted - added (closing = opening - depleted + added"
                + " + revised)", key(e, RES_REVISED, m.name(), p), m.quantityUnit(),
            sum(List.of(plus(ref(closing)), minus(ref(opening)), plus(opt(key(e, RES_DEPLETED, m.name(), p))),
                minus(opt(key(e, RES_ADDED, m.name(), p))))));
      }
      if (entities.isEmpty()) {
        continue;
      }
      for (String c : List.of(RES_OPENING, RES_DEPLETED, RES_ADDED, RES_REVISED, RES_CLOSING)) {
        add("res.total_" + c, "sum of the properties' " + c.replace('_', ' '), key(reserves(), c, m.name(), p),
            m.quantityUnit(), sum(entities.stream().map(e -> plus(opt(key(e, c, m.name(), p)))).toList()));
      }
    }
  }

  /**
   * Factor turning tons x grade into contained metal: ounces from short tons x oz/ton, short tons
   * from short tons x percent, and the exact conversions for tonnes and grams per tonne.
   */
  static java.math.BigDecimal containedFactor(Unit tons, Unit grade, Metal metal) {
    if (metal.precious()) {
      java.math.BigDecimal st = tons.convert(java.math.BigDecimal.ONE, Unit.SHORT_TON);
      java.math.BigDecimal ozPerTon = grade.convert(java.math.BigDecimal.ONE, Unit.OUNCES_PER_TON);
      return st.multiply(ozPerTon);
    }
    // base metals: contained in the unit the tonnage is in (short tons of lead from short tons of ore)
    return grade.convert(java.math.BigDecimal.ONE, Unit.PERCENT).movePointLeft(2);
  }

  /** The unit of contained metal: troy ounces of a precious metal, else the tonnage's unit. */
  static Unit containedUnit(Unit tons, Metal metal) {
    return metal.precious() ? Unit.TROY_OUNCE : tons;
  }
}
