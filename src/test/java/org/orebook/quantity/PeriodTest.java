package org.orebook.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodTest {
  private static final FiscalYearEnd JUNE = new FiscalYearEnd(Month.JUNE);

  @Test
  void everyCodeOfACalendarYearParses() {
    assertThat(Period.parse("Q3 2011")).contains(new Period.Quarter(2011, 3));
    assertThat(Period.parse("q3  2011")).contains(new Period.Quarter(2011, 3));
    assertThat(Period.parse("9M 2011")).contains(new Period.YearToDate(2011, 3, FiscalYearEnd.DECEMBER));
    assertThat(Period.parse("YTD Q3 2011")).isEqualTo(Period.parse("9M 2011"));
    assertThat(Period.parse("H1 2011")).contains(new Period.YearToDate(2011, 2, FiscalYearEnd.DECEMBER));
    assertThat(Period.parse("6M 2011")).isEqualTo(Period.parse("H1 2011"));
    assertThat(Period.parse("3M 2011")).contains(new Period.Quarter(2011, 1));
    assertThat(Period.parse("YTD Q1 2011")).contains(new Period.Quarter(2011, 1));
    assertThat(Period.parse("12M 2011")).contains(new Period.Year(2011));
    assertThat(Period.parse("YTD Q4 2011")).contains(new Period.Year(2011));
    assertThat(Period.parse("FY 2011")).contains(new Period.Year(2011));
    assertThat(Period.parse("Q3 FY2011")).contains(new Period.Quarter(2011, 3));
    assertThat(Period.parse("H2 2011")).isEmpty();
    assertThat(Period.parse("5M 2011")).isEmpty();
    assertThat(Period.parse("Q3 11")).isEmpty();
    assertThat(Period.parse(null)).isEmpty();
  }

  @Test
  void codesRoundTrip() {
    for (String code : List.of("Q1 2011", "Q4 2011", "6M 2011", "9M 2011", "FY2011")) {
      assertThat(Period.parse(code).orElseThrow().code()).isEqualTo(code);
    }
    for (String code : List.of("Q1 FY2025", "6M FY2025", "9M FY2025", "FY2025")) {
      assertThat(Period.parse(code, JUNE).orElseThrow().code()).isEqualTo(code);
    }
  }

  @Test
  void aJuneFiscalYearEndsInTheCalendarYearItIsNamedFor() {
    Period q1 = Period.parse("Q1 FY2025", JUNE).orElseThrow();
    assertThat(q1.start()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(q1.end()).isEqualTo(LocalDate.of(2024, 9, 30));
    assertThat(q1.endMonthDay()).isEqualTo("Sept. 30,");
    Period h1 = Period.parse("H1 FY2025", JUNE).orElseThrow();
    assertThat(h1.start()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(h1.end()).isEqualTo(LocalDate.of(2024, 12, 31));
    Period fy = Period.parse("FY2025", JUNE).orElseThrow();
    assertThat(fy.start()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(fy.end()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(fy.endMonthDay()).isEqualTo("June 30,");
    assertThat(JUNE.fiscalYearOf(YearMonth.of(2024, 8))).isEqualTo(2025);
    assertThat(JUNE.fiscalYearOf(YearMonth.of(2025, 6))).isEqualTo(2025);
    assertThat(JUNE.quarterOf(YearMonth.of(2024, 8))).isEqualTo(1);
    assertThat(JUNE.quarterOf(YearMonth.of(2025, 3))).isEqualTo(3);
    assertThat(FiscalYearEnd.DECEMBER.quarterOf(YearMonth.of(2011, 9))).isEqualTo(3);
    // the same months under another year end are another period
    assertThat(Period.parse("Q1 2025", JUNE)).isNotEqualTo(Period.parse("Q1 2025"));
  }

  @Test
  void fiscalYearEndsAreMonthEnds() {
    assertThat(FiscalYearEnd.parse("06-30")).contains(JUNE);
    assertThat(FiscalYearEnd.parse("12-31")).contains(FiscalYearEnd.DECEMBER);
    assertThat(FiscalYearEnd.parse("02-28")).contains(new FiscalYearEnd(Month.FEBRUARY));
    assertThat(FiscalYearEnd.parse("02-29")).contains(new FiscalYearEnd(Month.FEBRUARY));
    assertThat(FiscalYearEnd.parse("06-15")).isEmpty();
    assertThat(FiscalYearEnd.parse("13-31")).isEmpty();
    assertThat(FiscalYearEnd.parse("June")).isEmpty();
    assertThat(JUNE.code()).isEqualTo("06-30");
  }

  @Test
  void balancesAreKeyedByTheirDate() {
    Period nine = Period.parse("9M 2011").orElseThrow();
    assertThat(nine.asAt()).isEqualTo(new Period.Quarter(2011, 3));
    assertThat(nine.openingAsAt()).isEqualTo(new Period.Year(2010));
    assertThat(new Period.Quarter(2011, 4).asAt()).isEqualTo(new Period.Year(2011));
    assertThat(new Period.Quarter(2011, 2).openingAsAt()).isEqualTo(new Period.Quarter(2011, 1));
    assertThat(new Period.Quarter(2011, 1).openingAsAt()).isEqualTo(new Period.Year(2010));
    assertThat(new Period.Year(2011).openingAsAt()).isEqualTo(new Period.Year(2010));
  }

  @Test
  void aYearToDateIsTheOneBeforeItPlusAQuarter() {
    assertThat(Period.parse("9M 2011").orElseThrow().toDateBefore()).contains(Period.parse("6M 2011").orElseThrow());
    assertThat(Period.parse("6M 2011").orElseThrow().toDateBefore()).contains(new Period.Quarter(2011, 1));
    assertThat(new Period.Year(2011).toDateBefore()).contains(Period.parse("9M 2011").orElseThrow());
    assertThat(new Period.Quarter(2011, 2).toDateBefore()).isEmpty();
    assertThat(new Period.Quarter(2011, 3).toDate()).isEqualTo(Period.parse("9M 2011").orElseThrow());
    assertThatIllegalArgumentException().isThrownBy(() -> new Period.YearToDate(2011, 4, FiscalYearEnd.DECEMBER));
  }

  @Test
  void periodsSortByEndThenLength() {
    List<Period> sorted = java.util.stream.Stream.of("FY2011", "9M 2011", "Q3 2011", "Q4 2011", "FY2010", "Q1 2011")
        .map(c -> Period.parse(c).orElseThrow()).sorted().toList();
    assertThat(sorted).extracting(Period::code).containsExactly("FY2010", "Q1 2011", "Q3 2011", "9M 2011", "Q4 2011", "FY2011");
  }

  @Test
  void theColumnsOfAThirdQuarterRelease() {
    Set<String> data = Set.of("Q3 2011", "Q3 2010", "9M 2011", "9M 2010", "FY2010");
    PeriodSet s = PeriodSet.of(Period.parse("Q3 2011").orElseThrow(), p -> data.contains(p.code()));
    assertThat(s.flows()).extracting(Period::code).containsExactly("Q3 2011", "Q3 2010", "9M 2011", "9M 2010");
    assertThat(s.balance()).extracting(Period::code).containsExactly("Q3 2011", "FY2010");
    assertThat(s.cashFlows()).extracting(Period::code).containsExactly("9M 2011", "9M 2010");
    assertThat(s.interim()).isTrue();
    assertThat(s.describe()).isEqualTo("Q3 2011 vs Q3 2010; 9M 2011 vs 9M 2010; balance sheet Q3 2011 vs FY2010");
    // a nine-month period names the same release
    assertThat(PeriodSet.of(Period.parse("9M 2011").orElseThrow(), p -> data.contains(p.code()))).isEqualTo(s);
  }

  @Test
  void aFirstQuarterHasNoYearToDateAndAYearItsFourthQuarterWhenGiven() {
    PeriodSet q1 = PeriodSet.of(new Period.Quarter(2011, 1), p -> true);
    assertThat(q1.flows()).extracting(Period::code).containsExactly("Q1 2011", "Q1 2010");
    assertThat(q1.cashFlows()).isEqualTo(q1.quarter());
    PeriodSet year = PeriodSet.of(new Period.Year(2003), p -> true);
    assertThat(year.flows()).extracting(Period::code).containsExactly("Q4 2003", "Q4 2002", "FY2003", "FY2002");
    assertThat(year.describe()).isEqualTo("Q4 2003 vs Q4 2002; FY2003 vs FY2002");
    assertThat(PeriodSet.of(new Period.Quarter(2003, 4), p -> true)).isEqualTo(year);
    PeriodSet alone = PeriodSet.of(new Period.Year(2025), p -> p.code().equals("FY2025"));
    assertThat(alone.flows()).extracting(Period::code).containsExactly("FY2025");
    assertThat(alone.balance()).extracting(Period::code).containsExactly("FY2025");
  }
}
