package org.orebook.finance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.orebook.model.Metal;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Unit;

/**
 * A hedge book: forward positions per metal, valued against a market (spot, closing or forward)
 * price, and the share of a year's guided production they cover. This class is immutable.
 */
public final class HedgeBook {
  /** A metal sold forward: the company delivers the metal and receives the contract price. */
  public static final String SOLD_FORWARD = "sold_forward";
  /** A metal bought forward: the company pays the contract price and receives the metal. */
  public static final String BOUGHT_FORWARD = "bought_forward";
  /** The position kinds the book values. */
  public static final List<String> POSITIONS = List.of(SOLD_FORWARD, BOUGHT_FORWARD);

  private HedgeBook() {}

  /**
   * One position.
   *
   * @param quantity metal in {@code unit} (troy ounces for precious metals; st, t or lb otherwise)
   * @param price contract (average) price in {@code priceUnit} (USD/oz or cents/lb)
   * @param deliveryFrom first calendar year of delivery, or 0 when not stated
   * @param deliveryTo last calendar year of delivery, or 0 when not stated
   */
  public record Position(Metal metal, String kind, BigDecimal quantity, Unit unit, BigDecimal price, Unit priceUnit,
      int deliveryFrom, int deliveryTo) {
    public Position {
      Objects.requireNonNull(metal, "metal");
      if (!POSITIONS.contains(kind)) {
        throw new IllegalArgumentException("unknown position '" + kind + "'");
      }
      if (deliveryTo < deliveryFrom) {
        throw new IllegalArgumentException("delivery ends before it starts");
      }
    }

    /** True when some delivery falls in the year; a position without delivery years counts in none. */
    public boolean deliversIn(int year) {
      return deliveryFrom != 0 && deliveryFrom <= year && year <= deliveryTo;
    }

    /** The quantity in the unit its price is quoted per (troy ounces, or pounds for cents/lb). */
    public BigDecimal pricedQuantity() {
      return unit.convert(quantity, priceUnit == Unit.CENTS_PER_POUND ? Unit.POUND : Unit.TROY_OUNCE);
    }
  }

  /**
   * Mark to market in US dollars: a forward sale gains when the market is below its contract
   * price, {@code (contract - market) x quantity}; a forward purchase the reverse,
   * {@code (market - contract) x quantity}. Negative is a loss (an unrealised liability).
   */
  public static BigDecimal markToMarket(Position p, BigDecimal marketPrice) {
    BigDecimal perUnit = p.kind().equals(SOLD_FORWARD) ? p.price().subtract(marketPrice) : marketPrice.subtract(p.price());
    BigDecimal dollars = perUnit.multiply(p.pricedQuantity());
    return p.priceUnit() == Unit.CENTS_PER_POUND ? dollars.movePointLeft(2) : dollars;
  }

  /** Ounces (or other quantity, in the positions' own unit) delivered in a year, over all positions of a metal. */
  public static BigDecimal hedgedIn(List<Position> positions, Metal metal, int year) {
    return positions.stream().filter(p -> p.metal() == metal && p.kind().equals(SOLD_FORWARD) && p.deliversIn(year))
        .map(Position::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Share (a fraction, 0.25 = 25%) of guided production covered by forward sales: hedged / guided. */
  public static BigDecimal hedgedShare(BigDecimal hedged, BigDecimal guidedProduction) {
    if (guidedProduction.signum() <= 0) {
      throw new IllegalArgumentException("guided production must be positive");
    }
    return Exact.divide(hedged, guidedProduction);
  }
}
