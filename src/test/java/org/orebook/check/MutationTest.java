package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every kind of relation: change one published figure of the seed by more than its rounding;
 * {@code check} must exit 1 and name that figure's line in a failure.
 */
class MutationTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}: line {1} {2} -> {4}")
  @CsvSource(delimiter = '|', value = {
      "statement of operations subtotal (expenses)   | 477 | 8,407    | 1 | 8,507",
      "statement of operations labelled subtotal     | 474 | 35,035   | 1 | 35,135",
      "per-share subtotal                             | 522 | (0.17)   | 1 | (0.19)",
      "non-GAAP reconciliation                        | 551 | 23,107   | 1 | 23,207",
      "balance sheet current assets                   | 588 | 16,936   | 1 | 16,996",
      "assets = liabilities + equity                  | 635 | 278,195  | 1 | 278,295",
      "cash flow operating section                    | 663 | (2,178)  | 1 | (2,278)",
      "opening cash = prior closing cash              | 697 | 19,542   | 1 | 19,642",
      "net income across tables (highlights)          | 368 | 8,639    | 1 | 8,739",
      "income before environmental accruals tie       | 367 | 17,091   | 1 | 17,191",
      "EPS across tables                              | 370 | (0.16)   | 1 | (0.18)",
      "operating cash flow tie                        | 372 | 25,977   | 1 | 26,077",
      "segment sales sum to total sales               | 376 | 39,192   | 1 | 39,292",
      "segment gross profit sum                       | 383 | 16,649   | 1 | 16,749",
      "production total = sum of units (silver)       | 752 | 861,281  | 1 | 871,281",
      "production total (zinc)                        | 392 | 25,341   | 1 | 25,441",
      "per-ounce cost production data = reconciliation| 759 | 1.18     | 1 | 1.28",
      "total cash costs / ounces = cost per ounce     | 852 | 1.81     | 1 | 1.91",
      "cost ounces = ounces produced                  | 829 | 4,085    | 1 | 4,095",
      "combined silver = sum of silver units          | 897 | 47,082   | 1 | 47,182",
      "GAAP cost of sales reconciliation              | 818 | (810)    | 1 | (910)",
      "same figure printed twice in a block           | 875 | 10,940   | 1 | 11,040",
      "group per-ounce = weighted units (cash operating)| 758 | 1.93   | 1 | 2.03",
      "highlights per ounce (total production)        | 402 | 2.70     | 1 | 2.80",
      "reserves contained = tons x grade              | 231 | 31,386,366 | 1 | 31,486,366",
      "reserves grade                                 | 222 | 14.1     | 1 | 14.3",
      "reserves tons                                  | 223 | 170,711  | 1 | 175,711",
      "reserves total contained                       | 234 | 848,312  | 1 | 848,412"})
  void changingOneFigureFailsAndNamesItsLine(String kind, int line, String from, int nth, String to) throws Exception {
    String text = CheckTestSupport.mutate(CheckTestSupport.seed(), line, from.trim(), nth, to.trim());
    Path f = dir.resolve("mutated.txt");
    Files.writeString(f, text, StandardCharsets.US_ASCII);
    CheckTestSupport.Run run = CheckTestSupport.run("check", f.toString(), "--format", "json");
    assertThat(run.exit()).as(kind).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(run.out());
    List<Integer> lines = new ArrayList<>();
    j.get("failures").forEach(x -> x.get("lines").forEach(l -> lines.add(l.asInt())));
    assertThat(lines).as(kind + ": lines of the failures").contains(line);
    assertThat(j.get("failures").size()).as(kind + ": more failures than the seed's 10").isGreaterThan(10);
  }
}
