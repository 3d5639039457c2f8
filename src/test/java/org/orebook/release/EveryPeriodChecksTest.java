package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.Failure;
import org.orebook.data.DatasetException;
import org.orebook.facts.Fact;
import org.orebook.quantity.Period;

/**
 * Every release Orebook prints passes its own check: for every bundled example and every quarter and
 * year its data can form a release of, the text release read back by {@code orebook check} has no
 * failing relation and no failing prose claim. The Hecla example reproduces the founding document,
 * whose own inconsistencies (examples/hecla-2003/README.md) it keeps: only those relations may fail
 * there.
 */
public class EveryPeriodChecksTest {
  /**
   * The founding document's own inconsistencies: gold totals above the units' sum, cost-basis ounces,
   * and per-ounce costs that do not fit the ounces produced.
   */
  static final Set<String> SEED_INCONSISTENCIES = Set.of("sum.production_total", "gi.cost_ounces",
      "gi.total_cash_costs_per_oz");

  @TempDir
  static Path dir;

  /** The quarters and years an example's data can form a release of: the periods of its default release's figures. */
  public static Set<Period> periodsOf(Path folder) throws Exception {
    Set<Period> periods = new TreeSet<>();
    for (Fact f : Releases.produce(folder, null).facts().all()) {
      Period p = f.key().period();
      if (p.isQuarter() || p.isYear()) {
        periods.add(p);
      }
    }
    return periods;
  }

  @TestFactory
  Stream<DynamicTest> everyExampleAndPeriod() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String example : List.of("examples/hecla-2003", "examples/cordillera-2025", "examples/quillback-fy2025",
        "examples/kittiwake-2025")) {
      Path folder = Path.of(example);
      for (Period p : periodsOf(folder)) {
        tests.add(DynamicTest.dynamicTest(example + " " + p.code(), () -> check(folder, p, "text")));
      }
      // the HTML exhibit of the release's own period checks as cleanly as its text
      tests.add(DynamicTest.dynamicTest(example + " (html)", () -> check(folder, null, "html")));
    }
    assertThat(tests).hasSizeGreaterThan(10);
    return tests.stream();
  }

  static void check(Path folder, Period period, String format) throws Exception {
    Release release;
    try {
      release = Releases.produce(folder, period);
    } catch (DatasetException e) {
      // a period the data cannot form a release of is refused by name, never printed with dashes
      assertThat(period).isNotNull();
      assertThat(e.getMessage()).contains("release period").contains(period.code());
      return;
    }
    Path file = dir.resolve(folder.getFileName() + "-" + (period == null ? "default" : period.code().replace(' ', '_'))
        + (format.equals("html") ? ".htm" : ".txt"));
    Files.writeString(file, Releases.render(release, format));
    CheckResult c = Check.file(file);
    boolean seed = folder.endsWith("hecla-2003");
    List<Failure> unexpected = c.failures().stream()
        .filter(f -> !seed || !SEED_INCONSISTENCIES.contains(f.relation().id())).toList();
    assertThat(unexpected).as("failures of %s", file).isEmpty();
    assertThat(c.proseFailures()).as("prose failures of %s", file).isEmpty();
    assertThat(c.tested()).as("relations tested in %s", file).isGreaterThan(50);
  }
}
