package org.orebook.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.facts.Origin;
import org.orebook.quantity.Period;

/** The finance inputs: read with their origins, and every bad value reported by file, line and field. */
class FinanceInputsTest {
  @TempDir
  Path dir;

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @BeforeEach
  void minimalDataset() throws IOException {
    write("company.csv", "field,value\nname,Test Mining Co\nshort_name,Test\nperiod,FY2024\nmetals,AU\n");
    write("segments.csv", "id,name\ngold,Gold operations\n");
    write("units.csv", "id,name,country,segment,ownership_pct,primary_metal,byproduct_metals,ore_term,grade_term,show_in_tables\n"
        + "pit,Big Pit,Chile,gold,100,AU,,milled,milled,yes\n");
    write("production.csv", "unit,period,item,metal,value,uom\npit,FY2024,ore_milled,,1000,st\npit,FY2024,produced,AU,500,oz\n");
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,20000,USD\n");
  }

  List<DataError> errors() {
    try {
      DatasetLoader.load(dir);
      throw new AssertionError("expected the dataset to be refused");
    } catch (DatasetException e) {
      return e.errors();
    }
  }

  @Test
  void test_readsFinanceInputsWithTheirOrigins() throws Exception {
    write("guidance.csv", "period,item,metal,kind,value,low,high,uom,tolerance_pct\n"
        + "FY2025,production,AU,about,600,,,oz,5\nFY2025,exploration,,range,,1000,2000,USD,\n");
    write("market_prices.csv", "metal,as_of,basis,value,uom\nAU,2024-12-31,London PM fix,2600,USD/oz\n");
    Dataset d = DatasetLoader.load(dir);
    assertThat(d.finance().guidance()).hasSize(2);
    assertThat(d.finance().guidance().get(0).tolerance()).isEqualByComparingTo("0.05");
    var low = d.finance().inputs().find(new FactKey(Entity.parse("guidance:exploration"), "low", "", new Period.Year(2025))).orElseThrow();
    assertThat(low.value()).isEqualByComparingTo("1000");
    assertThat(low.origin()).isEqualTo(new Origin.Input("guidance.csv", 3, "value"));
    assertThat(d.finance().marketPrices().get(0).value()).isEqualByComparingTo("2600");
    // finance figures stay out of the engine's inputs
    assertThat(d.inputs().all()).noneMatch(f -> f.key().entity().is(Entity.Kind.GUIDANCE));
  }

  @Test
  void test_badGuidance_isLocated() throws IOException {
    write("guidance.csv", "period,item,metal,kind,value,low,high,uom,tolerance_pct\n"
        + "FY2025,production,AU,less_than,,,600,oz,\n"
        + "FY2025,cash_cost,AU,range,,900,800,USD/oz,\n"
        + "FY2025,exploration,AU,range,,1000,2000,USD,\n"
        + "FY2025,output,AU,about,1,,,oz,\n"
        + "FY2025,production,AU,roughly,1,,,oz,\n"
        + "FY2025,cash_cost,AU,about,900,,,oz,\n");
    assertThat(errors()).extracting(e -> e.file() + ":" + e.line() + ":" + e.field()).containsExactlyInAnyOrder(
        "guidance.csv:2:kind", "guidance.csv:3:high", "guidance.csv:4:metal", "guidance.csv:5:item",
        "guidance.csv:6:kind", "guidance.csv:7:uom");
  }

  @Test
  void test_badProjects_areLocated() throws IOException {
    write("projects.csv", "id,name,metal,recovery_pct,royalty_pct,tax_rate_pct,depreciation_years,discount_rates_pct,price,price_uom\n"
        + "a,A,AU,95,3,30,5,5 10,400,USD/oz\n"
        + "b,B,AU,120,3,30,5,5,400,USD/oz\n"
        + "c,C,AU,90,0,30,2.5,ten,400,USD/oz\n");
    write("project_schedule.csv", "project,year,item,value,uom\n"
        + "a,2025,capital,1000,USD\n"
        + "a,2027,ore_mined,100,st\n"
        + "x,2025,capital,1,USD\n"
        + "a,2025,grade,-1,oz/ton\n"
        + "a,2025,tonnage,1,st\n");
    assertThat(errors()).extracting(e -> e.file() + ":" + e.line() + ":" + e.field()).containsExactlyInAnyOrder(
        "projects.csv:3:recovery_pct", "projects.csv:4:depreciation_years", "projects.csv:4:discount_rates_pct",
        "project_schedule.csv:3:year", "project_schedule.csv:4:project", "project_schedule.csv:5:value",
        "project_schedule.csv:6:item");
  }

  @Test
  void test_badOfferAndTradingDays_areLocated() throws IOException {
    write("trading_days.csv", "date,price,volume\n2004-02-11,7.95,1000\n2004-02-11,7.90,1000\n2004-02-30,7.8,10\n"
        + "2004-02-12,0,10\n");
    write("exchange_offer.csv", "field,value\nsecurity,Series B\nvalue_per_preferred,66\nmax_common_per_preferred,8.25\n"
        + "pricing_days,2004-02-11 2004-02-13\npreferred_outstanding,100\ncarrying_amount_per_preferred,50\n"
        + "preferred_exchanged,200\nbonus,1\n");
    List<DataError> errors = errors();
    assertThat(errors).extracting(e -> e.file() + ":" + e.line() + ":" + e.field()).containsExactlyInAnyOrder(
        "trading_days.csv:3:date", "trading_days.csv:4:date", "trading_days.csv:5:price",
        "exchange_offer.csv:5:value", "exchange_offer.csv:8:value", "exchange_offer.csv:9:field");
    assertThat(errors).filteredOn(e -> e.line() == 5 && e.file().equals("exchange_offer.csv")).first()
        .extracting(DataError::message).asString().contains("pricing day 2004-02-13 has no price and volume");
  }

  @Test
  void test_missingOfferField_andBadMarketPriceAndHedgeDelivery() throws IOException {
    write("exchange_offer.csv", "field,value\nsecurity,Series B\n");
    write("market_prices.csv", "metal,as_of,basis,value,uom\nAU,2024-12-31,,2600,USD/oz\nXX,2024-12-31,fix,1,USD/oz\n");
    write("hedges.csv", "metal,position,quantity,uom,price,price_uom,as_of,delivery\n"
        + "AU,sold_forward,100,oz,300,USD/oz,2024-12-31,2025\nAU,swapped,100,oz,300,USD/oz,2024-12-31,\n");
    assertThat(errors()).extracting(e -> e.file() + ":" + e.line() + ":" + e.field()).contains(
        "exchange_offer.csv:0:value_per_preferred", "exchange_offer.csv:0:pricing_days", "market_prices.csv:2:basis",
        "market_prices.csv:3:metal", "hedges.csv:2:delivery", "hedges.csv:3:position");
  }
}
