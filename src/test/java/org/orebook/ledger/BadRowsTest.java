package org.orebook.ledger;

import org.orebook.bench.LedgerSynth;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.cli.Main;
import org.orebook.scan.BadRow;
import org.orebook.scan.BadRows;
import org.orebook.scan.ScanSettings;

/**
 * Bad rows of the ledger and the production log: counted, reported with file, line and field;
 * by default the run fails and writes nothing; with --skip-bad-rows the reject file lists every
 * one and the run goes on without them. Line numbers hold across chunk and buffer boundaries.
 */
class BadRowsTest {
  static final Path TINY = Path.of("src/test/resources/ledger/tiny");

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The tiny company with a ledger and a log holding bad rows on known lines. */
  Path input() throws Exception {
    Path dir = tmp.resolve("in");
    Files.createDirectories(dir);
    for (String f : List.of("company.csv", "segments.csv", "units.csv", "fiscal_years.csv", "chart_of_accounts.csv")) {
      Files.copy(TINY.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("ledger.csv"), String.join("\n",
        "date,unit,account,amount,journal",  // 1
        "2025-01-15,north,5100,100.00,J1",   // 2
        "2025-01-16,north,5100,12x4.00,J2",  // 3 unparsable amount
        "2025-01-17,nowhere,5100,1.00,J3",   // 4 unknown unit
        "2025-01-18,north,9999,1.00,J4",     // 5 unknown account
        "2023-12-31,north,5100,1.00,J5",     // 6 date outside the periods
        "2025-02-30,north,5100,1.00,J6",     // 7 not a date
        "2025-01-19,north,5100,1.234,J7",    // 8 three decimals
        "2025-01-20,north,5100,5.00",        // 9 a field missing
        "2025-01-21,north,5100,7.00,J8") + "\n");
    Files.writeString(dir.resolve("production_log.csv"), String.join("\n",
        "date,shift,unit,tons_milled,grade_AU,produced_AU", // 1
        "2025-01-10,A,north,100,0.200,18",                   // 2
        "2025-01-10,B,north,-5,0.200,1",                     // 3 negative tons
        "2025-01-10,C,south-pit,10,0.1,1") + "\n");          // 4 unknown unit
    return dir;
  }

  static final List<String> REPORTED = List.of(
      "  ledger.csv, line 3, field 'amount': unparsable amount '12x4.00' (write a plain decimal with at most 2 decimals, e.g. -1234.56)",
      "  ledger.csv, line 4, field 'unit': unknown operating unit 'nowhere' (not in units.csv)",
      "  ledger.csv, line 5, field 'account': unknown account '9999' (not in the chart of accounts)",
      "  ledger.csv, line 6, field 'date': date 2023-12-31 is outside the periods covered (FY2024-FY2025)",
      "  ledger.csv, line 7, field 'date': not a date: '2025-02-30' (write 2025-03-31)",
      "  ledger.csv, line 8, field 'amount': unparsable amount '1.234' (write a plain decimal with at most 2 decimals, e.g. -1234.56)",
      "  ledger.csv, line 9: expected 5 fields, found 4",
      "  production_log.csv, line 3, field 'tons_milled': not a quantity: '-5' (write a plain non-negative decimal with at most 6 decimals, e.g. 1234.5)",
      "  production_log.csv, line 4, field 'unit': unknown operating unit 'south-pit' (not in units.csv)");

  @Test
  void test_default_reportsEveryBadRowAndWritesNothing() throws Exception {
    Path in = input();
    Path out = tmp.resolve("out");
    Run r = run("ledger", in.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsSubsequence(REPORTED);
    assertThat(r.err()).contains("orebook: 9 bad row(s) (ledger.csv: date outside the periods 1; ledger.csv: unknown account 1;"
        + " ledger.csv: unknown unit 1; ledger.csv: unparsable amount 2; ledger.csv: unparsable date 1;"
        + " ledger.csv: wrong number of fields 1; production_log.csv: unknown unit 1; production_log.csv: unparsable number 1)")
        .contains("nothing was written");
    assertThat(out).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("in");
    }
  }

  @Test
  void test_skipBadRows_writesTheRejectFileAndGoesOn() throws Exception {
    Path in = input();
    Path out = tmp.resolve("out");
    Run r = run("ledger", in.toString(), "--out", out.toString(), "--skip-bad-rows");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rejected = new ArrayList<>();
    for (CSVRecord row : Csv.rows(out.resolve("rejects.csv"))) {
      rejected.add(row.get("file") + ":" + row.get("line") + ":" + row.get("field"));
    }
    assertThat(rejected).containsExactly("ledger.csv:3:amount", "ledger.csv:4:unit", "ledger.csv:5:account",
        "ledger.csv:6:date", "ledger.csv:7:date", "ledger.csv:8:amount", "ledger.csv:9:", "production_log.csv:3:tons_milled",
        "production_log.csv:4:unit");
    assertThat(Csv.rows(out.resolve("rejects.csv")).get(0).get("row")).isEqualTo("2025-01-16,north,5100,12x4.00,J2");
    // only the good rows: 100.00 + 7.00; 100 tons
    assertThat(Csv.costs(out).get("north|Q1 2025|mining")).isEqualByComparingTo("107");
    assertThat(Csv.production(out).get("north|Q1 2025|ore_milled|")).isEqualByComparingTo("100");
    assertThat(out.resolve("release.txt")).exists();
    assertThat(r.err()).contains("left them out");
  }

  @Test
  void test_lineNumbers_holdAcrossChunksAndBuffers() throws Exception {
    Path raw = tmp.resolve("raw");
    LedgerSynth.generate(new LedgerSynth.Spec(3, 2, 30_000, 5), raw);
    Path ledger = raw.resolve("ledger.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
    assertThat(lines).hasSize(30_001);
    int[] bad = {2, 777, 15_001, 29_999, 30_001};
    for (int n : bad) {
      String[] f = lines.get(n - 1).split(",");
      lines.set(n - 1, f[0] + "," + f[1] + "," + f[2] + ",oops" + n + "," + f[4]);
    }
    // no newline after the last line
    Files.writeString(ledger, String.join("\n", lines));
    LedgerInput in = LedgerInput.open(raw);
    BadRows rows = new BadRows();
    Path spill = Files.createDirectories(tmp.resolve("spill"));
    LedgerTotals t = LedgerAggregator.aggregate(in, new ScanSettings(2, 16 << 10, 1024), rows, spill);
    assertThat(t.rows()).isEqualTo(30_000 - bad.length);
    assertThat(rows.first()).extracting(BadRow::line).containsExactly(2L, 777L, 15_001L, 29_999L, 30_001L);
    assertThat(rows.first()).extracting(BadRow::reason).allMatch(s -> s.startsWith("unparsable amount 'oops"));
    assertThat(rows.first().get(2).reason()).startsWith("unparsable amount 'oops15001'");
    Path csv = tmp.resolve("rejects.csv");
    rows.writeCsv(csv);
    assertThat(Csv.rows(csv)).extracting(r -> r.get("line")).containsExactly("2", "777", "15001", "29999", "30001");
  }

  @Test
  void test_aMissingColumn_isReportedBeforeAnyRow() throws Exception {
    Path in = input();
    Files.writeString(in.resolve("ledger.csv"), "date,unit,acct,amount\n2025-01-15,north,5100,1.00\n");
    Run r = run("ledger", in.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("ledger.csv, line 1, field 'account': missing column");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
