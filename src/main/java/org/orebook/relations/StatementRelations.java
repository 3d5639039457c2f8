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
import java.util.function.Function;
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
 * The financial statements: subtotals, figures linked across tables, company-level aliases of the
 * statement concepts, basic earnings per share after preferred dividends, the current ratio and cash
 * plus short-term investments; and the ties between statements (the balance sheet balances, the
 * cash flow statement ends at the balance sheet's cash and starts at the prior one's).
 */
final class StatementRelations implements RelationFamily {
  @Override
  public String standard() {
    return "financial statements (subtotals, links, earnings per share, ratios)";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    statements(c, c.lines(), p);
    ratios(c, p);
    applicableToCommon(c, p);
  }

  static void statements(Catalogue c, List<StatementLine> lines, Period p) {
    Map<String, List<StatementLine>> byStatement = lines.stream()
        .collect(Collectors.groupingBy(StatementLine::statement, java.util.LinkedHashMap::new, Collectors.toList()));
    for (var entry : byStatement.entrySet()) {
      Entity st = Entity.statement(entry.getKey());
      Optional<StatementLine> shares = entry.getValue().stream().filter(l -> WEIGHTED_SHARES.equals(l.concept())).findFirst();
      for (StatementLine l : entry.getValue()) {
        FactKey result = c.key(st, l.id(), p);
        switch (l.kind()) {
          case SUBTOTAL -> c.add("stmt.subtotal", l.label().isBlank() ? "subtotal" : l.label(), result, Unit.USD,
              sum(l.terms().stream().map(t -> signed(c, t, st, p)).toList()));
          case LINK -> c.add("stmt.link", "the figure of " + l.terms().get(0), result, Unit.USD,
              sum(List.of(plus(ref(c.linked(l.terms().get(0), p))))));
          case PER_SHARE -> shares.ifPresent(sh -> c.add("eps.basic",
              "(income - preferred dividends) / weighted average common shares", result, Unit.USD_PER_SHARE,
              div(sum(l.terms().stream().map(t -> perShareTerm(c, t, st, p)).toList()), ref(c.key(st, sh.id(), p)))));
          default -> { }
        }
        boolean figure = l.kind() != StatementLine.Kind.HEADING && l.kind() != StatementLine.Kind.BLANK;
        FactKey alias = c.key(COMPANY, l.concept(), p);
        if (figure && !l.concept().isBlank() && !c.knownOrComputed(alias)) {
          c.add("stmt.concept", "the statement line that carries " + l.concept(), alias,
              c.givenUnit(result).orElse(l.kind() == StatementLine.Kind.PER_SHARE ? Unit.USD_PER_SHARE
                  : Concepts.declared(l.concept()).filter(d -> !d.admits(Unit.USD) && d.admits(Unit.SHARES))
                      .map(d -> Unit.SHARES).orElse(Unit.USD)),
              sum(List.of(plus(ref(result)))));
        }
      }
    }
  }

  static Expr.Term signed(Catalogue c, String term, Entity statement, Period p) {
    boolean neg = term.startsWith("-");
    String id = neg ? term.substring(1) : term;
    FactKey k = id.contains(":") ? c.linked(id, p) : c.key(statement, id, p);
    return neg ? minus(ref(k)) : plus(ref(k));
  }

  static Expr.Term perShareTerm(Catalogue c, String term, Entity statement, Period p) {
    boolean neg = term.startsWith("-");
    String id = neg ? term.substring(1) : term;
    Expr e = id.equals(PREFERRED_DIVIDENDS) ? opt(c.key(COMPANY, PREFERRED_DIVIDENDS, p)) : ref(c.key(statement, id, p));
    return neg ? minus(e) : plus(e);
  }


  /**
   * The ties between statements: the balance sheet balances (total assets = total liabilities and
   * equity), the cash flow statement ends at the balance sheet's cash at the period's end, and starts
   * at the cash on the day before the period (the prior balance sheet, or the prior period's closing
   * cash). Opening cash is computed from the prior balance when the data does not give it.
   */
  static void statementTies(Catalogue c, List<StatementLine> lines, Period p) {
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
        FactKey a = c.key(Entity.statement(e.getKey()), assets.get().id(), p);
        FactKey b = c.key(Entity.statement(e.getKey()), claims.get().id(), p);
        if (c.knownOrComputed(a) && c.knownOrComputed(b)) {
          c.add("tie.balance_sheet", "total assets = total liabilities and equity", a, Unit.USD,
              sum(List.of(plus(ref(b)))), Relation.Role.TIE);
        }
      }
      if (cashLine.isEmpty()) {
        cashLine = withConcept(e.getValue(), CASH).map(l -> c.key(Entity.statement(e.getKey()), l.id(), p));
      }
    }
    if (cashLine.isEmpty()) {
      return;
    }
    FactKey cash = cashLine.get();
    for (var e : byStatement.entrySet()) {
      Entity st = Entity.statement(e.getKey());
      if (balanceSheet(e.getKey())) {
        continue;
      }
      Optional<StatementLine> end = withConcept(e.getValue(), CF_CASH_END);
      Optional<StatementLine> begin = withConcept(e.getValue(), CF_CASH_BEGIN);
      if (end.isPresent() && c.knownOrComputed(c.key(st, end.get().id(), p)) && c.knownOrComputed(cash.withPeriod(p.asAt()))) {
        c.add("tie.closing_cash", "cash at the end of the period (cash flows) = cash on the balance sheet at "
            + p.asAt().code(), c.key(st, end.get().id(), p), Unit.USD, sum(List.of(plus(ref(cash.withPeriod(p.asAt()))))),
            Relation.Role.TIE);
      }
      if (begin.isEmpty()) {
        continue;
      }
      FactKey opening = c.key(st, begin.get().id(), p);
      // the cash on the day before the period: the balance sheet then, or the prior period's closing cash
      Period before = p.openingAsAt();
      List<FactKey> candidates = new ArrayList<>(List.of(cash.withPeriod(before)));
      end.ifPresent(l -> {
        candidates.add(c.key(st, l.id(), before));
        candidates.add(c.key(st, l.id(), before.toDate()));
      });
      Optional<FactKey> source = candidates.stream().filter(c::given).findFirst()
          .or(() -> Optional.of(cash.withPeriod(before)).filter(c::knownOrComputed));
      if (source.isEmpty() || c.results().contains(opening)) {
        continue;
      }
      c.add("tie.opening_cash", "cash at the beginning of the period = cash at the end of the period before ("
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
  /** Net income (loss) less the period's preferred dividends, declared or not: what common shareholders earned. */
  static void applicableToCommon(Catalogue c, Period p) {
    FactKey dividends = c.key(COMPANY, PREFERRED_DIVIDENDS, p);
    FactKey income = c.key(COMPANY, NET_INCOME, p);
    if (c.given(dividends) && c.knownOrComputed(income)) {
      c.add("eps.applicable_to_common", "net income (loss) - preferred dividends, declared or not",
          c.key(COMPANY, INCOME_APPLICABLE_TO_COMMON, p), Unit.USD, sum(List.of(plus(ref(income)), minus(ref(dividends)))));
    }
  }

  static void ratios(Catalogue c, Period p) {
    // the statement lines that carry these concepts are found by concept name at layout time;
    // the ratio relations read the company-level aliases the data layer adds for concepts.
    FactKey ca = c.key(COMPANY, TOTAL_CURRENT_ASSETS, p);
    FactKey cl = c.key(COMPANY, TOTAL_CURRENT_LIABILITIES, p);
    if (c.knownOrComputed(ca) && c.knownOrComputed(cl)) {
      c.add("ratio.current", "total current assets / total current liabilities", c.key(COMPANY, CURRENT_RATIO, p), Unit.RATIO,
          div(ref(ca), ref(cl)));
    }
    FactKey cash = c.key(COMPANY, CASH, p);
    if (c.knownOrComputed(cash)) {
      c.add("sum.cash_and_short_term", "cash and cash equivalents + short-term investments",
          c.key(COMPANY, CASH_AND_SHORT_TERM, p), Unit.USD,
          sum(List.of(plus(ref(cash)), plus(opt(c.key(COMPANY, SHORT_TERM_INVESTMENTS, p))))));
    }
  }
}
