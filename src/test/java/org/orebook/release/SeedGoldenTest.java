package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orebook.cli.Main;

/**
 * The golden test: the release Orebook produces from {@code examples/hecla-2003} prints, section by
 * section, the same sequence of numbers as the published release (Hecla Mining's 2003 year-end
 * results, EX-99 of its 8-K on EDGAR).
 *
 * <p>The published text is read from {@code src/test/resources/seed/hecla-2003-ex99.txt}, a
 * byte-for-byte copy of {@code ../shared/seed/000_d8c640435ff6aab9.txt}; its table sections are
 * located by line ranges transcribed from the document. The produced text is split at the same
 * section titles, in the same order. Only numbers are compared (labels, spacing and footnote
 * wording may differ), with the extraction rules of {@link PrintedNumbers}.
 */
class SeedGoldenTest {
  static final Path SEED = Path.of("src", "test", "resources", "seed", "hecla-2003-ex99.txt");
  static final Path SHARED_SEED = Path.of("..", "shared", "seed", "000_d8c640435ff6aab9.txt");
  static final String DATASET = "examples/hecla-2003";

  /** A table section of the release: its title in the produced text and its lines in the seed. */
  record SeedSection(String name, String title, int from, int to, boolean allNumbers) {
    List<String> numbers(List<String> lines) {
      return allNumbers ? PrintedNumbers.allNumbers(lines) : PrintedNumbers.tableNumbers(lines);
    }
  }

  static final List<SeedSection> SECTIONS = List.of(
      new SeedSection("reserves", "ESTIMATED ORE RESERVES", 214, 292, false),
      new SeedSection("highlights", "HIGHLIGHTS", 353, 452, false),
      new SeedSection("operations (with the non-GAAP reconciliation)", "Consolidated Statements of Operations", 455, 572, false),
      new SeedSection("balance sheet", "Consolidated Balance Sheets", 575, 639, false),
      new SeedSection("cash flows", "Consolidated Statements of Cash Flows", 642, 701, false),
      new SeedSection("production data", "Production Data", 704, 788, false),
      new SeedSection("hedged positions", "HEDGED POSITIONS", 791, 794, true),
      new SeedSection("reconciliation of cash costs", "Reconciliation of Cash Costs per Ounce", 797, 920, false));

  static List<String> seed;

  @BeforeAll
  static void readSeed() {
    Path file = Files.isRegularFile(SEED) ? SEED : SHARED_SEED;
    seed = PrintedNumbers.readLines(file);
    assertThat(seed).as("lines of %s", file).hasSize(924);
  }

  static List<String> seedLines(SeedSection s) {
    return PrintedNumbers.lineRange(seed, s.from(), s.to());
  }

  record Run(int code, String out, String err) {}

  static Run release(String dataset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(new String[] {"release", dataset, "--format", "text"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<PrintedNumbers.TextSection> produced;

  /** The produced release split at the section titles (computed once, on first use). */
  static synchronized List<PrintedNumbers.TextSection> producedSections() {
    if (produced == null) {
      Run r = release(DATASET);
      assertThat(r.code()).as("exit code of 'release %s' (stderr: %s)", DATASET, r.err()).isZero();
      produced = PrintedNumbers.splitAtTitles(withoutFinanceSections(PrintedNumbers.lines(r.out())),
          SECTIONS.stream().map(SeedSection::title).toList());
    }
    return produced;
  }

  /**
   * The produced lines up to the first finance section (hedge book, guidance, project economics,
   * exchange offer): those sections are not in the seed and follow its last table section, which
   * would otherwise run on to the end of the document.
   */
  static List<String> withoutFinanceSections(List<String> lines) {
    String last = SECTIONS.get(SECTIONS.size() - 1).title();
    int from = 0;
    while (from < lines.size() && !lines.get(from).strip().startsWith(last)) {
      from++;
    }
    for (int i = from; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (FinanceSections.TITLES.stream().anyMatch(l::startsWith)) {
        return lines.subList(0, i);
      }
    }
    return lines;
  }

  /** Where two number sequences first part, with the seed line and produced line that print them. */
  static String firstDifference(SeedSection s, List<String> seedLines, int seedFirstLine, List<String> producedLines) {
    List<String[]> e = located(s, seedLines);
    List<String[]> a = located(s, producedLines);
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i)[0].equals(a.get(i)[0])) {
      i++;
    }
    if (i == e.size() && i == a.size()) {
      return "";
    }
    String want = i < e.size() ? e.get(i)[0] + " on seed line " + (seedFirstLine + Integer.parseInt(e.get(i)[1]))
        + ": '" + seedLines.get(Integer.parseInt(e.get(i)[1])).strip() + "'" : "(no more numbers)";
    String got = i < a.size() ? a.get(i)[0] + " on produced line '" + producedLines.get(Integer.parseInt(a.get(i)[1])).strip()
        + "'" : "(no more numbers)";
    return "\n  first difference at number #" + (i + 1) + " of " + e.size() + " (produced: " + a.size() + "):"
        + "\n    seed:     " + want + "\n    produced: " + got + "\n";
  }

  /** Each number with the index of the line that prints it. */
  private static List<String[]> located(SeedSection s, List<String> lines) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      for (String n : s.numbers(List.of(lines.get(i)))) {
        out.add(new String[] {n, String.valueOf(i)});
      }
    }
    return out;
  }

  @Test
  void seedSectionsStartWhereTranscribed() {
    // guards the transcribed line ranges: each range opens with its title (or the company name above it)
    assertThat(seed.get(214 - 1)).contains("ESTIMATED ORE RESERVES");
    assertThat(seed.get(359 - 1)).startsWith("HIGHLIGHTS");
    assertThat(seed.get(456 - 1)).contains("Consolidated Statements of Operations");
    assertThat(seed.get(576 - 1)).contains("Consolidated Balance Sheets");
    assertThat(seed.get(643 - 1)).contains("Consolidated Statements of Cash Flows");
    assertThat(seed.get(705 - 1)).contains("Production Data");
    assertThat(seed.get(791 - 1)).contains("HEDGED POSITIONS");
    assertThat(seed.get(798 - 1)).contains("Reconciliation of Cash Costs per Ounce");
  }

  @Test
  void seedHasEnoughNumbersToCompare() {
    int total = 0;
    List<String> counts = new ArrayList<>();
    for (SeedSection s : SECTIONS) {
      int n = s.numbers(seedLines(s)).size();
      counts.add(s.name() + " " + n);
      total += n;
    }
    System.out.println("SeedGoldenTest: " + total + " numbers in the seed's eight table sections (" + String.join(", ", counts) + ")");
    assertThat(total).as("numbers printed in the seed's table sections").isGreaterThan(700);
  }

  @TestFactory
  Stream<DynamicTest> everySectionPrintsTheSeedsNumbers() {
    return SECTIONS.stream().map(s -> DynamicTest.dynamicTest(s.name() + " (seed lines " + s.from() + "-" + s.to() + ")", () -> {
      List<String> expected = s.numbers(seedLines(s));
      PrintedNumbers.TextSection section = producedSections().stream()
          .filter(x -> x.title().equals(s.title())).findFirst().orElseThrow();
      List<String> actual = s.numbers(section.lines());
      assertThat(actual)
          .as("numbers printed in the %s section of the produced release, in order, against the seed's lines %d-%d%s",
              s.name(), s.from(), s.to(), firstDifference(s, seedLines(s), s.from(), section.lines()))
          .containsExactlyElementsOf(expected);
    }));
  }

  /** Every number of a block of lines, footnotes included, without the note markers "(1)". */
  static java.util.Map<String, Long> everyNumber(List<String> lines) {
    List<String> unmarked = lines.stream().map(l -> l.replaceAll("\\(\\d\\)", " ")).toList();
    return PrintedNumbers.allNumbers(unmarked).stream()
        .collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }

  @Test
  void everyNumberOfTheSeedsTableSectionsFootnotesIncludedIsPrinted() {
    int total = 0;
    List<String> missing = new ArrayList<>();
    for (SeedSection s : SECTIONS) {
      java.util.Map<String, Long> want = everyNumber(seedLines(s));
      PrintedNumbers.TextSection section = producedSections().stream()
          .filter(x -> x.title().equals(s.title())).findFirst().orElseThrow();
      java.util.Map<String, Long> got = everyNumber(section.lines());
      for (var e : want.entrySet()) {
        total += e.getValue();
        long short_ = e.getValue() - got.getOrDefault(e.getKey(), 0L);
        if (short_ > 0) {
          missing.add(s.name() + ": " + e.getKey() + (short_ > 1 ? " x" + short_ : ""));
        }
      }
    }
    System.out.println("SeedGoldenTest: " + total + " numbers in the seed's table sections, footnotes included");
    assertThat(total).isGreaterThan(800);
    assertThat(missing).as("seed numbers (footnotes included) the produced release does not print in the same section")
        .isEmpty();
  }
}
