package org.orebook.check;

import static org.orebook.relations.Concepts.*;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.model.Metal;

/**
 * The dictionary from printed row labels to the catalogue's concepts, with the synonyms other
 * filers print ("Costs applicable to sales", "Cash costs per ounce", "Tonnes milled", "Revenues").
 * Labels are normalised first: lower case, footnote markers and unit parentheticals removed.
 */
final class ConceptDictionary {
  private static final Pattern FOOTNOTE = Pattern.compile("\\((\\d{1,2}|[a-z]|[ivx]{1,4})\\)|\\*+");
  private static final Pattern UNIT_PAREN = Pattern.compile(
      "\\((\\$|us\\$)?\\s*(/\\s*)?(oz\\.?|ounces?|tons?|tonnes?|lbs?\\.?|pounds?|cents/pound|cents/lb\\.?|%|g/t|oz\\.?/ton|oz/ton|"
          + "\\$/oz\\.?|\\$/ounce|\\$/ton|\\$/tonne|000'?s|thousands|gpt)\\)");

  private ConceptDictionary() {}

  /** Lower case, no footnote markers, no unit parentheticals, single spaces, no trailing colon. */
  static String normalize(String label) {
    String l = label.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    l = FOOTNOTE.matcher(l).replaceAll(" ");
    l = UNIT_PAREN.matcher(l).replaceAll(" ");
    l = l.replaceAll("\\s+", " ").trim();
    while (l.endsWith(":") || l.endsWith(".") || l.endsWith(",")) {
      l = l.substring(0, l.length() - 1).trim();
    }
    return l;
  }

  /** The unit parenthetical of a label, lower case ({@code $/oz.}, {@code oz./ton}, {@code %}), or empty. */
  static String unitHint(String label) {
    Matcher m = UNIT_PAREN.matcher(label.toLowerCase(Locale.ROOT));
    return m.find() ? m.group().replaceAll("[()\\s]", "") : "";
  }

  /** The first metal named in a text ({@code gold} → AU). */
  static Optional<Metal> metalIn(String text) {
    String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ") + " ";
    Metal best = null;
    int at = Integer.MAX_VALUE;
    for (Metal m : Metal.values()) {
      int i = t.indexOf(" " + m.displayName().toLowerCase(Locale.ROOT) + " ");
      if (i >= 0 && i < at) {
        at = i;
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean perOunceContext(String label, String subheading) {
    String s = subheading.toLowerCase(Locale.ROOT);
    String l = label.toLowerCase(Locale.ROOT);
    return s.matches(".*per (\\w+ )?(ounce|oz).*") || l.contains("$/oz") || l.matches(".*per (\\w+ )?(ounce|oz).*")
        || l.contains("/ounce");
  }

  /** A row of a unit's or a metal group's block (production data, reconciliation to GAAP). */
  static Optional<Mapping> unitRow(String label, String subheading) {
    String l = normalize(label);
    String hint = unitHint(label);
    boolean perOz = perOunceContext(label, subheading);
    if (l.matches("(total )?cash operating costs?( per (ounce|oz))?.*") || l.matches("direct cash costs?.*")) {
      return Optional.of(perOz ? Mapping.of(CASH_OPERATING_PER_OZ, Measure.PER_OUNCE) : Mapping.of(CASH_OPERATING, Measure.MONEY));
    }
    if (l.matches("(total )?cash costs?( per (\\w+ )?(ounce|oz)( of \\w+)?)?( produced| sold)?")) {
      return Optional.of(perOz ? Mapping.of(TOTAL_CASH_PER_OZ, Measure.PER_OUNCE) : Mapping.of(TOTAL_CASH, Measure.MONEY));
    }
    if (l.matches("total production costs?( per (ounce|oz))?( produced| sold)?")) {
      return Optional.of(perOz ? Mapping.of(TOTAL_PRODUCTION_PER_OZ, Measure.PER_OUNCE) : Mapping.of(TOTAL_PRODUCTION, Measure.MONEY));
    }
    if (!perOz && l.matches("(costs? of sales|costs applicable to sales|cost of goods sold).*")) {
      return Optional.of(Mapping.of(COST_OF_SALES, Measure.MONEY));
    }
    Matcher div = Pattern.compile("(divided by )?(\\w+ )?(ounces|oz) (of (\\w+) )?(produced|sold|payable)").matcher(l);
    if (div.matches() || l.matches("divided by .*ounces.*")) {
      Optional<Metal> m = metalIn(l);
      boolean sold = l.contains("sold") || l.contains("payable");
      if (sold && m.isPresent()) {
        return Optional.of(Mapping.of(COST_BASIS, m.get().name(), Measure.OUNCES));
      }
      return Optional.of(Mapping.of(COST_OUNCES, Measure.OUNCES));
    }
    if (l.matches(".*(treatment|refining|smelting|freight).*")) {
      Mapping m = Mapping.of(TREATMENT_FREIGHT, Measure.MONEY);
      return Optional.of(l.startsWith("less") || l.startsWith("deduct") ? m : m.negated());
    }
    if (l.matches(".*by-?product credits?.*")) {
      return Optional.of(Mapping.of(BYPRODUCT_CREDITS, Measure.MONEY));
    }
    if (l.matches(".*(change in (product )?inventor|inventory (change|adjustment)).*")) {
      return Optional.of(Mapping.of(INVENTORY_CHANGE, Measure.MONEY));
    }
    if (l.matches(".*(reclamation|accretion).*")) {
      return Optional.of(Mapping.of(RECLAMATION_OTHER, Measure.MONEY));
    }
    if (l.matches("royalt(y|ies).*")) {
      return Optional.of(Mapping.of(ROYALTIES, Measure.MONEY));
    }
    if (l.matches("production taxes.*")) {
      return Optional.of(Mapping.of(PRODUCTION_TAXES, Measure.MONEY));
    }
    if (l.matches("(depreciation|amortization).*")) {
      return Optional.of(Mapping.of(DDA, Measure.MONEY));
    }
    if (l.matches("(tons|tonnes|short tons) of ore (milled|processed|treated|crushed|mined)|ore (milled|processed|treated|crushed)"
        + "|(tons|tonnes) (milled|processed|treated|crushed)|(ore )?(tons|tonnes) (of ore )?(milled|processed)")) {
      return Optional.of(Mapping.of(ORE_MILLED, l.contains("tonne") || hint.contains("tonne") ? Measure.TONNES : Measure.TONS));
    }
    if (l.matches("days of operation|operating days|days operated")) {
      return Optional.of(Mapping.of(DAYS, Measure.DAYS));
    }
    if (l.matches("mining costs? per (ton|tonne)")) {
      return Optional.of(Mapping.of(MINING_PER_TON, Measure.PER_TON));
    }
    if (l.matches("(milling|processing) costs? per (ton|tonne)")) {
      return Optional.of(Mapping.of(MILLING_PER_TON, Measure.PER_TON));
    }
    Optional<Metal> metal = metalIn(l);
    if (l.contains("grade") && metal.isPresent()) {
      Measure g = hint.contains("g/t") || l.contains("g/t") || hint.contains("gpt") ? Measure.GRADE_G_T
          : hint.contains("%") || !metal.get().precious() ? Measure.PERCENT : Measure.GRADE_OZ_TON;
      return Optional.of(Mapping.of(GRADE, metal.get().name(), g));
    }
    if (metal.isPresent() && l.matches("(\\w+ )?(produced|production|ounces produced|recovered)( \\w+)?|ounces of \\w+ produced|\\w+ - ounces|\\w+ - tons|\\w+ - tonnes")) {
      // "Copper - Tonnes": a metric release's highlights name the unit after the dash
      return Optional.of(Mapping.of(PRODUCED, metal.get().name(),
          quantityMeasure(metal.get(), l.endsWith(" - tonnes") ? "tonne" : hint)));
    }
    if (l.matches("capital (additions|expenditures?)")) {
      return Optional.of(Mapping.of(CAPITAL_ADDITIONS, Measure.MONEY));
    }
    if (l.matches("mining( costs?)?")) {
      return Optional.of(Mapping.of(MINING, Measure.MONEY));
    }
    if (l.matches("(milling|processing)( costs?)?")) {
      return Optional.of(Mapping.of(MILLING, Measure.MONEY));
    }
    return Optional.empty();
  }

  /**
   * A row of an all-in sustaining costs table (World Gold Council): the build-up from GAAP cost of
   * sales, per ounce sold. Deductions printed in parentheses (reclamation and other costs moved out,
   * by-product credits) are read with their sign reversed.
   */
  static Optional<Mapping> allInRow(String label) {
    String l = normalize(label);
    if (l.matches("(all-in sustaining costs?|aisc),? before by-?product credits?,? per (\\w+ )?(ounce|oz)( of \\w+)?( sold)?")) {
      return Optional.of(Mapping.of(AISC_GROSS_PER_OZ, Measure.PER_OUNCE));
    }
    if (l.matches("(all-in sustaining costs?|aisc)(,? after by-?product credits?)?,? per (\\w+ )?(ounce|oz)( of \\w+)?( sold)?")) {
      return Optional.of(Mapping.of(AISC_PER_OZ, Measure.PER_OUNCE));
    }
    if (l.matches("(all-in costs?|aic),? per (\\w+ )?(ounce|oz)( of \\w+)?( sold)?")) {
      return Optional.of(Mapping.of(AIC_PER_OZ, Measure.PER_OUNCE));
    }
    Matcher sold = Pattern.compile("(\\w+ )?(ounces|oz|tons|tonnes|pounds) sold").matcher(l);
    if (sold.matches()) {
      Optional<Metal> m = metalIn(l);
      return m.map(metal -> Mapping.of(SOLD, metal.name(), quantityMeasure(metal, unitHint(label))));
    }
    String[][] items = {
        {"(costs? of sales|costs applicable to sales).*", COST_OF_SALES},
        {"adjusted operating costs?", ADJUSTED_OPERATING},
        {"(all-in sustaining costs?|aisc)( after by-product credits)?", AISC},
        {"(all-in costs?|aic)", AIC},
        {"treatment, refining (and|&) (transport|freight) costs?|.*smelting, refining.*", TREATMENT_FREIGHT},
        {"realised hedge .*|realized hedge .*", HEDGE_COSTS},
        {"community costs? (related to|of) current operations", COMMUNITY_CURRENT},
        {"permitting costs? (related to|of) current operations", PERMITTING_CURRENT},
        {"site (share-based|stock-based|non-cash) (pay|compensation|remuneration)", SITE_SHARE_BASED},
        {"(stockpile and )?(product )?inventory write-?downs?", INVENTORY_WRITEDOWNS},
        {"operational stripping( costs?)?", OPERATIONAL_STRIPPING},
        {"corporate general (and|&) administrative.*", CORPORATE_GA},
        {"reclamation accretion (and|&) amorti[sz]ation", RECLAMATION_ACCRETION},
        {"sustaining exploration( and study costs?)?", SUSTAINING_EXPLORATION},
        {"sustaining capital exploration", SUSTAINING_CAPITAL_EXPLORATION},
        {"sustaining capitali[sz]ed stripping and (underground (mine )?)?development", SUSTAINING_STRIPPING},
        {"sustaining capital( expenditures?)?", SUSTAINING_CAPITAL},
        {"sustaining leases?", SUSTAINING_LEASES},
        {"community costs? not related to current operations", COMMUNITY_OTHER},
        {"permitting costs? not related to current operations", PERMITTING_OTHER},
        {"reclamation costs? not related to current operations", RECLAMATION_OTHER_SITES},
        {"non-sustaining exploration( and study costs?)?", NONSUSTAINING_EXPLORATION},
        {"non-sustaining capital exploration", NONSUSTAINING_CAPITAL_EXPLORATION},
        {"non-sustaining capitali[sz]ed stripping and (underground (mine )?)?development", NONSUSTAINING_STRIPPING},
        {"non-sustaining capital( expenditures?)?", NONSUSTAINING_CAPITAL},
        {"non-sustaining leases?", NONSUSTAINING_LEASES}};
    for (String[] item : items) {
      if (l.matches(item[0])) {
        return Optional.of(Mapping.of(item[1], Measure.MONEY));
      }
    }
    if (l.matches("(less:? )?reclamation and other costs?.*")) {
      return Optional.of(Mapping.of(RECLAMATION_OTHER, Measure.MONEY).negated());
    }
    if (l.matches("(less:? )?by-?product credits?")) {
      return Optional.of(Mapping.of(BYPRODUCT_CREDITS, Measure.MONEY).negated());
    }
    return Optional.empty();
  }

  /** A row of a block that ties all-in items to the GAAP line they are drawn from. */
  static Optional<Mapping> gaapLineRow(String label) {
    String l = normalize(label.replaceAll("(?i)\\(gaap\\)", " "));
    if (l.matches("as reported|gaap amount")) {
      return Optional.of(Mapping.of(GAAP_AMOUNT, Measure.MONEY));
    }
    if (l.matches("in all-in sustaining costs?")) {
      return Optional.of(Mapping.of(IN_AISC, Measure.MONEY));
    }
    if (l.matches("in all-in costs? only")) {
      return Optional.of(Mapping.of(IN_AIC_ONLY, Measure.MONEY));
    }
    if (l.matches("in neither measure|excluded from both measures")) {
      return Optional.of(Mapping.of(NOT_IN_AIC, Measure.MONEY));
    }
    return Optional.empty();
  }

  /** A row of a co-product cost table; the metal comes from the label or the block's "Gold:" subheading. */
  static Optional<Mapping> coProductRow(String label, String subheading) {
    String l = normalize(label);
    if (l.matches("total cash costs? before by-?product credits?")) {
      return Optional.of(Mapping.of(GROSS_CASH, Measure.MONEY));
    }
    if (l.matches("by-?product total cash costs? per (ounce|oz).*")) {
      return Optional.of(Mapping.of(TOTAL_CASH_PER_OZ, Measure.PER_OUNCE));
    }
    if (l.matches("by-?product (all-in sustaining costs?|aisc) per (ounce|oz).*")) {
      return Optional.of(Mapping.of(AISC_PER_OZ, Measure.PER_OUNCE));
    }
    Optional<Metal> m = metalIn(subheading).or(() -> metalIn(l));
    if (m.isEmpty()) {
      return Optional.empty();
    }
    String metal = m.get().name();
    if (l.matches("(\\w+ )?(revenue|value at .* prices)")) {
      return Optional.of(Mapping.of(COPRODUCT_VALUE, metal, Measure.MONEY));
    }
    if (l.matches("share of (revenue|value)")) {
      return Optional.of(Mapping.of(COPRODUCT_SHARE, metal, Measure.PERCENT));
    }
    if (l.matches("co-product all-in sustaining costs?")) {
      return Optional.of(Mapping.of(COPRODUCT_AISC, metal, Measure.MONEY));
    }
    if (l.matches("co-product all-in sustaining costs? per (ounce|oz)( sold)?")) {
      return Optional.of(Mapping.of(COPRODUCT_AISC_PER_UNIT, metal, Measure.PER_OUNCE));
    }
    if (l.matches("co-product all-in sustaining costs? per (pound|lb)( sold)?")) {
      return Optional.of(Mapping.of(COPRODUCT_AISC_PER_UNIT, metal, Measure.PER_POUND));
    }
    if (l.matches("co-product cash costs? per (ounce|oz)")) {
      return Optional.of(Mapping.of(COPRODUCT_COST_PER_UNIT, metal, Measure.PER_OUNCE));
    }
    if (l.matches("co-product cash costs? per (pound|lb)")) {
      return Optional.of(Mapping.of(COPRODUCT_COST_PER_UNIT, metal, Measure.PER_POUND));
    }
    if (l.matches("co-product cash costs?")) {
      return Optional.of(Mapping.of(COPRODUCT_COST, metal, Measure.MONEY));
    }
    return Optional.empty();
  }

  static Measure quantityMeasure(Metal m, String hint) {
    if (hint.contains("tonne")) {
      return Measure.TONNES;
    }
    if (hint.contains("lb") || hint.contains("pound")) {
      return Measure.POUNDS;
    }
    return m.precious() ? Measure.OUNCES : Measure.TONS;
  }

  /** A company figure of a highlights table. */
  static Optional<Mapping> companyRow(String label) {
    String l = normalize(label);
    if (l.matches("(sales of products|sales|net sales|revenues?|total revenues?|total sales|sales revenue)")) {
      return Optional.of(Mapping.of(SALES, Measure.MONEY));
    }
    if (l.matches("(total )?gross (profit|margin)")) {
      return Optional.of(Mapping.of(GROSS_PROFIT, Measure.MONEY));
    }
    if (l.matches("income before environmental accruals")) {
      return Optional.of(Mapping.of("income_before_env", Measure.MONEY));
    }
    if (l.matches("net (income|earnings|loss)( \\(loss\\))?( \\(income\\))?")) {
      return Optional.of(Mapping.of("net_income", Measure.MONEY));
    }
    if (l.matches("basic .*per (common )?share.*|.*per (common )?share.*basic|(net )?(income|earnings|loss).*per share")) {
      return Optional.of(Mapping.of("eps_basic", Measure.PER_SHARE));
    }
    if (l.matches("(net )?cash flows? (provided by|from|generated by) operati.*|operating cash flow|cash provided by operating activities")) {
      return Optional.of(Mapping.of("cf_operating", Measure.MONEY));
    }
    return Optional.empty();
  }

  /** A statement line's standard concept, by statement. */
  static String statementConcept(String statement, String label, boolean first) {
    String l = normalize(label);
    switch (statement) {
      case "operations" -> {
        if (l.matches("(sales of products|sales|net sales|revenues?|total revenues?)")) {
          return SALES;
        }
        if (l.matches("(costs? of sales|costs applicable to sales|cost of goods sold).*")) {
          return COST_OF_SALES;
        }
        if (l.matches("depreciation, depletion and amortization")) {
          return DDA;
        }
        if (l.matches("gross (profit|margin)")) {
          return GROSS_PROFIT;
        }
        if (l.matches("net (income|earnings|loss)( \\(loss\\))?")) {
          return "net_income";
        }
        if (l.matches("basic (income|earnings|loss).*per (common )?share|(net )?(income|earnings|loss) per (common )?share.*basic|basic")) {
          return "eps_basic";
        }
        if (l.matches(".*weighted average.*shares.*")) {
          return "weighted_shares";
        }
        return "";
      }
      case "non_gaap" -> {
        if (first && l.matches("net (income|earnings|loss).*")) {
          return "nongaap_net_income";
        }
        if (l.matches("income before environmental accruals")) {
          return "income_before_env";
        }
        return "";
      }
      case "balance_sheet" -> {
        if (l.matches("cash and cash equivalents|cash")) {
          return "cash";
        }
        if (l.matches("short-term investments")) {
          return "short_term_investments";
        }
        if (l.matches("total current assets")) {
          return "total_current_assets";
        }
        if (l.matches("total assets")) {
          return "total_assets";
        }
        if (l.matches("total current liabilities")) {
          return "total_current_liabilities";
        }
        if (l.matches("total liabilities")) {
          return "total_liabilities";
        }
        if (l.matches("total (shareholders'|stockholders'|shareholders|stockholders) equity")) {
          return "total_equity";
        }
        if (l.matches("total liabilities and (shareholders'|stockholders'|shareholders|stockholders) equity")) {
          return "total_liabilities_and_equity";
        }
        return "";
      }
      case "cash_flows" -> {
        if (first && l.matches("net (income|earnings|loss).*")) {
          return "cf_net_income";
        }
        if (l.matches("net cash (provided|used|generated)?.*operating activities|cash flows? from operating activities")) {
          return "cf_operating";
        }
        if (l.matches("net (increase|decrease|change).*cash.*")) {
          return "cf_net_change";
        }
        if (l.matches("cash.*beginning of (year|period)")) {
          return "cf_cash_begin";
        }
        if (l.matches("cash.*end of (year|period)")) {
          return "cf_cash_end";
        }
        return "";
      }
      default -> {
        return "";
      }
    }
  }

  /** True for a line whose figures a statement usually subtracts (costs, expenses, provisions). */
  static boolean costLike(String label) {
    return label.isBlank() || normalize(label).matches(".*(cost|expense|depreciation|amortization|provision|tax|loss|deduct|less\\b).*");
  }
}
