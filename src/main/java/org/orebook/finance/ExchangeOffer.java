package org.orebook.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.orebook.quantity.Exact;

/**
 * A preferred-to-common exchange offer: a value of common stock per preferred share, the number
 * of common shares set by a volume-weighted average price (VWAP) over named trading days and
 * capped, and the deemed dividend the exchange books (the fair value of the common given over
 * the carrying amount of the preferred exchanged), which reduces income applicable to common
 * shareholders in earnings per share. Shares issued are not rounded to whole shares (fractional
 * shares are usually settled in cash; that cash is not modelled).
 */
public final class ExchangeOffer {
  private ExchangeOffer() {}

  /** One trading day: its volume-weighted average (or closing) price and the shares traded. */
  public record TradingDay(LocalDate date, BigDecimal price, BigDecimal volume) {}

  /**
   * The volume-weighted average price of the days: {@code sum(price x volume) / sum(volume)}.
   */
  public static BigDecimal vwap(List<TradingDay> days) {
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal volume = BigDecimal.ZERO;
    for (TradingDay d : days) {
      value = value.add(d.price().multiply(d.volume()));
      volume = volume.add(d.volume());
    }
    if (volume.signum() <= 0) {
      throw new IllegalArgumentException("no volume traded on the pricing days");
    }
    return Exact.divide(value, volume);
  }

  /** Common shares the offered value buys at the VWAP: {@code value / vwap} (before the cap). */
  public static BigDecimal uncappedRatio(BigDecimal valuePerPreferred, BigDecimal vwap) {
    return Exact.divide(valuePerPreferred, vwap);
  }

  /** The exchange ratio: the lesser of {@code value / vwap} and the cap. */
  public static BigDecimal ratio(BigDecimal valuePerPreferred, BigDecimal vwap, BigDecimal cap) {
    return uncappedRatio(valuePerPreferred, vwap).min(cap);
  }

  /** True when the cap sets the ratio: the VWAP is below {@code value / cap}. */
  public static boolean capBinds(BigDecimal valuePerPreferred, BigDecimal vwap, BigDecimal cap) {
    return uncappedRatio(valuePerPreferred, vwap).compareTo(cap) > 0;
  }

  /** Common shares issued: {@code ratio x preferred shares exchanged}. */
  public static BigDecimal sharesIssued(BigDecimal ratio, BigDecimal preferredExchanged) {
    return ratio.multiply(preferredExchanged);
  }

  /**
   * The deemed dividend: fair value of the common issued less the carrying amount of the
   * preferred exchanged, {@code shares x fair value - preferred x carrying amount per share}.
   * Negative when the consideration is worth less than the carrying amount (a credit to common).
   */
  public static BigDecimal deemedDividend(BigDecimal sharesIssued, BigDecimal fairValuePerCommon,
      BigDecimal preferredExchanged, BigDecimal carryingPerPreferred) {
    return sharesIssued.multiply(fairValuePerCommon).subtract(preferredExchanged.multiply(carryingPerPreferred));
  }
}
