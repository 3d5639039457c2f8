package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orebook bench grade-tonnage} at a tiny size: it runs, and Orebook agrees with DuckDB (no timing asserted). */
class GradeTonnageBenchTest {
  @TempDir
  Path tmp;

  @Test
  void test_tinyBench_agreesWithDuckDb() {
    CliRun r = CliRun.of("bench", "grade-tonnage", "--blocks", "5000,20000", "--runs", "1", "--work", tmp.toString());
    String o = r.out();
    assertThat(r.code()).as(o + r.err()).isZero();
    assertThat(o).contains("== 20,000 blocks", "check: orebook = duckdb on 25 rows (blocks, tonnage, tonnage x grade of au, ag,"
        + " cu): yes, exactly").containsPattern("blocks=5000 orebook_s=[0-9.]+ duckdb_s=[0-9.]+ ratio=[0-9.]+ "
        + "blocks_per_s=[0-9]+ peak_heap_mb=[0-9]+");
  }
}
