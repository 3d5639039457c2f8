package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orebook.HangGuard;
import org.orebook.edgar.Brackets;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.ScannedLine;

/**
 * The inputs that once made reading or checking take time the square of their size, each at a size
 * where the square would take minutes: every one must be checked within a generous hang guard of CPU
 * time ({@link HangGuard}: the machine's other load does not count; the time per 100 KB is measured
 * by {@code orebook bench fuzz}, not here) and with a result, not a crash. Each names the path it
 * guards.
 */
class PathologyTest {
  /** A hang guard in CPU time: what is linear takes a few seconds of it at most; the square takes minutes. */
  static final Duration GUARD = Duration.ofSeconds(30);

  static final String SEED = CheckTestSupport.seed();

  /** The check with no time limit of its own (the web's per-document limit would hide a hang). */
  static CheckResult check(String text) {
    return HangGuard.within(GUARD, () -> Check.text(ReleaseReader.readText("pathology", text)));
  }

  @Test
  void aCheckStopsWhenItsTimeIsUpAndSaysWhatWasNotTested() throws Exception {
    CheckResult none = Check.text("upload", SEED, Duration.ZERO);
    assertThat(none.tested()).isZero();
    assertThat(none.release().notes()).contains("the check ran out of its time for one document: some relations and the"
        + " running text were not tested");
    CheckResult whole = Check.text("upload", SEED);
    assertThat(whole.tested()).isPositive();
    assertThat(whole.release().notes()).noneMatch(n -> n.contains("ran out of its time"));
  }

  static <T> T guarded(Supplier<T> work) {
    return HangGuard.within(GUARD, work::get);
  }

  @Test
  void aLongRunOfDigitsInTheRunningText() {
    // ProseChecker: every position of the run started a number match that ran to its end
    CheckResult r = check(SEED + "\n\nThe company produced " + "7".repeat(1_000_000) + " ounces of gold in the year, up"
        + " 5% from the prior year.\n");
    assertThat(r.tested()).isPositive();
    assertThat(r.prose()).noneMatch(c -> c.claim().length() > 100);
  }

  @Test
  void aHugeNumberTokenInATable() {
    // ScannedLine.token: a word of a million digits was parsed as a BigDecimal
    CheckResult r = check(SEED.replaceFirst("1,596", "1" + "2".repeat(1_000_000)));
    assertThat(r.tested()).isPositive();
  }

  @Test
  void aRowOfVeryManyNumberCells() {
    // ScannedLine.scan removed cells one at a time from the front; columnOf looked through every column
    String row = "    Sales" + "  1,234".repeat(150_000);
    CheckResult r = check(SEED + "\n\n" + row + "\n" + row + "\n");
    assertThat(r.tested()).isPositive();
    ScannedLine wide = guarded(() -> ScannedLine.scan(1, "    Sales" + "  1,234".repeat(250)));
    assertThat(wide.kind()).isEqualTo(ScannedLine.Kind.NUMBERS);
    assertThat(wide.cells()).hasSize(250);
  }

  @Test
  void aRunOfOpeningBracketsUnderAUnitHeading() {
    // Entities.unitName (once Modeller.unitName): "\\([^)]*\\)" tried every '(' to the end of the heading
    String run = "(".repeat(1_000_000);
    CheckResult r = check(SEED.replace("(dollars in thousands, except per share,", "(dollars in thousands, except per share,\n"
        + run));
    assertThat(r.tested()).isPositive();
    assertThat(guarded(() -> Entities.unitName(run + "GREENS CREEK UNIT"))).isNotEmpty();
  }

  @Test
  void aRunOfOpeningBracketsInAUnitsBlock() {
    // ProseChecker: "\\(.*?\\)" on a unit name of unclosed brackets (bench fuzz, release 1124 of seed 1)
    String at = "  Total production costs  $    3.33";
    assertThat(SEED).contains(at);
    CheckResult r = check(SEED.replace(at, "                    (dollars in thousands)\n" + "(".repeat(200_000) + "\n" + at));
    assertThat(r.tested()).isPositive();
  }

  @Test
  void aLineOfTwoHundredThousandCharactersInAQuarterMegabyteRelease() {
    for (String unit : new String[] {"word ", "12 ", "(", "$ ", "1,234.5  ", "Gold 5% ", "a. b. "}) {
      String line = unit.repeat(200_000 / unit.length());
      CheckResult r = check(SEED + "\n" + line + "\n" + SEED);
      assertThat(r.tested()).as(unit).isPositive();
    }
  }

  @Test
  void aSubtotalOverVeryManyLines() {
    // Modeller.signs: every sign pattern of the cost-like lines, on every column, for every term
    StringBuilder t = new StringBuilder("                 CONSOLIDATED STATEMENTS OF OPERATIONS\n"
        + "                 (dollars in thousands)\n\n                                       2003        2002\n");
    for (int i = 0; i < 3_000; i++) {
      t.append(String.format("    Cost of item %-20d   %8d    %8d%n", i, i + 1, i + 2));
    }
    t.append("                                     --------    --------\n");
    t.append(String.format("    Total costs                        %8d    %8d%n", 3_000 * 3_001 / 2, 3_000 * 3_003 / 2));
    ReleaseText read = guarded(() -> {
      try {
        return ReleaseReader.readText("subtotal", SEED + "\n\n" + t);
      } catch (org.orebook.edgar.UnreadableReleaseException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(read.tables()).isNotEmpty();
    check(SEED + "\n\n" + t);
  }

  @Test
  void unclosedPreElementsAndTagsInHtml() {
    // ReleaseReader.preformatted: "<pre[^>]*>(.*?)</pre>" and "<[^>]*>" from every unclosed one to the end
    String html = "<html><body><pre>\n" + SEED + "\n</pre>" + "<pre <".repeat(200_000) + "</body></html>";
    CheckResult r = check(html);
    assertThat(r.tested()).isPositive();
  }

  @Test
  void aParagraphOfManyAbbreviations() {
    // Prose: the text before each stop was copied from the start of the sentence
    CheckResult r = check(SEED + "\n\n" + "The mine, e.g. in the U.S. or the U.K., sold gold. ".repeat(20_000) + "\n");
    assertThat(r.tested()).isPositive();
  }

  @Test
  void bracketsAreRemovedAsTheRegularExpressionRemovesThem() {
    Random random = new Random(17);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        s.append("ab() x<>".charAt(random.nextInt(8)));
      }
      String text = s.toString();
      assertThat(Brackets.replace(text, '(', ')', " ")).as(text).isEqualTo(text.replaceAll("\\([^)]*\\)", " "));
      assertThat(Brackets.replace(text, '<', '>', "")).as(text).isEqualTo(text.replaceAll("<[^>]*>", ""));
    }
  }
}
