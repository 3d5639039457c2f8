package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;

/**
 * A block's heading is worked out once per block, not once per row: every row of a block carries
 * its heading, and reading the heading for each row cost the product of the heading's length and
 * the block's rows (bench fuzz release 5791 of seed 1: a run of 60,000 '(' over an all-in block
 * duplicated hundreds of times, 427 KB, took 21 s). The work is counted here, not timed; the time is
 * {@code orebook bench fuzz}'s (docs/benchmarks.md).
 */
class BlockHeadingWorkTest {
  static final String SEED = CheckTestSupport.seed();

  /** The text with {@code rows} printed {@code times} more times right after the line {@code after}. */
  static String repeatedAfter(String text, String after, String rows, int times) {
    assertThat(text).contains(after + "\n");
    return text.replaceFirst(java.util.regex.Pattern.quote(after + "\n"),
        java.util.regex.Matcher.quoteReplacement(after + "\n" + (rows + "\n").repeat(times)));
  }

  static ReleaseText read(String text) {
    try {
      return ReleaseReader.readText("block-heading", text);
    } catch (org.orebook.edgar.UnreadableReleaseException e) {
      throw new AssertionError(e);
    }
  }

  /** The table of the text that has the most rows under a heading starting {@code heading}. */
  static Table tableWith(ReleaseText text, String heading) {
    return text.tables().stream().filter(t -> t.rows().stream().anyMatch(r -> r instanceof TableRow.Heading h
        && h.text().startsWith(heading))).max(java.util.Comparator.comparingInt(t -> t.valueRows().size())).orElseThrow();
  }

  /** The section headings of a table: what may be worked out, once each. */
  static long sectionHeadings(Table t) {
    return t.rows().stream().filter(r -> r instanceof TableRow.Heading h && !h.colon()).count();
  }

  static OperatingTables operatingTables(ReleaseText text, Entities entities) {
    return new OperatingTables(ConceptDictionary.standard().forOneRun(), new PublishedFigures(text.tables()), entities);
  }

  @Test
  void aUnitsHeadingOverThousandsOfRowsIsWorkedOutOncePerBlock() {
    String heading = "GREENS CREEK UNIT (Reflects Hecla's 29.73% share)";
    ReleaseText text = read(repeatedAfter(SEED, heading,
        "Days of operation                92        92         365         365", 2_000));
    Table production = tableWith(text, heading);
    assertThat(production.valueRows()).hasSizeGreaterThan(2_000);
    Entities entities = new Entities();
    operatingTables(text, entities).operating(production);
    assertThat(entities.headingsRead).isBetween(1, (int) sectionHeadings(production));
    // and the rows are the unit's, as before
    assertThat(entities.units).containsKey("greens-creek");
    assertThat(entities.units.get("greens-creek").pct).isEqualByComparingTo(new BigDecimal("29.73"));
  }

  @Test
  void aHighlightsSectionOverThousandsOfRowsIsReadOncePerBlock() {
    ReleaseText text = read(repeatedAfter(SEED, "FINANCIAL DATA",
        "Sales of products     $    31,630  $   25,864  $  116,353  $  105,700", 2_000));
    Table highlights = tableWith(text, "FINANCIAL DATA");
    assertThat(highlights.valueRows()).hasSizeGreaterThan(2_000);
    Entities entities = new Entities();
    OperatingTables tables = operatingTables(text, entities);
    tables.highlights(highlights);
    assertThat(tables.sectionsRead).isBetween(1, (int) sectionHeadings(highlights));
  }

  @Test
  void theFuzzedCaseARunOfBracketsOverAnAllInBlockIsWorkedOutOnce() {
    // release 5791's shape: "(dollars in thousands)" and a run of '(' inside a block of all-in rows printed many times
    String row = "   Sustaining capital expenditure                           173,000     163,000";
    String block = ("                    (dollars in thousands)\n" + "(".repeat(20_000) + "\n" + (row + "\n").repeat(1_000)).stripTrailing();
    String allIn = """
                             TAMARIND GOLD CORP.
                    All-in Sustaining Costs (unaudited)

                                                               Year Ended
                                                          --------------------
                                                           Dec. 31,   Dec. 31,
                                                               2025       2024

        TAMARIND MINE
        """ + row + "\n" + block + "\n" + row + "\n";
    ReleaseText text = read(allIn);
    Table t = tableWith(text, "TAMARIND MINE");
    assertThat(t.valueRows()).hasSizeGreaterThan(1_000);
    assertThat(t.valueRows().get(t.valueRows().size() - 1).section()).isEqualTo("(".repeat(20_000));
    Entities entities = new Entities();
    OperatingTables tables = operatingTables(text, entities);
    tables.allIn(t);
    assertThat(entities.headingsRead).isBetween(1, (int) sectionHeadings(t));
  }

  @Test
  void aColonLineTooLongForASubHeadingIsNotCarriedOverTheRowsBelowIt() {
    // a 20,000-character line ending in ':' over 1,000 statement rows was read again with every row (dictionary
    // lookup and measure): running text, not a sub-heading; a short colon line still is one
    String row = "   Exploration                                                 1,400       1,400";
    String table = """
                             TAMARIND GOLD CORP.
                 Consolidated Statements of Operations (unaudited)

                                                               Year Ended
                                                          --------------------
                                                           Dec. 31,   Dec. 31,
                                                               2025       2024

        Other operating expenses:
        """ + row + "\n" + "x".repeat(20_000) + " costs:\n" + (row + "\n").repeat(1_000);
    Table t = read(table).tables().stream().max(java.util.Comparator.comparingInt(x -> x.valueRows().size())).orElseThrow();
    assertThat(t.valueRows()).hasSizeGreaterThan(1_000);
    assertThat(t.valueRows().get(0).subheading()).isEqualTo("Other operating expenses:");
    assertThat(t.valueRows().get(t.valueRows().size() - 1).subheading()).isEmpty();
  }

  @Test
  void askingAgainAboutTheHeadingJustAskedAboutGivesWhatWorkingItOutAgainGives() {
    Entities remembered = new Entities();
    String a = "GREENS CREEK UNIT (Reflects Hecla's 29.73% share)";
    String b = "GREENS CREEK UNIT (100% share)";
    for (String h : new String[] {a, a, b, b, a, a, "", "COMBINED SILVER PROPERTIES", a}) {
      Entities fresh = new Entities();
      fresh.entityOf(b);
      fresh.entityOf(h);
      assertThat(remembered.entityOf(h)).as(h).isEqualTo(fresh.entityOf(h));
    }
    // the unit's share is the one its last heading printed, as when every row worked it out
    assertThat(remembered.units.get("greens-creek").pct).isEqualByComparingTo(new BigDecimal("29.73"));
    assertThat(remembered.headingsRead).isEqualTo(6);
  }
}
