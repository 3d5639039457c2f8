package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.SourceFormat;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;

/**
 * Releases of made-up miners written by hand, with other mines, metals, wording, layouts, formats
 * and periods than the seed: read and checked with no special code, at least 90% of their table
 * figures mapped, no false alarm; a real inconsistency planted in one is reported with its line.
 *
 * <ul>
 *   <li>Aurum Ridge (2004 Q3, text): "Costs applicable to sales", three months ended, a 60% unit;
 *   <li>Cordillera Silver (2004, text): tonnes and g/t, segments, reserves;
 *   <li>Kestrel Copper (2025 Q3, text): IFRS wording (profit for the period, attributable to owners),
 *       US$ million with one decimal, quarter headings "Q3 2025 Q2 2025 Q3 2024" and "9M 2025", a
 *       quarterly table with "Q3 2024" beside "Q4 2024" and mines as rows, C1 cash cost and AISC per
 *       payable pound, tables introduced by a sentence;
 *   <li>Ptarmigan Silver (second quarter of fiscal 2026, year ending March; Markdown as a wire
 *       service delivers it): C$ thousands, "Q2 FY2026" and "H1 FY2026" headings, "Sales revenues",
 *       "Mine operating earnings", "Mining costs", "Processing costs", adjusted net earnings, cash cost
 *       per silver ounce sold net of by-product credits, no rules (subtotals by their labels);
 *   <li>Larkspur Gold (2025 Q4 and year; the full EDGAR submission of an 8-K with its EX-99.1 in HTML
 *       and a logo): one mine, short tons and oz/ton, "Costs applicable to sales", AISC per ounce sold,
 *       the data tables inside a layout table, th headings with a rowspan, "$" inside figure cells.
 * </ul>
 */
class OtherMinersTest {
  static final Path DIR = Path.of("src/test/resources/releases");

  static CheckResult check(String name) throws Exception {
    return Check.file(DIR.resolve(name));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"aurum-ridge-2004-q3.txt, 40", "cordillera-silver-2004.txt, 25", "kestrel-copper-2025-q3.txt, 80",
      "ptarmigan-silver-fy2026-q2.md, 60", "larkspur-gold-2025-q4-submission.txt, 25"})
  void readWithNinetyPercentMappedAndNoFalseAlarm(String name, int minTested) throws Exception {
    CheckResult r = check(name);
    PublishedRelease pr = r.release();
    assertThat(pr.mappedCount() * 10).as(name + ": mapped " + pr.mappedCount() + " of " + pr.figureCount())
        .isGreaterThanOrEqualTo(pr.figureCount() * 9);
    assertThat(r.failures()).as(name).isEmpty();
    assertThat(r.proseFailures()).as(name).isEmpty();
    assertThat(r.tested()).as(name).isGreaterThanOrEqualTo(minTested);
    assertThat(r.nothingChecked()).isFalse();
  }

  @Test
  void aurumRidgeQuarterWithCostsApplicableToSales() throws Exception {
    CheckResult r = check("aurum-ridge-2004-q3.txt");
    PublishedRelease pr = r.release();
    assertThat(pr.unmapped()).isEmpty();
    assertThat(pr.company().units()).extracting(u -> u.id()).containsExactly("big-sky", "lake-shore");
    assertThat(pr.company().unit("lake-shore").orElseThrow().ownershipPct()).isEqualByComparingTo("60");
    Period q3 = new Period.Quarter(2004, 3);
    assertThat(pr.readings().get(FactKey.of(Entity.parse("unit:big-sky"), "cost_of_sales", q3)).value()).isEqualByComparingTo("9998000");
    assertThat(pr.readings().get(FactKey.of(Entity.parse("group:AU"), "total_cash_costs_per_oz", q3)).value()).isEqualByComparingTo("245");
    assertThat(r.testedIds()).contains("gaap.cost_of_sales", "stmt.subtotal", "chk.group_per_oz_weighted");
  }

  @Test
  void cordilleraYearsOnlyWithTonnesAndGramsPerTonne() throws Exception {
    CheckResult r = check("cordillera-silver-2004.txt");
    PublishedRelease pr = r.release();
    assertThat(pr.unmapped()).isEmpty();
    assertThat(pr.company().segments()).extracting(s -> s.id()).containsExactly("silver-segment", "zinc-segment");
    assertThat(pr.company().unit("paloma").orElseThrow().primaryMetal()).contains(org.orebook.model.Metal.AG);
    assertThat(r.testedIds()).contains("res.contained_metal", "res.total_contained", "sum.company_sales",
        "sum.production_total", "gaap.cost_of_sales");
  }

  @Test
  void kestrelQuarterHeadingsAreQuartersOfTheirOwnYears() throws Exception {
    CheckResult r = check("kestrel-copper-2025-q3.txt");
    PublishedRelease pr = r.release();
    // "Financial" is a heading over "Revenue", not one label "Financial Revenue"
    assertThat(pr.unmapped()).isEmpty();
    assertThat(pr.readings().get(FactKey.of(Entity.parse("company"), "sales", new Period.Quarter(2025, 3))).value())
        .isEqualByComparingTo("715400000");
    // "Q3 2024" and "Q4 2024" are two quarters, not the year 2024 twice
    FactKey q3 = new FactKey(Entity.parse("company"), "produced", "CU", new Period.Quarter(2024, 3));
    FactKey q4 = new FactKey(Entity.parse("company"), "produced", "CU", new Period.Quarter(2024, 4));
    assertThat(pr.readings().get(q3).value()).isEqualByComparingTo("55500");
    assertThat(pr.readings().get(q4).value()).isEqualByComparingTo("57640");
    assertThat(pr.readings().keySet()).noneMatch(k -> k.period().equals(new Period.Year(2024)));
    // the quarterly table's mines are units; the summary prints the company total again
    assertThat(pr.company().units()).extracting(u -> u.id()).containsExactly("condor", "halcon");
    assertThat(r.testedIds()).contains("sum.production_total", "tie.same_figure", "layout.per_unit", "tie.concept",
        "tie.across_tables");
    // IFRS: profit attributable to owners is net income; profit for the period includes minorities
    assertThat(pr.readings().get(FactKey.of(Entity.parse("operations"), "net_income", new Period.Quarter(2025, 3))).value())
        .isEqualByComparingTo("173800000");
  }

  @Test
  void ptarmiganFiscalYearEndingInMarch() throws Exception {
    CheckResult r = check("ptarmigan-silver-fy2026-q2.md");
    PublishedRelease pr = r.release();
    assertThat(pr.text().format()).isEqualTo(SourceFormat.MARKDOWN);
    assertThat(pr.text().yearEnd()).isEqualTo(new FiscalYearEnd(java.time.Month.MARCH));
    assertThat(pr.company().currency()).isEqualTo("CAD");
    Period q2 = Period.quarter(2026, 2, new FiscalYearEnd(java.time.Month.MARCH));
    assertThat(pr.readings().get(FactKey.of(Entity.parse("operations"), "sales", q2)).value()).isEqualByComparingTo("126957000");
    assertThat(r.testedIds()).contains("stmt.subtotal", "sum.production_total", "layout.per_unit");
  }

  @Test
  void larkspurSubmissionReadsItsExhibit99Only() throws Exception {
    CheckResult r = check("larkspur-gold-2025-q4-submission.txt");
    PublishedRelease pr = r.release();
    assertThat(pr.text().format()).isEqualTo(SourceFormat.SUBMISSION);
    assertThat(pr.text().notes()).anyMatch(n -> n.contains("EX-99.1"));
    // the 8-K's own table (the exhibit list) is not read: every table is the release's
    assertThat(pr.text().tables()).allMatch(t -> t.firstLine() > 20);
    assertThat(pr.company().units()).extracting(u -> u.id()).containsExactly("larkspur");
    assertThat(r.testedIds()).contains("stmt.subtotal", "layout.per_unit");
  }

  @ParameterizedTest(name = "{0} line {1}")
  @CsvSource(delimiter = '|', value = {
      "larkspur-gold-2025-q4-submission.txt | 85 | >8,920<      | >9,920<",
      "kestrel-copper-2025-q3.txt           | 107 |  41.3       |  43.1",
      "ptarmigan-silver-fy2026-q2.md        | 80 | 860 | 680"})
  void aRealInconsistencyPlantedInAnAllInCostTableIsReportedWithItsLine(String name, int line, String from, String to)
      throws Exception {
    String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    String planted = CheckTestSupport.mutate(text, line, from.trim(), 1, to.trim());
    CheckResult r = Check.text(name, planted);
    assertThat(r.failures()).as(name).isNotEmpty();
    assertThat(r.failures()).as(name + ": a failure names line " + line).anyMatch(f -> f.lines().contains(line));
  }

  @Test
  void aSubmissionWithoutAnExhibit99SaysWhichDocumentsItHas() {
    String sub = "<SEC-DOCUMENT>x.txt\n<DOCUMENT>\n<TYPE>10-Q\n<FILENAME>q.htm\n<TEXT>\n<html><body><p>Quarterly report.</p>"
        + "</body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReleaseReader.readText("s.txt", sub))
        .hasMessageContaining("without an EX-99 document").hasMessageContaining("10-Q q.htm");
  }
}
