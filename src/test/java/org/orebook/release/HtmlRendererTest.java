package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;

/**
 * The HTML rendering of the Hecla example: every figure cell is marked and prints what the text
 * rendering prints, published figures are there, all text is escaped, and the provenance JSON
 * explains every figure.
 */
class HtmlRendererTest {
  static final Path EXAMPLE = Path.of("examples/hecla-2003");
  static final Path PUBLISHED = Path.of("examples/published/hecla-2003-ex99.txt");
  static final Path MINI = Path.of("src/test/resources/datasets/mini");
  static final Pattern TD = Pattern.compile("<td\\b([^>]*)>([^<]*)</td>");
  static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z][a-zA-Z-]*)=\"([^\"]*)\"");
  static final Pattern TR = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>");
  /** A printed figure: grouped digits, optional decimals, parentheses when negative. */
  static final Pattern NUMBER = Pattern.compile("\\(?\\d{1,3}(,\\d{3})*(\\.\\d+)?\\)?");

  static Release release;
  static String fragment;

  /** A {@code <td>}: its attributes and text. */
  record Td(Map<String, String> attributes, String text) {
    boolean fig() {
      return Arrays.asList(attributes.getOrDefault("class", "").split(" ")).contains("fig");
    }
  }

  @BeforeAll
  static void produce() throws Exception {
    release = Releases.produce(EXAMPLE, null);
    fragment = HtmlRenderer.fragment(release);
  }

  static List<Td> cells(String html) {
    List<Td> all = new ArrayList<>();
    Matcher m = TD.matcher(html);
    while (m.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(m.group(1));
      while (a.find()) {
        attributes.put(a.group(1), unescape(a.group(2)));
      }
      all.add(new Td(attributes, m.group(2)));
    }
    return all;
  }

  /** The text an attribute value stands for (the five entities the renderer writes). */
  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** Every cell of every table of the release that has a figure key. */
  static List<Cell> keyedCells() {
    List<Cell> all = new ArrayList<>();
    for (Table t : release.tables()) {
      for (Row r : t.rows()) {
        if (r instanceof Row.Values v) {
          v.cells().stream().filter(c -> c.key().isPresent()).forEach(all::add);
        }
      }
    }
    return all;
  }

  @Test
  void everyFigureCellIsMarkedWithItsKeyAndAUniqueFocusableId() {
    List<Td> figs = cells(fragment).stream().filter(Td::fig).toList();
    long nonZero = keyedCells().stream()
        .filter(c -> release.facts().find(c.key().get()).map(f -> f.value().signum() != 0).orElse(false)).count();
    long present = keyedCells().stream().filter(c -> release.facts().has(c.key().get())).count();

    assertThat(nonZero).as("figure cells of the Hecla release").isGreaterThan(500);
    assertThat(figs.stream().filter(td -> NUMBER.matcher(td.text()).matches()).count())
        .as("fig cells printing a number").isEqualTo(nonZero);
    assertThat(figs).as("fig cells (a zero figure prints its empty text)").hasSize((int) present);
    Set<String> ids = new HashSet<>();
    for (Td td : figs) {
      assertThat(td.attributes()).containsEntry("tabindex", "0").containsKey("data-key").containsKey("id");
      assertThat(ids.add(td.attributes().get("id"))).as("unique id %s", td.attributes().get("id")).isTrue();
    }
    assertThat(fragment).doesNotContain("<html", "<head", "<body");
  }

  /** Per row, the cells print the figures the text rendering prints on that row's line. */
  @Test
  void cellsPrintWhatTheTextRenderingPrints() {
    List<List<Td>> htmlRows = new ArrayList<>();
    Matcher tr = TR.matcher(fragment.replace("\n", " "));
    while (tr.find()) {
      if (tr.group(1).contains("<th scope=\"row\"")) {
        htmlRows.add(cells(tr.group(1)));
      }
    }
    int i = 0;
    int compared = 0;
    for (Table t : release.tables()) {
      for (Row r : t.rows()) {
        if (!(r instanceof Row.Values v)) {
          continue;
        }
        assertThat(i).as("an HTML row for '%s'", v.label()).isLessThan(htmlRows.size());
        List<Td> html = htmlRows.get(i++);
        if (v.cells().isEmpty()) {
          continue;
        }
        // the text rendering of this one row; its figures are the last tokens of its last line
        Table one = new Table(t.id(), List.of(), List.of(), List.of(), "", List.of(v), t.labelWidth(), t.cellWidth(), false);
        List<String> lines = TextRenderer.table(one, release.facts());
        List<String> tokens = Stream.of(lines.get(lines.size() - 1).trim().split("\\s+"))
            .filter(s -> !s.equals("$")).map(s -> s.startsWith("$") ? s.substring(1) : s).toList();
        // a figure the data does not have prints blank in both renderings
        List<String> printed = html.subList(0, v.cells().size()).stream().map(Td::text).filter(x -> !x.isBlank()).toList();
        List<String> expected = tokens.subList(tokens.size() - printed.size(), tokens.size());
        assertThat(printed).as("row '%s' of %s", v.label(), t.id()).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(i).as("rows with a label").isEqualTo(htmlRows.size());
    assertThat(compared).isGreaterThan(100);
  }

  /** Numbers of the first line after the heading starting with {@code heading} that starts with {@code label}. */
  static List<String> publishedRow(String heading, String label) throws IOException {
    List<String> lines = Files.readAllLines(PUBLISHED, StandardCharsets.UTF_8);
    int h = 0;
    while (!lines.get(h).startsWith(heading)) {
      h++;
    }
    int r = h + 1;
    while (!lines.get(r).startsWith(label)) {
      r++;
    }
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(lines.get(r).substring(label.length()));
    while (m.find()) {
      numbers.add(m.group());
    }
    return numbers;
  }

  static Optional<Td> fig(String html, String key) {
    return cells(html).stream().filter(Td::fig).filter(td -> key.equals(td.attributes().get("data-key"))).findFirst();
  }

  @Test
  void showsThePublishedCashCostsPerOunce() throws IOException {
    // Production Data, "  Total cash costs (1)    $     181  $    165  $      154  $      137"
    List<String> camorra = publishedRow("LA CAMORRA UNIT", "  Total cash costs (1)");
    List<String> sebastian = publishedRow("SAN SEBASTIAN UNIT", "  Total cash costs (1)");
    assertThat(camorra).containsExactly("181", "165", "154", "137");
    assertThat(sebastian.get(2)).isEqualTo("(0.25)");

    Optional<Td> fy = fig(fragment, "unit:la-camorra/total_cash_costs_per_oz@FY2003");
    assertThat(fy).isPresent();
    assertThat(fy.get().text()).isEqualTo(camorra.get(2));
    assertThat(fy.get().attributes()).containsEntry("data-cur", "$");
    assertThat(fig(fragment, "unit:la-camorra/total_cash_costs_per_oz@Q4 2003")).map(Td::text).contains(camorra.get(0));
    assertThat(fig(fragment, "unit:san-sebastian/total_cash_costs_per_oz@FY2003")).map(Td::text)
        .contains(sebastian.get(2));
  }

  @Test
  void documentIsAStandalonePage() {
    String doc = HtmlRenderer.document(release);
    assertThat(doc).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<meta charset=\"utf-8\">",
        "<title>Hecla Mining Company", "<style>", "text-align: right", "</html>");
    // the download's cells answer no click; its indents and rules are in the cells' own style too, for a reader
    // without the style sheet (the web page's fragment keeps to the style sheet's classes)
    assertThat(doc.replaceAll(" style=\"[^\"]*\"", "")).contains(fragment.replace(" tabindex=\"0\"", ""));
    assertThat(fragment).doesNotContain(" style=");
    assertThat(doc).contains("<th scope=\"row\" class=\"label indent-2\" style=\"padding-left:1.5em\">",
        "<td class=\"col\" style=\"border-top:none;border-bottom:3px double currentColor\"></td>");
    assertThat(doc.split("<table class=\"release-table\"", -1)).hasSize(release.tables().size() + 1);
    assertThat(Releases.render(release, "html")).isEqualTo(doc);
    assertThat(new String(Releases.renderBytes(release, "html"), StandardCharsets.UTF_8)).isEqualTo(doc);
  }

  @Test
  void escapesTextFromTheDataset(@TempDir Path dir) throws Exception {
    try (Stream<Path> files = Files.list(MINI)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.writeString(dir.resolve("company.csv"), Files.readString(dir.resolve("company.csv"))
        .replace("name,Test Mining Co", "name,\"Test <&> \"\"Quoted\"\" 'Mining' Co\""));
    Files.writeString(dir.resolve("units.csv"), Files.readString(dir.resolve("units.csv"))
        .replace("pit,Big Pit,", "pit,Big <b>Pit</b> & Sons,"));
    Files.writeString(dir.resolve("properties.csv"), Files.readString(dir.resolve("properties.csv"))
        .replace("pit,Big Pit,", "pit,Big <i>Pit</i>,"));
    Release r = Releases.produce(dir, null);
    assertThat(r.company().name()).isEqualTo("Test <&> \"Quoted\" 'Mining' Co");

    String doc = HtmlRenderer.document(r);
    assertThat(doc).contains("<title>Test &lt;&amp;&gt; &quot;Quoted&quot; &#39;Mining&#39; Co",
        "TEST &lt;&amp;&gt; &quot;QUOTED&quot; &#39;MINING&#39; CO", ">BIG &lt;B&gt;PIT&lt;/B&gt; &amp; SONS UNIT<",
        ">Big &lt;i&gt;Pit&lt;/i&gt;, Chile<");
    assertThat(doc).doesNotContain("<&>", "<b>", "<B>", "<i>", "\"Quoted\"", "'Mining'");
    // every '<' opens a tag, every '&' an entity
    assertThat(Pattern.compile("<(?![a-zA-Z/!])").matcher(doc).find()).isFalse();
    assertThat(Pattern.compile("&(?!(amp|lt|gt|quot|#39);)").matcher(doc).find()).isFalse();
  }

  @Test
  void provenanceExplainsEveryFigure() throws IOException {
    JsonNode root = new ObjectMapper().readTree(HtmlRenderer.provenanceJson(release));
    Set<String> keys = new HashSet<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).hasSize(release.facts().size());
    for (Fact f : release.facts().all()) {
      assertThat(keys).contains(f.key().toString());
    }
    cells(fragment).stream().filter(Td::fig)
        .forEach(td -> assertThat(keys).as("provenance of a clicked figure").contains(td.attributes().get("data-key")));

    // an input: production.csv's row of La Camorra's 2003 ore milled, located independently
    List<String> csv = Files.readAllLines(EXAMPLE.resolve("production.csv"), StandardCharsets.UTF_8);
    int index = 0;
    while (!csv.get(index).startsWith("la-camorra,FY2003,ore_milled,")) {
      index++;
    }
    String[] fields = csv.get(index).split(",");
    JsonNode ore = root.get("unit:la-camorra/ore_milled@FY2003");
    assertThat(ore.get("value").asText()).isEqualTo(fields[4]);
    assertThat(ore.get("printed").asText()).isEqualTo("197,591");
    assertThat(ore.get("unit").asText()).isEqualTo("st");
    assertThat(ore.get("label").asText()).contains("La Camorra", "2003");
    JsonNode in = ore.get("origin");
    assertThat(in.get("type").asText()).isEqualTo("input");
    assertThat(in.get("file").asText()).isEqualTo("production.csv");
    assertThat(in.get("line").asInt()).as("1-based line of the file").isEqualTo(index + 1);
    assertThat(in.get("field").asText()).isEqualTo("value");

    // a relation: total cash costs per ounce = total cash costs / ounces
    JsonNode perOz = root.get("unit:la-camorra/total_cash_costs_per_oz@FY2003");
    assertThat(perOz.get("printed").asText()).isEqualTo("154");
    JsonNode rel = perOz.get("origin");
    assertThat(rel.get("type").asText()).isEqualTo("relation");
    assertThat(rel.get("description").asText()).contains(" ").doesNotContain("gi.");
    assertThat(rel.get("operands")).hasSize(2);
    Map<String, BigDecimal> operands = new LinkedHashMap<>();
    for (JsonNode op : rel.get("operands")) {
      BigDecimal v = new BigDecimal(op.get("value").asText());
      operands.put(op.get("key").asText(), v);
      FactKey k = release.facts().all().stream().map(Fact::key).filter(x -> x.toString().equals(op.get("key").asText()))
          .findFirst().orElseThrow();
      assertThat(v).isEqualByComparingTo(release.facts().find(k).orElseThrow().value());
      assertThat(op.get("unit").asText()).isNotEmpty();
    }
    // the reconciliation prints La Camorra's 2003 total cash costs as $19,498 thousand and 127 thousand ounces
    BigDecimal costs = operands.get("unit:la-camorra/total_cash_costs@FY2003");
    BigDecimal ounces = operands.get("unit:la-camorra/cost_ounces@FY2003");
    assertThat(costs.movePointLeft(3)).isEqualByComparingTo("19498");
    assertThat(ounces.movePointLeft(3).setScale(0, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("127");
    assertThat(new BigDecimal(perOz.get("value").asText()).multiply(ounces).subtract(costs).abs())
        .isLessThan(new BigDecimal("0.000001"));
  }
}
