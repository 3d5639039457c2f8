package org.orebook.edgar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orebook.quantity.Period;

/** Tables in running text: headers to periods, wrapped labels, headings, unit lines, notes. */
class ReleaseReaderTest {
  static final Path SEED = Path.of("examples/published/hecla-2003-ex99.txt");

  static final String SMALL = """
      Some running text about the quarter, with a figure of $12.5 million in it
      and another line of prose that is long enough to be a paragraph line.

                               EXAMPLE MINING CO.
                      Consolidated Statements of Operations
            (dollars and shares in thousands, except per share amounts)

                                Three Months Ended Twelve Months Ended
                                ------------------  ------------------
                                 Dec. 31, Dec. 31, Dec. 31,  Dec. 31,
                                   2003     2002      2003      2002
      Continuing operations:
        Sales of products      $  1,000  $    900  $  4,000  $  3,500
        Cost of sales and other
         direct production costs    600       500     2,400     2,100
                               --------  --------  --------  --------
      Income (loss) from operations
       before income taxes and
       cumulative effect             400       400     1,600     1,400
                               ========  ========  ========  ========

      (1) The following table reconciles net income to a non-GAAP measure
          that management uses:

        Net income               $    400  $    400  $  1,600  $  1,400
        Adjustment                     --        (6)       10        --
                               --------  --------  --------  --------
        Adjusted income          $    400  $    394  $  1,610  $  1,400

      More prose after the table, which ends it for good and all, truly.
      """;

  @Test
  void mapsMultiLineHeadersToPeriodsAndJoinsWrappedLabels() throws Exception {
    ReleaseText r = ReleaseReader.readText("small", SMALL);
    assertThat(r.tables()).hasSize(2);
    Table ops = r.tables().get(0);
    assertThat(ops.name()).endsWith("Consolidated Statements of Operations");
    assertThat(ops.unit()).hasValueSatisfying(u -> {
      assertThat(u.scaled()).containsExactlyInAnyOrder("dollars", "shares");
      assertThat(u.exponent()).isEqualTo(3);
      assertThat(u.except()).contains("share");
    });
    assertThat(ops.columns()).extracting(c -> c.period().orElseThrow()).containsExactly(new Period.Quarter(2003, 4),
        new Period.Quarter(2002, 4), new Period.Year(2003), new Period.Year(2002));
    List<TableRow.Values> rows = ops.valueRows();
    assertThat(rows).extracting(TableRow.Values::label).containsExactly("Sales of products",
        "Cost of sales and other direct production costs",
        "Income (loss) from operations before income taxes and cumulative effect");
    TableRow.Values cos = rows.get(1);
    assertThat(cos.subheading()).isEqualTo("Continuing operations:");
    Figure f = cos.cells().get(2).orElseThrow();
    assertThat(f.value()).isEqualByComparingTo("2400");
    assertThat(f.line()).isEqualTo(cos.line());
    assertThat(cos.firstLine()).isEqualTo(cos.line() - 1);
  }

  @Test
  void aTableInAFootnoteTakesTheColumnsOfTheTableAbove() throws Exception {
    Table note = ReleaseReader.readText("small", SMALL).tables().get(1);
    assertThat(note.continues()).isTrue();
    assertThat(note.context()).contains("non-GAAP");
    assertThat(note.columns().get(1).period()).contains(new Period.Quarter(2002, 4));
    TableRow.Values adj = note.valueRows().get(1);
    assertThat(adj.cells().get(0)).hasValueSatisfying(x -> assertThat(x.dash()).isTrue());
    assertThat(adj.cells().get(1).map(Figure::value)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-6"));
  }

  @Test
  void readsEveryTableOfTheSeed() throws Exception {
    ReleaseText r = ReleaseReader.read(SEED);
    assertThat(r.companyName()).contains("HECLA MINING COMPANY");
    assertThat(r.latestYear()).contains(new Period.Year(2003));
    assertThat(r.tables()).extracting(Table::name).contains("Proven and Probable", "Mineralized Material (4)",
        "Other Resources (5)", "HIGHLIGHTS", "Consolidated Statements of Operations", "Consolidated Balance Sheets",
        "Consolidated Statements of Cash Flows", "Production Data");
    assertThat(r.figureCount()).isEqualTo(806);
    // the wrapped label of line 498-501 and its figures on line 501
    Figure ibt = r.tables().stream().flatMap(t -> t.figures().stream())
        .filter(f -> f.line() == 501).findFirst().orElseThrow();
    assertThat(ibt.label()).isEqualTo(
        "Income (loss) from operations before income taxes and cumulative effect of change in accounting principle");
    assertThat(ibt.period()).contains(new Period.Quarter(2003, 4));
    // a blank cell stays blank: Lucky Friday has no gold grade (line 221)
    TableRow.Values lf = r.tables().get(0).valueRows().get(0);
    assertThat(lf.cells().get(1)).isEmpty();
    assertThat(lf.cells().get(2).map(Figure::value)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("15.4"));
    // the reconciliation's group header is printed without two spaces between its halves
    Table rec = r.tables().stream().filter(t -> t.name().startsWith("Reconciliation")).findFirst().orElseThrow();
    assertThat(rec.columns()).extracting(c -> c.period().orElseThrow().code()).containsExactly("Q4 2003", "Q4 2002",
        "FY2003", "FY2002");
    assertThat(rec.unit().orElseThrow().scaled()).containsExactlyInAnyOrder("dollars", "ounces");
  }

  @Test
  void periodsFromHeaderWords() {
    assertThat(ReleaseReader.period("Three Months Ended", "September 30, 2004")).contains(new Period.Quarter(2004, 3));
    assertThat(ReleaseReader.period("Year ended December 31,", "2004")).contains(new Period.Year(2004));
    assertThat(ReleaseReader.period("", "Dec. 31, 2002")).contains(new Period.Year(2002));
    assertThat(ReleaseReader.period("Nine Months Ended", "Sept. 30, 2004")).contains(Period.parse("9M 2004").orElseThrow());
    assertThat(ReleaseReader.period("Six Months Ended", "Sept. 30, 2004")).isEmpty();
    assertThat(ReleaseReader.period("Second Quarter Ended", "2004")).contains(new Period.Quarter(2004, 2));
    assertThat(ReleaseReader.period("", "Gold (oz/ton)")).isEqualTo(Optional.empty());
  }

  @Test
  void rejectsWhatIsNotText() {
    assertThatThrownBy(() -> ReleaseReader.read("x", new byte[0])).hasMessageContaining("empty");
    assertThatThrownBy(() -> ReleaseReader.read("x", new byte[] {1, 2, 0, 4})).hasMessageContaining("binary");
    assertThatThrownBy(() -> ReleaseReader.readText("x", "  \n\t\n")).hasMessageContaining("no text");
  }

  /**
   * The fiscal year end is worked out from the text around each "ended"/"ending" only: on documents
   * generated with a seeded Random (period phrases between filler of any length), the same answer
   * as from the whole text.
   */
  @Test
  void theFiscalYearEndFromTheTextAroundEndedIsTheWholeTextsAnswer() {
    String[] phrases = {"nine months ended March 31, 2025", "Three Months Ended   Nine Months Ended\n March 31,  March 31,",
        "for the six months ended December 31, 2024", "Third Quarter Ended March 31, 2025", "fiscal year ended June 30, 2025",
        "Nine Months Ended Sept. 30, 2024", "fiscal 2025 ending September 30", "twelve months ended December 31",
        "the year ended June 30", "second fiscal quarter ending: Aug. 31", "26 weeks ended June 30", "recommended and attended",
        "tended to end", "ENDED", "the mine's life ended"};
    String[] filler = {"Gold production rose on higher grades at the mill. ", "Sales of products    1,000    900\n", "  ",
        "Net income attributable to shareholders was $12.5 million. ", "\n\n", "x"};
    java.util.Random random = new java.util.Random(1515);
    java.util.Set<java.time.Month> answers = new java.util.HashSet<>();
    for (int doc = 0; doc < 300; doc++) {
      StringBuilder sb = new StringBuilder();
      int parts = random.nextInt(40);
      for (int p = 0; p < parts; p++) {
        if (random.nextInt(4) == 0) {
          sb.append(phrases[random.nextInt(phrases.length)]).append(random.nextBoolean() ? " " : "\n");
        } else {
          for (int f = random.nextInt(12); f > 0; f--) {
            sb.append(filler[random.nextInt(filler.length)]);
          }
        }
      }
      String text = sb.toString();
      org.orebook.quantity.FiscalYearEnd whole = PeriodHeadings.yearEnd(text);
      answers.add(whole.month());
      assertThat(PeriodHeadings.yearEnd(ReleaseReader.aroundEnded(text))).as(text).isEqualTo(whole);
    }
    assertThat(answers).as("the generator reaches more than one answer").hasSizeGreaterThan(2);
  }
}
