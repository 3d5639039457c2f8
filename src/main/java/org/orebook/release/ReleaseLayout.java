package org.orebook.release;

import static org.orebook.relations.Concepts.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.Dataset;
import org.orebook.data.Hedge;
import org.orebook.data.PriceSeries;
import org.orebook.data.ReserveNote;
import org.orebook.data.ReserveRow;
import org.orebook.facts.Entity;
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
import org.orebook.quantity.PeriodSet;
import org.orebook.quantity.Unit;

/**
 * Lays out the tables of a results release over the computed figures: reserves, highlights, the
 * three statements, production data, hedges and the reconciliation of cash costs to GAAP. Which
 * rows exist comes from the dataset (its units, metals, segments, statement lines); nothing here
 * knows any particular company.
 */
public final class ReleaseLayout {
  private static final int CELL = 12;
  private final Dataset data;
  private final Company company;
  private final FactSet facts;
  private final PeriodSet columns;
  private final List<Period> all;

  private ReleaseLayout(Dataset data, FactSet facts, PeriodSet columns) {
    this.data = data;
    this.company = data.company();
    this.facts = facts;
    this.columns = columns;
    this.all = columns.flows();
  }

  /** The release with the given columns (their period decides every heading, word and table). */
  public static Release build(Dataset data, FactSet facts, PeriodSet columns) {
    ReleaseLayout l = new ReleaseLayout(data, facts, columns);
    List<Section> sections = new ArrayList<>(Narrative.sections(data, facts, columns));
    l.reserveSection().ifPresent(sections::add);
    sections.add(l.highlights());
    l.statement("operations", "Consolidated Statements of Operations",
        "(dollars and shares in thousands, except per share", "amounts - unaudited)").ifPresent(sections::add);
    l.statement("balance_sheet", "Consolidated Balance Sheets", "(dollars and shares in thousands - unaudited)", null)
        .ifPresent(sections::add);
    l.statement("cash_flows", "Consolidated Statements of Cash Flows", "(dollars in thousands - unaudited)", null)
        .ifPresent(sections::add);
    sections.add(l.production());
    l.hedges().ifPresent(sections::add);
    l.reconciliation().ifPresent(sections::add);
    sections.addAll(CostSections.build(data, facts, columns));
    sections.addAll(FinanceSections.build(data, facts, columns.release().end()));
    return new Release(data.company(), columns, facts, sections);
  }

  // ---------------------------------------------------------------- shared

  /**
   * The headings over runs of columns of one length: "Fourth Quarter Ended" (or "Three Months
   * Ended" in {@code monthsWording}), "Nine Months Ended", "Year Ended" (or "Twelve Months Ended"
   * beside a quarter).
   */
  static List<Table.Group> groups(List<Period> periods, boolean monthsWording) {
    List<Table.Group> g = new ArrayList<>();
    boolean quarter = periods.stream().anyMatch(Period::isQuarter);
    int i = 0;
    while (i < periods.size()) {
      int j = i;
      while (j < periods.size() && periods.get(j).quarters() == periods.get(i).quarters()) {
        j++;
      }
      g.add(new Table.Group(PeriodWords.ended(periods.get(i), monthsWording, quarter), j - i));
      i = j;
    }
    return g;
  }

  /** Each column's heading: "Sept. 30," over the calendar year of the period's last day. */
  static List<List<String>> dateHeaders(List<Period> periods, boolean monthsWording) {
    return dateHeaders(periods);
  }

  /** Each column's date heading (a balance sheet's columns, which no length heads). */
  static List<List<String>> dateHeaders(List<Period> periods) {
    return periods.stream().map(p -> List.of(p.endMonthDay(), String.valueOf(p.end().getYear()))).toList();
  }

  private Row.Values row(String label, int indent, List<Cell> cells) {
    return new Row.Values(label, indent, cells);
  }

  private List<Cell> cells(List<Period> periods, Entity entity, String concept, String qualifier, int decimals, int scale) {
    return periods.stream().map(p -> Cell.of(new FactKey(entity, concept, qualifier, p), decimals, scale)).toList();
  }

  /** The decimals of a row or column of grades: its figures' unit and values decide (GradePrecision). */
  private int gradeDecimals(String table, Metal m, int usual, List<FactKey> keys) {
    List<org.orebook.facts.Fact> found = keys.stream().map(facts::find).flatMap(Optional::stream).toList();
    Unit unit = found.stream().map(org.orebook.facts.Fact::unit).findFirst().orElse(m.gradeUnit());
    return GradePrecision.decimals(company, table, m, unit, usual, found.stream().map(org.orebook.facts.Fact::value).toList());
  }

  private static List<Cell> dollar(List<Cell> cells) {
    return cells.stream().map(Cell::withDollar).toList();
  }

  /** The unit of the figures a row shows (its first present figure): the unit words of its label follow it. */
  private Optional<Unit> unitOf(List<Cell> cells) {
    return UnitWords.of(cells, facts);
  }

  private boolean anyFact(List<Cell> cells) {
    return cells.stream().anyMatch(c -> c.key().isPresent() && facts.has(c.key().get()));
  }

  private List<String> companyTitle(String... lines) {
    List<String> t = new ArrayList<>();
    t.add(company.name().toUpperCase(Locale.ROOT));
    for (String l : lines) {
      if (l != null) {
        t.add(l);
      }
    }
    return t;
  }

  // ---------------------------------------------------------------- reserves

  private Optional<Section> reserveSection() {
    // the release's year end, or for an interim release the last fiscal year end before it (--period
    // may name an earlier year than the dataset's release period)
    Period p = reservePeriod(columns);
    ReserveCategory.Standard standard = ReserveCategory.Standard.forYear(company, p.year());
    // reserves.csv (Guide 7) holds the dataset's release year end only
    List<ReserveRow> reserveRows = p.equals(company.releasePeriod().lastYearEnd()) ? data.reserveRows() : List.of();
    // S-K 1300 tables need S-K 1300 estimates; a dataset with Guide 7 reserve rows only prints those
    if (standard == ReserveCategory.Standard.SK_1300 && !rowsOf(ReserveCategory.SK_INPUTS, p).isEmpty()) {
      return Optional.of(ReserveSections.sk1300(data, facts, p,
          (cat, props, title, period) -> categoryBlocks(cat, props, title, period, true), rowsOf(ReserveCategory.SK_TABLES, p)));
    }
    if (reserveRows.isEmpty()) {
      // Guide 7 from S-K 1300 estimates: proven and probable, and measured and indicated as mineralized material
      reserveRows = rowsOf(List.of(ReserveCategory.PROVEN_PROBABLE, ReserveCategory.MINERALIZED_MATERIAL), p);
    }
    if (reserveRows.isEmpty()) {
      return Optional.empty();
    }
    List<Section.Block> blocks = new ArrayList<>();
    blocks.add(new Section.TextBlock(List.of(TextRenderer.center("ESTIMATED ORE RESERVES", 72), "")));
    for (ReserveCategory cat : ReserveCategory.values()) {
      List<ReserveRow> rows = reserveRows;
      List<Property> props = rows.stream().filter(r -> r.category() == cat).map(ReserveRow::propertyId)
          .map(id -> data.properties().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow()).toList();
      if (!props.isEmpty()) {
        blocks.addAll(categoryBlocks(cat, props, cat.title(), p, false));
      }
    }
    return Optional.of(new Section("reserves", "ESTIMATED ORE RESERVES", blocks));
  }

  /** The year end whose reserves a release states: its own year's, or an interim release's last fiscal year end. */
  static Period reservePeriod(PeriodSet columns) {
    return columns.release().lastYearEnd();
  }

  /** The properties with a tonnage in each of the categories at the period, in dataset order. */
  private List<ReserveRow> rowsOf(List<ReserveCategory> categories, Period p) {
    List<ReserveRow> rows = new ArrayList<>();
    for (ReserveCategory cat : categories) {
      for (Property prop : data.properties()) {
        if (facts.has(new FactKey(property(prop.id()), TONS, cat.code(), p))) {
          rows.add(new ReserveRow(cat, prop.id()));
        }
      }
    }
    return rows;
  }

  /**
   * One category's tables: tons and grades per property, then contained metal with the total; in the
   * S-K 1300 layout ({@code sk}) wider and with each contained-metal table titled.
   */
  private List<Section.Block> categoryBlocks(ReserveCategory cat, List<Property> props, String categoryTitle, Period p,
      boolean sk) {
    List<Section.Block> blocks = new ArrayList<>();
    String mineHeader = sk ? "Property - (interest in %)" : "Mine - (" + company.shortName() + " interest in %)";
    Set<Metal> metals = new LinkedHashSet<>();
    for (Metal m : Metal.values()) {
      for (Property prop : props) {
        if (facts.has(new FactKey(property(prop.id()), GRADE, cat.code() + ":" + m.name(), p))) {
          metals.add(m);
        }
      }
    }
    // S-K 1300: a partly owned property's tons on a 100% basis beside the attributable tons
    boolean fullBasis = sk && props.stream().anyMatch(Property::partlyOwned);
    List<ReserveNote> notes = data.reserveNotes().stream().filter(n -> n.category() == cat).toList();
    List<String> noteLines = new ArrayList<>();
    String title = categoryTitle;
    int n = 0;
    List<Row> rows = new ArrayList<>();
    List<Row> contained = new ArrayList<>();
    List<Cell> tonsCells = new ArrayList<>();
    // one number of decimals per metal column, from the column's unit and values (a 0.025 oz/ton deposit
    // gives the column three decimals: 0.260 beside it, not 0.26)
    Map<Metal, Integer> gradeColumns = new java.util.HashMap<>();
    for (Metal m : metals) {
      gradeColumns.put(m, gradeDecimals("reserves", m, m.reserveGradeDecimals(), props.stream()
          .map(prop -> new FactKey(property(prop.id()), GRADE, cat.code() + ":" + m.name(), p)).toList()));
    }
    for (Property prop : props) {
      String label = prop.name() + (prop.partlyOwned() ? " (" + Formats.plain(prop.ownershipPct()) + "%)" : "");
      label = cat.containedMetalAllowed() && !prop.country().isEmpty() ? label + ", " + prop.country() : label;
      for (ReserveNote note : notes) {
        if (note.propertyId().equals(prop.id())) {
          n++;
          label += " (" + n + ")";
          noteLines.addAll(TextRenderer.wrap("(" + n + ") " + note.text(), 70));
          noteLines.add("");
        }
      }
      Entity e = property(prop.id());
      List<Cell> cells = new ArrayList<>();
      if (fullBasis) {
        cells.add(Cell.of(new FactKey(e, prop.partlyOwned() ? TONS_100PCT : TONS, cat.code(), p), 0, 0).emptyAs("-"));
      }
      cells.add(Cell.of(new FactKey(e, TONS, cat.code(), p), 0, 0).emptyAs("-"));
      tonsCells.add(cells.get(cells.size() - 1));
      List<Cell> cc = new ArrayList<>();
      for (Metal m : metals) {
        FactKey gk = new FactKey(e, GRADE, cat.code() + ":" + m.name(), p);
        cells.add(Cell.of(gk, gradeColumns.get(m), 0).emptyAs("-"));
        cc.add(Cell.of(new FactKey(e, CONTAINED, cat.code() + ":" + m.name(), p), 0, 0).emptyAs("-"));
      }
      rows.add(row(label, 0, cells));
      contained.add(row(label, 0, cc));
    }
    if (!cat.containedMetalAllowed()) {
      n++;
      title += " (" + n + ")";
      noteLines.addAll(TextRenderer.wrap("(" + n + ") Securities and Exchange Commission guidelines do not allow the"
          + " company to complete the calculation of " + UnitWords.tons(unitOf(tonsCells))
          + " multiplied by grade to equal contained ounces in the"
          + " \"mineralized material\" and \"other resources\" categories.", 70));
      noteLines.add("");
    }
    List<List<String>> headers = new ArrayList<>();
    String tonsWord = UnitWords.capitalised(unitOf(tonsCells).orElse(Unit.SHORT_TON));
    if (fullBasis) {
      headers.add(List.of(tonsWord, "(100%)"));
    }
    headers.add(List.of(fullBasis ? tonsWord : "", fullBasis ? "(attrib.)" : tonsWord));
    for (Metal m : metals) {
      Unit gu = unitOf(props.stream()
          .map(x -> Cell.of(new FactKey(property(x.id()), GRADE, cat.code() + ":" + m.name(), p), 0, 0)).toList())
          .orElse(m.gradeUnit());
      headers.add(List.of(m.displayName(), "(" + UnitWords.grade(gu, false) + ")"));
    }
    blocks.add(new Section.TextBlock(List.of(title)));
    // an S-K 1300 table at least as wide as the title over it (a reader takes a wider line for prose)
    blocks.add(new Section.TableBlock(new Table("reserves-" + cat.code(), List.of(), List.of(), headers, mineHeader,
        rows, sk ? Math.max(30, title.length() - headers.size() * 12) : 30, sk ? 12 : 10, true)));
    if (cat.containedMetalAllowed() && !metals.isEmpty()) {
      List<Cell> total = new ArrayList<>();
      List<List<String>> ch = new ArrayList<>();
      for (Metal m : metals) {
        Cell c = Cell.of(new FactKey(reserves(), CONTAINED, cat.code() + ":" + m.name(), p), 0, 0).emptyAs("-");
        total.add(c);
        ch.add(List.of(m.displayName(), "(" + UnitWords.plural(unitOf(List.of(c)).orElse(m.quantityUnit())) + ")"));
      }
      contained.add(row("TOTAL", 0, total));
      // S-K 1300 prints many categories: each contained-metal table names its own
      blocks.add(new Section.TextBlock(sk ? List.of("", categoryTitle + " - contained metal") : List.of("")));
      String containedTitle = categoryTitle + " - contained metal";
      blocks.add(new Section.TableBlock(new Table("reserves-contained", List.of(), List.of(), ch, mineHeader,
          contained, sk ? Math.max(30, containedTitle.length() - ch.size() * 12) : 30, sk ? 12 : 11, true)));
    }
    blocks.add(new Section.TextBlock(List.of("")));
    if (!noteLines.isEmpty()) {
      blocks.add(new Section.TextBlock(noteLines));
    }
    return blocks;
  }

  // ---------------------------------------------------------------- highlights

  private Optional<FactKey> conceptKey(String concept, Period p) {
    FactKey k = FactKey.of(COMPANY, concept, p);
    return facts.has(k) ? Optional.of(k) : Optional.empty();
  }

  /** The note on by-product metal, as the highlights word it ("costs per ounce", "costs per pound"). */
  static String byproductNote(String per) {
    return "Includes by-product metal produced at these properties, which is treated as a"
        + " by-product credit and included in the calculation of costs per " + per + ".";
  }

  /** The note on non-GAAP cash costs per unit of metal. */
  static String cashCostNote(String per) {
    return "Total cash costs per " + per + " represent non-U.S. generally accepted accounting"
        + " principles (GAAP) measurements. A reconciliation of total cash costs to cost of sales and other direct"
        + " production costs (GAAP) can be found in the cash costs per " + per + " reconciliation section of this release.";
  }

  /** The primary metals whose unit costs the release prints. */
  private List<Metal> costMetals() {
    return company.units().stream().filter(u -> u.primaryMetal().isPresent()
            && anyFact(cells(all, unit(u.id()), TOTAL_CASH_PER_OZ, "", 0, 0)))
        .map(u -> u.primaryMetal().get()).distinct().toList();
  }

  private boolean payable(Entity entity, Metal m) {
    return CostWords.payable(facts, company, entity, m);
  }

  /** The label of the statement of operations' line that carries a concept, without note markers. */
  private Optional<String> operationsLabel(String concept) {
    return data.statementLines().stream().filter(l -> l.statement().equals(StatementLine.OPERATIONS)
        && concept.equals(l.concept()) && !l.label().isBlank()).map(l -> Footnotes.unmarked(l.label())).findFirst();
  }

  private Section highlights() {
    List<Row> rows = new ArrayList<>();
    Footnotes notes = new Footnotes();
    Optional<String> preferred = Footnotes.preferredDividends(facts, columns);
    rows.add(new Row.Heading("FINANCIAL DATA"));
    // the figures the statements print, under the statements' own labels (the non-GAAP measures as named)
    List<String[]> financial = new ArrayList<>();
    financial.add(new String[] {SALES, operationsLabel(SALES).orElse("Sales"), "0"});
    financial.add(new String[] {GROSS_PROFIT, operationsLabel(GROSS_PROFIT).orElse("Gross profit"), "0"});
    for (StatementLine l : data.statementLines()) {
      if (l.statement().equals(StatementLine.NON_GAAP) && l.kind() == StatementLine.Kind.SUBTOTAL && !l.concept().isBlank()) {
        financial.add(new String[] {l.concept(), Footnotes.unmarked(l.label()), "0"});
      }
    }
    financial.add(new String[] {NET_INCOME, operationsLabel(NET_INCOME).orElse("Net income (loss)"), "0"});
    financial.add(new String[] {EPS_BASIC, operationsLabel(EPS_BASIC).orElse("Basic income (loss) per common share")
        + preferred.map(notes::mark).orElse(""), "2"});
    financial.add(new String[] {CF_OPERATING, "Cash flow provided by operating activities", "0"});
    boolean first = true;
    for (String[] f : financial) {
      int dec = Integer.parseInt(f[2]);
      List<Cell> cells = all.stream().map(p -> Cell.of(FactKey.of(COMPANY, f[0], p), dec, dec == 2 ? 0 : 3)).toList();
      if (anyFact(cells)) {
        rows.add(row(f[1], 0, first ? dollar(cells) : cells));
        first = false;
      }
    }
    for (String[] part : new String[][] {{SALES, "SALES OF PRODUCTS", "Total sales"}, {GROSS_PROFIT, "GROSS PROFIT", "Total gross profit"}}) {
      rows.add(new Row.Blank());
      rows.add(new Row.Heading(part[1]));
      boolean firstSeg = true;
      for (Segment s : company.segments()) {
        List<Cell> cells = cells(all, segment(s.id()), part[0], "", 0, 3);
        if (!anyFact(cells)) {
          continue;
        }
        rows.add(row(s.name(), 0, firstSeg ? dollar(cells) : cells));
        firstSeg = false;
      }
      rows.add(new Row.Rule('-'));
      rows.add(row(part[2], 2, dollar(cells(all, COMPANY, part[0], "", 0, 3))));
    }
    rows.add(new Row.Blank());
    rows.add(new Row.Heading("PRODUCTION SUMMARY - TOTALS"));
    for (Metal m : company.metals()) {
      List<Cell> cells = cells(all, COMPANY, PRODUCED, m.name(), 0, 0);
      if (anyFact(cells)) {
        rows.add(row(m.displayName() + " - " + UnitWords.capitalised(unitOf(cells).orElse(m.quantityUnit())), 0, cells));
      }
    }
    for (Metal m : company.metals()) {
      Entity g = group(m.name());
      if (!anyFact(cells(all, g, TOTAL_CASH_PER_OZ, "", 0, 0))) {
        continue;
      }
      boolean byproduct = company.unitsWithPrimary(m).stream().anyMatch(u -> !u.byproductMetals().isEmpty()
          && u.byproductMetals().stream().anyMatch(Metal::precious));
      String per = CostWords.perAny(company, costMetals());
      String abbreviation = CostWords.abbreviation(company, m);
      rows.add(row("Average cost per " + CostWords.perProduced(company, m, payable(g, m))
          + (byproduct ? notes.mark(byproductNote(per)) : "") + ":", 0, List.of()));
      if (!m.precious() && anyFact(cells(all, g, C1_PER_LB, "", 0, 0))) {
        rows.add(row("C1 cash costs (" + abbreviation + ")", 2, cells(all, g, C1_PER_LB, "", company.costDecimals(m), 0)));
      } else {
        rows.add(row("Cash operating costs (" + abbreviation + ")", 2, cells(all, g, CASH_OPERATING_PER_OZ, "", company.costDecimals(m), 0)));
      }
      rows.add(row("Total cash costs (" + abbreviation + ")" + notes.mark(cashCostNote(per)), 2,
          cells(all, g, TOTAL_CASH_PER_OZ, "", company.costDecimals(m), 0)));
      rows.add(row("Total production costs (" + abbreviation + ")", 2,
          cells(all, g, TOTAL_PRODUCTION_PER_OZ, "", company.costDecimals(m), 0)));
    }
    if (!data.prices().isEmpty()) {
      rows.add(new Row.Blank());
      rows.add(new Row.Heading("AVERAGE METAL PRICES"));
      for (PriceSeries ps : data.prices()) {
        String unit = ps.unit() == Unit.CENTS_PER_POUND ? "(cents/pound)" : "($/oz.)";
        rows.add(row(ps.metal().displayName() + " - " + ps.basis() + " " + unit, 0,
            cells(all, Entity.MARKET, PRICE, ps.qualifier(), ps.metal().priceDecimals(), 0)));
      }
    }
    Table t = new Table("highlights", companyTitle("(dollars in thousands, except per share,",
        "per ounce and per pound amounts - unaudited)"), groups(all, false), dateHeaders(all, false), "HIGHLIGHTS", rows, 23, CELL, false);
    return new Section("highlights", "HIGHLIGHTS", notes.isEmpty() ? List.of(new Section.TableBlock(t))
        : List.of(new Section.TableBlock(t), new Section.TextBlock(notes.lines(72))));
  }

  // ---------------------------------------------------------------- statements

  private Optional<Section> statement(String id, String title, String unitLine1, String unitLine2) {
    List<StatementLine> lines = data.statementLines().stream().filter(l -> l.statement().equals(id)).toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    // the statement of operations for every flow column, the balance sheet at the period's end and
    // the prior year end, other statements (cash flows) for the year to date
    List<Period> periods = id.equals("operations") ? all
        : id.equals("balance_sheet") ? columns.balance() : columns.cashFlows();
    if (periods.isEmpty()) {
      return Optional.empty();
    }
    // the notes of the statement of operations: a non-GAAP measure reconciled from one of its lines,
    // and preferred dividends deducted in its per-share figure
    Footnotes notes = new Footnotes();
    Map<String, String> marks = new java.util.HashMap<>();
    List<StatementLine> nonGaap = id.equals(StatementLine.OPERATIONS)
        ? data.statementLines().stream().filter(l -> l.statement().equals(StatementLine.NON_GAAP)).toList() : List.of();
    Optional<StatementLine> from = nonGaap.stream().filter(l -> l.kind() == StatementLine.Kind.LINK
        && l.terms().get(0).startsWith(id + ":")).findFirst();
    Optional<StatementLine> measure = nonGaap.stream().filter(l -> l.kind() == StatementLine.Kind.SUBTOTAL).reduce((a, b) -> b);
    Optional<String> nonGaapNote = Optional.empty();
    if (measure.isPresent()) {
      String target = from.map(f -> f.terms().get(0).substring(id.length() + 1)).orElse("");
      String fromLabel = lines.stream().filter(l -> l.id().equals(target)).map(l -> Footnotes.unmarked(l.label()))
          .findFirst().orElse("net income (loss)");
      nonGaapNote = Optional.of(Footnotes.nonGaap(measure.get(), fromLabel, facts, columns));
      String mark = notes.mark(nonGaapNote.get());
      if (!target.isEmpty()) {
        marks.put(target, mark);
      }
    }
    if (id.equals(StatementLine.OPERATIONS)) {
      Footnotes.preferredDividends(facts, columns).ifPresent(text -> lines.stream()
          .filter(l -> l.kind() == StatementLine.Kind.PER_SHARE && EPS_BASIC.equals(l.concept()))
          .forEach(l -> marks.put(l.id(), notes.mark(text))));
    }
    List<Row> rows = statementRows(lines, periods, marks);
    boolean balances = StatementLine.balance(id);
    List<Table.Group> groups = balances ? List.of() : groups(periods, false);
    Table t = new Table(id, companyTitle(title, unitLine1, unitLine2), groups,
        balances ? dateHeaders(periods) : dateHeaders(periods, false), "", rows,
        id.equals("operations") ? 31 : 52, id.equals("operations") ? 10 : 10, false);
    List<Section.Block> blocks = new ArrayList<>();
    blocks.add(new Section.TableBlock(t));
    if (!notes.isEmpty()) {
      List<String> noteLines = notes.lines(72);
      if (nonGaapNote.isPresent()) {
        // the non-GAAP reconciliation follows its note, the first
        int second = noteLines.subList(1, noteLines.size()).indexOf("") + 1;
        List<String> first = second > 0 ? noteLines.subList(0, second) : noteLines;
        blocks.add(new Section.TextBlock(first));
        blocks.add(new Section.TextBlock(List.of("")));
        blocks.add(new Section.TableBlock(new Table("non_gaap", List.of(), List.of(), List.of(), "",
            statementRows(nonGaap, periods, Map.of()), 31, 10, false)));
        if (second > 0) {
          blocks.add(new Section.TextBlock(noteLines.subList(second, noteLines.size())));
        }
      } else {
        blocks.add(new Section.TextBlock(noteLines));
      }
    }
    return Optional.of(new Section(id, title, blocks));
  }

  private List<Row> statementRows(List<StatementLine> lines, List<Period> periods, Map<String, String> marks) {
    List<Row> rows = new ArrayList<>();
    boolean first = true;
    boolean firstPerShare = true;
    int indent = 0;
    for (StatementLine l : lines) {
      switch (l.kind()) {
        case HEADING -> {
          rows.add(new Row.Heading(l.label()));
          indent = l.label().endsWith(":") ? 2 : 0;
        }
        case BLANK -> rows.add(new Row.Blank());
        default -> {
          boolean shares = periods.stream().anyMatch(p -> facts.find(FactKey.of(Entity.statement(l.statement()), l.id(), p))
              .map(f -> f.unit() == Unit.SHARES).orElse(false));
          boolean perShare = l.kind() == StatementLine.Kind.PER_SHARE;
          List<Cell> cells = periods.stream()
              .map(p -> Cell.of(FactKey.of(Entity.statement(l.statement()), l.id(), p), perShare ? 2 : 0, perShare ? 0 : 3)).toList();
          boolean withDollar = l.rule().equals("double") || (first && !shares) || (perShare && firstPerShare);
          if (perShare) {
            firstPerShare = false;
          }
          first = false;
          int in = l.kind() == StatementLine.Kind.SUBTOTAL && l.label().isBlank() ? 0 : indent;
          String label = Footnotes.unmarked(l.label()) + marks.getOrDefault(l.id(), "");
          rows.add(row(label, in, withDollar && !shares ? dollar(cells) : cells));
        }
      }
      if (l.rule().equals("single")) {
        rows.add(new Row.Rule('-'));
      } else if (l.rule().equals("double")) {
        rows.add(new Row.Rule('='));
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------- production data

  private String unitHeading(OperatingUnit u) {
    return unitHeading(company, u);
  }

  /** A unit's block heading: "GREENS CREEK UNIT (Reflects Hecla's 29.73% share)". */
  static String unitHeading(Company company, OperatingUnit u) {
    String name = u.name().toUpperCase(Locale.ROOT);
    String heading = name.endsWith(" UNIT") ? name : name + " UNIT";
    if (u.partlyOwned()) {
      heading += " (Reflects " + company.shortName() + "'s " + Formats.plain(u.ownershipPct()) + "% share)";
    }
    return heading;
  }

  private Section production() {
    List<Row> rows = new ArrayList<>();
    for (OperatingUnit u : company.units()) {
      if (!u.shownInTables()) {
        continue;
      }
      Entity e = unit(u.id());
      if (!rows.isEmpty()) {
        rows.add(new Row.Blank());
      }
      rows.add(new Row.Heading(unitHeading(u)));
      List<Cell> ore = cells(all, e, ORE_MILLED, "", 0, 0);
      if (anyFact(ore)) {
        rows.add(row(UnitWords.capitalised(unitOf(ore).orElse(Unit.SHORT_TON)) + " of ore " + u.oreTerm(), 0, ore));
      }
      List<Cell> days = cells(all, e, DAYS, "", 0, 0);
      if (anyFact(days)) {
        rows.add(row("Days of operation", 0, days));
      }
      for (String[] c : new String[][] {{MINING_PER_TON, "Mining cost per "}, {MILLING_PER_TON, "Milling cost per "}}) {
        List<Cell> cells = cells(all, e, c[0], "", 2, 0);
        if (anyFact(cells)) {
          rows.add(row(c[1] + UnitWords.perTon(unitOf(cells).orElse(Unit.USD_PER_TON)), 0, dollar(cells)));
        }
      }
      for (Metal m : u.metals()) {
        int decimals = gradeDecimals("production", m, m.productionGradeDecimals(),
            all.stream().map(x -> new FactKey(e, GRADE, m.name(), x)).toList());
        List<Cell> cells = cells(all, e, GRADE, m.name(), decimals, 0);
        if (anyFact(cells)) {
          rows.add(row("Ore grade " + u.gradeTerm() + " - " + m.displayName() + " ("
              + UnitWords.grade(unitOf(cells).orElse(m.gradeUnit()), true) + ")", 0, cells));
        }
      }
      for (Metal m : u.metals()) {
        List<Cell> cells = cells(all, e, PRODUCED, m.name(), 0, 0);
        if (anyFact(cells)) {
          rows.add(row(m.displayName() + " produced (" + UnitWords.quantityShort(unitOf(cells).orElse(m.quantityUnit())) + ")",
              0, cells));
        }
      }
      if (u.primaryMetal().isPresent() && anyFact(cells(all, e, TOTAL_CASH_PER_OZ, "", 0, 0))) {
        Metal m = u.primaryMetal().get();
        rows.add(row("Average cost per " + CostWords.perProduced(company, m, payable(e, m))
            + (u.byproductMetals().isEmpty() ? "" : " (2)") + ":", 0, List.of()));
        if (!m.precious() && anyFact(cells(all, e, C1_PER_LB, "", 0, 0))) {
          rows.add(row("C1 cash costs", 2, dollar(cells(all, e, C1_PER_LB, "", company.costDecimals(m), 0))));
        } else {
          rows.add(row("Cash operating costs", 2, dollar(cells(all, e, CASH_OPERATING_PER_OZ, "", company.costDecimals(m), 0))));
        }
        rows.add(row("Total cash costs (1)", 2, dollar(cells(all, e, TOTAL_CASH_PER_OZ, "", company.costDecimals(m), 0))));
        rows.add(row("Total production costs", 2, dollar(cells(all, e, TOTAL_PRODUCTION_PER_OZ, "", company.costDecimals(m), 0))));
      }
      List<Cell> capex = cells(all, e, CAPITAL_ADDITIONS, "", 0, 3);
      if (anyFact(capex)) {
        rows.add(row("Capital additions", 0, dollar(capex)));
      }
    }
    Table t = new Table("production", companyTitle("Production Data"), groups(all, false), dateHeaders(all, false), "", rows, 26,
        CELL - 1, false);
    String per = CostWords.perAny(company, costMetals());
    List<String> notes = new ArrayList<>(List.of(""));
    notes.addAll(TextRenderer.wrap("(1) Total cash costs per " + per + " represent non-U.S. generally accepted accounting"
        + " principles (GAAP) measurements. A reconciliation of total cash costs to costs of sales and other direct"
        + " production costs (GAAP) can be found in the cash costs per " + per + " reconciliation section of this release.",
        99));
    notes.add("");
    notes.add("(2) By-product metal produced is treated as a by-product credit in calculating costs per " + per + ".");
    return new Section("production", "Production Data", List.of(new Section.TableBlock(t), new Section.TextBlock(notes)));
  }

  // ---------------------------------------------------------------- hedges

  private Optional<Section> hedges() {
    if (data.hedges().isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    lines.add(TextRenderer.center("HEDGED POSITIONS", 72));
    java.time.LocalDate asOf = data.hedges().get(0).asOf();
    lines.add(TextRenderer.center("As of " + asOf.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.US)
        + " " + asOf.getDayOfMonth() + ", " + asOf.getYear(), 72));
    lines.add("");
    for (Hedge h : data.hedges()) {
      String position = h.position().equals("sold_forward") ? "Sold forward" : h.position().replace('_', ' ');
      // the quantity as reported (a metric release converts tons to tonnes)
      Unit reported = facts.units().target(h.unit());
      String qty = Formats.number(h.unit().convert(h.quantity(), reported), 0);
      String unitWord = UnitWords.plural(reported);
      String price = h.priceUnit() == Unit.CENTS_PER_POUND ? Formats.number(h.price(), 1) + " cents per pound"
          : "$" + Formats.number(h.price(), h.metal().priceDecimals());
      lines.add("       " + position + ": " + qty + " " + h.metal().displayName().toLowerCase(Locale.ROOT) + " "
          + unitWord + " @ average price of " + price);
    }
    return Optional.of(new Section("hedges", "HEDGED POSITIONS", List.of(new Section.TextBlock(lines))));
  }

  // ---------------------------------------------------------------- reconciliation to GAAP

  private Optional<Section> reconciliation() {
    List<Row> rows = new ArrayList<>();
    for (OperatingUnit u : company.units()) {
      if (!u.shownInTables() || u.primaryMetal().isEmpty()) {
        continue;
      }
      reconciliationBlock(rows, unitHeading(u), unit(u.id()), u.primaryMetal().get(), !u.byproductMetals().isEmpty()
          && anyFact(cells(all, unit(u.id()), BYPRODUCT_CREDITS, "", 0, 3)));
    }
    for (Metal m : company.metals()) {
      List<OperatingUnit> members = company.unitsWithPrimary(m);
      if (members.size() < 2) {
        continue;
      }
      reconciliationBlock(rows, "COMBINED " + m.displayName().toUpperCase(Locale.ROOT) + " PROPERTIES", group(m.name()), m,
          anyFact(cells(all, group(m.name()), BYPRODUCT_CREDITS, "", 0, 3)));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Metal> metals = costMetals();
    String per = CostWords.perAny(company, metals);
    String Per = java.util.Arrays.stream(per.split(" ")).map(w -> w.equals("and") || w.equals("per") ? w
        : Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(java.util.stream.Collectors.joining(" "));
    boolean oz = metals.stream().anyMatch(Metal::precious);
    boolean lb = metals.stream().anyMatch(m -> !m.precious() && company.costQuantityUnit(m) == Unit.POUND);
    String scale = "(dollars" + (oz ? " and ounces" : "") + " in thousands" + (lb ? ", pounds in millions" : "")
        + ", except per " + per + " - unaudited)";
    Table t = new Table("reconciliation", companyTitle("Reconciliation of Cash Costs per " + Per + " to Generally Accepted",
        "Accounting Principles (GAAP)", scale),
        groups(all, true), dateHeaders(all, true), "", rows, 32, 10, false);
    List<String> notes = List.of("",
        "(1) Cash costs per " + per + " represent non-U.S. generally accepted accounting principles (GAAP) measurements",
        "    that management uses to monitor and evaluate the performance of its mining operations.");
    return Optional.of(new Section("reconciliation", "Reconciliation of Cash Costs per " + Per + " to GAAP",
        List.of(new Section.TableBlock(t), new Section.TextBlock(notes))));
  }

  private void reconciliationBlock(List<Row> rows, String heading, Entity e, Metal m, boolean byproduct) {
    if (!anyFact(cells(all, e, TOTAL_CASH, "", 0, 3))) {
      return;
    }
    if (!rows.isEmpty()) {
      rows.add(new Row.Blank());
    }
    rows.add(new Row.Heading(heading));
    List<Cell> tcc = dollar(cells(all, e, TOTAL_CASH, "", 0, 3));
    rows.add(row("Total cash costs", 0, tcc));
    if (m.precious()) {
      rows.add(row("Divided by " + m.displayName().toLowerCase(Locale.ROOT) + " ounces produced", 0,
          cells(all, e, COST_OUNCES, "", 0, 3)));
    } else if (company.costQuantityUnit(m) == Unit.POUND) {
      // pounds in millions, to one decimal: the base-metal industry's habit ("311.3 Mlb")
      boolean payable = payable(e, m);
      rows.add(row("Divided by " + (payable ? "payable pounds of " + m.displayName().toLowerCase(Locale.ROOT)
          : "pounds of " + m.displayName().toLowerCase(Locale.ROOT) + " produced") + " (millions)", 0,
          cells(all, e, COST_OUNCES, "", 1, 6)));
    } else {
      // per tonne of metal (the company's choice): whole tonnes
      boolean payable = payable(e, m);
      rows.add(row("Divided by " + (payable ? "payable " : "") + UnitWords.plural(company.costQuantityUnit(m)) + " of "
          + m.displayName().toLowerCase(Locale.ROOT) + (payable ? "" : " produced"), 0, cells(all, e, COST_OUNCES, "", 0, 0)));
    }
    rows.add(new Row.Rule('-'));
    rows.add(row("Total cash cost per " + (m.precious() ? "ounce produced" : CostWords.perProduced(company, m, payable(e, m))) + " (1)", 3,
        dollar(cells(all, e, TOTAL_CASH_PER_OZ, "", company.costDecimals(m), 0))));
    rows.add(new Row.Rule('='));
    rows.add(new Row.Heading("Reconciliation to GAAP:"));
    rows.add(row("Total cash costs", 3, tcc));
    rows.add(row("Treatment & freight costs", 3,
        cells(all, e, TREATMENT_FREIGHT, "", 0, 3).stream().map(Cell::negated).toList()));
    if (byproduct) {
      rows.add(row("By-product credits", 3, cells(all, e, BYPRODUCT_CREDITS, "", 0, 3)));
    }
    rows.add(row("Change in product inventory", 3, cells(all, e, INVENTORY_CHANGE, "", 0, 3)));
    rows.add(row("Reclamation and other costs", 3, cells(all, e, RECLAMATION_OTHER, "", 0, 3)));
    rows.add(new Row.Rule('-'));
    rows.add(row("Costs of sales and other direct production costs (GAAP)", 3, dollar(cells(all, e, COST_OF_SALES, "", 0, 3))));
    rows.add(new Row.Rule('='));
  }
}
