package org.orebook.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.scan.ScanSettings;

/**
 * The ledger path on files that are not what they should be: an empty file, a line longer than the
 * scanner's buffer, sums that would pass what a long holds. Each ends with exit 2 and a message
 * naming the file and, where there is one, the line; never an exception.
 */
class LedgerRobustnessTest {
  @TempDir
  Path tmp;

  Path input(String ledger) throws Exception {
    Path dir = tmp.resolve("in");
    Files.createDirectories(dir);
    for (String f : List.of("company.csv", "segments.csv", "units.csv", "fiscal_years.csv", "chart_of_accounts.csv",
        "production_log.csv")) {
      Files.copy(BadRowsTest.TINY.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("ledger.csv"), ledger);
    return dir;
  }

  static void noTrace(BadRowsTest.Run r) {
    assertThat(r.err()).startsWith("orebook: ").doesNotContain("Exception", "\tat ");
  }

  @Test
  void anEmptyLedgerSaysSo() throws Exception {
    BadRowsTest.Run r = BadRowsTest.run("ledger", input("").toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    noTrace(r);
    assertThat(r.err()).contains("ledger.csv is empty: expected a header line");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aLineLongerThanTheBufferIsABadRowWithItsLine() throws Exception {
    String ledger = "date,unit,account,amount,journal\n2025-01-15,north,5100,100.00,J1\n2025-01-16,north,5100,1.00,"
        + "x".repeat(1_200_000) + "\n2025-01-21,north,5100,7.00,J8\n";
    Path in = input(ledger);
    BadRowsTest.Run r = BadRowsTest.run("ledger", in.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    noTrace(r);
    assertThat(r.err()).contains("ledger.csv, line 3: a line longer than");
    BadRowsTest.Run skip = BadRowsTest.run("ledger", in.toString(), "--out", tmp.resolve("out").toString(), "--skip-bad-rows");
    assertThat(skip.code()).as(skip.err()).isZero();
    // the rows before and after the long line: 100.00 + 7.00
    assertThat(Csv.costs(tmp.resolve("out")).get("north|Q1 2025|mining")).isEqualByComparingTo("107");
  }

  @Test
  void theLongLineIsSkippedWhereverTheBufferEnds() throws Exception {
    // small buffers put the long line across several reads, and the line after it at every offset
    for (int buffer = 100; buffer <= 260; buffer += 17) { // rows of ~32 bytes fit; the buffer keeps 32 bytes of slack
      List<String> rows = new ArrayList<>(List.of("date,unit,account,amount,journal"));
      rows.add("2025-01-15,north,5100,100.00,J1");
      rows.add("2025-01-16,north,5100,1.00," + "y".repeat(buffer * 3 + buffer % 7));
      rows.add("2025-01-21,north,5100,7.00,J8");
      Path in = input(String.join("\n", rows) + "\n");
      LedgerInput li = LedgerInput.open(in);
      org.orebook.scan.BadRows bad = new org.orebook.scan.BadRows();
      LedgerTotals t = LedgerAggregator.aggregate(li, new ScanSettings(1, 1L << 20, buffer), bad, null);
      assertThat(bad.count()).as("buffer " + buffer + ": " + bad.first()).isEqualTo(1);
      assertThat(bad.first().get(0).line()).as("buffer " + buffer).isEqualTo(3);
      assertThat(t.rows()).as("buffer " + buffer).isEqualTo(2);
      Files.delete(in.resolve("ledger.csv"));
      org.orebook.release.AtomicOutput.deleteTree(in);
    }
  }

  @Test
  void aSumThatWouldOverflowIsABadRowWithItsLine() throws Exception {
    // 10,000 rows of 9,999,999,999,999.99: the sum in cents passes 2^63 - 1 on row 9,224 (line 9,225)
    int rows = 10_000;
    Path in = input("date,unit,account,amount,journal\n" + "2025-01-15,north,5100,9999999999999.99,J\n".repeat(rows));
    BadRowsTest.Run r = BadRowsTest.run("ledger", in.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    noTrace(r);
    assertThat(r.err()).contains("ledger.csv: sum too large " + (rows - 9_223))
        .contains("ledger.csv, line 9225, field 'amount': with this amount the sum of its unit, quarter and account category"
            + " would pass 92,233,720,368,547,758.07");
  }

  @Test
  void aSumThatOverflowsOnlyAcrossChunksNamesTheFileAndField() throws Exception {
    Path in = input("date,unit,account,amount,journal\n" + "2025-01-15,north,5100,9999999999999.99,J\n".repeat(10_000));
    ScanSettings small = new ScanSettings(2, 16 * 1024, 1 << 16); // chunks of ~400 rows: none overflows alone
    org.orebook.data.DatasetException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        org.orebook.data.DatasetException.class,
        () -> LedgerRun.run(LedgerInput.open(in), tmp.resolve("out"), new LedgerRun.Options(small, false, null, List.of("text"))));
    assertThat(e.errors()).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo("ledger.csv");
      assertThat(d.field()).isEqualTo("amount");
      assertThat(d.message()).contains("add up to more than the largest sum Orebook adds exactly");
    });
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
