package org.orebook.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeOfferTest {
  static final BigDecimal VALUE = new BigDecimal("66");
  static final BigDecimal CAP = new BigDecimal("8.25");

  static ExchangeOffer.TradingDay day(int d, String price, String volume) {
    return new ExchangeOffer.TradingDay(LocalDate.of(2004, 2, d), new BigDecimal(price), new BigDecimal(volume));
  }

  @Test
  void test_vwap_andRatio_capBinding() {
    List<ExchangeOffer.TradingDay> days = List.of(day(11, "7.95", "1850000"), day(12, "7.78", "2100000"),
        day(13, "7.62", "1640000"), day(17, "7.71", "1920000"), day(18, "7.84", "1560000"));
    // value traded: 14,707,500 + 16,338,000 + 12,496,800 + 14,803,200 + 12,230,400 = 70,575,900
    // volume: 1,850,000 + 2,100,000 + 1,640,000 + 1,920,000 + 1,560,000 = 9,070,000
    // VWAP = 70,575,900 / 9,070,000 = 7.781245865...
    BigDecimal vwap = ExchangeOffer.vwap(days);
    assertThat(vwap.setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("7.781246");
    // 66 / 7.781246 = 8.4819 > 8.25: the cap binds
    assertThat(ExchangeOffer.uncappedRatio(VALUE, vwap).setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("8.4819");
    assertThat(ExchangeOffer.capBinds(VALUE, vwap, CAP)).isTrue();
    BigDecimal ratio = ExchangeOffer.ratio(VALUE, vwap, CAP);
    assertThat(ratio).isEqualByComparingTo("8.25");
    // 8.25 x 464,000 = 3,828,000 (the release's "approximately 3.8 million")
    assertThat(ExchangeOffer.sharesIssued(ratio, new BigDecimal("464000"))).isEqualByComparingTo("3828000");
  }

  @Test
  void test_ratio_capNotBinding() {
    // equal volumes at 8.40 and 8.60: VWAP 8.50; 66 / 8.50 = 7.764705882... < 8.25
    BigDecimal vwap = ExchangeOffer.vwap(List.of(day(11, "8.40", "1000"), day(12, "8.60", "1000")));
    assertThat(vwap).isEqualByComparingTo("8.50");
    assertThat(ExchangeOffer.capBinds(VALUE, vwap, CAP)).isFalse();
    assertThat(ExchangeOffer.ratio(VALUE, vwap, CAP).setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("7.764706");
  }

  @Test
  void test_deemedDividend() {
    // 1,000 common at $8 = 8,000 given for 100 preferred carried at $50 = 5,000: deemed dividend 3,000
    assertThat(ExchangeOffer.deemedDividend(new BigDecimal("1000"), new BigDecimal("8"), new BigDecimal("100"),
        new BigDecimal("50"))).isEqualByComparingTo("3000");
    // worth less than the carrying amount: 500 x 8 - 5,000 = -1,000
    assertThat(ExchangeOffer.deemedDividend(new BigDecimal("500"), new BigDecimal("8"), new BigDecimal("100"),
        new BigDecimal("50"))).isEqualByComparingTo("-1000");
  }
}
