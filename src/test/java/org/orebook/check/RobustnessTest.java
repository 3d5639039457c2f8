package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.HangGuard;

/** Any input ends with a result or a clear message, in bounded time, never a stack trace. */
class RobustnessTest {
  @TempDir
  Path dir;

  CheckTestSupport.Run check(String name, byte[] content) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, content);
    return CheckTestSupport.run("check", f.toString());
  }

  static void clearMessage(CheckTestSupport.Run run, String words) {
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("orebook: ").contains(words).doesNotContain("Exception", "\tat ");
  }

  @Test
  void emptyFile() throws Exception {
    clearMessage(check("empty.txt", new byte[0]), "empty");
  }

  @Test
  void missingFile() {
    clearMessage(CheckTestSupport.run("check", dir.resolve("nope.txt").toString()), "no such file");
  }

  @Test
  void binaryFile() throws Exception {
    byte[] b = new byte[4096];
    new java.util.Random(7).nextBytes(b);
    clearMessage(check("random.bin", b), "binary");
  }

  @Test
  void anHtmlTableWithoutPeriodsIsNothingChecked() throws Exception {
    CheckTestSupport.Run run = check("r.htm", "<html><body><table><tr><td>Sales</td><td>1,000</td></tr></table></body></html>"
        .getBytes(StandardCharsets.UTF_8));
    clearMessage(run, "nothing checked");
    assertThat(run.err()).contains("1 table(s) with 1 figures read", "name no period");
    assertThat(run.out()).contains("NOTHING CHECKED").doesNotContain("Every tested relation ties");
  }

  @Test
  void htmlWrappingThePlainTextIsRead() throws Exception {
    String html = "<html><body><pre>\n" + CheckTestSupport.seed().replace("&", "&amp;") + "\n</pre></body></html>";
    CheckTestSupport.Run run = check("seed.htm", html.getBytes(StandardCharsets.UTF_8));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAILURES (10)");
  }

  @Test
  void proseWithoutTables() throws Exception {
    clearMessage(check("prose.txt", "Just a letter.\n\nNo tables here at all, only words.\n".getBytes(StandardCharsets.UTF_8)),
        "no tables");
  }

  @Test
  void tornTableGivesAResult() throws Exception {
    String seed = CheckTestSupport.seed();
    String torn = seed.substring(0, seed.indexOf("Income (loss) from operations     1,596"));
    CheckTestSupport.Run run = check("torn.txt", torn.getBytes(StandardCharsets.US_ASCII));
    assertThat(run.exit()).isIn(0, 1);
    assertThat(run.out()).contains("Relations tested:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void fiftyMegabytesEndInBoundedTime() throws Exception {
    byte[] seed = CheckTestSupport.seed().getBytes(StandardCharsets.US_ASCII);
    Path f = dir.resolve("big.txt");
    try (var out = Files.newOutputStream(f)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += seed.length) {
        out.write(seed);
      }
    }
    // a hang guard in CPU time (about 20 s of it on an idle machine), not wall time, which other builds' load
    // stretches: the time per 100 KB is measured by `orebook bench fuzz`
    CheckTestSupport.Run run = HangGuard.within(Duration.ofSeconds(180), () -> CheckTestSupport.run("check", f.toString()));
    assertThat(run.exit()).isIn(1, 2);
    assertThat(run.err()).doesNotContain("Exception");
  }
}
