package org.orebook.blockmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orebook.blockmodel.GradeTonnageHandComputedTest.run;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.HangGuard;
import org.orebook.cli.CliRun;
import org.orebook.scan.ScanSettings;

/**
 * Block models that are not what they should be (an empty file, a line longer than the buffer) end
 * with exit 2 and a located message; a model of very many categories is merged in time linear in
 * their number and printed in little memory.
 */
class GradeTonnageRobustnessTest {
  @TempDir
  Path tmp;

  @Test
  void anEmptyModelSaysSo() throws Exception {
    Path f = Files.createFile(tmp.resolve("empty.csv"));
    CliRun r = run("grade-tonnage", f.toString(), "--tonnage", "t", "--grade", "au=au:g/t", "--cutoffs", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("orebook: empty.csv is empty: expected a header line\norebook: nothing was written.\n");
  }

  @Test
  void aLineOverAMebibyteIsABadRowWithItsLine() throws Exception {
    Path f = tmp.resolve("long.csv");
    Files.writeString(f, "t,au\n1000,2\n" + "9".repeat(1_100_000) + ",1\n3000,4\n");
    CliRun r = run("grade-tonnage", f.toString(), "--tonnage", "t", "--grade", "au=au:g/t", "--cutoffs", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("long.csv, line 3: a line longer than").doesNotContain("Exception");
  }

  /** A model of {@code blocks} blocks over {@code categories} categories, with the sums a table of them must give. */
  static Path model(Path f, int blocks, int categories) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("id,tonnes,au,rock\n");
      for (int i = 0; i < blocks; i++) {
        w.write(i + "," + (100 + i % 7) + "," + (i % 5) + ".5,c" + (i % categories) + "\n");
      }
    }
    return f;
  }

  @Test
  void aHundredThousandCategoriesMergeInLinearTime() throws Exception {
    // the merge looked each chunk's categories up in a list: 10^10 comparisons for 10^5 categories
    Path f = model(tmp.resolve("many.csv"), 200_000, 100_000);
    GradeTonnageSpec spec = GradeTonnageSpec.of("tonnes", null, null, "t", List.of("au=au:g/t"), List.of("1", "3"), null,
        List.of(), List.of(), "rock");
    // a hang guard in CPU time (a few seconds of it on an idle machine; 10^10 comparisons take minutes)
    GradeTonnageTable t = HangGuard.within(Duration.ofSeconds(60),
        () -> GradeTonnage.run(f, spec, new ScanSettings(2, 1 << 20, 1 << 20)));
    assertThat(t.rows()).hasSize((100_000 + 1) * 2);
    // all categories at cut-off 1: blocks with au 1.5, 2.5, 3.5, 4.5 (four in five)
    GradeTonnageTable.Row all = t.rows(null).get(0);
    assertThat(all.blocks()).isEqualTo(160_000);
    BigDecimal tonnage = BigDecimal.ZERO;
    for (int i = 0; i < 200_000; i++) {
      if (i % 5 >= 1) {
        tonnage = tonnage.add(BigDecimal.valueOf(100 + i % 7));
      }
    }
    assertThat(all.tonnage()).isEqualByComparingTo(tonnage);
    GradeTonnageTable.Row c7 = t.rows("c7").get(1); // blocks 7 and 100,007: au 2.5 and 2.5, below 3
    assertThat(c7.blocks()).isZero();
    assertThat(t.rows("c8").get(1).blocks()).isEqualTo(2); // au 3.5 twice
  }

  @Test
  void twentyFiveThousandCategoriesPrintUnderSixtyFourMegabytesOfHeap() throws Exception {
    Path f = model(tmp.resolve("cats.csv"), 200_000, 25_000);
    Path out = tmp.resolve("table.txt");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), "org.orebook.cli.Main", "grade-tonnage", f.toString(), "--tonnage",
        "tonnes", "--grade", "au=au:g/t", "--cutoffs", "0.5,1,2", "--category", "rock"));
    for (String format : List.of("text", "json", "csv")) {
      List<String> c = new ArrayList<>(cmd);
      c.addAll(List.of("--format", format, "--out", out.toString()));
      Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
      // a hang guard only (the other builds on a shared machine stretch wall time): the memory is what is tested
      assertThat(p.waitFor(HangGuard.WALL.toSeconds(), TimeUnit.SECONDS)).as("finished").isTrue();
      assertThat(p.exitValue()).as(format + ": " + Files.readString(tmp.resolve("log"))).isZero();
      long lines = Files.lines(out).count();
      assertThat(lines).as(format).isGreaterThanOrEqualTo((25_000 + 1) * 3);
    }
  }
}
