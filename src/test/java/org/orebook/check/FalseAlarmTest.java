package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orebook.edgar.ReleaseReader;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;

/**
 * What must not be reported: a row that equals a sum by coincidence is no subtotal; a footnote digit
 * glued to a label ("EBITDA1") is no part of it; "Q3 2024" and "Q4 2024" are two quarters.
 */
class FalseAlarmTest {
  static CheckResult check(String text) throws Exception {
    return Check.run(ReleaseReader.readText("t", text), Check.Options.defaults());
  }

  /** A statement whose exploration line equals G&A plus royalties in one column, by coincidence. */
  static final String COINCIDENCE = """
                               CRANE MINING CORP.
                     Consolidated Statements of Operations
                (in thousands of U.S. dollars, except per share amounts)

                                            Three Months Ended September 30,
                                               2025            2024
      Revenue                              $ 50,000        $ 42,000
      Production costs                       20,000          18,500
      Depreciation                            6,000           5,500
                                           --------        --------
      Gross margin                           24,000          18,000
      General and administrative              2,000           1,900
      Royalties                               1,000             900
      Exploration                             3,000           4,100
                                           --------        --------
      Operating income                       18,000          11,100
      Income tax expense                      4,860           2,997
                                           --------        --------
      Net income                           $ 13,140        $  8,103
                                           ========        ========
      """;

  @Test
  void aShareCountIndentedUnderAPerShareHeadingIsACountOfShares() throws Exception {
    // Orebook's own statement prints the weighted average shares indented below "Basic income (loss) per common
    // share:"; the heading does not make the count a per-share figure
    String text = """
                               CRANE MINING CORP.
                     Consolidated Statements of Operations
           (dollars and shares in thousands, except per share amounts)

                                                Year Ended December 31,
                                               2025            2024
      Net income                           $ 13,140        $  8,103
                                           ========        ========
      Basic income per common share:
        Net income                         $   0.13        $   0.08
                                           ========        ========

        Basic weighted average
         number of common shares
         outstanding                        101,077         101,288
                                           ========        ========
      """;
    CheckResult r = check(text);
    FactKey shares = new FactKey(Entity.statement("operations"), "weighted_shares", "", new Period.Year(2025));
    assertThat(r.release().readings().get(shares)).isNotNull()
        .satisfies(x -> assertThat(x.unit()).isEqualTo(org.orebook.quantity.Unit.SHARES))
        .satisfies(x -> assertThat(x.value()).isEqualByComparingTo("101077000"));
  }

  @Test
  void aRowThatEqualsASumByCoincidenceIsNoSubtotal() throws Exception {
    CheckResult r = check(COINCIDENCE);
    assertThat(r.failures()).isEmpty();
    StatementLine exploration = r.release().lines().stream().filter(l -> l.label().equals("Exploration")).findFirst()
        .orElseThrow();
    assertThat(exploration.kind()).isEqualTo(StatementLine.Kind.LINE);
    // the real subtotals are found and tested
    assertThat(r.release().lines().stream().filter(l -> l.kind() == StatementLine.Kind.SUBTOTAL).map(StatementLine::label))
        .containsExactly("Gross margin", "Operating income", "Net income");
    // change the 2024 exploration: still no failure about exploration (it is a line), but the
    // operating income that sums it now fails
    CheckResult changed = check(COINCIDENCE.replace("3,000           4,100", "3,000           4,200"));
    assertThat(changed.failures()).isNotEmpty().allMatch(f -> !f.published().figure().label().equals("Exploration"));
  }

  @Test
  void aSubtotalByItsLabelAloneMustFootInMostColumns() throws Exception {
    // Markdown has no rules: "Total" rows are subtotals by their labels; "Other" equals the sum of the
    // two lines above in one column of three, which proves nothing
    String md = """
        **Crane Mining Corp. — Segment revenue** (in thousands of U.S. dollars)

        | | Q3 2025 | Q2 2025 | Q3 2024 |
        |---|---:|---:|---:|
        | Gold | 30,000 | 28,000 | 25,000 |
        | Copper | 20,000 | 19,000 | 17,000 |
        | Other | 50,000 | 3,000 | 2,000 |
        | Total revenue | 100,000 | 50,000 | 44,000 |
        """;
    CheckResult r = check(md);
    assertThat(r.failures()).isEmpty();
    assertThat(r.release().lines().stream().filter(l -> l.kind() == StatementLine.Kind.SUBTOTAL).map(StatementLine::label))
        .containsExactly("Total revenue");
  }

  @Test
  void aFootnoteDigitGluedToALabelIsNoPartOfIt() throws Exception {
    assertThat(ConceptDictionary.normalize("Adjusted EBITDA1")).isEqualTo("adjusted ebitda");
    assertThat(ConceptDictionary.normalize("Revenue(2)")).isEqualTo("revenue");
    assertThat(ConceptDictionary.normalize("AISC per ounce sold*")).isEqualTo("aisc per ounce sold");
    assertThat(ConceptDictionary.normalize("Net income\u2020")).isEqualTo("net income");
    assertThat(ConceptDictionary.normalize("Cash costs\u00b2 (US$/oz)")).isEqualTo("cash costs");
    // a code is not a footnote: C1, Q3, H1 keep their digits
    assertThat(ConceptDictionary.normalize("Cash cost (C1)")).isEqualTo("cash cost (c1)");
    assertThat(ConceptDictionary.normalize("Q3 2025")).isEqualTo("q3 2025");
    String text = """
        Crane Mining Corp. reported gross profit of $24.0 million and Adjusted EBITDA1 of $45.2 million for
        the third quarter of 2025, compared to $38.0 million in the third quarter of 2024.

                               CRANE MINING CORP.
                              Financial Highlights
                   (in thousands of U.S. dollars)

                                            Three Months Ended September 30,
                                               2025            2024
      Revenue                              $ 50,000        $ 42,000
      Gross profit                           24,000          18,000
      Adjusted EBITDA1                       45,200          38,000

      1 Adjusted EBITDA is a non-GAAP measure.
      """;
    CheckResult r = check(text);
    assertThat(r.release().readings()).containsKey(FactKey.of(Entity.parse("company"), "adjusted_ebitda", new Period.Quarter(2025, 3)));
    assertThat(r.proseFailures()).isEmpty();
    assertThat(r.failures()).isEmpty();
    // the EBITDA claim is never tested against gross profit
    assertThat(r.prose()).filteredOn(c -> c.claim().contains("45.2"))
        .allMatch(c -> c.status() == ProseClaim.Status.NOT_LINKED || !c.figure().contains("gross_profit"));
    assertThat(r.prose()).filteredOn(c -> c.claim().contains("24.0")).allMatch(c -> c.figure().contains("gross_profit"));
  }

  @Test
  void quarterHeadingsOfTheSameYearAreTwoQuarters() throws Exception {
    String text = """
                              CRANE MINING CORP.
                        Quarterly Gold Production (oz)

      Mine                   Q3 2024     Q4 2024     Q1 2025     Q2 2025     Q3 2025
      North                   21,400      22,950      20,870      23,310      24,020
      South                   11,050      11,800      10,640      12,020      12,560
                            --------    --------    --------    --------    --------
      Total                   32,450      34,750      31,510      35,330      36,580

                              CRANE MINING CORP.
                             Production Summary (oz)

                             3Q24        4Q24
      Gold produced        32,450      34,750
      """;
    CheckResult r = check(text);
    assertThat(r.failures()).isEmpty();
    assertThat(r.release().readings().keySet()).noneMatch(k -> k.period().isYear());
    assertThat(r.release().readings().get(new FactKey(Entity.parse("company"), "produced", "AU", new Period.Quarter(2024, 4))).value())
        .isEqualByComparingTo("34750");
    assertThat(r.testedIds()).contains("sum.production_total", "tie.same_figure");
  }
}
