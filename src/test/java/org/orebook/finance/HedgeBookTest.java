package org.orebook.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orebook.model.Metal;
import org.orebook.quantity.Unit;

class HedgeBookTest {
  static final HedgeBook.Position HECLA = new HedgeBook.Position(Metal.AU, HedgeBook.SOLD_FORWARD, new BigDecimal("48928"),
      Unit.TROY_OUNCE, new BigDecimal("288"), Unit.USD_PER_OUNCE, 2004, 2004);

  @Test
  void test_markToMarket_forwardSale_marketAboveContract_isALoss() {
    // (288 - 416.25) x 48,928 = -128.25 x 48,928 = -(6,262,784 + 12,232) = -6,275,016
    assertThat(HedgeBook.markToMarket(HECLA, new BigDecimal("416.25"))).isEqualByComparingTo("-6275016");
    // below the contract: (288 - 250) x 48,928 = 1,859,264
    assertThat(HedgeBook.markToMarket(HECLA, new BigDecimal("250"))).isEqualByComparingTo("1859264");
  }

  @Test
  void test_markToMarket_forwardPurchase_andCentsPerPound() {
    HedgeBook.Position bought = new HedgeBook.Position(Metal.AG, HedgeBook.BOUGHT_FORWARD, new BigDecimal("1000"),
        Unit.TROY_OUNCE, new BigDecimal("5.00"), Unit.USD_PER_OUNCE, 0, 0);
    // (5.30 - 5.00) x 1,000 = 300
    assertThat(HedgeBook.markToMarket(bought, new BigDecimal("5.30"))).isEqualByComparingTo("300");
    HedgeBook.Position lead = new HedgeBook.Position(Metal.PB, HedgeBook.SOLD_FORWARD, new BigDecimal("1000"),
        Unit.SHORT_TON, new BigDecimal("30"), Unit.CENTS_PER_POUND, 2004, 2005);
    // 1,000 st = 2,000,000 lb; (30 - 28.8) cents x 2,000,000 = 2,400,000 cents = $24,000
    assertThat(HedgeBook.markToMarket(lead, new BigDecimal("28.8"))).isEqualByComparingTo("24000");
  }

  @Test
  void test_hedgedShare_ofGuidedProduction() {
    // 48,928 / 215,000 = 0.2275720930...
    BigDecimal hedged = HedgeBook.hedgedIn(List.of(HECLA), Metal.AU, 2004);
    assertThat(hedged).isEqualByComparingTo("48928");
    assertThat(HedgeBook.hedgedShare(hedged, new BigDecimal("215000")).setScale(6, RoundingMode.HALF_UP))
        .isEqualByComparingTo("0.227572");
    assertThat(HedgeBook.hedgedIn(List.of(HECLA), Metal.AU, 2005)).isEqualByComparingTo("0");
  }
}
