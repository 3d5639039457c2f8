package org.orebook.edgar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orebook.quantity.Period;

/** The readers of each format, piece by piece: cells, numbers, units, headings, rules, positions. */
class FormatsTest {
  static Table only(String text) throws Exception {
    ReleaseText r = ReleaseReader.readText("t", text);
    assertThat(r.tables()).hasSize(1);
    return r.tables().get(0);
  }

  static List<String> values(Table t) {
    return t.figures().stream().map(f -> f.value().toPlainString()).toList();
  }

  @Test
  void numbersAsPrinted() {
    assertThat(NumberToken.parse("1,234", 0).value()).isEqualByComparingTo("1234");
    assertThat(NumberToken.parse("(6,016)", 0).value()).isEqualByComparingTo("-6016");
    assertThat(NumberToken.parse("$(0.07)", 0).value()).isEqualByComparingTo("-0.07");
    assertThat(NumberToken.parse("($0.07)", 0).value()).isEqualByComparingTo("-0.07");
    assertThat(NumberToken.parse("US$1,234.5", 0).decimals()).isEqualTo(1);
    assertThat(NumberToken.parse("C$ 12", 0).dollar()).isTrue();
    assertThat(NumberToken.parse("45%", 0).percent()).isTrue();
    assertThat(NumberToken.parse(".651", 0).value()).isEqualByComparingTo("0.651");
    assertThat(NumberToken.parse("\u2212" + "12", 0).value()).isEqualByComparingTo("-12");
    assertThat(NumberToken.parse("\u2014", 0).dash()).isTrue();
    assertThat(NumberToken.parse("$-", 0).dash()).isTrue();
    assertThat(NumberToken.parse("nil", 0).dash()).isTrue();
    assertThat(NumberToken.parse("1,2345", 0)).isNull();
    assertThat(NumberToken.parse("(632", 0)).isNull();
    assertThat(NumberToken.parse("EBITDA1", 0)).isNull();
    // "($000)" after a label or under a heading names the unit (dollars in thousands): not a figure
    assertThat(NumberToken.parse("($000)", 0)).isNull();
    assertThat(NumberToken.parse("(US$000)", 0)).isNull();
    assertThat(NumberToken.parse("($0.00)", 0).value()).isEqualByComparingTo("0");
    // a run of digits longer than any figure is text, read in time linear in its length
    assertThat(NumberToken.parse("1".repeat(30), 0)).isNull();
  }

  @Test
  void aNegativeWhoseParenthesisStandsApartAndALabelRunIntoItsFigure() throws Exception {
    ScannedLine l = ScannedLine.scan(1, "  Finance costs                  (632 )        (540 )      (1,905 )");
    assertThat(l.cells()).extracting(t -> t.value().toPlainString()).containsExactly("-632", "-540", "-1905");
    assertThat(l.label()).isEqualTo("Finance costs");
    ScannedLine run = ScannedLine.scan(2, "  Expenditures on property, plant and equipment (61,240)      (55,180)");
    assertThat(run.cells()).hasSize(1);
    assertThat(run.loose()).hasValueSatisfying(t -> assertThat(t.value()).isEqualByComparingTo("-61240"));
    assertThat(run.looseLabel()).isEqualTo("Expenditures on property, plant and equipment");
    Table t = only("""
                                               2025          2024
        Revenue                             100,000        90,000
        Expenditures on property, plant and equipment (61,240)      (55,180)
        """);
    TableRow.Values v = t.valueRows().get(1);
    assertThat(v.label()).isEqualTo("Expenditures on property, plant and equipment");
    assertThat(v.figures()).extracting(f -> f.value().toPlainString()).containsExactly("-61240", "-55180");
  }

  @Test
  void unitsInTheirUsualForms() {
    assertThat(TableUnit.parse("(in thousands)")).hasValueSatisfying(u -> {
      assertThat(u.exponent()).isEqualTo(3);
      assertThat(u.scaled()).containsExactlyInAnyOrder("dollars", "shares");
    });
    assertThat(TableUnit.parse("(in thousands, except share and per share amounts)").orElseThrow().scaled())
        .containsExactly("dollars");
    assertThat(TableUnit.parse("(US$000s)").orElseThrow().currency()).isEqualTo("USD");
    assertThat(TableUnit.parse("$000").orElseThrow().exponent()).isEqualTo(3);
    assertThat(TableUnit.parse("(000's)").orElseThrow().exponent()).isEqualTo(3);
    assertThat(TableUnit.parse("(in millions of U.S. dollars, except per share amounts)")).hasValueSatisfying(u -> {
      assertThat(u.exponent()).isEqualTo(6);
      assertThat(u.currency()).isEqualTo("USD");
      assertThat(u.except()).contains("share");
    });
    assertThat(TableUnit.parse("(C$ thousands)").orElseThrow().currency()).isEqualTo("CAD");
    assertThat(TableUnit.parse("(in thousands of Canadian dollars)").orElseThrow().currency()).isEqualTo("CAD");
    assertThat(TableUnit.parse("(US$ million, unless otherwise stated)").orElseThrow().exponent()).isEqualTo(6);
    assertThat(TableUnit.parse("(ounces in thousands)").orElseThrow().scaled()).containsExactly("ounces");
    assertThat(TableUnit.parse("Depth (m)")).isEmpty();
    assertThat(TableUnit.parse("Gold price ($/oz)")).isEmpty();
    assertThat(TableUnit.parse("compared to $5 million in 2024")).isEmpty();
  }

  static final String FILING_AGENT = """
      <html><body>
      <p style="text-align:center"><b>WREN MINING INC.</b></p>
      <p style="text-align:center"><b>Consolidated Statements of Operations</b></p>
      <table>
      <tr><td colspan="9" style="text-align:center">(in thousands of U.S. dollars)</td></tr>
      <tr><td></td><td></td><td colspan="3" style="border-bottom:1px solid">Three Months Ended<br>September&#160;30,</td>
          <td></td><td colspan="3" style="border-bottom:1px solid">Nine Months Ended<br>September&#160;30,</td></tr>
      <tr><td></td><td></td><td>2025</td><td></td><td>2024</td><td></td><td>2025</td><td></td><td>2024</td></tr>
      <tr><td><b>Revenue</b></td><td>$</td><td>1,000</td><td>$</td><td>900</td><td>$</td><td>3,000</td><td>$</td><td>2,700</td></tr>
      <tr><td>Cost of sales<sup>1</sup></td><td></td><td style="border-bottom:1px solid #000">(600</td><td style="border-bottom:1px solid #000">)</td>
          <td style="border-bottom:1px solid #000">(550)</td><td></td><td style="border-bottom:1px solid #000">(1,800)</td><td></td>
          <td style="border-bottom:1px solid #000">(1,650)</td></tr>
      <tr><td style="padding-left:10pt">Gross margin</td><td>$</td><td style="border-bottom:3px double #000">400</td><td>$</td>
          <td style="border-bottom:3px double">350</td><td>$</td><td style="border-bottom:double 2.25pt">1,200</td><td>$</td>
          <td style="border-bottom-style:double">1,050</td></tr>
      </table>
      <p>&#160;</p>
      <table>
      <tr><td>Exploration</td><td></td><td>50</td><td></td><td>40</td><td></td><td>150</td><td></td><td>120</td></tr>
      </table>
      </body></html>
      """;

  @Test
  void htmlAsFilingAgentsWriteIt() throws Exception {
    ReleaseText r = ReleaseReader.readText("t.htm", FILING_AGENT);
    assertThat(r.format()).isEqualTo(SourceFormat.HTML);
    // one table: the second <table> without headings continues the first
    assertThat(r.tables()).hasSize(1);
    Table t = r.tables().get(0);
    assertThat(t.name()).isEqualTo("Consolidated Statements of Operations");
    assertThat(t.unit()).hasValueSatisfying(u -> assertThat(u.exponent()).isEqualTo(3));
    assertThat(t.columns()).extracting(c -> c.period().map(Period::code).orElse("-"))
        .containsExactly("Q3 2025", "Q3 2024", "9M 2025", "9M 2024");
    assertThat(t.valueRows()).extracting(TableRow.Values::label)
        .containsExactly("Revenue", "Cost of sales (1)", "Gross margin", "Exploration");
    assertThat(values(t)).containsExactly("1000", "900", "3000", "2700", "-600", "-550", "-1800", "-1650", "400", "350",
        "1200", "1050", "50", "40", "150", "120");
    // the borders are rules: single under cost of sales, double under gross margin
    assertThat(t.rows()).filteredOn(x -> x instanceof TableRow.Rule).extracting(x -> ((TableRow.Rule) x).isDouble())
        .containsExactly(false, true);
    Figure cost = t.valueRows().get(1).cells().get(0).orElseThrow();
    assertThat(cost.at().table()).isEqualTo(1);
    assertThat(cost.at().row()).isEqualTo(5);
    assertThat(cost.at().cell()).isEqualTo(3);
    assertThat(FILING_AGENT.substring(cost.at().offset(), cost.at().offset() + cost.at().length())).isEqualTo("600");
    assertThat(t.valueRows().get(2).indent()).isGreaterThan(t.valueRows().get(1).indent());
  }

  @Test
  void aCaptionNamesItsTableAndTheRowsOfATheadAreHeadings() throws Exception {
    // a <caption> is the table's title (company, name, unit line), not the heading of the section above it;
    // the rows of a <thead> are headings even where one reads as a number ("(100%)"), never a row of figures
    String html = """
        <html><body><h2>Earlier section</h2><p>Sold forward: 1,000 oz</p>
        <h2>Mineral Reserves</h2>
        <table>
        <caption>PIPIT MINING INC.<br>Proven Mineral Reserves<br>(tons in thousands)</caption>
        <thead>
        <tr><th></th><th>Tons</th><th>Tons</th><th>Gold</th></tr>
        <tr><th>Property - (interest in %)</th><th>(100%)</th><th>(attrib.)</th><th>(oz/ton)</th></tr>
        </thead>
        <tbody>
        <tr><th>Pipit (60%), Canada</th><td>1,000</td><td>600</td><td>0.031</td></tr>
        </tbody>
        </table></body></html>
        """;
    ReleaseText r = ReleaseReader.readText("t.htm", html);
    Table t = r.tables().get(0);
    assertThat(t.titleLines()).containsExactly("PIPIT MINING INC.", "Proven Mineral Reserves", "(tons in thousands)");
    assertThat(t.unit()).hasValueSatisfying(u -> assertThat(u.exponent()).isEqualTo(3));
    assertThat(t.stub()).isEqualTo("Property - (interest in %)");
    assertThat(t.columns()).extracting(Column::header).containsExactly("Tons (100%)", "Tons (attrib.)", "Gold (oz/ton)");
    assertThat(t.valueRows()).extracting(TableRow.Values::label).containsExactly("Pipit (60%), Canada");
    assertThat(values(t)).containsExactly("1000", "600", "0.031");
  }

  @Test
  void nestedTablesAndRowspans() throws Exception {
    String html = """
        <html><body><table><tr><td>
        <p>Operating data of the Pipit Mine:</p>
        <table>
        <tr><th rowspan="2">(unaudited)</th><th colspan="2">Year Ended December 31,</th></tr>
        <tr><th>2025</th><th>2024</th></tr>
        <tr><td>Gold produced (oz)</td><td>$&#160;10,000</td><td>9,000</td></tr>
        <tr><td>Recovery</td><td>92.1%</td><td>n/a</td></tr>
        </table>
        </td></tr></table></body></html>
        """;
    Table t = only(html);
    assertThat(t.columns()).extracting(c -> c.period().map(Period::code).orElse("-")).containsExactly("FY2025", "FY2024");
    assertThat(t.valueRows().get(1).cells().get(1)).isEmpty();
    assertThat(t.valueRows().get(1).cells().get(0).orElseThrow().value()).isEqualByComparingTo("92.1");
  }

  @Test
  void markdownAndPipeTables() throws Exception {
    String md = """
        **Wren Mining Inc. - Highlights**

        | (US$000s) | Three months ended Sep 30, | | Nine months ended Sep 30, | |
        |---|---:|---:|---:|---:|
        | | 2025 | 2024 | 2025 | 2024 |
        | **Revenue** | $ 1,000 | $ 900 | $ 3,000 | $ 2,700 |
        | &nbsp;&nbsp;Cost of sales<sup>1</sup> | (600) | (550) | (1,800) | (1,650) |
        """;
    ReleaseText r = ReleaseReader.readText("t.md", md);
    assertThat(r.format()).isEqualTo(SourceFormat.MARKDOWN);
    Table t = r.tables().get(0);
    assertThat(t.name()).isEqualTo("Wren Mining Inc. - Highlights");
    assertThat(t.unit()).hasValueSatisfying(u -> assertThat(u.currency()).isEqualTo("USD"));
    assertThat(t.columns()).extracting(c -> c.period().map(Period::code).orElse("-"))
        .containsExactly("Q3 2025", "Q3 2024", "9M 2025", "9M 2024");
    assertThat(t.valueRows()).extracting(TableRow.Values::label).containsExactly("Revenue", "Cost of sales (1)");
    assertThat(t.valueRows().get(1).indent()).isGreaterThan(t.valueRows().get(0).indent());
  }

  @Test
  void wireServicePipesWithoutOuterBars() throws Exception {
    String wire = """
        Wren Mining Inc. Production Summary
        (ounces)                | Q3 2025 | Q3 2024
        Gold produced           | 10,000  | 9,000
        Silver produced         | 250,000 | 240,000
        """;
    ReleaseText r = ReleaseReader.readText("wire.txt", wire);
    assertThat(r.format()).isEqualTo(SourceFormat.MARKDOWN);
    Table t = r.tables().get(0);
    assertThat(t.columns()).extracting(c -> c.period().map(Period::code).orElse("-")).containsExactly("Q3 2025", "Q3 2024");
    assertThat(values(t)).containsExactly("10000", "9000", "250000", "240000");
  }

  @Test
  void tabSeparatedRowsAreAGrid() throws Exception {
    String text = "Wren Mining Inc.\nProduction Summary\n\n\t2025\t2024\nGold produced (oz)\t10,000\t9,000\n"
        + "Silver produced (oz)\t250,000\t240,000\n";
    Table t = only(text);
    assertThat(t.columns()).extracting(c -> c.period().map(Period::code).orElse("-")).containsExactly("FY2025", "FY2024");
    assertThat(values(t)).containsExactly("10000", "9000", "250000", "240000");
  }

  @Test
  void submissionDocumentsAndTheirPositions() throws Exception {
    String exhibit = "<html><body><p><b>Results</b></p><table><tr><td></td><td>2025</td><td>2024</td></tr>"
        + "<tr><td>Revenue</td><td>1,000</td><td>900</td></tr></table></body></html>";
    String sub = "<SEC-DOCUMENT>0001.txt\n<DOCUMENT>\n<TYPE>8-K\n<FILENAME>f8k.htm\n<TEXT>\n<html><body><table><tr><td>"
        + "Item</td><td>2.02</td></tr></table></body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n"
        + "<FILENAME>ex991.htm\n<TEXT>\n" + exhibit + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    ReleaseText r = ReleaseReader.readText("s.txt", sub);
    assertThat(r.format()).isEqualTo(SourceFormat.SUBMISSION);
    assertThat(r.tables()).hasSize(1);
    Figure f = r.tables().get(0).figures().get(0);
    assertThat(f.line()).isEqualTo(13);
    assertThat(sub.substring(f.at().offset(), f.at().offset() + f.at().length())).isEqualTo("1,000");
  }

  @Test
  void runningTextOfEveryFormat() throws Exception {
    String html = "<html><body><p>Wren Mining Inc. reported revenue of $1.0 million in the third quarter of 2025.</p>"
        + "<ul><li>Gold production of 10,000 ounces in the third quarter of 2025.</li></ul>"
        + "<table><tr><td></td><td>2025</td></tr><tr><td>Revenue</td><td>1,000</td></tr></table></body></html>";
    ReleaseText r = ReleaseReader.readText("t.htm", html);
    assertThat(r.sentences()).extracting(Prose.Sentence::text).containsExactly(
        "Wren Mining Inc. reported revenue of $1.0 million in the third quarter of 2025.",
        "Gold production of 10,000 ounces in the third quarter of 2025.");
    String md = "Wren Mining Inc. reported revenue of $1.0 million in the third quarter.\n* Gold production of 10,000 ounces "
        + "in the third quarter of 2025.\n* Silver production of 250,000 ounces in the third quarter of 2025.\n";
    assertThat(ReleaseReader.readText("t.md", md, Optional.of(SourceFormat.MARKDOWN)).sentences()).hasSize(3);
  }
}
