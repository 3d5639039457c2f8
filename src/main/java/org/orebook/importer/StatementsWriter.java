package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
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
import org.orebook.check.Reading;
import org.orebook.data.DatasetFile;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * statement_lines.csv and statement_values.csv, written together: every printed statement line is a
 * line with its printed values; subtotals that foot exactly on the printed lines stay subtotals over
 * them; lines printing the sum of the segments link to the company figure; per-share lines divide
 * the statement line whose label they repeat; headings printed between lines are kept.
 */
final class StatementsWriter extends DatasetFileWriter {
  /** Company figures the engine will compute from segments: concept → period → value. */
  private final Map<String, Map<Period, BigDecimal>> companyFigures;

  StatementsWriter(ImportContext ctx, Map<String, Map<Period, BigDecimal>> companyFigures) {
    super(ctx, DatasetFile.STATEMENT_LINES, DatasetFile.STATEMENT_VALUES);
    this.companyFigures = companyFigures;
  }

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

  void write() {
    var linesFile = rows(DatasetFile.STATEMENT_LINES);
    var valuesFile = rows(DatasetFile.STATEMENT_VALUES);
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
    boolean hasShares = lines.stream().anyMatch(l -> WEIGHTED_SHARES.equals(l.concept()));
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
      Table table = ctx.tableOf(sourceLine);
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
}
