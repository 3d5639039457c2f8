package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of the printed-number extractor, on lines as EDGAR exhibits print them. */
class PrintedNumbersTest {

  @Test
  void labelThenTwoColumns() {
    PrintedNumbers.Line l = PrintedNumbers.line("Zinc  - Tons                6,525       6,606");
    assertThat(l.label()).isEqualTo("Zinc  - Tons");
    assertThat(l.numbers()).containsExactly("6525", "6606");
  }

  @Test
  void footnoteMarkerAndPercentStayInTheLabel() {
    PrintedNumbers.Line l = PrintedNumbers.line("Greens Creek (29.73%) (2)       605,697     0.14");
    assertThat(l.label()).isEqualTo("Greens Creek (29.73%) (2)");
    assertThat(l.numbers()).containsExactly("605697", "0.14");
  }

  @Test
  void dollarSignsAreIgnoredWhereverTheyStand() {
    assertThat(PrintedNumbers.tableNumbers("Silver operations (2) $    20,977  $   13,686"))
        .containsExactly("20977", "13686");
    assertThat(PrintedNumbers.tableNumbers("  Sales of products            $ 31,630  $ 25,864  $116,353  $105,700"))
        .containsExactly("31630", "25864", "116353", "105700");
    assertThat(PrintedNumbers.tableNumbers("    produced (2)                 $ (0.94) $  0.58  $  (0.25) $   1.09"))
        .containsExactly("-0.94", "0.58", "-0.25", "1.09");
  }

  @Test
  void lineWithoutLabelIsASubtotal() {
    PrintedNumbers.Line l = PrintedNumbers.line("                                 23,585    20,154");
    assertThat(l.label()).isEmpty();
    assertThat(l.numbers()).containsExactly("23585", "20154");
    assertThat(PrintedNumbers.tableNumbers("                                   (130)     (211)    1,183    (1,396)"))
        .containsExactly("-130", "-211", "1183", "-1396");
  }

  @Test
  void dashesAreEmptyCellsAndParenthesesNegative() {
    assertThat(PrintedNumbers.tableNumbers("Other                         (17)         --")).containsExactly("-17");
    assertThat(PrintedNumbers.tableNumbers("San Sebastian Unit, Mexico     170,711     0.26     22.3      -     -"))
        .containsExactly("170711", "0.26", "22.3");
    assertThat(PrintedNumbers.tableNumbers(" income tax                         --        --      1,072       --"))
        .containsExactly("1072");
    assertThat(PrintedNumbers.tableNumbers("Accumulated deficit                               (361,560)  (355,544)"))
        .containsExactly("-361560", "-355544");
  }

  @Test
  void printedScaleIsKept() {
    assertThat(PrintedNumbers.tableNumbers(" (oz./ton)                    0.651     0.774       0.679       0.650"))
        .containsExactly("0.651", "0.774", "0.679", "0.650");
    assertThat(PrintedNumbers.tableNumbers("Lucky Friday Unit, USA         659,380              15.4    8.4   2.4"))
        .containsExactly("659380", "15.4", "8.4", "2.4");
    assertThat(PrintedNumbers.tableNumbers("  Income (loss) from continuing   $  (0.07) $   0.02  $  (0.17) $  (0.10)"))
        .containsExactly("-0.07", "0.02", "-0.17", "-0.10");
  }

  @Test
  void headersRulesAndProseGiveNoNumbers() {
    List<String> lines = List.of(
        "                          2003        2002        2003        2002",
        "                                 2003     2002      2003      2002",
        "HIGHLIGHTS              Dec. 31,    Dec. 31,    Dec. 31,    Dec. 31,",
        "                                Dec. 31,  Dec. 31,  Dec. 31, Dec. 31,",
        "                        Fourth Quarter Ended         Year Ended",
        "                       ----------------------- ----------------------",
        "- ----------------------------------------------------------------------",
        "                                 ======== ======== ========= =========",
        "Mine - (Hecla interest in %)    Tons    (oz/ton) (oz/ton)  (%)    (%)",
        "Mineralized Material (4)",
        "(2) In situ resources, Canaima Lower and Middle veins, diluted and",
        "factored for mining recovery (90%).",
        "    preferred stock dividends of $10.2 million and $0.7 million,",
        "    three months ended December 31, 2003, as compared to income",
        "Ore grade milled -",
        " ounce of silver produced (2):",
        " (2)",
        "");
    assertThat(PrintedNumbers.tableNumbers(lines)).isEmpty();
  }

  @Test
  void yearsWithALabelAreFigures() {
    // only an unlabelled line of years is a column header
    assertThat(PrintedNumbers.tableNumbers("Days of operation              2003      2002")).containsExactly("2003", "2002");
    assertThat(PrintedNumbers.tableNumbers("                                 2,003     1,999")).containsExactly("2003", "1999");
  }

  @Test
  void allNumbersModeReadsProse() {
    List<String> lines = List.of(
        "                           HEDGED POSITIONS",
        "                        As of December 31, 2003",
        "",
        "       Sold forward: 48,928 gold ounces @ average price of $288");
    assertThat(PrintedNumbers.allNumbers(lines)).containsExactly("31", "2003", "48928", "288");
    // table mode sees no table row there
    assertThat(PrintedNumbers.tableNumbers(lines)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "'31,630', 31630",
      "'$31,630', 31630",
      "'(1,007)', -1007",
      "'(0.07)', -0.07",
      "'0.651', 0.651",
      "'0.650', 0.650",
      "'15.4', 15.4",
      "'$(0.94)', -0.94",
      "'-12.5', -12.5",
      "'2,226,361', 2226361"})
  void tokensNormalizeToPrintedValues(String token, String normalized) {
    assertThat(PrintedNumbers.normalize(token)).contains(normalized);
  }

  @ParameterizedTest
  @CsvSource({"'31,'", "'Dec.'", "'(%)'", "'(oz/ton)'", "'(1,007'", "'1,00'", "'--'", "'-'", "'$'", "'(-5)'", "'----'"})
  void nonNumbers(String token) {
    assertThat(PrintedNumbers.normalize(token)).isEmpty();
  }

  @Test
  void wrappedLabelsAreRejoined() {
    List<String> lines = List.of(
        "Income before",
        " environmental",
        " accruals                   2,171       1,859      17,091       8,960",
        "Average cost per",
        " ounce of silver",
        " produced (2):",
        "  Cash operating",
        "   costs ($/oz.)             1.01        1.96        1.31        2.16",
        "Reconciliation to GAAP:",
        "   Total cash costs              $ 5,782  $ 5,445  $ 19,498  $ 22,879",
        "                                 -------- -------- --------- ---------",
        "   Costs of sales and other",
        "    direct production costs",
        "    (GAAP)                       $ 5,938  $ 7,110  $ 17,124  $ 21,374",
        "LA CAMORRA UNIT",
        "Tons of ore processed        52,552    44,461     197,591     194,960",
        "Average cost per ounce of",
        " silver produced (2):",
        "  Cash operating costs     $    2.40  $    2.74");
    assertThat(PrintedNumbers.rows(lines)).extracting(PrintedNumbers.PrintedRow::label).containsExactly(
        "Income before environmental accruals",
        "Cash operating costs ($/oz.)",
        "Total cash costs",
        "Costs of sales and other direct production costs (GAAP)",
        "Tons of ore processed",
        "Cash operating costs");
    assertThat(PrintedNumbers.findRow(lines, 0, "Costs of sales and other direct").orElseThrow().numbers())
        .containsExactly("5938", "7110", "17124", "21374");
    assertThat(PrintedNumbers.findRow(lines, 0, "Tons of ore").orElseThrow().lineIndex()).isEqualTo(15);
  }

  @Test
  void sectionsSplitAtTitlesInOrder() {
    List<String> doc = List.of("intro", "  HIGHLIGHTS  Dec. 31,", "a  1", "HIGHLIGHTS again", "Production Data", "b  2",
        "HEDGED POSITIONS", "c 3");
    List<PrintedNumbers.TextSection> s = PrintedNumbers.splitAtTitles(doc, List.of("HIGHLIGHTS", "Production Data",
        "HEDGED POSITIONS"));
    assertThat(s).extracting(PrintedNumbers.TextSection::lines).containsExactly(
        List.of("  HIGHLIGHTS  Dec. 31,", "a  1", "HIGHLIGHTS again"), List.of("Production Data", "b  2"),
        List.of("HEDGED POSITIONS", "c 3"));
    assertThatThrownBy(() -> PrintedNumbers.splitAtTitles(doc, List.of("Production Data", "HIGHLIGHTS")))
        .hasMessageContaining("HIGHLIGHTS");
    assertThat(PrintedNumbers.lineRange(doc, 2, 3)).containsExactly("  HIGHLIGHTS  Dec. 31,", "a  1");
  }
}
