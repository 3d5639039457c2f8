package org.orebook.relations;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.facts.Concept;
import org.orebook.facts.Entity;
import org.orebook.quantity.Unit.Dimension;

/**
 * The concepts of the catalogue, each declared once ({@link #declared}: name, dimensions, label). Input concepts are spelled as the dataset files spell their items; derived concepts
 * are named after the standard lines they compute. A company's own statement lines are concepts of
 * its data, not of this vocabulary.
 */
public final class Concepts {
  private Concepts() {}

  // production inputs (qualifier: metal for grade, produced, cost_basis)
  public static final String ORE_MILLED = "ore_milled";
  public static final String DAYS = "days";
  public static final String GRADE = "grade";
  public static final String PRODUCED = "produced";
  public static final String COST_BASIS = "cost_basis";
  /** Payable metal: the part of the metal produced that the smelter or refiner pays for (base metals). */
  public static final String PAYABLE = "payable";
  /** The payable share of the metal produced, in percent. */
  public static final String PAYABLE_FACTOR = "payable_factor";

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
  /**
   * The quantity dividing a unit's costs: troy ounces of a precious primary metal, pounds of a base
   * one (payable pounds when payable metal is known, else pounds produced).
   */
  public static final String COST_OUNCES = "cost_ounces";
  public static final String CASH_OPERATING_PER_OZ = "cash_operating_costs_per_oz";
  public static final String TOTAL_CASH_PER_OZ = "total_cash_costs_per_oz";
  public static final String TOTAL_PRODUCTION_PER_OZ = "total_production_costs_per_oz";
  public static final String COST_OF_SALES = "cost_of_sales";
  // derived per base-metal unit (the C1 cash cost of the base-metal industry, docs/base-metals.md)
  public static final String C1_CASH_COST = "c1_cash_cost";
  public static final String C1_PER_LB = "c1_cash_cost_per_lb";

  // production inputs for sales-based measures (qualifier: metal)
  public static final String SOLD = "sold";
  public static final String REVENUE = "revenue";

  // all-in sustaining costs inputs (aisc.csv, World Gold Council guidance 2013/2018); at a unit, or at
  // the corporate entity with the metal whose business carries them as qualifier
  public static final String HEDGE_COSTS = "hedge_costs";
  public static final String COMMUNITY_CURRENT = "community_current";
  public static final String PERMITTING_CURRENT = "permitting_current";
  public static final String SITE_SHARE_BASED = "site_share_based";
  public static final String INVENTORY_WRITEDOWNS = "inventory_writedowns";
  public static final String OPERATIONAL_STRIPPING = "operational_stripping";
  /** Adjusted operating cost items beyond GAAP cost of sales, in the order the guidance lists them. */
  public static final List<String> AISC_OPERATING_ITEMS = List.of(HEDGE_COSTS, COMMUNITY_CURRENT, PERMITTING_CURRENT,
      SITE_SHARE_BASED, INVENTORY_WRITEDOWNS, OPERATIONAL_STRIPPING);
  public static final String CORPORATE_GA = "corporate_ga";
  public static final String RECLAMATION_ACCRETION = "reclamation_accretion";
  public static final String SUSTAINING_EXPLORATION = "sustaining_exploration";
  public static final String SUSTAINING_CAPITAL_EXPLORATION = "sustaining_capital_exploration";
  public static final String SUSTAINING_STRIPPING = "sustaining_stripping_development";
  public static final String SUSTAINING_CAPITAL = "sustaining_capital";
  public static final String SUSTAINING_LEASES = "sustaining_leases";
  /** Items all-in sustaining costs add to adjusted operating costs. */
  public static final List<String> AISC_SUSTAINING_ITEMS = List.of(CORPORATE_GA, RECLAMATION_ACCRETION,
      SUSTAINING_EXPLORATION, SUSTAINING_CAPITAL_EXPLORATION, SUSTAINING_STRIPPING, SUSTAINING_CAPITAL, SUSTAINING_LEASES);
  public static final String COMMUNITY_OTHER = "community_other";
  public static final String PERMITTING_OTHER = "permitting_other";
  public static final String RECLAMATION_OTHER_SITES = "reclamation_other_sites";
  public static final String NONSUSTAINING_EXPLORATION = "nonsustaining_exploration";
  public static final String NONSUSTAINING_CAPITAL_EXPLORATION = "nonsustaining_capital_exploration";
  public static final String NONSUSTAINING_STRIPPING = "nonsustaining_stripping_development";
  public static final String NONSUSTAINING_CAPITAL = "nonsustaining_capital";
  public static final String NONSUSTAINING_LEASES = "nonsustaining_leases";
  /** Items all-in costs add to all-in sustaining costs. */
  public static final List<String> AIC_ITEMS = List.of(COMMUNITY_OTHER, PERMITTING_OTHER, RECLAMATION_OTHER_SITES,
      NONSUSTAINING_EXPLORATION, NONSUSTAINING_CAPITAL_EXPLORATION, NONSUSTAINING_STRIPPING, NONSUSTAINING_CAPITAL,
      NONSUSTAINING_LEASES);
  /** Every item aisc.csv accepts for a unit or the corporate entity. */
  public static final List<String> AISC_ITEMS = java.util.stream.Stream.of(AISC_OPERATING_ITEMS, AISC_SUSTAINING_ITEMS,
      AIC_ITEMS).flatMap(List::stream).toList();

  // all-in costs derived (per unit, per metal group)
  public static final String ADJUSTED_OPERATING = "adjusted_operating_costs";
  public static final String AISC = "all_in_sustaining_costs";
  public static final String AIC = "all_in_costs";
  public static final String AISC_GROSS = "aisc_before_byproduct_credits";
  public static final String AISC_PER_OZ = "aisc_per_oz_sold";
  public static final String AISC_GROSS_PER_OZ = "aisc_before_byproduct_credits_per_oz_sold";
  public static final String AIC_PER_OZ = "aic_per_oz_sold";
  // the GAAP line an AISC item is drawn from (entity gaap, qualifier statement:line)
  public static final String GAAP_AMOUNT = "gaap_amount";
  public static final String IN_AISC = "in_aisc";
  public static final String IN_AIC_ONLY = "in_aic_only";
  public static final String NOT_IN_AIC = "not_in_aisc_or_aic";
  /** Marker input: an AISC row drawn from a GAAP line (qualifier line|entity|item|metal). */
  public static final String GAAP_SOURCE = "gaap_source";

  // co-product costs (qualifier: metal)
  public static final String GROSS_CASH = "total_cash_costs_before_byproduct_credits";
  public static final String COPRODUCT_VALUE = "coproduct_value";
  public static final String COPRODUCT_SHARE = "coproduct_share";
  public static final String COPRODUCT_COST = "coproduct_cost";
  public static final String COPRODUCT_COST_PER_UNIT = "coproduct_cost_per_unit";
  public static final String COPRODUCT_AISC = "coproduct_aisc";
  public static final String COPRODUCT_AISC_PER_UNIT = "coproduct_aisc_per_unit";

  // segments and company
  public static final String SALES = "sales";
  public static final String OTHER_COST_OF_SALES = "other_cost_of_sales";
  public static final String OTHER_DDA = "other_dda";
  public static final String GROSS_PROFIT = "gross_profit";
  public static final String PREFERRED_DIVIDENDS = "preferred_dividends";
  /** The part of the preferred dividends not declared (cumulative dividends in arrears). */
  public static final String PREFERRED_DIVIDENDS_UNDECLARED = "preferred_dividends_undeclared";
  /** The noncash part of the preferred dividends (from exchanges of preferred stock for common stock). */
  public static final String PREFERRED_DIVIDENDS_NONCASH = "preferred_dividends_noncash";
  /** Net income (loss) less preferred dividends. */
  public static final String INCOME_APPLICABLE_TO_COMMON = "income_applicable_to_common";
  public static final String CURRENT_RATIO = "current_ratio";
  public static final String CASH_AND_SHORT_TERM = "cash_and_short_term_investments";
  public static final String PERCENT_CHANGE = "percent_change";

  // reserves (qualifier: category, or category:metal)
  public static final String TONS = "tons";
  public static final String TONS_100PCT = "tons_100pct";
  public static final String CONTAINED = "contained";
  // S-K 1300 estimation parameters (qualifier reserves:METAL or resources:METAL; METAL empty for an
  // equivalent or net-smelter-return cut-off)
  public static final String CUT_OFF = "cut_off";
  public static final String RECOVERY = "recovery";
  public static final String PRICE_ASSUMPTION = "price_assumption";
  // reserve reconciliation: contained metal of proven and probable reserves (qualifier metal)
  public static final String RES_OPENING = "reserves_opening";
  public static final String RES_DEPLETED = "depleted";
  public static final String RES_ADDED = "added";
  public static final String RES_REVISED = "revised";
  public static final String RES_CLOSING = "reserves_closing";

  // prices (entity market, qualifier metal:basis)
  public static final String PRICE = "price";

  // standard statement concepts (statement_lines.csv concept column)
  public static final String CASH = "cash";
  public static final String SHORT_TERM_INVESTMENTS = "short_term_investments";
  public static final String TOTAL_CURRENT_ASSETS = "total_current_assets";
  public static final String TOTAL_CURRENT_LIABILITIES = "total_current_liabilities";
  public static final String TOTAL_ASSETS = "total_assets";
  public static final String TOTAL_LIABILITIES_AND_EQUITY = "total_liabilities_and_equity";
  public static final String NET_INCOME = "net_income";
  public static final String EPS_BASIC = "eps_basic";
  public static final String WEIGHTED_SHARES = "weighted_shares";
  public static final String CF_OPERATING = "cf_operating";
  public static final String CF_CASH_BEGIN = "cf_cash_begin";
  public static final String CF_CASH_END = "cf_cash_end";
  public static final String CF_NET_CHANGE = "cf_net_change";
  public static final String CF_NET_INCOME = "cf_net_income";
  public static final String INCOME_CONTINUING = "income_continuing";
  public static final String DISCONTINUED = "discontinued";
  public static final String CUMULATIVE_EFFECT = "cumulative_effect";
  public static final String TOTAL_LIABILITIES = "total_liabilities";
  public static final String TOTAL_EQUITY = "total_equity";
  /** Profit (loss) for the period: IFRS filers' net income line. */
  public static final String PROFIT_FOR_THE_PERIOD = "profit_for_the_period";
  /** Net income (loss) as the first line of a non-GAAP reconciliation starts from it. */
  public static final String NONGAAP_NET_INCOME = "nongaap_net_income";

  // standard non-GAAP measures: figures of their own, never the GAAP figure they adjust
  public static final String EBITDA = "ebitda";
  public static final String ADJUSTED_EBITDA = "adjusted_ebitda";
  public static final String ADJUSTED_NET_EARNINGS = "adjusted_net_earnings";
  public static final String ADJUSTED_EPS = "adjusted_eps";
  public static final String FREE_CASH_FLOW = "free_cash_flow";
  public static final String INCOME_BEFORE_ENV = "income_before_env";

  // mining physicals a release prints beside the catalogue's (read, not derived)
  public static final String ORE_MINED = "ore_mined";
  public static final String WASTE_MINED = "waste_mined";
  public static final String MATERIAL_MINED = "material_mined";
  public static final String STRIP_RATIO = "strip_ratio";
  public static final String REALIZED_PRICE = "realized_price";

  // the finance models' figures (entities hedges, market, guidance:ITEM, project:ID, offer)
  /** A hedge position's quantity, contract price (PRICE), mark to market; the book's hedged share of guided production. */
  public static final String QUANTITY = "quantity";
  public static final String MARK_TO_MARKET = "mark_to_market";
  public static final String HEDGED_QUANTITY = "hedged_quantity";
  public static final String HEDGED_SHARE_PCT = "hedged_share_pct";
  /** A metal's market price on a date (entity market, qualifier metal:date). */
  public static final String MARKET_PRICE = "market_price";
  /** Guidance of an item (entity guidance:ITEM, qualifier metal): a value or a range, the actual, the difference, met. */
  public static final String GUIDED_VALUE = "value";
  public static final String GUIDED_LOW = "low";
  public static final String GUIDED_HIGH = "high";
  public static final String GUIDED_ACTUAL = "actual";
  public static final String GUIDED_DIFFERENCE = "difference";
  public static final String GUIDED_MET = "met";
  // a project's schedule (entity project:ID, one figure a year; qualifier "total" for the life-of-project total)
  public static final String PROJECT_CAPITAL = "capital";
  /** The cash cost per unit of metal a project's schedule assumes. */
  public static final String PROJECT_CASH_COST = "cash_cost";
  public static final String PROJECT_METAL_PRODUCED = "metal_produced";
  public static final String PROJECT_CASH_COSTS = "cash_costs";
  public static final String PROJECT_DEPRECIATION = "depreciation";
  public static final String PROJECT_INCOME_TAXES = "income_taxes";
  public static final String AFTER_TAX_CASH_FLOW = "after_tax_cash_flow";
  public static final String CUMULATIVE_CASH_FLOW = "cumulative_cash_flow";
  public static final String NPV = "npv";
  public static final String NPV_SENSITIVITY = "npv_sensitivity";
  public static final String IRR_PCT = "irr_pct";
  public static final String PAYBACK_YEARS = "payback_years";
  public static final String CASH_COST_PER_UNIT = "cash_cost_per_unit";
  public static final String ALL_IN_COST_PER_UNIT = "all_in_cost_per_unit";
  public static final String RECOVERY_PCT = "recovery_pct";
  public static final String ROYALTY_PCT = "royalty_pct";
  public static final String TAX_RATE_PCT = "tax_rate_pct";
  public static final String PRICE_DECK = "price_deck";
  // the preferred stock exchange offer (entity offer; a trading day's figures qualified by the date)
  public static final String DAY_PRICE = "day_price";
  public static final String DAY_VOLUME = "day_volume";
  public static final String DAY_VALUE_TRADED = "day_value_traded";
  public static final String VWAP = "vwap";
  public static final String VALUE_PER_PREFERRED = "value_per_preferred";
  public static final String UNCAPPED_RATIO = "uncapped_ratio";
  public static final String MAX_COMMON_PER_PREFERRED = "max_common_per_preferred";
  public static final String EXCHANGE_RATIO = "exchange_ratio";
  public static final String PREFERRED_OUTSTANDING = "preferred_outstanding";
  public static final String PREFERRED_EXCHANGED = "preferred_exchanged";
  public static final String COMMON_ISSUED = "common_issued";
  public static final String COMMON_FAIR_VALUE = "common_fair_value";
  public static final String FAIR_VALUE_GIVEN = "fair_value_given";
  public static final String CARRYING_AMOUNT_PER_PREFERRED = "carrying_amount_per_preferred";
  public static final String CARRYING_AMOUNT_EXCHANGED = "carrying_amount_exchanged";
  public static final String DEEMED_DIVIDEND = "deemed_dividend";
  public static final String DEEMED_DIVIDEND_PER_SHARE = "deemed_dividend_per_share";
  public static final String WEIGHTED_AVERAGE_SHARES = "weighted_average_shares";

  public static final Entity COMPANY = Entity.COMPANY;

  public static Entity unit(String id) {
    return Entity.unit(id);
  }

  public static Entity segment(String id) {
    return Entity.segment(id);
  }

  /** The combined figures of the units whose primary metal is {@code metal}. */
  public static Entity group(String metal) {
    return Entity.group(metal);
  }

  public static Entity property(String id) {
    return Entity.property(id);
  }

  /** Corporate costs, carried by the business of one metal (the metal is the qualifier). */
  public static final Entity CORPORATE = Entity.CORPORATE;

  /** Where the GAAP ties of all-in cost items live (qualifier: the statement line). */
  public static final Entity GAAP = Entity.GAAP;

  public static Entity reserves() {
    return Entity.RESERVES;
  }

  // ---------------------------------------------------------------- the vocabulary, declared once

  private static final Map<String, Concept> DECLARED = new LinkedHashMap<>();

  private static final Set<Dimension> QUANTITY_DIMS = EnumSet.of(Dimension.MASS_PRECIOUS, Dimension.MASS);
  private static final Set<Dimension> MONEY = EnumSet.of(Dimension.MONEY);
  private static final Set<Dimension> PER_UNIT = EnumSet.of(Dimension.MONEY_PER_OUNCE, Dimension.MONEY_PER_POUND,
      Dimension.MONEY_PER_TON);
  private static final Set<Dimension> GRADE_DIMS = EnumSet.of(Dimension.GRADE_PRECIOUS, Dimension.FRACTION);
  private static final Set<Dimension> FRACTION = EnumSet.of(Dimension.FRACTION);

  private static void declare(String name, Set<Dimension> dims, String label) {
    declare(name, dims, label, "", "");
  }

  /**
   * A concept running text names: {@code prose} is the regular expression of the words that name it
   * (lower case), {@code opposite} the words that name its negative ("net loss" for net income).
   */
  private static void declare(String name, Set<Dimension> dims, String label, String prose, String opposite) {
    if (DECLARED.putIfAbsent(name, new Concept(name, dims, label, prose, opposite)) != null) {
      throw new IllegalStateException("concept declared twice: " + name);
    }
  }

  static {
    // production
    declare(ORE_MILLED, EnumSet.of(Dimension.MASS), "Ore milled");
    declare(DAYS, EnumSet.of(Dimension.TIME), "Days of operation");
    declare(GRADE, GRADE_DIMS, "Grade", "(?:ore )?grade", "");
    declare(PRODUCED, QUANTITY_DIMS, "Metal produced", "produced|production|produce|producing|contributed|yielded", "");
    declare(COST_BASIS, QUANTITY_DIMS, "Metal the costs are divided by");
    declare(PAYABLE, QUANTITY_DIMS, "Payable metal");
    declare(PAYABLE_FACTOR, FRACTION, "Payable share of the metal produced");
    declare(SOLD, QUANTITY_DIMS, "Metal sold");
    declare(REVENUE, MONEY, "Revenue");
    // cost inputs
    declare(MINING, MONEY, "Mining");
    declare(MILLING, MONEY, "Milling");
    declare(SITE_OTHER, MONEY, "Other site costs");
    declare(TREATMENT_FREIGHT, MONEY, "Treatment and freight costs");
    declare(BYPRODUCT_CREDITS, MONEY, "By-product credits");
    declare(ROYALTIES, MONEY, "Royalties");
    declare(PRODUCTION_TAXES, MONEY, "Production taxes");
    declare(INVENTORY_CHANGE, MONEY, "Change in product inventory");
    declare(RECLAMATION_OTHER, MONEY, "Reclamation and other costs");
    declare(DDA, MONEY, "Depreciation, depletion and amortization");
    declare(CAPITAL_ADDITIONS, MONEY, "Capital additions", "capital (?:additions|expenditures|expenses|spending)", "");
    // Gold Institute production cost standard and C1
    declare(MINING_PER_TON, EnumSet.of(Dimension.MONEY_PER_TON), "Mining cost per ton");
    declare(MILLING_PER_TON, EnumSet.of(Dimension.MONEY_PER_TON), "Milling cost per ton");
    declare(DIRECT, MONEY, "Direct production costs");
    declare(CASH_OPERATING, MONEY, "Cash operating costs", "cash operating costs?", "");
    declare(TOTAL_CASH, MONEY, "Total cash costs", "total cash costs?", "");
    declare(TOTAL_PRODUCTION, MONEY, "Total production costs", "total production costs?", "");
    declare(COST_OUNCES, QUANTITY_DIMS, "Metal the unit costs are per");
    declare(CASH_OPERATING_PER_OZ, PER_UNIT, "Cash operating costs per unit");
    declare(TOTAL_CASH_PER_OZ, PER_UNIT, "Total cash costs per unit");
    declare(TOTAL_PRODUCTION_PER_OZ, PER_UNIT, "Total production costs per unit");
    declare(COST_OF_SALES, MONEY, "Cost of sales");
    declare(C1_CASH_COST, MONEY, "C1 cash costs");
    declare(C1_PER_LB, PER_UNIT, "C1 cash costs per unit");
    // all-in costs (World Gold Council)
    for (String item : AISC_ITEMS) {
      declare(item, MONEY, Character.toUpperCase(item.charAt(0)) + item.substring(1).replace('_', ' '));
    }
    declare(ADJUSTED_OPERATING, MONEY, "Adjusted operating costs");
    declare(AISC, MONEY, "All-in sustaining costs", "all-in sustaining costs?|aisc", "");
    declare(AIC, MONEY, "All-in costs", "all-in costs?", "");
    declare(AISC_GROSS, MONEY, "All-in sustaining costs before by-product credits");
    declare(AISC_PER_OZ, PER_UNIT, "All-in sustaining costs per unit sold");
    declare(AISC_GROSS_PER_OZ, PER_UNIT, "All-in sustaining costs before by-product credits per unit sold");
    declare(AIC_PER_OZ, PER_UNIT, "All-in costs per unit sold");
    declare(GAAP_AMOUNT, MONEY, "Amount of the GAAP line");
    declare(IN_AISC, MONEY, "Part of the GAAP line in all-in sustaining costs");
    declare(IN_AIC_ONLY, MONEY, "Part of the GAAP line in all-in costs only");
    declare(NOT_IN_AIC, MONEY, "Part of the GAAP line in neither");
    // co-product costs
    declare(GROSS_CASH, MONEY, "Total cash costs before by-product credits");
    declare(COPRODUCT_VALUE, MONEY, "Value of the metal (co-product basis)");
    declare(COPRODUCT_SHARE, FRACTION, "Share of the costs (co-product basis)");
    declare(COPRODUCT_COST, MONEY, "Costs allocated (co-product basis)");
    declare(COPRODUCT_COST_PER_UNIT, PER_UNIT, "Cost per unit (co-product basis)");
    declare(COPRODUCT_AISC, MONEY, "All-in sustaining costs allocated (co-product basis)");
    declare(COPRODUCT_AISC_PER_UNIT, PER_UNIT, "All-in sustaining costs per unit (co-product basis)");
    // segments and company
    declare(SALES, MONEY, "Sales", "(?:net )?(?:sales|revenues?)(?: of products)?", "");
    declare(OTHER_COST_OF_SALES, MONEY, "Other cost of sales");
    declare(OTHER_DDA, MONEY, "Other depreciation, depletion and amortization");
    declare(GROSS_PROFIT, MONEY, "Gross profit", "gross (?:profit|margin)s?", "");
    declare(PREFERRED_DIVIDENDS, MONEY, "Preferred stock dividends", "preferred (?:stock )?dividends?|noncash dividends?", "");
    declare(PREFERRED_DIVIDENDS_UNDECLARED, MONEY, "Preferred stock dividends not declared");
    declare(PREFERRED_DIVIDENDS_NONCASH, MONEY, "Noncash preferred stock dividends");
    declare(INCOME_APPLICABLE_TO_COMMON, MONEY, "Income (loss) applicable to common shareholders",
        "(?:income|loss|losses|income \\(loss\\)) applicable to common shareholders", "");
    declare(CURRENT_RATIO, FRACTION, "Current ratio", "current ratio", "");
    declare(CASH_AND_SHORT_TERM, MONEY, "Cash and short-term investments",
        "cash and short-term investments|cash and cash equivalents", "");
    declare(PERCENT_CHANGE, FRACTION, "Change against a year earlier");
    // reserves
    declare(TONS, QUANTITY_DIMS, "Tons of ore");
    declare(TONS_100PCT, QUANTITY_DIMS, "Tons of ore (100%)");
    declare(CONTAINED, QUANTITY_DIMS, "Contained metal", "proven and probable (?:\\w+ )?reserves?", "");
    declare(CUT_OFF, EnumSet.of(Dimension.GRADE_PRECIOUS, Dimension.FRACTION, Dimension.MONEY_PER_TON), "Cut-off");
    declare(RECOVERY, FRACTION, "Metallurgical recovery");
    declare(PRICE_ASSUMPTION, PER_UNIT, "Metal price assumed");
    declare(RES_OPENING, QUANTITY_DIMS, "Reserves at the start of the year");
    declare(RES_DEPLETED, QUANTITY_DIMS, "Depleted by mining");
    declare(RES_ADDED, QUANTITY_DIMS, "Added");
    declare(RES_REVISED, QUANTITY_DIMS, "Revised");
    declare(RES_CLOSING, QUANTITY_DIMS, "Reserves at the end of the year");
    declare(PRICE, PER_UNIT, "Metal price", "prices?", "");
    // the standard statement concepts (statement_lines.csv concept column)
    declare(CASH, MONEY, "Cash and cash equivalents");
    declare(SHORT_TERM_INVESTMENTS, MONEY, "Short-term investments");
    declare(TOTAL_CURRENT_ASSETS, MONEY, "Total current assets");
    declare(TOTAL_CURRENT_LIABILITIES, MONEY, "Total current liabilities");
    declare(TOTAL_ASSETS, MONEY, "Total assets");
    declare(TOTAL_LIABILITIES_AND_EQUITY, MONEY, "Total liabilities and shareholders' equity");
    declare(NET_INCOME, MONEY, "Net income (loss)", "net (?:income|earnings)", "net loss");
    declare(EPS_BASIC, EnumSet.of(Dimension.MONEY_PER_SHARE), "Basic income (loss) per common share");
    declare(WEIGHTED_SHARES, EnumSet.of(Dimension.COUNT), "Weighted average common shares outstanding");
    declare(CF_OPERATING, MONEY, "Net cash provided by operating activities",
        "(?:net )?cash (?:flows? )?(?:provided by|from|generated by) operat\\w*(?: activities)?|operating cash flows?|cash flows?", "");
    declare(CF_CASH_BEGIN, MONEY, "Cash and cash equivalents at the beginning of the period");
    declare(CF_CASH_END, MONEY, "Cash and cash equivalents at the end of the period");
    declare(CF_NET_CHANGE, MONEY, "Net increase (decrease) in cash and cash equivalents");
    declare(CF_NET_INCOME, MONEY, "Net income (loss) in the statement of cash flows");
    declare(INCOME_CONTINUING, MONEY, "Income (loss) from continuing operations");
    declare(DISCONTINUED, MONEY, "Income (loss) from discontinued operations");
    declare(CUMULATIVE_EFFECT, MONEY, "Cumulative effect of a change in accounting principle");
    declare(TOTAL_LIABILITIES, MONEY, "Total liabilities");
    declare(TOTAL_EQUITY, MONEY, "Total shareholders' equity");
    declare(PROFIT_FOR_THE_PERIOD, MONEY, "Profit (loss) for the period");
    declare(NONGAAP_NET_INCOME, MONEY, "Net income (loss) in a non-GAAP reconciliation");
    // non-GAAP measures: named in prose by their own words, so that no claim about them is tested
    // against the GAAP figure they adjust ("adjusted net income" is not net income)
    declare(EBITDA, MONEY, "EBITDA", "(?<!adjusted )ebitda", "");
    declare(ADJUSTED_EBITDA, MONEY, "Adjusted EBITDA", "adjusted ebitda", "");
    declare(ADJUSTED_NET_EARNINGS, MONEY, "Adjusted net earnings", "adjusted net (?:earnings|income)", "");
    declare(ADJUSTED_EPS, EnumSet.of(Dimension.MONEY_PER_SHARE), "Adjusted earnings per share");
    declare(FREE_CASH_FLOW, MONEY, "Free cash flow", "free cash flow", "");
    declare(INCOME_BEFORE_ENV, MONEY, "Income before environmental accruals");
    // mining physicals
    declare(ORE_MINED, EnumSet.of(Dimension.MASS), "Ore mined");
    declare(WASTE_MINED, EnumSet.of(Dimension.MASS), "Waste mined");
    declare(MATERIAL_MINED, EnumSet.of(Dimension.MASS), "Material mined");
    declare(STRIP_RATIO, FRACTION, "Strip ratio");
    declare(REALIZED_PRICE, PER_UNIT, "Realized metal price");
    declare(GAAP_SOURCE, MONEY, "All-in cost item drawn from a GAAP line");
    // the finance models
    Set<Dimension> shares = EnumSet.of(Dimension.COUNT);
    Set<Dimension> perShare = EnumSet.of(Dimension.MONEY_PER_SHARE);
    Set<Dimension> guided = EnumSet.of(Dimension.MASS_PRECIOUS, Dimension.MASS, Dimension.MONEY, Dimension.MONEY_PER_OUNCE,
        Dimension.MONEY_PER_TON, Dimension.MONEY_PER_POUND, Dimension.FRACTION);
    declare(QUANTITY, QUANTITY_DIMS, "Quantity hedged");
    declare(MARK_TO_MARKET, MONEY, "Mark to market");
    declare(HEDGED_QUANTITY, QUANTITY_DIMS, "Quantity sold forward for delivery in the year");
    declare(HEDGED_SHARE_PCT, FRACTION, "Share of guided production sold forward");
    declare(MARKET_PRICE, PER_UNIT, "Market price");
    declare(GUIDED_VALUE, guided, "Guidance");
    declare(GUIDED_LOW, guided, "Guidance, low end");
    declare(GUIDED_HIGH, guided, "Guidance, high end");
    declare(GUIDED_ACTUAL, guided, "Actual");
    declare(GUIDED_DIFFERENCE, guided, "Actual less guidance");
    declare(GUIDED_MET, FRACTION, "Guidance met (1) or not (0)");
    declare(PROJECT_CAPITAL, MONEY, "Capital");
    declare(PROJECT_CASH_COST, PER_UNIT, "Cash cost per unit of metal");
    declare(PROJECT_METAL_PRODUCED, QUANTITY_DIMS, "Metal produced");
    declare(PROJECT_CASH_COSTS, MONEY, "Cash costs");
    declare(PROJECT_DEPRECIATION, MONEY, "Tax depreciation");
    declare(PROJECT_INCOME_TAXES, MONEY, "Income taxes");
    declare(AFTER_TAX_CASH_FLOW, MONEY, "After-tax cash flow");
    declare(CUMULATIVE_CASH_FLOW, MONEY, "Cumulative cash flow");
    declare(NPV, MONEY, "Net present value");
    declare(NPV_SENSITIVITY, MONEY, "Net present value with one driver changed");
    declare(IRR_PCT, FRACTION, "Internal rate of return");
    declare(PAYBACK_YEARS, FRACTION, "Payback (years)");
    declare(CASH_COST_PER_UNIT, PER_UNIT, "Life-of-project cash cost per unit");
    declare(ALL_IN_COST_PER_UNIT, PER_UNIT, "Life-of-project all-in cost per unit");
    declare(RECOVERY_PCT, FRACTION, "Metallurgical recovery");
    declare(ROYALTY_PCT, FRACTION, "Royalty rate");
    declare(TAX_RATE_PCT, FRACTION, "Income tax rate");
    declare(PRICE_DECK, PER_UNIT, "Metal price of the price deck");
    declare(DAY_PRICE, perShare, "Closing price of a trading day");
    declare(DAY_VOLUME, shares, "Shares traded on a trading day");
    declare(DAY_VALUE_TRADED, MONEY, "Value traded on a trading day");
    declare(VWAP, perShare, "Volume-weighted average price");
    declare(VALUE_PER_PREFERRED, perShare, "Value offered per preferred share");
    declare(UNCAPPED_RATIO, FRACTION, "Common shares per preferred share at the VWAP");
    declare(MAX_COMMON_PER_PREFERRED, FRACTION, "Most common shares per preferred share");
    declare(EXCHANGE_RATIO, FRACTION, "Exchange ratio");
    declare(PREFERRED_OUTSTANDING, shares, "Preferred shares outstanding");
    declare(PREFERRED_EXCHANGED, shares, "Preferred shares exchanged");
    declare(COMMON_ISSUED, shares, "Common shares issued");
    declare(COMMON_FAIR_VALUE, perShare, "Fair value per common share");
    declare(FAIR_VALUE_GIVEN, MONEY, "Fair value of the common shares given");
    declare(CARRYING_AMOUNT_PER_PREFERRED, perShare, "Carrying amount per preferred share");
    declare(CARRYING_AMOUNT_EXCHANGED, MONEY, "Carrying amount of the preferred shares exchanged");
    declare(DEEMED_DIVIDEND, MONEY, "Deemed dividend");
    declare(DEEMED_DIVIDEND_PER_SHARE, perShare, "Deemed dividend per common share");
    declare(WEIGHTED_AVERAGE_SHARES, shares, "Weighted average common shares");
  }

  /** The concept declared under {@code name}; empty for a name the vocabulary does not hold (a company's own statement line). */
  public static Optional<Concept> declared(String name) {
    return Optional.ofNullable(DECLARED.get(name));
  }

  /** Every declared concept, in the order declared. */
  public static Collection<Concept> vocabulary() {
    return Collections.unmodifiableCollection(DECLARED.values());
  }
}
