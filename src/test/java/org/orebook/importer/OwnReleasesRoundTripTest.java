package org.orebook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.Failure;
import org.orebook.data.DatasetException;
import org.orebook.quantity.Period;
import org.orebook.release.Release;
import org.orebook.release.Releases;

/**
 * Every release Orebook prints imports back into a dataset that releases again: for every bundled
 * example and every period its data can form a release of (its default period and the quarters and
 * years its figures are keyed with, as {@code EveryPeriodChecksTest} enumerates them; a release
 * printing the same text as one already taken is taken once), the text and the HTML release are
 * each imported with {@code orebook import} (exit 0; the engine re-derives most of the published
 * figures it computes), the imported folder is released with {@code orebook release} (exit 0, the
 * same columns as the release it came from: the fiscal periods of a June year end stay fiscal), and
 * {@code check} on that second release fails no relation — none but those the check of the first
 * release fails already (an example that keeps its source document's own inconsistencies keeps them
 * through the import; the others check clean).
 */
class OwnReleasesRoundTripTest {
  static final List<String> EXAMPLES = List.of("examples/cordillera-2025", "examples/hecla-2003", "examples/kittiwake-2025",
      "examples/quillback-fy2025");
  static final Pattern PROOF = Pattern.compile("of the (\\d+) published figures the\\s+catalogue derives, (\\d+) come out");

  @TempDir
  static Path dir;

  @TestFactory
  Stream<DynamicTest> everyExamplePeriodAndFormat() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String example : EXAMPLES) {
      Path folder = Path.of(example);
      Set<Period> periods = org.orebook.release.EveryPeriodChecksTest.periodsOf(folder);
      List<Period> asked = new ArrayList<>();
      asked.add(null);
      asked.addAll(periods);
      Set<String> seen = new HashSet<>();
      for (Period p : asked) {
        Release release;
        try {
          release = Releases.produce(folder, p);
        } catch (DatasetException e) {
          continue; // a period the data cannot form a release of (EveryPeriodChecksTest shows it refused by name)
        }
        String text = Releases.render(release, "text");
        if (!seen.add(text)) {
          continue;
        }
        String name = folder.getFileName() + "-" + (p == null ? "default" : p.code().replace(' ', '_'));
        for (String format : List.of("text", "html")) {
          String printed = format.equals("text") ? text : Releases.render(release, format);
          tests.add(DynamicTest.dynamicTest(name + " " + format, () -> roundTrip(name, release, text, format, printed)));
        }
      }
    }
    // every example's default period in both formats, and interim periods besides
    assertThat(tests).hasSizeGreaterThan(2 * EXAMPLES.size() + 8);
    return tests.stream();
  }

  static void roundTrip(String name, Release first, String firstText, String format, String printed) throws Exception {
    Path published = dir.resolve(name + "." + (format.equals("html") ? "htm" : "txt"));
    Files.writeString(published, printed, StandardCharsets.UTF_8);
    Path imported = dir.resolve(name + "-" + format);
    ImportRoundTripTest.Run imp = ImportRoundTripTest.run("import", published.toString(), "--out", imported.toString());
    assertThat(imp.exit()).as("import of %s: %s", published, imp.err()).isZero();

    // the engine re-derives most of the published figures it computes from the imported inputs (not none)
    Matcher m = PROOF.matcher(Files.readString(imported.resolve("README.md")));
    assertThat(m.find()).as("the import's proof in its README").isTrue();
    int compared = Integer.parseInt(m.group(1));
    int within = Integer.parseInt(m.group(2));
    assertThat(compared).as("published figures the engine computes from the import of %s", published).isPositive();
    assertThat(within * 10).as("%s of %s within their printed rounding", within, compared).isGreaterThanOrEqualTo(compared * 8);

    ImportRoundTripTest.Run again = ImportRoundTripTest.run("release", imported.toString(), "--format", "text");
    assertThat(again.exit()).as("release of the import of %s: %s", published, again.err()).isZero();
    Release second = Releases.produce(imported, null);
    assertThat(second.columns().all()).as("the columns of the release imported back")
        .isEqualTo(first.columns().all());

    CheckResult before = Check.text(name + ".txt", firstText);
    CheckResult after = Check.text(name + "-again.txt", again.out());
    Set<String> failedBefore = new HashSet<>(before.failures().stream().map(f -> f.relation().id()).toList());
    List<Failure> newFailures = after.failures().stream().filter(f -> !failedBefore.contains(f.relation().id())).toList();
    assertThat(newFailures).as("failures of the release imported back from %s", published).isEmpty();
    assertThat(after.failures()).as("no more failures than the release it came from")
        .hasSizeLessThanOrEqualTo(before.failures().size());
    assertThat(after.proseFailures()).as("prose failures of the release imported back from %s", published).isEmpty();
    assertThat(after.tested()).as("relations tested in the release imported back").isGreaterThan(50);
  }
}
