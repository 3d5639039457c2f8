package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * The plain-text layout rule (docs/output-formats.md): figure columns as wide as their widest cell or
 * heading, rules as wide as their columns, and a table within 80 columns where its labels and figures
 * allow; running text wrapped at 80 columns.
 */
class TextRendererTest {
  private static final Period P = new Period.Year(2025);

  private static FactKey key(String concept) {
    return FactKey.of(Entity.COMPANY, concept, P);
  }

  private static void put(FactSet facts, String concept, String value) {
    facts.add(new Fact(key(concept), new BigDecimal(value), Unit.USD, new Origin.Input("test.csv", 2, "value")));
  }

  /** The column a printed number's last digit is in (a negative's closing parenthesis hangs one further). */
  private static int end(String line, String number) {
    int at = line.lastIndexOf(number);
    assertThat(at).as("%s in %s", number, line).isGreaterThanOrEqualTo(0);
    return at + number.length();
  }

  @Test
  void figuresOfEveryWidthEndInOneColumnAndTheRulesSpanThem() {
    FactSet facts = new FactSet();
    put(facts, "a", "7");
    put(facts, "b", "1234567890123");      // ten or more characters once grouped
    put(facts, "c", "-45");
    Table t = new Table("t", List.of(), List.of(), List.of(List.of("Quantity of ore milled"), List.of("Tons")), "", List.of(
        new Row.Values("Small", 0, List.of(Cell.of(key("a"), 0, 0), Cell.of(key("a"), 0, 0))),
        new Row.Values("Large", 0, List.of(Cell.of(key("b"), 0, 0), Cell.of(key("b"), 0, 0))),
        new Row.Values("Negative", 0, List.of(Cell.of(key("c"), 0, 0), Cell.of(key("c"), 0, 0))),
        new Row.Rule('-')), 30, 12, false);
    List<String> lines = TextRenderer.table(t, facts);
    String small = lines.stream().filter(l -> l.startsWith("Small")).findFirst().orElseThrow();
    String large = lines.stream().filter(l -> l.startsWith("Large")).findFirst().orElseThrow();
    String negative = lines.stream().filter(l -> l.startsWith("Negative")).findFirst().orElseThrow();
    assertThat(end(large, "1,234,567,890,123")).isEqualTo(end(small, "7")).isEqualTo(end(negative, "(45"));
    assertThat(large.indexOf("1,234,567,890,123")).as("one space at least between figures")
        .isGreaterThan(large.indexOf(" ", "Large".length()));
    String header = lines.stream().filter(l -> l.contains("Quantity of ore milled")).findFirst().orElseThrow();
    String rule = lines.get(lines.size() - 1);
    // the rule under the first column covers its header, however wide
    int from = header.indexOf("Quantity");
    assertThat(rule.substring(from, from + "Quantity of ore milled".length())).matches("-+");
    assertThat(end(rule, "-")).isGreaterThanOrEqualTo(end(large, "1,234,567,890,123"));
  }

  @Test
  void aTableKeepsWithin80ColumnsWhereItsContentAllows() {
    Random random = new Random(7);
    for (int run = 0; run < 200; run++) {
      FactSet facts = new FactSet();
      int cols = 1 + random.nextInt(9);
      List<List<String>> headers = new ArrayList<>();
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        headers.add(List.of(random.nextBoolean() ? "Gold" : "Tonnes", "(g/t)"));
        String concept = "f" + c;
        put(facts, concept, String.valueOf(random.nextInt(random.nextBoolean() ? 100 : 10_000_000)));
        cells.add(Cell.of(key(concept), 0, 0));
      }
      String label = "Property " + "x".repeat(random.nextInt(30));
      Table t = new Table("t", List.of("A TABLE"), List.of(), headers, "", List.of(new Row.Values(label, 0, cells),
          new Row.Rule('-')), 40, 12, random.nextBoolean());
      int[] w = TextRenderer.widths(t, facts);
      int needed = Math.max(label.length() + 1, TextRenderer.MIN_LABEL_WIDTH);
      for (int c = 0; c < cols; c++) {
        String text = Formats.text(cells.get(c), facts);
        needed += Math.max(text.length() + 2, "Tonnes".length() + 2);
      }
      List<String> lines = TextRenderer.table(t, facts);
      if (needed <= TextRenderer.PAGE_WIDTH) {
        assertThat(lines).as("run %d (needs %d)", run, needed).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
      }
      // never narrower than the content: the row still holds every figure, in order
      String row = lines.stream().filter(l -> l.startsWith("Property")).findFirst().orElseThrow();
      int at = 0;
      for (Cell cell : cells) {
        at = row.indexOf(Formats.text(cell, facts), at);
        assertThat(at).isPositive();
      }
      assertThat(w[0]).isGreaterThanOrEqualTo(Math.min(40, Math.max(label.length() + 1, TextRenderer.MIN_LABEL_WIDTH)));
    }
  }

  @Test
  void runningTextWrapsAt80ColumnsUnderItsMarker() {
    String footnote = "(1) Cash costs per pound represent non-U.S. generally accepted accounting principles (GAAP)"
        + " measurements that management uses to monitor and evaluate the performance of its operations.";
    List<String> lines = TextRenderer.textLine(footnote);
    assertThat(lines).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(lines.get(0)).startsWith("(1) Cash costs");
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("    ").doesNotStartWith("     "));
    assertThat(String.join(" ", lines).replaceAll("\\s+", " ")).isEqualTo(footnote);
    List<String> bullet = TextRenderer.textLine("    --  " + "word ".repeat(30).strip());
    assertThat(bullet.get(1)).startsWith(" ".repeat(8)).doesNotStartWith(" ".repeat(9));
    assertThat(TextRenderer.textLine("short line")).containsExactly("short line");
  }

  @Test
  void aScheduleFarWiderThanThePageContinuesInBlocksOfItsColumns() {
    FactSet facts = new FactSet();
    List<List<String>> headers = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    for (int y = 0; y < 9; y++) {
      headers.add(List.of(String.valueOf(2004 + y)));
      put(facts, "y" + y, String.valueOf(4_010_160 + y));
      cells.add(Cell.of(key("y" + y), 0, 0));
    }
    Table t = new Table("schedule", List.of("A PROJECT"), List.of(), headers, "", List.of(
        new Row.Values("Silver produced (oz.)", 0, cells), new Row.Rule('-')), 25, 10, false);
    List<Table> blocks = TextRenderer.columnBlocks(t, facts);
    assertThat(blocks).hasSizeGreaterThan(1);
    // every column once, in order, each block within the page, the later ones titled as continued
    List<String> years = blocks.stream().flatMap(b -> b.headers().stream()).map(h -> h.get(0)).toList();
    assertThat(years).containsExactly("2004", "2005", "2006", "2007", "2008", "2009", "2010", "2011", "2012");
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(TextRenderer.table(blocks.get(i), facts)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
      assertThat(blocks.get(i).titleLines().contains("(continued)")).isEqualTo(i > 0);
      Row.Values v = (Row.Values) blocks.get(i).rows().get(0);
      assertThat(v.cells()).hasSameSizeAs(blocks.get(i).headers());
    }
    // a table only a little wider than the page stays whole
    Table narrow = new Table("n", List.of(), List.of(), headers.subList(0, 6), "", List.of(
        new Row.Values("Silver produced (oz.)", 0, cells.subList(0, 6))), 25, 10, false);
    assertThat(TextRenderer.columnBlocks(narrow, facts)).containsExactly(narrow);
  }
}
