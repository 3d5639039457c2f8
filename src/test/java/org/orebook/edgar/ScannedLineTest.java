package org.orebook.edgar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orebook.edgar.ScannedLine.Kind;

/** The line classifier on literal lines of the kind EDGAR exhibits print. */
class ScannedLineTest {
  @Test
  void readsDollarsCommasParenthesesAndDashes() {
    ScannedLine l = ScannedLine.scan(1, "Net income (loss) (1)          $  2,171  $  1,865  $ (6,016) $  8,639");
    assertThat(l.kind()).isEqualTo(Kind.NUMBERS);
    assertThat(l.label()).isEqualTo("Net income (loss) (1)");
    assertThat(l.cells()).extracting(t -> t.value().toPlainString()).containsExactly("2171", "1865", "-6016", "8639");
    assertThat(l.cells()).allMatch(NumberToken::dollar);
    ScannedLine d = ScannedLine.scan(2, "Other                         (17)         --         503          --");
    assertThat(d.cells()).extracting(NumberToken::dash).containsExactly(false, true, false, true);
    ScannedLine r = ScannedLine.scan(3, "San Sebastian Unit, Mexico     170,711     0.26     22.3      -     -");
    assertThat(r.cells()).extracting(NumberToken::decimals).containsExactly(0, 2, 1, 0, 0);
    assertThat(r.cells().get(3).dash()).isTrue();
  }

  @Test
  void footnoteMarkerAndDollarAfterLabelStayApart() {
    ScannedLine l = ScannedLine.scan(1, "Silver operations (2) $    20,977  $   13,686  $   76,658  $   56,404");
    assertThat(l.label()).isEqualTo("Silver operations (2)");
    assertThat(l.cells()).hasSize(4);
  }

  @Test
  void doubleSpaceInsideALabelIsKept() {
    ScannedLine l = ScannedLine.scan(1, "Zinc  - Tons                6,525       6,606      25,341      26,134");
    assertThat(l.label()).isEqualTo("Zinc - Tons");
    assertThat(l.cells()).hasSize(4);
  }

  @Test
  void proseEndingInANumberIsText() {
    assertThat(ScannedLine.scan(1, "year-on-year. Gross profit was $35 million in 2003 compared to $23.7").kind())
        .isEqualTo(Kind.TEXT);
    assertThat(ScannedLine.scan(1, "       Sold forward: 48,928 gold ounces @ average price of $288").kind()).isEqualTo(Kind.TEXT);
    assertThat(ScannedLine.scan(1, "Ore grade milled -").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void rulesYearsAndBlanks() {
    ScannedLine rule = ScannedLine.scan(1, "- ----------------------------------------------------------------------");
    assertThat(rule.kind()).isEqualTo(Kind.RULE);
    assertThat(rule.ruleChar()).isEqualTo('-');
    assertThat(ScannedLine.scan(1, "                               ========  ========").ruleChar()).isEqualTo('=');
    assertThat(ScannedLine.scan(1, "                          2003        2002        2003        2002").kind()).isEqualTo(Kind.YEARS);
    assertThat(ScannedLine.scan(1, "   ").kind()).isEqualTo(Kind.BLANK);
    assertThat(ScannedLine.scan(1, "  Total cash costs    $  (893) $   555  $ (1,007) $  3,737").cells())
        .extracting(t -> t.value().toPlainString()).containsExactly("-893", "555", "-1007", "3737");
  }
}
