package org.orebook.bench;

import org.orebook.blockmodel.TonnageUnit;
import org.orebook.blockmodel.GradeUnit;
import org.orebook.blockmodel.GradeColumn;
import org.orebook.blockmodel.GradeTonnageSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic block model for the benchmark and tests: {@code blocks} rows of
 * {@code block,rock,tonnes,au,ag,cu} from a seeded {@link SplittableRandom} (same seed, same
 * bytes), with integer arithmetic only. Rocks come in runs (a block model is ordered by position,
 * and neighbouring blocks share a rock type); tonnes are 500.0 to 25,000.0 with one decimal; gold
 * is skewed towards low grades (a product of two uniform integers, 0 to 15.992 g/t, 3 decimals);
 * silver follows gold loosely (g/t, 2 decimals); copper is 0 to 2.499 % (3 decimals). About
 * 44 bytes a row.
 */
public final class BlockModelSynth {
  /** Columns of the generated file. */
  public static final List<String> COLUMNS = List.of("block", "rock", "tonnes", "au", "ag", "cu");
  /** Rock types, the category column's values. */
  public static final List<String> ROCKS = List.of("oxide", "transition", "fresh", "waste");

  private BlockModelSynth() {}

  /** Writes the model to {@code file}. */
  public static void generate(long blocks, long seed, Path file) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] rocks = ROCKS.stream().map(r -> r.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    byte[] buf = new byte[1 << 20];
    int n = 0;
    int rock = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] head = (String.join(",", COLUMNS) + "\n").getBytes(StandardCharsets.US_ASCII);
      out.write(head);
      for (long b = 1; b <= blocks; b++) {
        if (n > buf.length - 128) {
          out.write(buf, 0, n);
          n = 0;
        }
        if (random.nextInt(64) == 0) {
          rock = random.nextInt(rocks.length);
        }
        long tenthsOfTonnes = 5_000 + random.nextInt(245_001);
        long auMilli = (long) random.nextInt(4_000) * random.nextInt(4_000) / 1_000;
        long agCenti = auMilli * (5 + random.nextInt(20)) / 10 + random.nextInt(500);
        long cuMilli = random.nextInt(2_500);
        n = digits(buf, n, b, 0);
        buf[n++] = ',';
        System.arraycopy(rocks[rock], 0, buf, n, rocks[rock].length);
        n += rocks[rock].length;
        buf[n++] = ',';
        n = digits(buf, n, tenthsOfTonnes, 1);
        buf[n++] = ',';
        n = digits(buf, n, auMilli, 3);
        buf[n++] = ',';
        n = digits(buf, n, agCenti, 2);
        buf[n++] = ',';
        n = digits(buf, n, cuMilli, 3);
        buf[n++] = '\n';
      }
      out.write(buf, 0, n);
    }
  }

  /** Writes {@code v / 10^decimals} with exactly {@code decimals} decimals at {@code b[n]}; returns the new end. */
  static int digits(byte[] b, int n, long v, int decimals) {
    byte[] tmp = new byte[24];
    int i = tmp.length;
    for (int d = 0; d < decimals; d++) {
      tmp[--i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    if (decimals > 0) {
      tmp[--i] = '.';
    }
    do {
      tmp[--i] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    System.arraycopy(tmp, i, b, n, tmp.length - i);
    return n + tmp.length - i;
  }

  /** The spec the benchmark computes on a generated model: au, ag, cu by rock, at {@code cutoffs} on gold. */
  public static GradeTonnageSpec spec(List<java.math.BigDecimal> cutoffs) {
    return new GradeTonnageSpec("tonnes", null, null, List.of(new GradeColumn("au", "au", GradeUnit.G_PER_T),
        new GradeColumn("ag", "ag", GradeUnit.G_PER_T), new GradeColumn("cu", "cu", GradeUnit.PERCENT)), cutoffs, null,
        java.util.Map.of(), java.util.Map.of(), "rock", TonnageUnit.T);
  }
}
