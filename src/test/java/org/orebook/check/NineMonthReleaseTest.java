package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.orebook.quantity.Period;

/**
 * A third-quarter release laid out by another hand (src/test/resources/releases/tanager-2024-q3.txt,
 * a made-up company written for this test: wider columns, other indentation and wording than
 * Orebook prints, "Three Months Ended / Nine Months Ended, Sept. 30," headings, a balance sheet at
 * Sept. 30 against Dec. 31, nine-month cash flows, and a table of quarters with their year to date)
 * checks with no false failure, tests the period relations and the statement ties, and catches a
 * figure changed in any of them.
 */
class NineMonthReleaseTest {
  static final Path FIXTURE = Path.of("src/test/resources/releases/tanager-2024-q3.txt");

  @Test
  void itChecksCleanAndTestsTheTiesOfItsPeriods() throws Exception {
    CheckResult c = Check.file(FIXTURE);
    assertThat(c.failures()).isEmpty();
    assertThat(c.proseFailures()).isEmpty();
    assertThat(c.release().text().releasePeriod()).contains(new Period.Quarter(2024, 3));
    // the year to date of the quarterly table is the nine months: 35,100 + 36,600 + 36,200 = 107,900
    assertThat(c.testedIds()).contains("period.to_date", "tie.balance_sheet", "tie.closing_cash", "tie.opening_cash",
        "gi.total_cash_costs_per_oz", "gaap.cost_of_sales");
    assertThat(c.release().unmapped()).isEmpty();
  }

  @Test
  void aChangedQuarterIsCaughtByItsYearToDate() throws Exception {
    assertThat(failuresAfter("Gold produced (oz.)                               35,100",
        "Gold produced (oz.)                               35,200")).contains("period.to_date");
  }

  @Test
  void aChangedOpeningCashIsCaughtAgainstThePriorYearEnd() throws Exception {
    assertThat(failuresAfter(" period                                           98,750",
        " period                                           98,760")).contains("tie.opening_cash");
  }

  @Test
  void aBalanceSheetThatDoesNotBalanceIsCaught() throws Exception {
    assertThat(failuresAfter("Total liabilities and shareholders' equity      $705,755",
        "Total liabilities and shareholders' equity      $705,855")).contains("tie.balance_sheet");
  }

  @Test
  void aRelationThatCannotBeEvaluatedIsReportedWithItsReason() throws Exception {
    // ounces printed as 0.0 thousand: the per-ounce cost divides by an interval around zero
    String text = Files.readString(FIXTURE).replace("Divided by gold ounces produced                     36.2",
        "Divided by gold ounces produced                      0.0");
    CheckResult c = Check.text("zero ounces", text);
    assertThat(c.unevaluated()).isNotEmpty();
    assertThat(c.unevaluated()).anySatisfy(u -> {
      assertThat(u.relationId()).isEqualTo("gi.total_cash_costs_per_oz");
      assertThat(u.reason()).isNotBlank();
    });
    assertThat(Report.text(c)).contains("Not evaluated (");
  }

  static java.util.List<String> failuresAfter(String from, String to) throws Exception {
    String text = Files.readString(FIXTURE);
    assertThat(text).contains(from);
    CheckResult c = Check.text("changed", text.replace(from, to));
    return c.failures().stream().map(f -> f.relation().id()).toList();
  }
}
