package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Period;

/**
 * Releases of made-up miners written by hand in the same plain-text style, with other mines,
 * metals, labels ("Costs applicable to sales", "Three Months Ended", g/t, tonnes) and column
 * layouts: read and checked with no special code.
 */
class OtherMinersTest {
  static CheckResult check(String name) throws Exception {
    return Check.file(Path.of("src/test/resources/releases", name));
  }

  @Test
  void aurumRidgeQuarterWithCostsApplicableToSales() throws Exception {
    CheckResult r = check("aurum-ridge-2004-q3.txt");
    PublishedRelease pr = r.release();
    assertThat(pr.unmapped()).isEmpty();
    assertThat(pr.company().units()).extracting(u -> u.id()).containsExactly("big-sky", "lake-shore");
    assertThat(pr.company().unit("lake-shore").orElseThrow().ownershipPct()).isEqualByComparingTo("60");
    Period q3 = new Period.Quarter(2004, 3);
    assertThat(pr.readings().get(FactKey.of("unit:big-sky", "cost_of_sales", q3)).value()).isEqualByComparingTo("9998000");
    assertThat(pr.readings().get(FactKey.of("group:AU", "total_cash_costs_per_oz", q3)).value()).isEqualByComparingTo("245");
    assertThat(r.tested()).isGreaterThanOrEqualTo(40);
    assertThat(r.testedIds()).contains("gaap.cost_of_sales", "stmt.subtotal", "chk.group_per_oz_weighted");
    assertThat(r.failures()).isEmpty();
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
    assertThat(r.failures()).isEmpty();
  }

  @Test
  void aPlantedDiscrepancyInAnotherMinersReleaseIsFound() throws Exception {
    String text = java.nio.file.Files.readString(Path.of("src/test/resources/releases/aurum-ridge-2004-q3.txt"));
    int line = 1 + (int) text.substring(0, text.indexOf("  Costs applicable to sales                $    9,998"))
        .chars().filter(c -> c == '\n').count();
    CheckResult r = Check.text("aurum", text.replace("$    9,998    $    7,776", "$    9,898    $    7,776"));
    assertThat(r.failures()).isNotEmpty();
    assertThat(r.failures()).anyMatch(f -> f.lines().contains(line));
  }
}
