package org.orebook.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scanner's fast path (canonical columns, 8 bytes at a time) and its general path (any
 * column order, quotes, CRLF, long keys) add the same rows to the same sums.
 */
class LedgerScannerTest {
  static final FiscalYears YEARS = new FiscalYears(2024, 2025);
  static final String LONG_UNIT = "a-unit-id-of-16b";
  static final String LONGER_UNIT = "a-unit-id-of-seventeen";
  static final List<String> UNITS = List.of("north", LONG_UNIT, LONGER_UNIT);
  static final ChartOfAccounts CHART;

  static {
    Map<String, CostCategory> m = new LinkedHashMap<>();
    m.put("5100", CostCategory.MINING);
    m.put("4100", CostCategory.BYPRODUCT_CREDITS);
    m.put("account-number-17", CostCategory.DDA);
    CHART = new ChartOfAccounts(m);
  }

  static long[] scan(List<String> header, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return LedgerScanner.scanBytes(b, 0, b.length, header, UNITS, CHART, YEARS);
  }

  static long cents(long[] sums, int unit, int quarter, CostCategory c) {
    return sums[(unit * YEARS.quarters() + quarter) * CostCategory.count() + c.ordinal()];
  }

  @Test
  void test_fastAndGeneralPaths_addTheSameRows() {
    String rows = String.join("\n",
        "2025-01-02,north,5100,1.10,J1",                 // fast path
        "2025-01-02,north,5100,\"2.20\",J2",             // quoted: general path
        "2025-01-02,north,5100,3.30,\"J3, with a comma\"", // quoted extra column: general path
        "2025-01-02,north,5100,4.40,J4\r",               // CRLF: fast path
        "2025-01-02,north,5100,+5.50,J5",                // plus sign: general path
        "2025-01-02," + LONG_UNIT + ",5100,10,J6",       // 16-byte unit: fast path
        "2025-01-02," + LONGER_UNIT + ",5100,20,J7",     // 22-byte unit: general path
        "2025-01-02,north,account-number-17,30.03,J8",   // 17-byte account: general path
        "2024-12-31,north,4100,-7,J9",                   // Q4 2024
        "# a comment",
        "",
        "2025-04-01,north,5100,0.01,J10",
        "2025-01-03,north,5100,7.5,J11",                 // one decimal: fast path
        "2025-01-03,north,5100,12,J12",                  // no decimals: fast path
        "2025-01-03,north,5100,-3.1,J13") + "\n";      // negative, one decimal: fast path
    long[] canonical = scan(List.of("date", "unit", "account", "amount", "journal"), rows);
    assertThat(cents(canonical, 0, 4, CostCategory.MINING)).isEqualTo(110 + 220 + 330 + 440 + 550 + 750 + 1200 - 310);
    assertThat(cents(canonical, 1, 4, CostCategory.MINING)).isEqualTo(1000);
    assertThat(cents(canonical, 2, 4, CostCategory.MINING)).isEqualTo(2000);
    assertThat(cents(canonical, 0, 4, CostCategory.DDA)).isEqualTo(3003);
    assertThat(cents(canonical, 0, 3, CostCategory.BYPRODUCT_CREDITS)).isEqualTo(-700);
    assertThat(cents(canonical, 0, 5, CostCategory.MINING)).isEqualTo(1);

    // the same rows with the columns in another order go through the general path only
    StringBuilder reordered = new StringBuilder();
    for (String line : rows.split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#")) {
        reordered.append(line).append('\n');
        continue;
      }
      List<String> f = splitCsv(line);
      reordered.append(String.join(",", f.get(4), f.get(3), f.get(0), f.get(2), f.get(1))).append('\n');
    }
    long[] general = scan(List.of("journal", "amount", "date", "account", "unit"), reordered.toString().strip() + "\n");
    assertThat(general).isEqualTo(canonical);
  }

  @Test
  void test_extraColumns_andNoJournal() {
    long[] four = scan(List.of("date", "unit", "account", "amount"), "2025-07-01,north,5100,12.34\n2025-07-02,north,5100,-0.34\n");
    assertThat(cents(four, 0, 6, CostCategory.MINING)).isEqualTo(1200);
    long[] six = scan(List.of("date", "unit", "account", "amount", "journal", "memo"),
        "2025-07-01,north,5100,12.34,J1,fuel\n2025-07-02,north,5100,1,J2,\n");
    assertThat(cents(six, 0, 6, CostCategory.MINING)).isEqualTo(1334);
  }

  /** Splits a line on commas outside quotes, keeping quotes. */
  static List<String> splitCsv(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }
}
