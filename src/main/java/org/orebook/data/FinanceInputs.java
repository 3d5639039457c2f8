package org.orebook.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.finance.ExchangeOffer;
import org.orebook.finance.Guidance;
import org.orebook.finance.ProjectEconomics;
import org.orebook.model.Metal;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.relations.Concepts;

/**
 * The inputs of the finance models (docs/input-format.md): market prices on a date, guidance,
 * development projects, an exchange offer and its trading days. Each carries the keys of its input
 * figures, so the figures derived from it name their operands. Their input figures are kept in
 * {@link #inputs} rather than the dataset's inputs: they are not operands of the catalogue's
 * relations, and their periods (a guided year, a project's years) are not the release's.
 */
public record FinanceInputs(List<MarketPrice> marketPrices, List<GuidanceItem> guidance, List<ProjectInput> projects,
    Optional<OfferInput> offer, FactSet inputs) {

  public FinanceInputs {
    marketPrices = List.copyOf(marketPrices);
    guidance = List.copyOf(guidance);
    projects = List.copyOf(projects);
  }

  /** A price on a date (a closing price, a fix, a forward price) from market_prices.csv. */
  public record MarketPrice(Metal metal, LocalDate asOf, String basis, BigDecimal value, Unit unit) {
    public FactKey key() {
      return key(metal, asOf);
    }

    public static FactKey key(Metal metal, LocalDate asOf) {
      return new FactKey(Entity.MARKET, Concepts.MARKET_PRICE, metal.name() + ":" + asOf, new Period.Year(asOf.getYear()));
    }
  }

  /**
   * One guided figure from guidance.csv.
   *
   * @param metal the metal, empty for a spend (exploration)
   * @param tolerance a fraction (0.05 = 5%), zero when not given
   */
  public record GuidanceItem(Period period, Guidance.Kind kind, Optional<Metal> metal, Guidance.Target target, Unit unit,
      BigDecimal tolerance) {
    public Entity entity() {
      return Entity.guidance(kind.code());
    }

    public String qualifier() {
      return metal.map(Metal::name).orElse("");
    }

    /** Key of one bound of the guidance: {@code value}, {@code low} or {@code high}. */
    public FactKey key(String bound) {
      return new FactKey(entity(), bound, qualifier(), period);
    }
  }

  /** A development project from projects.csv and project_schedule.csv, with the keys of its inputs. */
  public record ProjectInput(ProjectEconomics.Project project, String priceUnitCode) {
    public Entity entity() {
      return Entity.project(project.id());
    }

    public Period firstPeriod() {
      return new Period.Year(project.years().get(0).year());
    }

    /** Key of a term of the project (recovery_pct, royalty_pct, tax_rate_pct, ...), on its first year. */
    public FactKey termKey(String term) {
      return FactKey.of(entity(), term, firstPeriod());
    }

    /** Key of a schedule item (capital, ore_mined, grade, cash_cost, price) of a year. */
    public FactKey itemKey(String item, int year) {
      return FactKey.of(entity(), item, new Period.Year(year));
    }
  }

  /**
   * The exchange offer of exchange_offer.csv with its pricing days from trading_days.csv.
   *
   * @param preferredExchanged the preferred shares assumed exchanged (all outstanding by default)
   * @param commonFairValue fair value of a common share given, empty to use the VWAP
   */
  public record OfferInput(String security, BigDecimal valuePerPreferred, BigDecimal maxCommonPerPreferred,
      List<ExchangeOffer.TradingDay> pricingDays, BigDecimal preferredOutstanding, BigDecimal preferredExchanged,
      BigDecimal carryingPerPreferred, Optional<BigDecimal> commonFairValue, Optional<BigDecimal> weightedShares) {
    public OfferInput {
      pricingDays = List.copyOf(pricingDays);
    }

    public Period period() {
      return new Period.Year(pricingDays.get(0).date().getYear());
    }

    public FactKey key(String field) {
      return FactKey.of(Entity.OFFER, field, period());
    }

    public static FactKey dayKey(String field, LocalDate date) {
      return new FactKey(Entity.OFFER, field, date.toString(), new Period.Year(date.getYear()));
    }
  }
}
