package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The founding document: every table read, at least 250 relations tested, only its real discrepancies reported. */
class SeedCheckTest {
  @Test
  void bundledCopyIsTheSeedByteForByte() throws Exception {
    Path shared = Path.of("../shared/seed/000_d8c640435ff6aab9.txt");
    if (Files.exists(shared)) {
      assertThat(Files.readAllBytes(CheckTestSupport.SEED)).isEqualTo(Files.readAllBytes(shared));
    }
  }

  @Test
  void testsAtLeast250RelationsAndReportsOnlyTheDocumentsDiscrepancies() throws Exception {
    CheckResult r = Check.file(CheckTestSupport.SEED);
    assertThat(r.release().figureCount()).isEqualTo(806);
    assertThat(r.release().mappedCount()).isEqualTo(806);
    assertThat(r.tested()).isGreaterThanOrEqualTo(250);
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + Report.describe(f.published().key()) + " line "
        + f.published().figure().line()).containsExactlyInAnyOrder(
        // La Camorra: 5,782 / 31,782 oz = 181.93, printed 181; 5,445 / 33,486 oz = 162.61, printed 165: each passes
        // against the reconciliation's ounces in thousands (32 and 33), not with the ounces the production data prints
        "gi.total_cash_costs_per_oz unit:la-camorra/total_cash_costs_per_oz @ Q4 2003 line 723",
        "gi.total_cash_costs_per_oz group:AU/total_cash_costs_per_oz @ Q4 2003 line 409",
        "gi.total_cash_costs_per_oz unit:la-camorra/total_cash_costs_per_oz @ Q4 2002 line 723",
        "gi.total_cash_costs_per_oz group:AU/total_cash_costs_per_oz @ Q4 2002 line 409",
        // highlights gold production exceeds the units' sum by 59, 56, 239, 206 oz
        "sum.production_total company/produced[AU] @ Q4 2003 line 390",
        "sum.production_total company/produced[AU] @ Q4 2002 line 390",
        "sum.production_total company/produced[AU] @ FY2003 line 390",
        "sum.production_total company/produced[AU] @ FY2002 line 390",
        // ounces in thousands misrounded: 551,640 oz printed 551; 3,244,495 oz printed 3,245
        "gi.cost_ounces unit:lucky-friday/cost_ounces @ Q4 2002 line 869",
        "gi.cost_ounces unit:greens-creek/cost_ounces @ FY2002 line 849");
    Failure lc = r.failures().stream().filter(f -> f.published().figure().line() == 723
        && f.published().key().period().code().equals("Q4 2003")).findFirst().orElseThrow();
    assertThat(lc.expectedPrinted()).isEqualByComparingTo("181.927");
    assertThat(lc.lines()).containsExactly(723, 719, 809, 810);
    assertThat(lc.relation().description()).contains("cost_ounces").contains("[gi.cost_ounces]");
  }

  @Test
  void catalogueRelationsOfEveryKindAreTested() throws Exception {
    CheckResult r = Check.file(CheckTestSupport.SEED);
    assertThat(r.testedIds()).contains("stmt.subtotal", "gaap.cost_of_sales", "gi.total_cash_costs_per_oz", "gi.cost_ounces",
        "sum.combined_total_cash_costs", "sum.production_total", "sum.company_sales", "sum.company_gross_profit",
        "res.contained_metal", "res.total_contained", "tie.same_figure", "tie.across_tables", "tie.opening_cash",
        "chk.group_per_oz_weighted");
  }

  @Test
  void commandPrintsJsonAndExitsOneOnTheSeed() throws Exception {
    CheckTestSupport.Run run = CheckTestSupport.run("check", CheckTestSupport.SEED.toString(), "--format", "json");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertThat(j.get("figures").asInt()).isEqualTo(806);
    assertThat(j.get("mapped").asInt()).isEqualTo(806);
    assertThat(j.get("relations").asInt()).isGreaterThanOrEqualTo(250);
    assertThat(j.get("failures")).hasSize(10);
    JsonNode first = j.get("failures").get(0);
    assertThat(List.of("relation", "lines", "published", "expected", "tolerance")).allMatch(first::has);
  }

  @Test
  void textReportListsFailuresThenCounts() {
    CheckTestSupport.Run run = CheckTestSupport.run("check", CheckTestSupport.SEED.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAILURES (10)", "published  181 at line 723", "expected   181.927",
        "Figures read: 806; mapped: 806", "Relations tested: ");
    assertThat(run.err()).isEmpty();
  }
}
