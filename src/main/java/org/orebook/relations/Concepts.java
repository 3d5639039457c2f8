package org.orebook.relations;

import java.util.List;

/**
 * The concept names of the catalogue. Input concepts are spelled as the dataset files spell their
 * items; derived concepts are named after the standard lines they compute.
 */
public final class Concepts {
  private Concepts() {}

  // production inputs (qualifier: metal for grade, produced, cost_basis)
  public static final String ORE_MILLED = "ore_milled";
  public static final String DAYS = "days";
  public static final String GRADE = "grade";
  public static final String PRODUCED = "produced";
  public static final String COST_BASIS = "cost_basis";

  // cost inputs (USD, the company's share)
  public static final String MINING = "mining";
  public static final String MILLING = "milling";
  public static final String SITE_OTHER = "site_other";
  public static final String TREATMENT_FREIGHT = "treatment_freight";
  public static final String BYPRODUCT_CREDITS = "byproduct_credits";
  public static final String ROYALTIES = "royalties";
  public static final String PRODUCTION_TAXES = "production_taxes";
  public static final String INVENTORY_CHANGE = "inventory_change";
  public static final String RECLAMATION_OTHER = "reclamation_other";
  public static final String DDA = "dda";
  public static final String CAPITAL_ADDITIONS = "capital_additions";
  public static final List<String> COST_ITEMS = List.of(MINING, MILLING, SITE_OTHER, TREATMENT_FREIGHT,
      BYPRODUCT_CREDITS, ROYALTIES, PRODUCTION_TAXES, INVENTORY_CHANGE, RECLAMATION_OTHER, DDA, CAPITAL_ADDITIONS);

  // derived per unit (Gold Institute production cost standard)
  public static final String MINING_PER_TON = "mining_cost_per_ton";
  public static final String MILLING_PER_TON = "milling_cost_per_ton";
  public static final String DIRECT = "direct_production_costs";
  public static final String CASH_OPERATING = "cash_operating_costs";
  public static final String TOTAL_CASH = "total_cash_costs";
  public static final String TOTAL_PRODUCTION = "total_production_costs";
  public static final String COST_OUNCES = "cost_ounces";
  public static final String CASH_OPERATING_PER_OZ = "cash_operating_costs_per_oz";
  public static final String TOTAL_CASH_PER_OZ = "total_cash_costs_per_oz";
  public static final String TOTAL_PRODUCTION_PER_OZ = "total_production_costs_per_oz";
  public static final String COST_OF_SALES = "cost_of_sales";

  // segments and company
  public static final String SALES = "sales";
  public static final String OTHER_COST_OF_SALES = "other_cost_of_sales";
  public static final String OTHER_DDA = "other_dda";
  public static final String GROSS_PROFIT = "gross_profit";
  public static final String PREFERRED_DIVIDENDS = "preferred_dividends";
  public static final String CURRENT_RATIO = "current_ratio";
  public static final String CASH_AND_SHORT_TERM = "cash_and_short_term_investments";
  public static final String PERCENT_CHANGE = "percent_change";

  // reserves (qualifier: category, or category:metal)
  public static final String TONS = "tons";
  public static final String TONS_100PCT = "tons_100pct";
  public static final String CONTAINED = "contained";

  // prices (entity market, qualifier metal:basis)
  public static final String PRICE = "price";

  public static final String COMPANY = "company";

  public static String unit(String id) {
    return "unit:" + id;
  }

  public static String segment(String id) {
    return "segment:" + id;
  }

  /** The combined figures of the units whose primary metal is {@code metal}. */
  public static String group(String metal) {
    return "group:" + metal;
  }

  public static String property(String id) {
    return "property:" + id;
  }

  public static String reserves() {
    return "reserves";
  }
}
