package org.orebook.release;

import static org.orebook.relations.Concepts.COMPANY;
import static org.orebook.relations.Concepts.INCOME_APPLICABLE_TO_COMMON;
import static org.orebook.relations.Concepts.PREFERRED_DIVIDENDS;
import static org.orebook.relations.Concepts.PREFERRED_DIVIDENDS_NONCASH;
import static org.orebook.relations.Concepts.PREFERRED_DIVIDENDS_UNDECLARED;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;
import org.orebook.quantity.PeriodSet;
import org.orebook.quantity.ProseNumbers;

/**
 * The notes under a table, written from the data: which notes exist depends on what the data holds
 * (a note on preferred dividends only with preferred dividends, a note on a non-GAAP measure only
 * with one, named as the data names it), their figures come from the computed figures, and they
 * are numbered in the order the rows that refer to them are laid out.
 */
final class Footnotes {
  private final Map<String, Integer> numbers = new LinkedHashMap<>();
  private final List<String> texts = new ArrayList<>();

  /** The marker of a note, numbered on first use: " (1)". */
  String mark(String text) {
    Integer n = numbers.get(text);
    if (n == null) {
      texts.add(text);
      n = texts.size();
      numbers.put(text, n);
    }
    return " (" + n + ")";
  }

  boolean isEmpty() {
    return texts.isEmpty();
  }

  /** The notes as printed: "(1) text" wrapped at {@code width}, continuation lines indented four spaces. */
  List<String> lines(int width) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add("");
      String prefix = "(" + (i + 1) + ") ";
      List<String> wrapped = TextRenderer.wrap(texts.get(i), width - 4);
      for (int j = 0; j < wrapped.size(); j++) {
        out.add((j == 0 ? prefix : "    ") + wrapped.get(j));
      }
    }
    return out;
  }

  /** A label without the note markers a dataset may have written into it ("Net income (loss) (1)"). */
  static String unmarked(String label) {
    return label.replaceAll("(\\s*\\(\\d{1,2}\\))+\\s*$", "").trim();
  }

  // ---------------------------------------------------------------- the notes of the data

  /**
   * The note on preferred dividends, when the data gives any in the columns: the dividends of each
   * period, whether they were declared, their noncash part, and the income (loss) applicable to
   * common shareholders after them.
   */
  static Optional<String> preferredDividends(FactSet facts, PeriodSet columns) {
    List<List<Period>> spans = spans(columns);
    boolean any = spans.stream().flatMap(List::stream)
        .anyMatch(p -> value(facts, PREFERRED_DIVIDENDS, p).map(v -> v.signum() != 0).orElse(false));
    if (!any) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    List<String> amounts = new ArrayList<>();
    boolean undeclared = true;
    for (List<Period> span : spans) {
      amounts.add(respectively(span.stream().map(p -> value(facts, PREFERRED_DIVIDENDS, p)).toList()));
      for (Period p : span) {
        Optional<BigDecimal> total = value(facts, PREFERRED_DIVIDENDS, p);
        Optional<BigDecimal> not = value(facts, PREFERRED_DIVIDENDS_UNDECLARED, p);
        undeclared &= total.isPresent() && not.isPresent() && not.get().compareTo(total.get()) == 0;
      }
    }
    // one column per span (no comparison): "of $0.7 million and $23.3 million, respectively"
    boolean single = spans.stream().allMatch(x -> x.size() == 1);
    String listed = single && amounts.size() > 1 ? String.join(" and ", amounts) + ", respectively"
        : String.join(", and ", amounts);
    sb.append("For the ").append(spanWords(spans, single)).append(" ended ").append(dates(spans.get(0)))
        .append(", preferred stock dividends of ").append(listed)
        .append(undeclared ? ", were not declared. The preferred dividends are not included in the determination of"
            + " net income (loss); however, they are included in determining income (loss) applicable to common"
            + " shareholders and income (loss) per share." : ", were deducted in determining income (loss) applicable to"
            + " common shareholders and income (loss) per share.");
    List<Period> years = spans.get(spans.size() - 1);
    List<Optional<BigDecimal>> noncash = years.stream().map(p -> value(facts, PREFERRED_DIVIDENDS_NONCASH, p)).toList();
    if (noncash.stream().anyMatch(v -> v.map(x -> x.signum() != 0).orElse(false))) {
      sb.append(years.size() > 1 ? " Both the " : " The ").append(years.stream().map(PeriodWords::year)
              .reduce((a, b) -> a + " and " + b).orElseThrow())
          .append(years.size() > 1 ? " amounts" : " amount").append(" include noncash dividends of approximately ")
          .append(respectively(noncash)).append(", from exchanges of preferred stock for common stock.");
    }
    List<Period> quarter = spans.size() > 1 ? spans.get(0) : List.of();
    if (!quarter.isEmpty() && value(facts, INCOME_APPLICABLE_TO_COMMON, quarter.get(0)).isPresent()) {
      Period q = quarter.get(0);
      BigDecimal now = value(facts, INCOME_APPLICABLE_TO_COMMON, q).get();
      sb.append(" Including the effects of preferred stock dividends, we reported ").append(applicable(now))
          .append(" applicable to common shareholders of ").append(money(now)).append(" for the ")
          .append(lengthWords(q)).append(" ended ").append(date(q));
      if (quarter.size() > 1) {
        value(facts, INCOME_APPLICABLE_TO_COMMON, quarter.get(1)).ifPresent(before -> sb.append(", as compared to ")
            .append(applicable(before)).append(" applicable to common shareholders of ").append(money(before))
            .append(" during the same period in ").append(quarter.get(1).end().getYear()));
      }
      sb.append('.');
    }
    List<Optional<BigDecimal>> common = years.stream().map(p -> value(facts, INCOME_APPLICABLE_TO_COMMON, p)).toList();
    if (common.stream().allMatch(Optional::isPresent)) {
      boolean losses = common.stream().allMatch(v -> v.get().signum() < 0);
      boolean gains = common.stream().allMatch(v -> v.get().signum() >= 0);
      sb.append(" For the ").append(spanWords(List.of(years))).append(" ended ").append(dates(years)).append(", ")
          .append(losses ? "losses" : gains ? "income" : "income (loss)").append(" applicable to common shareholders ")
          .append(years.size() > 1 ? "totaled " : "was ").append(respectively(common)).append('.');
    }
    return Optional.of(sb.toString());
  }

  /**
   * The note on a non-GAAP measure of the statement of operations: its figures for the years to date
   * and where it is reconciled, named as the data names it.
   */
  static String nonGaap(StatementLine measure, String from, FactSet facts, PeriodSet columns) {
    List<List<Period>> spans = spans(columns);
    List<Period> years = spans.get(spans.size() - 1);
    String name = Footnotes.unmarked(measure.label());
    String lower = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    List<Optional<BigDecimal>> values = years.stream()
        .map(p -> facts.find(FactKey.of(Entity.statement(measure.statement()), measure.id(), p)).map(Fact::value)).toList();
    return name + " of " + respectively(values) + ", for the " + spanWords(List.of(years)) + " ended " + dates(years)
        + ", represent non-U.S. generally accepted accounting principles (GAAP) measurements. The following table"
        + " presents a reconciliation between " + Character.toLowerCase(from.charAt(0)) + from.substring(1)
        + " to non-GAAP " + lower + " for the " + spanWords(spans) + " ended " + dates(spans.get(0)) + ":";
  }

  // ---------------------------------------------------------------- words

  /** The column pairs of flows: the quarter pair and the year-to-date pair, or the one there is. */
  private static List<List<Period>> spans(PeriodSet columns) {
    List<List<Period>> out = new ArrayList<>();
    if (!columns.quarter().isEmpty()) {
      out.add(columns.quarter());
    }
    if (!columns.toDate().isEmpty()) {
      out.add(columns.toDate());
    }
    return out;
  }

  /** "quarters and years", "three and nine months", "three months", "years"; "quarter and year" for single columns. */
  private static String spanWords(List<List<Period>> spans) {
    return spanWords(spans, spans.stream().allMatch(x -> x.size() == 1));
  }

  private static String spanWords(List<List<Period>> spans, boolean single) {
    List<Integer> months = spans.stream().map(x -> x.get(0).months()).toList();
    if (months.equals(List.of(3, 12))) {
      return single ? "quarter and year" : "quarters and years";
    }
    if (months.size() == 2) {
      return number(months.get(0)) + " and " + number(months.get(1)) + " months";
    }
    if (months.get(0) == 12) {
      return single ? "year" : "years";
    }
    return number(months.get(0)) + " months";
  }

  private static String lengthWords(Period p) {
    return p.months() == 12 ? "year" : number(p.months()) + " months";
  }

  private static String number(int months) {
    return switch (months) {
      case 3 -> "three";
      case 6 -> "six";
      case 9 -> "nine";
      default -> "twelve";
    };
  }

  /** "December 31, 2003 and 2002" (the periods' last days, the month in full). */
  private static String dates(List<Period> pair) {
    Period p = pair.get(0);
    String s = date(p);
    return pair.size() > 1 ? s + " and " + pair.get(1).end().getYear() : s;
  }

  private static String date(Period p) {
    return p.end().getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + p.end().getDayOfMonth() + ", "
        + p.end().getYear();
  }

  /** "$10.2 million and $0.7 million, respectively", or one amount. */
  private static String respectively(List<Optional<BigDecimal>> values) {
    List<String> shown = values.stream().filter(Optional::isPresent).map(v -> money(v.get())).toList();
    return shown.size() > 1 ? String.join(" and ", shown) + ", respectively" : String.join("", shown);
  }

  private static String applicable(BigDecimal v) {
    return v.signum() < 0 ? "a loss" : "income";
  }

  /** "$10.2 million" (without its sign: the words say loss or income). */
  private static String money(BigDecimal v) {
    return "$" + Formats.number(ProseNumbers.millions(v.abs()), 1) + " million";
  }

  private static Optional<BigDecimal> value(FactSet facts, String concept, Period p) {
    return facts.find(FactKey.of(COMPANY, concept, p)).map(Fact::value);
  }
}
