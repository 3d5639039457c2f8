package org.orebook.check.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.Report;
import org.orebook.cli.Main;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;

/**
 * {@code orebook check} in process, warm: a release read (format detected), modelled, every relation
 * and prose claim tested, and the text report written; and the reading alone. The releases: the seed
 * (Hecla's 2003 exhibit, 48,921 characters of fixed-width text), Orebook's own Cordillera 2025
 * release (made at setup from the example dataset, about 53,000 characters), the Tamarack HTML
 * exhibit (filing-agent cells, about 72,000 characters), and a text of about 66,000 characters (the
 * seed followed by Tamarack's text release). See docs/benchmarks.md for how to run and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckBenchmark {
  @Param({"seed-49k.txt", "cordillera-53k.txt", "tamarack-72k.htm", "seed-and-tamarack-66k.txt"})
  public String release;

  String text;

  @Setup(Level.Trial)
  public void load() throws Exception {
    String seed = Files.readString(Path.of("examples/published/hecla-2003-ex99.txt"), StandardCharsets.UTF_8);
    String tamarack = Path.of("src/test/resources/releases/formats/tamarack-2025-q3").toString();
    text = switch (release) {
      case "seed-49k.txt" -> seed;
      case "tamarack-72k.htm" -> Files.readString(Path.of(tamarack + ".htm"), StandardCharsets.UTF_8);
      case "seed-and-tamarack-66k.txt" -> seed + "\n\n" + Files.readString(Path.of(tamarack + ".txt"), StandardCharsets.UTF_8);
      case "cordillera-53k.txt" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"release", "examples/cordillera-2025", "--db",
            "jdbc:h2:mem:bench-check;DB_CLOSE_DELAY=-1"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        if (code != 0) {
          throw new IllegalStateException("the Cordillera release could not be made (exit " + code + ")");
        }
        yield out.toString(StandardCharsets.UTF_8);
      }
      default -> throw new IllegalArgumentException(release);
    };
    System.out.println("# " + release + ": " + text.length() + " characters");
  }

  /** Read, model, check and report. */
  @Benchmark
  public String check() throws Exception {
    CheckResult r = Check.run(ReleaseReader.readText(release, text), Check.Options.defaults());
    return Report.text(r);
  }

  /** The reader alone: format, tables, columns, rows, running text. */
  @Benchmark
  public ReleaseText read() throws Exception {
    return ReleaseReader.readText(release, text);
  }
}
