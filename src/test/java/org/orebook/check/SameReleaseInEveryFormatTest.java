package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orebook.edgar.Figure;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.SourceFormat;
import org.orebook.facts.FactKey;

/**
 * One made-up release (Tamarack Gold Corp., third quarter 2025: highlights, statements, an adjusted
 * EBITDA reconciliation introduced by a sentence, cash costs and AISC per ounce sold, operating data
 * by mine) written by hand three ways: fixed-width text (wider columns and deeper indentation than
 * the seed, a label run into its first figure, a negative whose ")" stands apart, tabs, a wrapped
 * label), HTML as filing agents write it ($ and ")" in cells of their own, spacer cells, colspan
 * headings, the unit line and headings as rows, a table nested in a layout table, the balance sheet
 * split over two tables, superscript footnote markers, borders for rules) and Markdown (pipe tables,
 * no rules, bold totals). Every format gives the same figures and the same result, and a one-figure
 * change in a relation-bearing row is caught in each.
 */
class SameReleaseInEveryFormatTest {
  static final Path DIR = Path.of("src/test/resources/releases/formats");
  static final List<String> FILES = List.of("tamarack-2025-q3.txt", "tamarack-2025-q3.htm", "tamarack-2025-q3.md");

  static String read(String name) throws Exception {
    return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
  }

  static CheckResult check(String name, String text) throws Exception {
    return Check.run(ReleaseReader.readText(name, text), Check.Options.defaults());
  }

  /** Every keyed figure (not the repeats) with its exact value. */
  static Map<String, String> figures(CheckResult r) {
    Map<String, String> out = new TreeMap<>();
    r.release().readings().forEach((k, v) -> {
      if (k.printing() == 0) {
        out.put(k.toString(), v.value().stripTrailingZeros().toPlainString() + " " + v.unit());
      }
    });
    return out;
  }

  static List<String> failures(CheckResult r) {
    return r.failures().stream().map(f -> f.relation().id() + " " + f.published().key()).sorted().toList();
  }

  @Test
  void everyFormatIsDetectedFromItsContent() throws Exception {
    assertThat(SourceFormat.detect(read(FILES.get(0)))).isEqualTo(SourceFormat.TEXT);
    assertThat(SourceFormat.detect(read(FILES.get(1)))).isEqualTo(SourceFormat.HTML);
    assertThat(SourceFormat.detect(read(FILES.get(2)))).isEqualTo(SourceFormat.MARKDOWN);
  }

  @Test
  void theSameFiguresAndTheSameResultInEveryFormat() throws Exception {
    CheckResult text = check(FILES.get(0), read(FILES.get(0)));
    assertThat(text.release().figureCount()).isEqualTo(322);
    assertThat(text.release().unmapped()).isEmpty();
    assertThat(text.failures()).isEmpty();
    assertThat(text.proseFailures()).isEmpty();
    assertThat(text.tested()).isGreaterThanOrEqualTo(100);
    assertThat(text.testedIds()).contains("stmt.subtotal", "tie.across_tables", "layout.per_unit", "tie.concept",
        "sum.production_total");
    List<String> ids = new ArrayList<>(text.testedIds());
    Collections.sort(ids);
    for (String other : FILES.subList(1, 3)) {
      CheckResult r = check(other, read(other));
      assertThat(figures(r)).as(other).isEqualTo(figures(text));
      List<String> otherIds = new ArrayList<>(r.testedIds());
      Collections.sort(otherIds);
      assertThat(otherIds).as(other).isEqualTo(ids);
      assertThat(failures(r)).as(other).isEqualTo(failures(text));
      assertThat(r.prose().size()).as(other).isEqualTo(text.prose().size());
      assertThat(r.proseTested().size()).as(other).isEqualTo(text.proseTested().size());
      assertThat(r.coverage()).extracting(CheckResult.Coverage::figures)
          .isEqualTo(text.coverage().stream().map(CheckResult.Coverage::figures).toList());
    }
  }

  @Test
  void filingAgentCellsAreReadAsOneFigure() throws Exception {
    CheckResult r = check(FILES.get(1), read(FILES.get(1)));
    // "(632" in one cell, ")" in the next; "$" in a cell of its own
    Figure finance = r.release().text().tables().stream().flatMap(t -> t.figures().stream())
        .filter(f -> f.label().equals("Finance costs") && f.table().contains("Operations")).findFirst().orElseThrow();
    assertThat(finance.value()).isEqualByComparingTo("-632");
    assertThat(finance.at().table()).isPositive();
    assertThat(finance.at().cell()).isPositive();
    String html = read(FILES.get(1));
    assertThat(html.substring(finance.at().offset(), finance.at().offset() + finance.at().length())).isEqualTo("632");
    // the balance sheet split over two <table> elements is one table, its totals tested across the split
    assertThat(r.release().text().tables().stream().filter(t -> t.name().contains("Balance Sheets")).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tamarack-2025-q3.txt", "tamarack-2025-q3.htm", "tamarack-2025-q3.md"})
  void oneFigureChangedInARelationBearingRowIsCaught(String name) throws Exception {
    String text = read(name);
    CheckResult clean = check(name, text);
    assertThat(clean.failures()).isEmpty();
    List<Figure> bearing = new ArrayList<>();
    for (var t : clean.release().text().tables()) {
      for (Figure f : t.figures()) {
        FactKey k = clean.release().keyOf().get(f);
        if (k != null && clean.involved().contains(k) && f.at().offset() >= 0) {
          bearing.add(f);
        }
      }
    }
    assertThat(bearing).hasSizeGreaterThan(200);
    Collections.shuffle(bearing, new Random(15));
    List<Figure> sample = bearing.subList(0, 40);
    List<String> missed = new ArrayList<>();
    for (Figure f : sample) {
      String mutated = CheckTestSupport.mutateAt(text, f.at().offset(), f.at().length());
      CheckResult r = check(name, mutated);
      boolean caught = r.failures().stream().anyMatch(x -> x.lines().contains(f.line()));
      if (!caught) {
        missed.add(f.toString());
      }
    }
    assertThat(sample.size() - missed.size()).as("caught of " + sample.size() + "; missed: " + missed)
        .isGreaterThanOrEqualTo(36);
  }

  @Test
  void aFormatCanBeForced() throws Exception {
    // Markdown read as plain text: its pipe rows are not tables then
    var md = ReleaseReader.readText("md", read(FILES.get(2)), Optional.of(SourceFormat.TEXT));
    assertThat(md.format()).isEqualTo(SourceFormat.TEXT);
    assertThat(md.figureCount()).isLessThan(322);
  }
}
