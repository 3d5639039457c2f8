package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The labels other filers print on all-in sustaining cost and co-product rows map to the catalogue's concepts. */
class AllInLabelsTest {
  static String concept(String label) {
    return ConceptDictionary.allInRow(label).map(m -> m.concept() + (m.negate() ? " (negated)" : "")).orElse("none");
  }

  @Test
  void perOunceVariants() {
    assertThat(concept("AISC per silver ounce")).isEqualTo("aisc_per_oz_sold");
    assertThat(concept("All-in sustaining cost, after by-product credits, per ounce of silver sold"))
        .isEqualTo("aisc_per_oz_sold");
    assertThat(concept("All-in sustaining costs, before by-product credits, per silver ounce sold"))
        .isEqualTo("aisc_before_byproduct_credits_per_oz_sold");
    assertThat(concept("All-in costs per gold ounce sold ($/oz)")).isEqualTo("aic_per_oz_sold");
    assertThat(concept("Gold ounces sold")).isEqualTo("sold");
  }

  @Test
  void buildUpLines() {
    assertThat(concept("Cost of sales and other direct production costs (GAAP)")).isEqualTo("cost_of_sales");
    assertThat(concept("Reclamation and other costs")).isEqualTo("reclamation_other (negated)");
    assertThat(concept("Less: by-product credits")).isEqualTo("byproduct_credits (negated)");
    assertThat(concept("Corporate general & administrative (1)")).isEqualTo("corporate_ga");
    assertThat(concept("Sustaining capitalized stripping and underground mine development"))
        .isEqualTo("sustaining_stripping_development");
    assertThat(concept("Non-sustaining capital expenditures")).isEqualTo("nonsustaining_capital");
    assertThat(concept("Reclamation accretion and amortization")).isEqualTo("reclamation_accretion");
    assertThat(concept("All-in sustaining costs")).isEqualTo("all_in_sustaining_costs");
    assertThat(concept("Net income")).isEqualTo("none");
  }

  @Test
  void coProductRows() {
    assertThat(ConceptDictionary.coProductRow("Co-product cash cost per pound", "Zinc:").map(m -> m.concept() + ":" + m.metal()))
        .contains("coproduct_cost_per_unit:ZN");
    assertThat(ConceptDictionary.coProductRow("Share of revenue (%)", "Silver:").map(m -> m.concept() + ":" + m.metal()))
        .contains("coproduct_share:AG");
    assertThat(ConceptDictionary.gaapLineRow("As reported (GAAP)").map(Mapping::concept)).contains("gaap_amount");
  }
}
