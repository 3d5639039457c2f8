package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.data.DatasetException;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Period;

/**
 * All-in sustaining costs, all-in costs (World Gold Council 2018) and co-product costs of the
 * bundled Cordillera example, against figures worked out by hand from its CSV files (the sums are
 * in the comments; any spreadsheet gives the same).
 */
class AllInCostsTest {
  static final Path DATASET = Path.of("examples/cordillera-2025");
  static final Period FY2025 = new Period.Year(2025);
  static Release release;

  @BeforeAll
  static void produce() throws DatasetException {
    release = Releases.produce(DATASET, FY2025);
  }

  static BigDecimal fig(String entity, String concept, String qualifier) {
    return release.facts().find(new FactKey(Entity.parse(entity), concept, qualifier, FY2025)).orElseThrow(
        () -> new AssertionError("no figure " + entity + "/" + concept + "[" + qualifier + "]")).value();
  }

  static BigDecimal fig(String entity, String concept) {
    return fig(entity, concept, "");
  }

  static BigDecimal ratio(long a, long b) {
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), MathContext.DECIMAL64);
  }

  @Test
  void atacamaBuildUpFromCostOfSalesToAllInCosts() {
    // cost of sales = mining 40,000,000 + milling 24,000,000 + site 6,000,000 + royalties 2,000,000
    //   + production taxes 1,000,000 + inventory change 500,000 + reclamation and other 300,000 = 73,800,000
    assertThat(fig("unit:atacama", "cost_of_sales")).isEqualByComparingTo("73800000");
    // adjusted operating = 73,800,000 - 300,000 + treatment 5,000,000 + community 500,000 + site share-based 300,000
    //   - by-product credits 20,000,000 = 59,300,000
    assertThat(fig("unit:atacama", "adjusted_operating_costs")).isEqualByComparingTo("59300000");
    // AISC = 59,300,000 + accretion 400,000 + sustaining exploration 1,000,000 + sustaining capital 12,000,000
    //   + sustaining leases 800,000 = 73,500,000
    assertThat(fig("unit:atacama", "all_in_sustaining_costs")).isEqualByComparingTo("73500000");
    // AIC = 73,500,000 + non-sustaining capital 3,000,000
    assertThat(fig("unit:atacama", "all_in_costs")).isEqualByComparingTo("76500000");
    // per ounce sold (98,000 oz): 750; before by-product credits (73.5M + 20M) / 98,000; AIC 76.5M / 98,000
    assertThat(fig("unit:atacama", "aisc_per_oz_sold")).isEqualByComparingTo("750");
    assertThat(fig("unit:atacama", "aisc_before_byproduct_credits_per_oz_sold").round(MathContext.DECIMAL64))
        .isEqualByComparingTo(ratio(93_500_000, 98_000));
    assertThat(fig("unit:atacama", "aic_per_oz_sold").round(MathContext.DECIMAL64))
        .isEqualByComparingTo(ratio(76_500_000, 98_000));
  }

  @Test
  void goldBusinessAddsItsUnitsAndTheCorporateCostsItCarries() {
    // Muskeg Lake: cost of sales 18,000,000 + 9,000,000 + 3,000,000 + 1,000,000 + 250,000 + 150,000 = 31,400,000;
    //   adjusted = 31,400,000 - 150,000 + 1,000,000 - hedge gain 150,000 = 32,100,000;
    //   AISC = 32,100,000 + 100,000 + 500,000 + 4,000,000 = 36,700,000
    assertThat(fig("unit:muskeg", "all_in_sustaining_costs")).isEqualByComparingTo("36700000");
    // gold AISC = 73,500,000 + 36,700,000 + corporate G&A 12,000,000 = 122,200,000
    assertThat(fig("group:AU", "all_in_sustaining_costs")).isEqualByComparingTo("122200000");
    // gold AIC = 122,200,000 + 3,000,000 + community (not current) 1,000,000 + Cerro Blanco exploration 20,000,000
    //   + Cerro Blanco capital 40,000,000 = 186,200,000
    assertThat(fig("group:AU", "all_in_costs")).isEqualByComparingTo("186200000");
    assertThat(fig("group:AU", "sold", "AU")).isEqualByComparingTo("148500");
    assertThat(fig("group:AU", "aisc_per_oz_sold").round(MathContext.DECIMAL64))
        .isEqualByComparingTo(ratio(122_200_000, 148_500));
    // silver: Huancayo AISC 23,100,000 + corporate G&A 8,000,000, over 4,950,000 oz
    assertThat(fig("group:AG", "aisc_per_oz_sold").round(MathContext.DECIMAL64))
        .isEqualByComparingTo(ratio(31_100_000, 4_950_000));
  }

  @Test
  void eachGaapLineSplitsIntoAiscAicAndNeither() {
    // exploration (operations) 30,000,000 = sustaining 1,000,000 + 1,500,000 + 500,000; Cerro Blanco 20,000,000;
    //   7,000,000 in neither
    assertThat(fig("gaap", "gaap_amount", "operations:exploration")).isEqualByComparingTo("30000000");
    assertThat(fig("gaap", "in_aisc", "operations:exploration")).isEqualByComparingTo("3000000");
    assertThat(fig("gaap", "in_aic_only", "operations:exploration")).isEqualByComparingTo("20000000");
    // additions to PP&E are printed negative in cash flows (-75,100,000): 12,000,000 + 2,000,000 + 4,000,000
    //   + 4,000,000 sustaining; 3,000,000 + 40,000,000 non-sustaining; 10,100,000 neither (the given excluded row ties)
    assertThat(fig("gaap", "gaap_amount", "-cash_flows:additions")).isEqualByComparingTo("75100000");
    assertThat(fig("gaap", "in_aisc", "-cash_flows:additions")).isEqualByComparingTo("22000000");
    assertThat(fig("gaap", "not_in_aisc_or_aic", "-cash_flows:additions")).isEqualByComparingTo("10100000");
  }

  @Test
  void coProductCostsByRevenueShare() {
    // Atacama: total cash costs before credits = 58,000,000 + 20,000,000 = 78,000,000; gold revenue 240,000,000 of
    //   260,000,000 → 72,000,000 over 100,000 oz produced = $720/oz; copper 6,000,000 over 12,000 st x 2,000 lb = $0.25/lb
    assertThat(fig("unit:atacama", "total_cash_costs_before_byproduct_credits")).isEqualByComparingTo("78000000");
    assertThat(fig("unit:atacama", "coproduct_cost", "AU").setScale(6, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("72000000");
    assertThat(fig("unit:atacama", "coproduct_cost_per_unit", "AU").setScale(6, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("720");
    assertThat(fig("unit:atacama", "coproduct_cost_per_unit", "CU").setScale(6, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("0.25");
    // Huancayo: 54,350,000 x 150/190 = 42,907,894.74 over 5,000,000 oz
    assertThat(fig("unit:huancayo", "coproduct_cost_per_unit", "AG").round(new MathContext(12)))
        .isEqualByComparingTo(BigDecimal.valueOf(54_350_000L * 150).divide(BigDecimal.valueOf(190L * 5_000_000),
            new MathContext(12)));
    // co-product AISC: AISC before by-product credits (73,500,000 + 20,000,000) x 240/260 over 98,000 oz sold;
    //   copper's 20/260 over 24,000,000 lb produced
    assertThat(fig("unit:atacama", "coproduct_aisc_per_unit", "AU").round(new MathContext(12)))
        .isEqualByComparingTo(BigDecimal.valueOf(93_500_000L * 240).divide(BigDecimal.valueOf(260L * 98_000),
            new MathContext(12)));
    assertThat(fig("unit:atacama", "coproduct_aisc_per_unit", "CU").round(new MathContext(12)))
        .isEqualByComparingTo(BigDecimal.valueOf(93_500_000L * 20).divide(BigDecimal.valueOf(260L * 24_000_000),
            new MathContext(12)));
    // the shares of a unit add up to 100%
    BigDecimal shares = Stream.of("AG", "ZN", "PB").map(m -> fig("unit:huancayo", "coproduct_share", m))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(shares.setScale(20, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("100");
  }

  @Test
  void coProductCostsAtAPriceDeck(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Files.writeString(copy.resolve("company.csv"), "coproduct_prices,Deck\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(copy.resolve("prices.csv"), "AU,FY2025,Deck,2000,USD/oz\nCU,FY2025,Deck,400,cents/lb\n",
        java.nio.file.StandardOpenOption.APPEND);
    Release deck = Releases.produce(copy, FY2025);
    // gold 100,000 oz x $2,000 = 200,000,000; copper 12,000 st x 2,000 lb x $4.00 = 96,000,000;
    // gold carries 78,000,000 x 200/296 = 52,702,702.70, or $527.03 per ounce produced
    FactKey au = new FactKey(Entity.parse("unit:atacama"), "coproduct_cost_per_unit", "AU", FY2025);
    assertThat(deck.facts().find(new FactKey(Entity.parse("unit:atacama"), "coproduct_value", "CU", FY2025)).orElseThrow().value())
        .isEqualByComparingTo("96000000");
    assertThat(deck.facts().find(au).orElseThrow().value().round(new MathContext(12)))
        .isEqualByComparingTo(BigDecimal.valueOf(78_000_000L * 200).divide(BigDecimal.valueOf(296L * 100_000),
            new MathContext(12)));
    assertThat(Releases.render(deck, "text")).contains("Value at Deck prices", "Share of value (%)");
  }

  @Test
  void aPriceDeckWithoutPricesIsRefused(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Files.writeString(copy.resolve("company.csv"), "coproduct_prices,Nowhere\n", java.nio.file.StandardOpenOption.APPEND);
    int line = Files.readAllLines(copy.resolve("company.csv")).size();
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("company.csv, line " + line + ", field 'value': no prices.csv rows with basis 'Nowhere'");
  }

  @Test
  void theTextReleasePrintsTheTablesWithTheHandFigures() {
    String text = Releases.render(release, "text");
    assertThat(text).contains("All-in Sustaining Costs and All-in Costs (non-GAAP)", "Co-product Costs (non-GAAP)",
        "All-in Cost Items and the GAAP Lines They Are Drawn From");
    assertThat(text).containsPattern("All-in sustaining costs per ounce sold +\\$ +750 ");
    assertThat(text).containsPattern("Co-product cash cost per pound +\\$ +0\\.25 ");
    // the operations prose quotes the gold business's AISC: 122,200,000 / 148,500 oz = $822.90
    assertThat(text.replaceAll("\\s+", " ")).contains("All-in sustaining costs were $823 per ounce of gold sold, compared to");
  }

  @Test
  void anExcludedAmountThatDoesNotTieIsRefusedNamingItsRow(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Path aisc = copy.resolve("aisc.csv");
    Files.writeString(aisc, Files.readString(aisc).replace("FY2025,excluded,7000000", "FY2025,excluded,6000000"));
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("aisc.csv, line ").hasMessageContaining("given as 6000000 but GAAP amount - in AISC - in AIC only");
  }

  @Test
  void badAllInRowsAreNamedByFileLineAndField(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Path aisc = copy.resolve("aisc.csv");
    Files.writeString(aisc, Files.readString(aisc)
        + "atacama,,FY2025,sustaining_capex,1,USD,\n"
        + "nowhere,,FY2025,sustaining_capital,1,USD,\n"
        + "atacama,,FY2025,sustaining_leases,1,USD,operations:nothing\n"
        + "corporate,,FY2025,corporate_ga,1,USD,\n");
    long lines = Files.readAllLines(aisc).size();
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("aisc.csv, line " + (lines - 3) + ", field 'item'")
        .hasMessageContaining("aisc.csv, line " + (lines - 2) + ", field 'entity'")
        .hasMessageContaining("aisc.csv, line " + (lines - 1) + ", field 'gaap_line'")
        .hasMessageContaining("aisc.csv, line " + lines + ", field 'metal'");
  }

  static Path copy(Path dir) throws Exception {
    return DatasetCopy.of(DATASET, dir);
  }
}
