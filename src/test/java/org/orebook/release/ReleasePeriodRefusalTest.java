package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.cli.Main;

/** A period the data cannot form is refused with exit 2 and says what is missing; never a release of dashes. */
class ReleasePeriodRefusalTest {
  record Run(int exit, String out, String err) {}

  static Run release(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = Stream.concat(Stream.of("release"), Stream.of(args)).toArray(String[]::new);
    int code = Main.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aPeriodWithoutFiguresExits2() {
    Run r = release("examples/hecla-2003", "--period", "FY1999");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no figures for FY1999").contains("Q4 2003, FY2003");
    Run q = release("examples/quillback-fy2025", "--period", "Q3 FY2026");
    assertThat(q.exit()).isEqualTo(2);
    assertThat(q.err()).contains("no figures for Q3 FY2026");
  }

  @Test
  void aYearEndWithBalancesOnlyMakesNoRelease() {
    // the example holds the balance sheet at June 30, 2023 (the opening of its cash flows), no flows of fiscal 2023
    Run r = release("examples/quillback-fy2025", "--period", "FY2023");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no figures for FY2023");
  }

  @Test
  void aYearToDateMissingAQuarterOfOneFigureExits2(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("gap");
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(Path.of("examples/quillback-fy2025"))) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path production = copy.resolve("production.csv");
    Files.write(production, Files.readAllLines(production).stream().filter(l -> !l.startsWith("ptarmigan,Q2 FY2025,")).toList());
    Run r = release(copy.toString(), "--period", "Q3 FY2025");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("9M FY2025 cannot be formed").contains("unit:ptarmigan/ore_milled (no Q2 FY2025)");
    // the first quarter's release does not need the second
    assertThat(release(copy.toString(), "--period", "Q1 FY2025").exit()).isZero();
  }

  @Test
  void whatIsNotAPeriodExits2() {
    Run r = release("examples/hecla-2003", "--period", "H2 2003");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is not a period");
  }
}
