package org.orebook.blockmodel;

import org.orebook.bench.DuckDbGradeTonnage;
import org.orebook.bench.BlockModelSynth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.scan.Chunks;
import org.orebook.scan.ScanSettings;

/**
 * A generated model of 200,000 blocks gives the same table on one thread in one chunk as on two
 * threads over many small chunks and buffers, and the same sums as DuckDB's exact SQL.
 */
class GradeTonnageChunksTest {
  @TempDir
  static Path tmp;

  static Path model;
  static final List<BigDecimal> CUTOFFS = List.of(new BigDecimal("0.3"), new BigDecimal("0.5"), BigDecimal.ONE,
      new BigDecimal("2"), new BigDecimal("5"));

  @BeforeAll
  static void generate() throws Exception {
    model = tmp.resolve("model.csv");
    BlockModelSynth.generate(200_000, 7, model);
  }

  @Test
  void test_oneThreadOneChunk_equalsTwoThreadsManyChunks() throws Exception {
    GradeTonnageSpec spec = BlockModelSynth.spec(CUTOFFS);
    GradeTonnageTable one = GradeTonnage.run(model, spec, new ScanSettings(1, Long.MAX_VALUE / 2, 1 << 20));
    GradeTonnageTable two = GradeTonnage.run(model, spec, new ScanSettings(2, 256 << 10, 4096));
    assertThat(one.blocks()).isEqualTo(200_000);
    assertThat(two.rows()).isEqualTo(one.rows());
    assertThat(GradeTonnageFormats.render(two, "json")).isEqualTo(GradeTonnageFormats.render(one, "json"));
    assertThat(one.rows(null).get(0).blocks()).isGreaterThan(one.rows(null).get(4).blocks()).isPositive();
  }

  @Test
  void test_equivalent_oneThreadEqualsTwo() throws Exception {
    GradeTonnageSpec base = BlockModelSynth.spec(CUTOFFS);
    GradeTonnageSpec spec = new GradeTonnageSpec("tonnes", null, null, base.grades(), CUTOFFS, "au",
        Map.of("au", new BigDecimal("1900"), "ag", new BigDecimal("24"), "cu", new BigDecimal("4.1")),
        Map.of("au", new BigDecimal("0.92"), "ag", new BigDecimal("0.85"), "cu", new BigDecimal("0.88")), "rock", null);
    GradeTonnageTable one = GradeTonnage.run(model, spec, new ScanSettings(1, Long.MAX_VALUE / 2, 1 << 20));
    GradeTonnageTable two = GradeTonnage.run(model, spec, new ScanSettings(2, 128 << 10, 2048));
    assertThat(two.rows()).isEqualTo(one.rows());
  }

  @Test
  void test_sameSumsAsDuckDb() throws Exception {
    GradeTonnageSpec spec = BlockModelSynth.spec(CUTOFFS);
    GradeTonnageTable ours = GradeTonnage.run(model, spec, ScanSettings.defaults());
    try (DuckDbGradeTonnage duck = new DuckDbGradeTonnage(2)) {
      Map<String, DuckDbGradeTonnage.Sums> theirs = duck.run(model, Chunks.header(model).columns(), spec);
      assertThat(theirs).hasSize(ours.rows().size());
      assertThat(DuckDbGradeTonnage.differences(ours, theirs)).isEmpty();
    }
    assertThat(Files.size(model)).isGreaterThan(200_000L * 30);
  }
}
