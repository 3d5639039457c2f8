package org.orebook.release;

import static org.orebook.relations.Concepts.*;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.orebook.data.Dataset;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.ReserveCategory;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Period;
import org.orebook.quantity.PeriodSet;

/**
 * The words around the numbers: the headline, highlights, operations, reserves, financial and
 * cautionary sections of a release, rendered from Mustache templates (one per section, in
 * {@code org/orebook/release/prose/}) whose numbers come from the computed figures.
 *
 * <p>A template names a figure as {@code {{#fig}}ENTITY CONCEPT[QUALIFIER] PERIOD FORMAT{{/fig}}}:
 * the entity ({@code company}, {@code group:AG}, {@code unit:la-camorra}, or {@code this} inside a
 * list item, whose metal is {@code @}), the concept, a period relative to the release ({@code FY},
 * {@code FY-1}, {@code Q}, {@code Q-1}) and a format: {@code $m1} ($17.1 million), {@code |qty|} (a quantity without its sign), {@code qty} (9.8
 * million ounces, 204,091 ounces, 25,341 tons), {@code $unit} ($1.43; negative $0.25), {@code ratio1}
 * (4.7:1), {@code chg} (a 48% increase, against the same period a year earlier). Which sentences
 * appear (a metal's paragraph, the quarter, a net loss) is decided here from the figures, so the
 * templates hold no arithmetic; "record" is said only when {@code history.csv} holds prior years and
 * the year beats every one of them and the prior year of the dataset. Nothing here knows any
 * particular company.
 *
 * <p>Template output conventions: {@code ^ } a centred headline line, {@code # } a section heading,
 * {@code -- } a bullet, a blank line ends a paragraph; other lines are joined and wrapped at 70
 * columns with the first line indented four spaces, the way EDGAR exhibits print running text.
 */
public final class Narrative {
  static final List<String> SECTIONS = List.of("headline", "lead", "highlights", "operations", "reserves", "financial",
      "cautionary");
  private static final int WIDTH = 70;
  private static final DefaultMustacheFactory MUSTACHE = new DefaultMustacheFactory("org/orebook/release/prose") {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private final Dataset data;
  private final Company company;
  private final FactSet facts;
  private final PeriodSet columns;
  /** The period the release reports: the year, or the quarter of an interim release. */
  private final Period main;
  /** The period beside it: the fourth quarter of a year release, the year to date of an interim one. */
  private final Optional<Period> other;
  /** The year end the reserves are stated at. */
  private final Period reserveYear;
  /** The balance sheet's date. */
  private final Period balance;

  private Narrative(Dataset data, FactSet facts, PeriodSet columns) {
    this.data = data;
    this.company = data.company();
    this.facts = facts;
    this.columns = columns;
    this.main = columns.release().isYear() ? columns.toDate().get(0) : columns.quarter().get(0);
    this.other = columns.release().isYear() ? columns.shownQuarter() : Optional.ofNullable(
        columns.toDate().isEmpty() ? null : columns.toDate().get(0));
    this.reserveYear = ReleaseLayout.reservePeriod(columns);
    this.balance = columns.balance().get(0);
  }

  /** The prose sections of a release, in print order, before its tables. */
  static List<Section> sections(Dataset data, FactSet facts, PeriodSet columns) {
    Narrative n = new Narrative(data, facts, columns);
    Map<String, Object> scope = n.scope();
    List<Section> out = new ArrayList<>();
    for (String id : SECTIONS) {
      List<String> lines = layout(n.render(id, scope));
      if (!lines.isEmpty()) {
        out.add(new Section("prose-" + id, title(id), List.of(new Section.TextBlock(lines))));
      }
    }
    return out;
  }

  /** The title a reader sees for a prose section (the HTML and web headings), not its template's name. */
  static String title(String id) {
    return switch (id) {
      case "headline" -> "Headline";
      case "lead" -> "Summary";
      case "highlights" -> "Highlights";
      case "operations" -> "Operations";
      case "reserves" -> "Reserves";
      case "financial" -> "Financial results";
      case "cautionary" -> "Cautionary statement";
      default -> Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('_', ' ');
    };
  }

  private String render(String section, Map<String, Object> scope) {
    Mustache m = MUSTACHE.compile(section + ".mustache");
    StringWriter w = new StringWriter();
    m.execute(w, scope);
    return w.toString();
  }

  // ---------------------------------------------------------------- the scope the templates see

  private Map<String, Object> scope() {
    Map<String, Object> s = new HashMap<>();
    Period year = main;
    s.put("company", company.name());
    s.put("short", company.shortName());
    s.put("pName", PeriodWords.name(main));
    s.put("pPrior", PeriodWords.name(main.priorYear()));
    s.put("pTitle", PeriodWords.title(main));
    s.put("pTitleUpper", PeriodWords.title(main).toUpperCase(Locale.ROOT));
    s.put("periodEnd", PeriodWords.endDate(main));
    s.put("ended", main.isYear() ? "Year Ended" : "Period Ended");
    s.put("resultsFor", resultsFor());
    s.put("balanceWhen", balance.isYear() ? "the end of " + PeriodWords.year(balance) : PeriodWords.endDate(balance));
    s.put("balanceAgain", balance.isYear() ? "the end of the year" : "that date");
    s.put("reserveWhen", reserveYear.equals(main) ? "the end of " + PeriodWords.year(reserveYear)
        : PeriodWords.endDate(reserveYear) + ", the end of " + PeriodWords.year(reserveYear) + ",");
    s.put("fig", figure(null, null));
    Optional<Period> q = other.filter(x -> has(COMPANY, GROSS_PROFIT, "", x) && has(COMPANY, GROSS_PROFIT, "", x.priorYear()));
    s.put("other", q.isPresent());
    q.ifPresent(x -> {
      s.put("oName", PeriodWords.name(x));
      s.put("oPrior", PeriodWords.name(x.priorYear()));
    });
    s.put("sales", has(COMPANY, SALES, "", year) && has(COMPANY, SALES, "", year.priorYear()));
    s.put("gp", has(COMPANY, GROSS_PROFIT, "", year) && has(COMPANY, GROSS_PROFIT, "", year.priorYear()));
    s.put("gpChange", positive(COMPANY, GROSS_PROFIT, year));
    s.put("gpOtherChange", q.isPresent() && positive(COMPANY, GROSS_PROFIT, q.get()));
    s.put("cf", has(COMPANY, CF_OPERATING, "", year) && has(COMPANY, CF_OPERATING, "", year.priorYear()));
    s.put("cfChange", positive(COMPANY, CF_OPERATING, year));
    income(s, "ni", year);
    q.ifPresent(x -> income(s, "oni", x));
    s.put("cashSt", has(COMPANY, CASH_AND_SHORT_TERM, "", balance));
    // "cash and short-term investments" only when the balance sheet has short-term investments
    s.put("stInvestments", value(COMPANY, SHORT_TERM_INVESTMENTS, "", balance).map(v -> v.signum() != 0).orElse(false));
    s.put("ratio", has(COMPANY, CURRENT_RATIO, "", balance));
    List<Map<String, Object>> nonGaap = new ArrayList<>();
    for (StatementLine l : data.statementLines()) {
      if (l.statement().equals("non_gaap") && l.kind() == StatementLine.Kind.SUBTOTAL && has(Entity.statement(StatementLine.NON_GAAP), l.id(), "", year)
          && has(Entity.statement(StatementLine.NON_GAAP), l.id(), "", year.priorYear())) {
        Map<String, Object> m = new HashMap<>();
        m.put("label", l.label());
        Function<String, String> fig = figure(Entity.statement(StatementLine.NON_GAAP), null);
        m.put("fig", (Function<String, String>) spec -> fig.apply(spec.replace("LINE", l.id())));
        m.put("id", l.id());
        m.put("change", positive(Entity.statement(StatementLine.NON_GAAP), l.id(), year));
        nonGaap.add(m);
      }
    }
    s.put("nonGaap", nonGaap);
    List<Map<String, Object>> metals = new ArrayList<>();
    List<Map<String, Object>> records = new ArrayList<>();
    for (Metal m : company.metals()) {
      if (!has(group(m.name()), TOTAL_CASH_PER_OZ, "", year) || !has(COMPANY, PRODUCED, m.name(), year)) {
        continue;
      }
      Map<String, Object> item = metalItem(m);
      item.put("per", CostWords.per(company, m, CostWords.payable(facts, company, group(m.name()), m)));
      item.put("perSold", company.costWord(m) + " sold");
      item.put("fig", figure(group(m.name()), m));
      item.put("hasPrior", has(COMPANY, PRODUCED, m.name(), year.priorYear())
          && has(group(m.name()), TOTAL_CASH_PER_OZ, "", year.priorYear()));
      item.put("aisc", has(group(m.name()), AISC_PER_OZ, "", year));
      item.put("aiscPrior", has(group(m.name()), AISC_PER_OZ, "", year.priorYear()));
      boolean record = record(m);
      item.put("record", record);
      metals.add(item);
      if (record) {
        records.add(item);
      }
    }
    s.put("metals", metals);
    s.put("recordMetals", records);
    List<Map<String, Object>> units = new ArrayList<>();
    for (OperatingUnit u : company.units()) {
      if (!u.shownInTables() || u.primaryMetal().isEmpty()) {
        continue;
      }
      Metal m = u.primaryMetal().get();
      Entity e = unit(u.id());
      if (!has(e, PRODUCED, m.name(), year) || !has(e, TOTAL_CASH_PER_OZ, "", year)) {
        continue;
      }
      Map<String, Object> item = metalItem(m);
      item.put("per", CostWords.per(company, m, CostWords.payable(facts, company, e, m)));
      item.put("unitName", u.name());
      item.put("fig", figure(e, m));
      item.put("change", positive(e, PRODUCED, m.name(), year));
      item.put("priorCost", has(e, TOTAL_CASH_PER_OZ, "", year.priorYear()));
      item.put("capital", has(e, CAPITAL_ADDITIONS, "", year) && facts.find(new FactKey(e, CAPITAL_ADDITIONS, "", year))
          .map(f -> f.value().abs().compareTo(BigDecimal.valueOf(50_000)) >= 0).orElse(false));
      units.add(item);
    }
    s.put("units", units);
    List<Map<String, Object>> reserves = new ArrayList<>();
    for (Metal m : company.metals()) {
      FactKey k = new FactKey(reserves(), CONTAINED, "proven_probable:" + m.name(), reserveYear);
      if (facts.find(k).map(f -> f.value().signum() > 0).orElse(false)) {
        Map<String, Object> item = metalItem(m);
        item.put("fig", figure(reserves(), m));
        item.put("rollForward", has(reserves(), RES_OPENING, m.name(), reserveYear) && has(reserves(), RES_DEPLETED, m.name(), reserveYear));
        item.put("added", has(reserves(), RES_ADDED, m.name(), reserveYear));
        item.put("revisedUp", facts.find(new FactKey(reserves(), RES_REVISED, m.name(), reserveYear))
            .map(f -> f.value().signum() >= 0).orElse(true));
        reserves.add(item);
      }
    }
    s.put("reserveMetals", reserves);
    s.put("tonsWord", UnitWords.tons(facts.all().stream().filter(f -> f.key().concept().equals(TONS)).map(Fact::unit)
        .findFirst()));
    s.put("hasReserves", !reserves.isEmpty());
    s.put("sk1300", sk1300());
    return s;
  }

  /** "the year ended Dec. 31, 2003", "the third quarter and nine months ended Sept. 30, 2011", "the first quarter ended March 31, 2011". */
  private String resultsFor() {
    String end = PeriodWords.endDate(main);
    if (main.isYear()) {
      return "the year ended " + end;
    }
    String quarter = "the " + PeriodWords.name(main).substring(4).replaceFirst(" of .*", "");
    return other.map(o -> quarter + " and " + (o.quarters() == 2 ? "six" : "nine") + " months ended " + end)
        .orElse(quarter + " ended " + end);
  }

  /** Whether the release prints the S-K 1300 tables (its cautionary note says so): an S-K 1300 year with estimates. */
  private boolean sk1300() {
    return ReserveCategory.Standard.forYear(company, reserveYear.year()) == ReserveCategory.Standard.SK_1300
        && data.properties().stream().anyMatch(prop -> ReserveCategory.SK_INPUTS.stream()
            .anyMatch(cat -> has(property(prop.id()), TONS, cat.code(), reserveYear)));
  }

  private Map<String, Object> metalItem(Metal m) {
    Map<String, Object> item = new LinkedHashMap<>();
    String name = m.displayName().toLowerCase(Locale.ROOT);
    item.put("name", name);
    item.put("Name", Character.toUpperCase(name.charAt(0)) + name.substring(1));
    item.put("code", m.name());
    item.put("perWord", company.costWord(m));
    return item;
  }

  private void income(Map<String, Object> s, String prefix, Period p) {
    Optional<BigDecimal> cur = value(COMPANY, NET_INCOME, "", p);
    Optional<BigDecimal> pri = value(COMPANY, NET_INCOME, "", p.priorYear());
    s.put(prefix, cur.isPresent() && pri.isPresent());
    s.put(prefix + "Loss", cur.map(v -> v.signum() < 0).orElse(false));
    s.put(prefix + "Income", cur.map(v -> v.signum() >= 0).orElse(false));
    s.put(prefix + "PriorLoss", pri.map(v -> v.signum() < 0).orElse(false));
    s.put(prefix + "PriorIncome", pri.map(v -> v.signum() >= 0).orElse(false));
  }

  /** Record production: the year beats every prior year of history.csv and of the dataset; no history, no record. */
  private boolean record(Metal m) {
    Period year = main;
    if (!year.isYear()) {
      return false;
    }
    BigDecimal current = value(COMPANY, PRODUCED, m.name(), year).orElse(BigDecimal.ZERO);
    List<Fact> history = data.history().all().stream().filter(f -> f.key().entity().equals(Entity.HISTORY)
        && f.key().concept().equals(PRODUCED) && f.key().qualifier().equals(m.name()) && f.key().period().year() < year.year())
        .toList();
    if (history.isEmpty()) {
      return false;
    }
    Optional<BigDecimal> prior = value(COMPANY, PRODUCED, m.name(), year.priorYear());
    // history.csv is in the metal's stored unit: compared in the unit the release reports production in
    org.orebook.quantity.Unit unit = facts.find(new FactKey(COMPANY, PRODUCED, m.name(), year)).map(Fact::unit)
        .orElse(m.quantityUnit());
    return history.stream().allMatch(f -> current.compareTo(f.unit().convert(f.value(), unit)) > 0)
        && prior.map(v -> current.compareTo(v) > 0).orElse(true);
  }

  private boolean has(Entity entity, String concept, String qualifier, Period p) {
    return facts.has(new FactKey(entity, concept, qualifier, p));
  }

  private Optional<BigDecimal> value(Entity entity, String concept, String qualifier, Period p) {
    return facts.find(new FactKey(entity, concept, qualifier, p)).map(Fact::value);
  }

  /** True when a change against a year earlier can be stated: the figure exists and the prior one is positive. */
  private boolean positive(Entity entity, String concept, Period current) {
    return positive(entity, concept, "", current);
  }

  private boolean positive(Entity entity, String concept, String qualifier, Period current) {
    return has(entity, concept, qualifier, current)
        && value(entity, concept, qualifier, current.priorYear()).map(v -> v.signum() > 0).orElse(false);
  }

  // ---------------------------------------------------------------- figures in templates

  /** The {@code fig} lambda: "ENTITY CONCEPT[QUALIFIER] PERIOD FORMAT" → the formatted figure. */
  private Function<String, String> figure(Entity self, Metal metal) {
    return spec -> {
      String[] w = spec.trim().split("\\s+");
      if (w.length != 4) {
        throw new IllegalArgumentException("a figure is 'ENTITY CONCEPT[QUALIFIER] PERIOD FORMAT', not '" + spec + "'");
      }
      Entity entity = w[0].equals("this") ? self : Entity.parse(w[0]);
      String concept = w[1];
      String qualifier = "";
      int b = concept.indexOf('[');
      if (b >= 0) {
        qualifier = concept.substring(b + 1, concept.length() - 1).replace("@", metal == null ? "" : metal.name());
        concept = concept.substring(0, b);
      }
      Period p = switch (w[2]) {
        case "P" -> main;
        case "P-1" -> main.priorYear();
        case "O" -> other.orElseThrow();
        case "O-1" -> other.orElseThrow().priorYear();
        case "B" -> balance;
        case "R" -> reserveYear;
        default -> throw new IllegalArgumentException("period '" + w[2] + "' is not P, P-1, O, O-1, B or R");
      };
      FactKey k = new FactKey(entity, concept, qualifier, p);
      Fact f = facts.find(k).orElseThrow(() -> new IllegalStateException("the prose names " + k + ", which is not computed"));
      return format(f, w[3], metal);
    };
  }

  private String format(Fact f, String format, Metal metal) {
    BigDecimal v = f.value();
    return switch (format) {
      case "$m1" -> "$" + Formats.number(org.orebook.quantity.ProseNumbers.millions(v.abs()), 1) + " million";
      case "qty" -> quantity(v, f.unit());
      case "|qty|" -> quantity(v.abs(), f.unit());
      case "$unit" -> (v.signum() < 0 ? "negative $" : "$")
          + Formats.number(v.abs(), metal == null ? 2 : company.costDecimals(metal));
      case "ratio1" -> Formats.number(v, 1) + ":1";
      case "chg" -> change(f);
      default -> throw new IllegalArgumentException("format '" + format + "' is not $m1, qty, |qty|, $unit, ratio1 or chg");
    };
  }

  /** A quantity in the words of its unit: "9.8 million ounces", "25,341 tons", "23,000 tonnes". */
  private static String quantity(BigDecimal v, org.orebook.quantity.Unit unit) {
    String word = UnitWords.plural(unit);
    if (org.orebook.quantity.ProseNumbers.inMillions(v)) {
      return Formats.number(org.orebook.quantity.ProseNumbers.millions(v), 1) + " million " + word;
    }
    return Formats.number(v, 0) + " " + word;
  }

  /** The change against a year earlier, as the catalogue computes it (chg.percent), in words. */
  private String change(Fact f) {
    FactKey k = org.orebook.relations.Changes.percentKey(f.key());
    BigDecimal pct = facts.find(k).map(Fact::value)
        .orElseThrow(() -> new IllegalStateException("the prose states a change the catalogue does not compute: " + k));
    BigDecimal r = pct.setScale(0, RoundingMode.HALF_UP);
    if (r.signum() == 0) {
      return "about unchanged";
    }
    String n = r.abs().toPlainString();
    return article(n) + " " + n + "% " + (r.signum() > 0 ? "increase" : "decrease");
  }

  /** "an" before a number read with a vowel sound (8, 11, 18, 80-89, 800-899, 11,000...), else "a". */
  static String article(String digits) {
    boolean vowel = digits.startsWith("8") || digits.matches("1[18]") || digits.matches("1[18]\\d{3}")
        || digits.matches("1[18]\\d{6}");
    return vowel ? "an" : "a";
  }

  // ---------------------------------------------------------------- laying out the words

  /** The template output as printed lines: headings, bullets, wrapped paragraphs, centred headline lines. */
  static List<String> layout(String rendered) {
    List<String> out = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (String raw : (rendered + "\n").split("\n", -1)) {
      String l = raw.strip();
      boolean special = l.startsWith("# ") || l.startsWith("-- ") || l.startsWith("^ ");
      if (l.isEmpty() || special) {
        paragraph(para.toString(), out);
        para.setLength(0);
      }
      if (l.startsWith("# ")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
          out.add("");
        }
        out.add("    " + l.substring(2).trim());
        out.add("");
      } else if (l.startsWith("-- ")) {
        List<String> w = TextRenderer.wrap(l.substring(3).trim().replaceAll("\\s+", " "), WIDTH - 8);
        for (int i = 0; i < w.size(); i++) {
          out.add((i == 0 ? "    --  " : "        ") + w.get(i));
        }
        out.add("");
      } else if (l.startsWith("^ ")) {
        out.add(TextRenderer.center(l.substring(2).trim(), WIDTH));
      } else if (!l.isEmpty()) {
        para.append(para.isEmpty() ? "" : " ").append(l);
      }
    }
    paragraph(para.toString(), out);
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static void paragraph(String text, List<String> out) {
    String t = text.trim().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder("   ");
    for (String word : t.split(" ")) {
      if (line.length() + 1 + word.length() > WIDTH && !line.toString().isBlank()) {
        out.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
    }
    out.add(line.toString());
  }
}
