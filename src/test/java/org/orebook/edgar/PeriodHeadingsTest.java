package org.orebook.edgar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;

/** The column headings real releases print, each to the period it names. */
class PeriodHeadingsTest {
  private static final FiscalYearEnd DEC = FiscalYearEnd.DECEMBER;
  private static final FiscalYearEnd JUNE = new FiscalYearEnd(Month.JUNE);

  private static Optional<Period> period(String group, String own, FiscalYearEnd fye) {
    return PeriodHeadings.parse(group, own).flatMap(h -> PeriodHeadings.period(h, fye, 3));
  }

  private static Period p(String code, FiscalYearEnd fye) {
    return Period.parse(code, fye).orElseThrow();
  }

  @Test
  void lengthsAndDates() {
    assertThat(period("Three Months Ended Sept. 30,", "2024", DEC)).contains(p("Q3 2024", DEC));
    assertThat(period("Six Months Ended June 30,", "2024", DEC)).contains(p("6M 2024", DEC));
    assertThat(period("Nine Months Ended", "Sept. 30, 2024", DEC)).contains(p("9M 2024", DEC));
    assertThat(period("Fourth Quarter Ended", "Dec. 31, 2003", DEC)).contains(p("Q4 2003", DEC));
    assertThat(period("Year Ended", "Dec. 31, 2003", DEC)).contains(p("FY2003", DEC));
    assertThat(period("Twelve Months Ended", "Dec. 31, 2003", DEC)).contains(p("FY2003", DEC));
    assertThat(period("Years Ended December 31,", "2002", DEC)).contains(p("FY2002", DEC));
    // a 52-53 week year: the thirteen weeks ending in September are its third quarter
    assertThat(period("Thirteen Weeks Ended", "September 28, 2024", DEC)).contains(p("Q3 2024", DEC));
  }

  @Test
  void namedPeriods() {
    assertThat(period("", "Q3 2024", DEC)).contains(p("Q3 2024", DEC));
    assertThat(period("", "3Q24", DEC)).contains(p("Q3 2024", DEC));
    assertThat(period("", "Q3 FY2025", JUNE)).contains(p("Q3 FY2025", JUNE));
    assertThat(period("", "Q1 FY2025", JUNE)).contains(p("Q1 FY2025", JUNE));
    assertThat(period("", "First Half 2024", DEC)).contains(p("6M 2024", DEC));
    assertThat(period("", "H1 2024", DEC)).contains(p("6M 2024", DEC));
    assertThat(period("", "FY2024", DEC)).contains(p("FY2024", DEC));
    assertThat(period("", "Fiscal 2025", JUNE)).contains(p("FY2025", JUNE));
    assertThat(period("", "Gold (oz/ton)", DEC)).isEmpty();
    assertThat(period("", "Tons", DEC)).isEmpty();
  }

  @Test
  void aBareYearToDateRunsToTheTablesLatestQuarter() {
    List<Optional<Period>> cols = PeriodHeadings.periods(List.of("", "", "", ""),
        List.of("Q3 2024", "Q3 2023", "YTD 2024", "YTD 2023"), DEC);
    assertThat(cols).containsExactly(Optional.of(p("Q3 2024", DEC)), Optional.of(p("Q3 2023", DEC)),
        Optional.of(p("9M 2024", DEC)), Optional.of(p("9M 2023", DEC)));
  }

  @Test
  void aDateRowAboveALengthRow() {
    // "June 30, 2024" spans the two columns, "Three Months" and "Six Months" are the columns' own
    List<Optional<Period>> cols = PeriodHeadings.periods(List.of("June 30, 2024", "June 30, 2024"),
        List.of("Three Months", "Six Months"), DEC);
    assertThat(cols).containsExactly(Optional.of(p("Q2 2024", DEC)), Optional.of(p("6M 2024", DEC)));
  }

  @Test
  void aDateAloneIsABalanceAtThatDate() {
    assertThat(period("", "Dec. 31, 2002", DEC)).contains(p("FY2002", DEC));
    assertThat(period("", "Sept. 30, 2024", DEC)).contains(p("Q3 2024", DEC));
    assertThat(period("", "June 30, 2024", JUNE)).contains(p("FY2024", JUNE));
    assertThat(period("", "March 31, 2025", JUNE)).contains(p("Q3 FY2025", JUNE));
  }

  @Test
  void fiscalYearsThatDoNotEndInDecember() {
    assertThat(PeriodHeadings.yearEnd("Three Months Ended   Nine Months Ended\n March 31,  March 31,")).isEqualTo(JUNE);
    assertThat(PeriodHeadings.yearEnd("for the six months ended December 31, 2024")).isEqualTo(JUNE);
    assertThat(PeriodHeadings.yearEnd("Third Quarter Ended March 31, 2025")).isEqualTo(JUNE);
    assertThat(PeriodHeadings.yearEnd("for the fiscal year ended June 30, 2025")).isEqualTo(JUNE);
    assertThat(PeriodHeadings.yearEnd("Nine Months Ended Sept. 30, 2024")).isEqualTo(DEC);
    assertThat(PeriodHeadings.yearEnd("no period words at all")).isEqualTo(DEC);
    // under a June year end, nine months ended March 31, 2025 are fiscal 2025's
    assertThat(period("Nine Months Ended", "March 31, 2025", JUNE)).contains(p("9M FY2025", JUNE));
    assertThat(period("Three Months Ended", "Sept. 30, 2024", JUNE)).contains(p("Q1 FY2025", JUNE));
    // six months to Sept. 30 are no year to date of a June year (its first quarter ends then)
    assertThat(period("Six Months Ended", "Sept. 30, 2024", JUNE)).isEmpty();
  }
}
