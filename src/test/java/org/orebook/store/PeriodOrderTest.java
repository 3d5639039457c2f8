package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodOrderTest {
  @Test
  void periodsTheEngineReadsGoNewestEndFirstAndTheLongerPeriodFirstOnTheSameEnd() {
    List<String> codes = new ArrayList<>(List.of("Q4 2003", "FY2002", "Q3 2003", "FY2003", "Q1 2004", "9M 2003"));
    codes.sort(PeriodOrder.NEWEST_FIRST);
    assertThat(codes).containsExactly("Q1 2004", "FY2003", "Q4 2003", "9M 2003", "Q3 2003", "FY2002");
  }

  @Test
  void codesThatAreNotPeriodsGoByTheirCodeDescending() {
    List<String> codes = new ArrayList<>(List.of("budget-a", "budget-c", "budget-b"));
    codes.sort(PeriodOrder.NEWEST_FIRST);
    assertThat(codes).containsExactly("budget-c", "budget-b", "budget-a");
  }
}
