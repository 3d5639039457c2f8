package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.facts.Origin;
import org.orebook.quantity.Period;

/** The finance sections of a release: guidance against actuals on a made-up dataset, and the Hecla example's tables. */
class FinanceSectionsTest {
  @TempDir
  Path dir;

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  static List<String> rowsOf(String text, String label) {
    return text.lines().filter(l -> l.startsWith(label)).toList();
  }

  @Test
  void test_guidanceVersusActual_metAndNotMet() throws Exception {
    write("company.csv", "field,value\nname,Test Mining Co\nshort_name,Test\nperiod,FY2024\nmetals,AU\n");
    write("segments.csv", "id,name\ngold,Gold operations\n");
    write("units.csv", "id,name,country,segment,ownership_pct,primary_metal,byproduct_metals,ore_term,grade_term,show_in_tables\n"
        + "pit,Big Pit,Chile,gold,100,AU,,milled,milled,yes\n");
    write("production.csv", "unit,period,item,metal,value,uom\npit,FY2024,ore_milled,,1000,st\npit,FY2024,produced,AU,500,oz\n");
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,20000,USD\n");
    write("statement_lines.csv", "statement,id,label,kind,sum_of,concept,rule\noperations,exploration,Exploration,line,,,\n");
    write("statement_values.csv", "statement,line,period,value,uom\noperations,exploration,FY2024,1500000,USD\n");
    // actuals: gold 500 oz; total cash cost 20,000 / 500 = $40/oz; exploration $1,500,000
    write("guidance.csv", "period,item,metal,kind,value,low,high,uom,tolerance_pct\n"
        + "FY2024,production,AU,about,480,,,oz,\n"          // 500 >= 480: met, +20
        + "FY2024,cash_cost,AU,less_than,,,38,USD/oz,\n"     // 40 < 38? no: not met, +2
        + "FY2024,exploration,,range,,1000000,2000000,USD,\n" // inside: met, 1,500,000 - 1,500,000 = 0
        + "FY2025,production,AU,about,600,,,oz,\n");         // no actual yet
    Release r = Releases.produce(dir, null);
    String text = Releases.render(r, "text");
    assertThat(text).contains("Guidance and Actual, 2024").contains("Guidance, 2025");
    assertThat(rowsOf(text, "Gold production (oz)").get(0)).matches(".*about\\s+yes\\s+480\\s+500\\s+20");
    assertThat(rowsOf(text, "Gold total cash cost (USD/oz)").get(0)).matches(".*below\\s+no\\s+38\\s+40\\s+2");
    assertThat(rowsOf(text, "Exploration ($000)").get(0)).matches(".*range\\s+yes\\s+1,000\\s+2,000\\s+1,500\\s+0");
    assertThat(rowsOf(text, "Gold production (oz)").get(1)).matches(".*about\\s+600\\s*"); // no bound, no actual yet: blank, not "--" (zero)
    var met = r.facts().find(new FactKey(Entity.parse("guidance:cash_cost"), "met", "AU", new Period.Year(2024))).orElseThrow();
    assertThat(met.value()).isEqualByComparingTo("0");
    assertThat(met.origin()).isInstanceOf(Origin.Derived.class);
  }

  @Test
  void test_heclaExample_hedgeBookProjectsAndOffer() throws Exception {
    Release r = Releases.produce(Path.of("examples", "hecla-2003"), null);
    String text = Releases.render(r, "text");
    // (288 - 416.25) x 48,928 = -6,275,016 -> (6,275) thousand; 48,928 / 215,000 = 22.76% -> 22.8
    assertThat(rowsOf(text, "Gold sold forward").get(0)).endsWith("(6,275)");
    assertThat(rowsOf(text, "Gold 2004 (oz)").get(0)).endsWith("22.8");
    var mtm = r.facts().find(new FactKey(Entity.parse("hedges"), "mark_to_market", "1:AU:sold_forward", new Period.Year(2003))).orElseThrow();
    assertThat(mtm.value()).isEqualByComparingTo("-6275016");
    assertThat(((Origin.Derived) mtm.origin()).operands()).hasSize(3);
    // Mina Isidora: capital 25,000,000 in 2004; 2005 and 2006: 218,000 t x 0.75 oz/t x 95% = 155,325 oz;
    // per year 155,325 x (325 - 3% x 325 - 170) = 155,325 x 145.25 = 22,560,956.25; no income tax
    // NPV 10% = -25,000,000 + 22,560,956.25 / 1.1 + 22,560,956.25 / 1.21 = 14,155,379 -> 14,155
    assertThat(text).containsPattern("NPV at 10% \\(\\$000\\)\\s+14,155");
    // the exchange offer: VWAP 7.7812 (70,575,900 / 9,070,000); 66 / 7.7812 = 8.48 > 8.25, so 8.25 x 464,000 = 3,828,000
    assertThat(rowsOf(text, "Common shares issued").get(0)).endsWith("3,828,000");
    // deemed dividend 3,828,000 x 7.781245865 - 464,000 x 50 = 29,786,609 - 23,200,000 = 6,586,609 -> 6,587
    assertThat(rowsOf(text, "Deemed dividend").get(0)).endsWith("6,587");
    for (String format : Releases.FORMATS) {
      assertThat(Releases.renderBytes(r, format)).isNotEmpty();
    }
  }

  @Test
  void aFinanceFigureTheCatalogueDoesNotReproduceIsRefused() throws Exception {
    org.orebook.data.Dataset data = org.orebook.data.DatasetLoader.load(Path.of("examples", "hecla-2003"));
    Release r = Releases.produce(data, null);
    FinanceSections.prove(data, r.facts());  // Orebook's own figures: the models and the catalogue agree
    org.orebook.facts.FactSet off = new org.orebook.facts.FactSet();
    org.orebook.facts.Fact changed = null;
    for (org.orebook.facts.Fact f : r.facts().all()) {
      if (changed == null && f.key().entity().equals(Entity.HEDGES) && f.key().concept().equals("mark_to_market")
          && !f.key().qualifier().equals("total")) {
        changed = new org.orebook.facts.Fact(f.key(), f.value().add(java.math.BigDecimal.ONE), f.unit(), f.origin());
        off.add(changed);
      } else {
        off.add(f);
      }
    }
    assertThat(changed).as("the example has a hedge position with a mark to market").isNotNull();
    FactKey k = changed.key();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FinanceSections.prove(data, off))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(k.toString()).hasMessageContaining("hedge.mark_to_market");
  }
}
