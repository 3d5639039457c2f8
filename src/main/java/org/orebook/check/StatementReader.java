package org.orebook.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.orebook.edgar.Figure;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.StatementLine;

/**
 * Reads tables as statements: a line per labelled row, and subtotals where the layout says so. A
 * row is a subtotal candidate when a single rule (a dashed line, a cell border) stands above it, or
 * when its label says it is one ({@code Total ...}, {@code Net income}, {@code Gross profit},
 * {@code Adjusted EBITDA}, {@code All-in sustaining costs}); a row that merely equals a sum by
 * coincidence never is. Its terms are the lines above it of the same measure: those since the last
 * rule, since the last sub-heading, or of its section; the signs are fitted (the first term added,
 * lines a statement usually subtracts preferred for subtraction). The candidate is a subtotal when
 * the printed figures foot in at least one column (after a rule) or in at least half the columns
 * (by its label alone); the catalogue's {@code stmt.subtotal} then tests every column.
 */
final class StatementReader {
  private static final Pattern TOTAL_LABEL = Pattern.compile(
      "(total|subtotal|sub-total)\\b.*"
          + "|net (income|loss|earnings|cash|change|increase|decrease|revenues?|sales|smelter return|assets|debt)\\b(?!.*, net$).*"
          + "|gross (profit|margin)|(total )?operating (income|loss|earnings|profit)( \\(loss\\))?"
          + "|profit( \\(loss\\))? (before|for the) .*|loss (before|for the) .*"
          + "|(income|loss|earnings)( \\(loss\\))? (from|before) .*|earnings before .*|(adjusted )?ebitda"
          + "|adjusted net (earnings|income).*|(total )?cash costs?(,? net of by-?product credits?)?|all-in sustaining costs?|aisc"
          + "|all-in costs?"
          + "|free cash flows?|mine operating (earnings|income)|(income|earnings) from mine operations"
          + "|(total )?(cash operating|production) costs?|adjusted operating costs?"
          + "|cash( and cash equivalents)?,? (at )?(the )?end of (the )?(period|year|quarter)");
  /** A per-unit row: "Cash costs per ounce sold", "AISC per payable pound", "Costs per tonne processed". */
  private static final Pattern PER_UNIT = Pattern.compile(
      "(.+?),? (?:per|/) (?:(\\w+) )?(ounce|oz|pound|lb|tonne|ton|gold equivalent ounce|geo)( of \\w+)?"
          + "(?: (sold|produced|payable|milled|processed|mined))?");
  private static final Pattern QUANTITY = Pattern.compile(
      "(?:(?:payable|total) )?(?:(\\w+) )?(ounces|oz|pounds|lbs|tonnes|tons|gold equivalent ounces|geos?)(?: of (\\w+))?"
          + " (sold|produced|payable|milled|processed|mined)"
          + "|(?:(?:payable|total) )?(\\w+) (sold|produced)|(?:divided by|÷) .*");

  private final ConceptDictionary dict;
  private final PublishedFigures figures;
  final List<StatementLine> lines = new ArrayList<>();
  final Map<String, String> statementConcepts = new LinkedHashMap<>();
  final List<LayoutRelation> perUnit = new ArrayList<>();
  private final Set<String> statementsSeen = new LinkedHashSet<>();

  /** A per-unit row of a table and the two rows it divides, by period: their keys. */
  record LayoutRelation(String description, FactKey result, FactKey numerator, FactKey denominator, Measure measure) {}

  StatementReader(ConceptDictionary dict, PublishedFigures figures) {
    this.dict = dict;
    this.figures = figures;
  }

  /** Reads a table as the statement {@code base} ({@code operations}, {@code non_gaap}, ..., or {@code table}). */
  void read(Table t, String base) {
    String st = base;
    int n = 2;
    while (statementsSeen.contains(st)) {
      st = base + "_" + n++;
    }
    statementsSeen.add(st);
    new One(st, base, t).read();
  }

  private static ConceptDictionary.Scope scopeOf(String base) {
    return switch (base) {
      case "operations" -> ConceptDictionary.Scope.OPERATIONS;
      case "non_gaap" -> ConceptDictionary.Scope.NON_GAAP;
      case "balance_sheet" -> ConceptDictionary.Scope.BALANCE_SHEET;
      case "cash_flows" -> ConceptDictionary.Scope.CASH_FLOWS;
      default -> null;
    };
  }

  /** The measure of a statement row: per share, shares, per ounce or pound or ton, ounces, percent, money. */
  static Measure measure(TableRow.Values v) {
    String l = (v.label() + " " + v.subheading()).toLowerCase(Locale.ROOT);
    String own = v.label().toLowerCase(Locale.ROOT);
    // a count of shares under a "... per common share:" sub-heading is still a count of shares
    if (Rx.matches(own, ".*\\bshares\\b.*") && (own.contains("weighted") || own.contains("number of"))) {
      return Measure.SHARES;
    }
    if (l.contains("per share") || l.contains("per common share") || Rx.matches(own, ".*\\b(basic|diluted)\\b.*") && l.contains("share")
        && !l.contains("weighted") && !l.contains("number of")) {
      return Measure.PER_SHARE;
    }
    if (Rx.matches(l, ".*\\bshares\\b.*") && (l.contains("weighted") || l.contains("outstanding") || l.contains("number of"))) {
      return Measure.SHARES;
    }
    if (Rx.matches(own, ".*(per (\\w+ )?(ounce|oz)|\\$/oz|/oz\\b|/ounce).*")) {
      return Measure.PER_OUNCE;
    }
    if (Rx.matches(own, ".*(per (\\w+ )?(pound|lb)|\\$/lb|/lb\\b).*")) {
      return Measure.PER_POUND;
    }
    if (Rx.matches(own, ".*(per (\\w+ )?tonne|\\$/t\\b|/tonne).*")) {
      return Measure.PER_TONNE;
    }
    if (Rx.matches(own, ".*(per (\\w+ )?ton|\\$/ton\\b).*")) {
      return Measure.PER_TON;
    }
    if (Rx.matches(own, ".*(\\(%\\)|\\bpercent\\b|\\bmargin %|% of ).*") || own.endsWith("%")) {
      return Measure.PERCENT;
    }
    if (Rx.matches(own, ".*\\b(ounces|oz|koz|moz|geos?)\\b.*") && !Rx.matches(own, ".*\\$.*")) {
      return Measure.OUNCES;
    }
    if (Rx.matches(own, ".*\\b(pounds|lbs?|mlbs?)\\b.*") && !Rx.matches(own, ".*\\$.*")) {
      return Measure.POUNDS;
    }
    if (Rx.matches(own, ".*\\btonnes\\b.*") && !Rx.matches(own, ".*\\$.*") && !own.contains("cost")) {
      return Measure.TONNES;
    }
    return Measure.MONEY;
  }

  private static boolean additive(Measure m) {
    return m == Measure.MONEY || m == Measure.PER_SHARE || m == Measure.SHARES || m == Measure.OUNCES || m == Measure.POUNDS
        || m == Measure.TONNES || m == Measure.TONS;
  }

  /** One statement. */
  private final class One {
    final String st;
    final String base;
    final Table t;
    final ConceptDictionary.Scope scope;
    final Set<String> ids = new LinkedHashSet<>();
    /** Open items per section; a section heading starts a new section, a double rule closes all. */
    List<List<Item>> sections = new ArrayList<>();
    int ruleCount;
    int colonCount;
    int unlabelled;
    final List<Item> all = new ArrayList<>();
    final Map<String, Boolean> subtract = new java.util.HashMap<>();

    record Item(String id, TableRow.Values row, int ruleCount, int colonCount, Measure measure, boolean subtotal) {}

    One(String st, String base, Table t) {
      this.st = st;
      this.base = base;
      this.t = t;
      this.scope = scopeOf(base);
      sections.add(new ArrayList<>());
    }

    void read() {
      char previousRule = ' ';
      boolean firstLine = true;
      List<StatementLine> out = new ArrayList<>();
      for (TableRow r : t.rows()) {
        switch (r) {
          case TableRow.Heading h -> {
            if (h.colon()) {
              colonCount++;
            } else {
              sections.add(new ArrayList<>());
            }
            previousRule = ' ';
          }
          case TableRow.Rule rule -> {
            if (rule.isDouble()) {
              sections = new ArrayList<>();
              sections.add(new ArrayList<>());
              previousRule = '=';
            } else {
              previousRule = '-';
            }
            ruleCount++;
            if (!out.isEmpty()) {
              StatementLine last = out.get(out.size() - 1);
              out.set(out.size() - 1, new StatementLine(last.statement(), last.id(), last.label(), last.kind(), last.terms(),
                  last.concept(), rule.isDouble() ? "double" : "single"));
            }
          }
          case TableRow.Blank b -> { }
          case TableRow.Values v -> {
            ConceptDictionary.Context ctx = new ConceptDictionary.Context(v.subheading(), Optional.empty(), firstLine);
            Optional<Mapping> mapping = scope == null ? Optional.empty() : dict.lookup(scope, v.label(), ctx);
            if (mapping.isEmpty() && (scope == null || scope == ConceptDictionary.Scope.NON_GAAP)) {
              // a reconciliation's lines that name company figures (adjusted EBITDA, cash costs per ounce sold)
              mapping = dict.lookup(ConceptDictionary.Scope.COMPANY, v.label(), ctx)
                  .or(() -> dict.lookup(ConceptDictionary.Scope.UNIT, v.label(), ctx)
                      .filter(x -> Rx.matches(x.concept(), ".*_per_(oz|oz_sold|lb)|all_in_sustaining_costs|total_cash_costs"
                          + "|all_in_costs|sold|produced")));
            }
            String concept = mapping.map(Mapping::concept).orElse("");
            firstLine = false;
            Measure m = measure(v);
            String id = id(v.label(), concept);
            List<Item> current = sections.get(sections.size() - 1);
            StatementLine line = new StatementLine(st, id, v.label(), StatementLine.Kind.LINE, List.of(), concept, "");
            boolean ruleSignal = previousRule == '-';
            boolean labelSignal = TOTAL_LABEL.matcher(ConceptDictionary.normalize(v.label())).matches();
            if ((ruleSignal || labelSignal) && additive(m)) {
              Optional<List<String>> signed = subtotal(v, m, current, ruleSignal);
              if (signed.isPresent()) {
                line = new StatementLine(st, id, v.label(), StatementLine.Kind.SUBTOTAL, signed.get(), concept, "");
              }
            }
            out.add(line);
            Item item = new Item(id, v, ruleCount, colonCount, m, line.kind() == StatementLine.Kind.SUBTOTAL);
            sections.get(sections.size() - 1).add(item);
            all.add(item);
            int exp = figures.exponent(t, m, v.label());
            for (Figure f : v.figures()) {
              if (f.period().isEmpty()) {
                figures.unmapped(f);
              } else {
                figures.put(FactKey.of(Entity.statement(st), id, f.period().get()), f, m, exp, false);
              }
            }
            if (!concept.isEmpty()) {
              statementConcepts.put(st + "/" + id, concept);
            }
            previousRule = ' ';
          }
        }
      }
      lines.addAll(out);
      perUnitRows();
    }

    /** The signed terms of a subtotal candidate, when the printed figures make it one. */
    Optional<List<String>> subtotal(TableRow.Values total, Measure m, List<Item> current, boolean ruleSignal) {
      List<List<Item>> candidates = new ArrayList<>();
      List<Item> section = current.stream().filter(i -> i.measure() == m).toList();
      if (!section.isEmpty()) {
        Item last = section.get(section.size() - 1);
        List<Item> sinceRule = new ArrayList<>();
        for (int i = section.size() - 1; i >= 0 && section.get(i).ruleCount() == last.ruleCount(); i--) {
          sinceRule.add(0, section.get(i));
        }
        candidates.add(sinceRule);
        if (colonCount > 0 && last.colonCount() == colonCount) {
          List<Item> sinceColon = new ArrayList<>();
          for (int i = section.size() - 1; i >= 0 && section.get(i).colonCount() == colonCount; i--) {
            sinceColon.add(0, section.get(i));
          }
          candidates.add(sinceColon);
        }
        candidates.add(section);
      }
      // a running total: the last subtotal still open, in any section, and every line after it
      List<Item> open = new ArrayList<>();
      sections.forEach(s -> s.stream().filter(i -> i.measure() == m).forEach(open::add));
      int lastSubtotal = -1;
      for (int i = 0; i < open.size(); i++) {
        if (open.get(i).subtotal()) {
          lastSubtotal = i;
        }
      }
      if (lastSubtotal >= 0 && lastSubtotal < open.size() - 1) {
        candidates.add(new ArrayList<>(open.subList(lastSubtotal, open.size())));
      }
      if (section.size() <= 1) {
        List<Item> everything = new ArrayList<>();
        sections.forEach(s -> s.stream().filter(i -> i.measure() == m).forEach(everything::add));
        candidates.add(everything);
      }
      Fit best = null;
      List<Item> bestTerms = null;
      Set<List<String>> seen = new LinkedHashSet<>();
      for (List<Item> terms : candidates) {
        if (terms.size() < 2 || !seen.add(terms.stream().map(Item::id).toList())) {
          continue;
        }
        if (total.label().isBlank() && terms != candidates.get(0)) {
          continue; // an unlabelled subtotal sums the block since the last rule
        }
        Fit f = fit(terms, total);
        if (best == null || f.score() > best.score()) {
          best = f;
          bestTerms = terms;
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      int needed = ruleSignal ? 1 : Math.max(1, (best.complete() + 1) / 2);
      if (best.complete() > 0 && best.score() < needed) {
        return Optional.empty();
      }
      if (best.complete() == 0 && !ruleSignal) {
        return Optional.empty();
      }
      for (List<Item> s : sections) {
        s.removeAll(bestTerms);
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < bestTerms.size(); i++) {
        out.add(((best.mask() >> i) & 1) == 1 ? "-" + bestTerms.get(i).id() : bestTerms.get(i).id());
      }
      return Optional.of(out);
    }

    String id(String label, String concept) {
      String b = !concept.isEmpty() ? concept
          : label.isBlank() ? "subtotal_" + (++unlabelled) : Entities.slug(label).replace('-', '_');
      if (b.isEmpty()) {
        b = "line";
      }
      if (b.length() > 60) {
        b = b.substring(0, 60);
      }
      String id = b;
      int k = 2;
      while (ids.contains(id)) {
        id = b + "_" + k++;
      }
      ids.add(id);
      return id;
    }

    /**
     * The signs of a subtotal's terms that make it foot in the most columns: the first term added;
     * any other may be subtracted, lines a statement usually subtracts (costs, expenses, taxes) before
     * others, and as few as possible. Each column's figures are compared as exact integers of its
     * finest printed decimal, each within half its last digit.
     */
    Fit fit(List<Item> terms, TableRow.Values total) {
      int k = terms.size();
      boolean[] costLike = new boolean[k];
      for (int i = 0; i < k; i++) {
        costLike[i] = subtracted(terms.get(i).row().label());
      }
      List<Integer> flexible = new ArrayList<>();
      for (int i = 1; i < k && flexible.size() < 12; i++) {
        if (k <= 13 || costLike[i]) {
          flexible.add(i);
        }
      }
      int cols = t.columns().size();
      List<long[]> values = new ArrayList<>();
      List<long[]> tolerances = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        Optional<Figure> tf = cell(total, c);
        if (tf.isEmpty()) {
          continue;
        }
        List<Figure> fs = new ArrayList<>();
        boolean complete = true;
        boolean allDashes = tf.get().dash();
        for (Item term : terms) {
          Optional<Figure> f = cell(term.row(), c);
          if (f.isEmpty()) {
            complete = false;
            break;
          }
          allDashes &= f.get().dash();
          fs.add(f.get());
        }
        // a column of dashes (a period the release has no figures for) foots any way: it proves nothing
        if (!complete || allDashes) {
          continue;
        }
        fs.add(tf.get());
        int scale = fs.stream().mapToInt(Figure::decimals).max().orElse(0);
        long[] v = new long[fs.size()];
        long[] tol = new long[fs.size()];
        boolean ok = true;
        for (int i = 0; i < fs.size() && ok; i++) {
          Figure f = fs.get(i);
          BigInteger u = f.value().setScale(scale).unscaledValue();
          if (u.bitLength() > 55 || scale > 15) {
            ok = false;
            break;
          }
          v[i] = u.longValue();
          // twice the half unit of the last printed digit, at the common scale (so all integers)
          tol[i] = f.dash() ? 0 : BigInteger.TEN.pow(scale - f.decimals()).longValue();
        }
        if (ok) {
          values.add(v);
          tolerances.add(tol);
        }
      }
      // every sign mask of the flexible terms, in Gray-code order: from one mask to the next one term
      // changes sign, so each column's sum and the penalty are updated, not summed again over all k
      // terms (a subtotal over a block of many lines tried 4,096 masks over every line). The best is
      // the one of most columns footing, then least penalty, then the first in numeric order, as when
      // the masks were tried in that order. A term's sign is bit (its index mod 32) of the int of signs,
      // as the lines written from the fit read it: terms 32 apart share a sign (grouped).
      int n = values.size();
      int f = flexible.size();
      int[] flex = new int[f];
      for (int b = 0; b < f; b++) {
        flex[b] = flexible.get(b);
      }
      long[] sums = new long[n];
      long[] slacks = new long[n];
      long[] twice = new long[n];
      long[][] grouped = new long[n][32];
      for (int c = 0; c < n; c++) {
        long[] v = values.get(c);
        long[] tol = tolerances.get(c);
        long sum = 0;
        long slack = tol[k];
        for (int i = 0; i < k; i++) {
          sum += 2 * v[i];
          slack += tol[i];
          grouped[c][i & 31] += v[i];
        }
        sums[c] = sum;
        slacks[c] = slack;
        twice[c] = 2 * v[k];
      }
      int[] setInGroup = new int[32];
      int bestMask = 0;
      int bestIndex = 0;
      int bestScore = -1;
      int bestPenalty = Integer.MAX_VALUE;
      int mask = 0;
      int signs = 0;
      int penalty = 0;
      for (int g = 0; g < (1 << f); g++) {
        if (g > 0) {
          int b = Integer.numberOfTrailingZeros(g);
          int i = flex[b];
          mask ^= 1 << b;
          boolean on = (mask & (1 << b)) != 0;
          penalty += (on ? 1 : -1) * (costLike[i] ? 1 : 100);
          int r = i & 31;
          setInGroup[r] += on ? 1 : -1;
          boolean subtracted = setInGroup[r] > 0;
          if (subtracted != ((signs >> r & 1) == 1)) {
            signs ^= 1 << r;
            for (int c = 0; c < n; c++) {
              long d = 4 * grouped[c][r];
              sums[c] += subtracted ? -d : d;
            }
          }
        }
        int score = 0;
        for (int c = 0; c < n; c++) {
          if (Math.abs(sums[c] - twice[c]) <= slacks[c]) {
            score++;
          }
        }
        if (score > bestScore || score == bestScore && (penalty < bestPenalty || penalty == bestPenalty && mask < bestIndex)) {
          bestScore = score;
          bestMask = signs;
          bestIndex = mask;
          bestPenalty = penalty;
        }
      }
      return new Fit(bestMask, Math.max(0, bestScore), values.size());
    }

    /** True for a line statements usually subtract (costs, expenses, taxes); remembered per label. */
    boolean subtracted(String label) {
      return subtract.computeIfAbsent(label, l -> dict.matches(ConceptDictionary.Scope.SUBTRACT, l));
    }

    /**
     * Rows "X per ounce sold" of this statement beside a row X and a row of the ounces (or pounds,
     * tonnes) they are per: the per-unit figure must be X divided by that quantity.
     */
    void perUnitRows() {
      Map<String, Item> byLabel = new LinkedHashMap<>();
      Map<Item, String> normalized = new java.util.IdentityHashMap<>();
      for (Item i : all) {
        String l = ConceptDictionary.normalize(i.row().label());
        normalized.put(i, l);
        byLabel.putIfAbsent(l, i);
      }
      for (Item per : all) {
        if (per.measure() != Measure.PER_OUNCE && per.measure() != Measure.PER_POUND && per.measure() != Measure.PER_TONNE
            && per.measure() != Measure.PER_TON) {
          continue;
        }
        java.util.regex.Matcher m = PER_UNIT.matcher(normalized.get(per));
        if (!m.matches()) {
          continue;
        }
        String what = Rx.replaceAll(m.group(1), "^(total|average) ", "");
        if (Rx.matches(what, "aisc|all-in sustaining cost")) {
          what = "all-in sustaining costs";
        } else if (Rx.matches(what, "aic|all-in cost")) {
          what = "all-in costs";
        }
        String basis = m.group(5) == null ? "" : m.group(5);
        Item num = null;
        for (String candidate : List.of(what, "total " + what, what + "s", Rx.replaceAll(what, "s$", ""),
            Rx.replaceAll(what, "costs?$", "cost"), Rx.replaceAll(what, "cost$", "costs"))) {
          Item i = byLabel.get(candidate);
          if (i != null && i.measure() == Measure.MONEY) {
            num = i;
            break;
          }
        }
        Item den = null;
        for (Item i : all) {
          if (i.measure() == Measure.MONEY || i.measure() == Measure.PER_OUNCE || i.measure() == Measure.PER_POUND
              || i.measure() == Measure.PER_TONNE || i.measure() == Measure.PER_TON || i.measure() == Measure.PERCENT) {
            continue;
          }
          String l = normalized.get(i);
          java.util.regex.Matcher q = QUANTITY.matcher(l);
          if (q.matches() && (basis.isEmpty() || l.contains(basis) || basis.equals("payable") && l.contains("payable"))
              && unitsAgree(per.measure(), i.measure())) {
            if (den != null) {
              den = null; // two candidates: not known which
              break;
            }
            den = i;
          }
        }
        if (num == null) {
          // "Cash costs, net of by-product credits" for "Cash cost per ounce sold"
          List<Item> prefixed = new ArrayList<>();
          for (Item i : all) {
            String l = normalized.get(i);
            if (i.measure() == Measure.MONEY && (l.startsWith(what + ",") || l.startsWith(what + "s,")
                || l.startsWith(what + " (") || l.startsWith(what + "s ("))) {
              prefixed.add(i);
            }
          }
          num = prefixed.size() == 1 ? prefixed.get(0) : null;
        }
        if (num == null || den == null) {
          continue;
        }
        for (Figure f : per.row().figures()) {
          if (f.period().isEmpty()) {
            continue;
          }
          FactKey r = FactKey.of(Entity.statement(st), per.id(), f.period().get());
          FactKey a = FactKey.of(Entity.statement(st), num.id(), f.period().get());
          FactKey b = FactKey.of(Entity.statement(st), den.id(), f.period().get());
          perUnit.add(new LayoutRelation(per.row().label() + " = " + num.row().label() + " / " + den.row().label(), r, a, b,
              per.measure()));
        }
      }
    }

    private static boolean unitsAgree(Measure per, Measure quantity) {
      return switch (per) {
        case PER_OUNCE -> quantity == Measure.OUNCES;
        case PER_POUND -> quantity == Measure.POUNDS;
        case PER_TONNE -> quantity == Measure.TONNES;
        case PER_TON -> quantity == Measure.TONS;
        default -> false;
      };
    }
  }

  /** A fitted sign choice: the subtracted terms, how many columns foot, how many columns could be tested. */
  record Fit(int mask, int score, int complete) {}

  private static Optional<Figure> cell(TableRow.Values v, int c) {
    return c < v.cells().size() ? v.cells().get(c) : Optional.empty();
  }
}
