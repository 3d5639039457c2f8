package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionary is data: the standard file, modern and IFRS wording, and a company's own wording added from a file. */
class DictionaryTest {
  static String concept(ConceptDictionary.Scope scope, String label) {
    return ConceptDictionary.standard().lookup(scope, label, ConceptDictionary.Context.NONE)
        .map(m -> m.concept() + (m.metal().isEmpty() ? "" : "[" + m.metal() + "]") + " " + m.measure().name().toLowerCase())
        .orElse("none");
  }

  @Test
  void modernAndIfrsWording() {
    assertThat(concept(ConceptDictionary.Scope.COMPANY, "Revenue")).isEqualTo("sales money");
    assertThat(concept(ConceptDictionary.Scope.COMPANY, "Sales revenues")).isEqualTo("sales money");
    assertThat(concept(ConceptDictionary.Scope.COMPANY, "Adjusted EBITDA(1)")).isEqualTo("adjusted_ebitda money");
    assertThat(concept(ConceptDictionary.Scope.COMPANY, "Adjusted net earnings")).isEqualTo("adjusted_net_earnings money");
    assertThat(concept(ConceptDictionary.Scope.COMPANY, "Gross margin")).isEqualTo("gross_profit money");
    assertThat(concept(ConceptDictionary.Scope.COMPANY, "Profit attributable to owners of the Company"))
        .isEqualTo("net_income money");
    assertThat(concept(ConceptDictionary.Scope.OPERATIONS, "Cost of sales")).isEqualTo("cost_of_sales money");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Mining costs")).isEqualTo("mining money");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Processing")).isEqualTo("milling money");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Cash cost (C1) per pound")).isEqualTo("c1_cash_cost_per_lb per_pound");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "C1 cash cost per payable pound (US$/lb)"))
        .isEqualTo("c1_cash_cost_per_lb per_pound");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "All-in sustaining costs per ounce sold")).isEqualTo("aisc_per_oz_sold per_ounce");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "AISC ($/oz)")).isEqualTo("aisc_per_oz_sold per_ounce");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "AISC per payable pound")).isEqualTo("aisc_per_oz_sold per_pound");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Cash costs per ounce sold")).isEqualTo("total_cash_costs_per_oz per_ounce");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Gold sold (oz)")).isEqualTo("sold[AU] ounces");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Payable copper sold (Mlb)")).isEqualTo("sold[CU] pounds");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Ore processed (tonnes)")).isEqualTo("ore_milled tonnes");
    assertThat(concept(ConceptDictionary.Scope.UNIT, "Head grade (g/t)")).isEqualTo("none");
  }

  @Test
  void aCompanysOwnWordingFromAFile(@TempDir Path dir) throws Exception {
    String release = """
                               HERON GOLD LTD.
                             Financial Highlights
                       (in thousands of U.S. dollars)

                                         Three Months Ended September 30,
                                            2025            2024
      Bullion and concentrate receipts   $ 50,000        $ 42,000
      Mine contribution                    30,000          23,500

                               HERON GOLD LTD.
                     Consolidated Statements of Operations
                       (in thousands of U.S. dollars)

                                         Three Months Ended September 30,
                                            2025            2024
      Revenue                            $ 50,000        $ 42,000
      Cost of sales                        20,000          18,500
                                         --------        --------
      Gross profit                         30,000          23,500
      """;
    Path file = dir.resolve("heron.txt");
    Files.writeString(file, release, StandardCharsets.UTF_8);
    CheckTestSupport.Run without = CheckTestSupport.run("check", file.toString());
    assertThat(without.out()).contains("not keyed: \"Bullion and concentrate receipts\"");
    Path dict = dir.resolve("heron-dictionary.csv");
    Files.writeString(dict, """
        scope,label,concept,metal,measure,sign,when
        # Heron's own words for revenue and gross profit
        company,bullion and concentrate receipts,sales,,money,,
        company,mine contribution,gross_profit,,money,,
        table,x,y,,,,
        """.replace("table,x,y,,,,\n", ""), StandardCharsets.UTF_8);
    CheckTestSupport.Run with = CheckTestSupport.run("check", file.toString(), "--dictionary", dict.toString(), "--format", "json");
    assertThat(with.exit()).as(with.err()).isZero();
    assertThat(with.out()).contains("\"unmapped\" : 0");
    // the company's wording ties its highlights to the statement: sales and gross profit, both quarters
    assertThat(with.out()).contains("\"relations\" : 6");
    ConceptDictionary d = ConceptDictionary.withFile(dict);
    assertThat(d.lookup(ConceptDictionary.Scope.COMPANY, "Bullion and concentrate receipts", ConceptDictionary.Context.NONE))
        .hasValueSatisfying(m -> assertThat(m.concept()).isEqualTo("sales"));
  }

  @Test
  void aDictionaryFileWithAMistakeIsRefusedNamingItsLineAndField(@TempDir Path dir) throws Exception {
    Path dict = dir.resolve("bad.csv");
    Files.writeString(dict, "scope,label,concept,metal,measure,sign,when\ncompany,revenue,sales,,money,,\nunit,ore hoisted,ore_milled,,kilos,,\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConceptDictionary.withFile(dict)).hasMessageContaining("bad.csv line 3, field measure: 'kilos'");
    Files.writeString(dict, "scope,label,concept\nledger,revenue,sales\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConceptDictionary.withFile(dict)).hasMessageContaining("line 2, field scope: 'ledger'");
    Files.writeString(dict, "scope,label,concept\ncompany,(unclosed,sales\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConceptDictionary.withFile(dict)).hasMessageContaining("line 2, field label: not a regular expression");
    Files.writeString(dict, "label,concept\nrevenue,sales\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConceptDictionary.withFile(dict)).hasMessageContaining("the header must name the columns");
    CheckTestSupport.Run run = CheckTestSupport.run("check", CheckTestSupport.SEED.toString(), "--dictionary", dict.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("orebook: --dictionary ").contains("bad.csv");
  }

  @Test
  void theFormatCanBeForcedOnTheCommandLine(@TempDir Path dir) throws Exception {
    CheckTestSupport.Run forced = CheckTestSupport.run("check", "src/test/resources/releases/formats/tamarack-2025-q3.md",
        "--format-in", "html");
    // Markdown read as HTML has no tables: a clear message, not a stack trace
    assertThat(forced.exit()).isEqualTo(2);
    assertThat(forced.err()).startsWith("orebook: ").doesNotContain("Exception");
    CheckTestSupport.Run bad = CheckTestSupport.run("check", CheckTestSupport.SEED.toString(), "--format-in", "pdf");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--format-in 'pdf' is not one of text, html, markdown, submission");
  }

  /** The memo of one modelling run answers exactly as the dictionary does, asked twice and in any order. */
  @Test
  void aRunsMemoAnswersAsTheDictionary() {
    ConceptDictionary dict = ConceptDictionary.standard();
    java.util.List<String> labels = java.util.List.of("Revenue", "Sales revenues", "Cost of sales", "Gross margin", "Mining costs",
        "Processing", "Cash cost (C1) per pound", "AISC ($/oz)", "All-in sustaining costs per ounce sold", "EBITDA1",
        "Adjusted net earnings(2)", "Gold produced (oz)", "Net income", "Basic", "Diluted", "Depreciation", "Income taxes",
        "Total", "Ore milled (tons)", "Payable copper sold (Mlb)");
    java.util.List<ConceptDictionary.Context> contexts = java.util.List.of(ConceptDictionary.Context.NONE,
        new ConceptDictionary.Context("Per ounce sold:", java.util.Optional.empty(), false),
        new ConceptDictionary.Context("Net income per share", java.util.Optional.empty(), false),
        new ConceptDictionary.Context("", java.util.Optional.of(org.orebook.model.Metal.AU), true));
    java.util.Random random = new java.util.Random(15);
    ConceptDictionary run = dict.forOneRun();
    for (int i = 0; i < 2_000; i++) {
      ConceptDictionary.Scope scope = ConceptDictionary.Scope.values()[random.nextInt(ConceptDictionary.Scope.values().length)];
      String label = labels.get(random.nextInt(labels.size()));
      ConceptDictionary.Context ctx = contexts.get(random.nextInt(contexts.size()));
      assertThat(run.lookup(scope, label, ctx)).as("%s %s %s", scope, label, ctx).isEqualTo(dict.lookup(scope, label, ctx));
      assertThat(run.matches(scope, label)).as("%s %s", scope, label).isEqualTo(dict.matches(scope, label));
    }
    assertThat(run.lookup(ConceptDictionary.Scope.COMPANY, "Revenue", ConceptDictionary.Context.NONE)).isPresent();
  }
}
