package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.cli.Main;
import org.orebook.data.DatasetSource;
import org.orebook.quantity.Interval;
import org.orebook.quantity.Unit;
import org.orebook.quantity.UnitSystem;

/**
 * {@code orebook release DATASET --units metric|imperial}: the seed (hecla-2003) in metric units
 * reads back, figure by figure, as the imperial release once its tonnes, g/t and dollars per tonne
 * are converted back exactly and compared within the rounding of both printed figures; every other
 * figure is printed the same. The made-up company's metric property (tonnes, g/t) reads as it was
 * entered in a metric release, and metric production inputs print in short tons and oz/ton in an
 * imperial one.
 */
class UnitsTest {
  static final String SEED = "examples/hecla-2003";
  static final String ANDES = "src/test/resources/datasets/andes-copper";
  /** The table sections, whose lines the two releases print one for one. */
  static final List<String> TABLES = List.of("ESTIMATED ORE RESERVES", "HIGHLIGHTS", "Consolidated Statements of Operations",
      "Consolidated Balance Sheets", "Consolidated Statements of Cash Flows", "Production Data", "HEDGED POSITIONS",
      "Reconciliation of Cash Costs per Ounce");
  private static final Pattern UNIT_WORDS = Pattern.compile("(?i)\\btons?\\b|oz\\.?/ton|\\bst\\b");
  private static final String NUM = "(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?";
  private static final Pattern TOKEN_CELL = Pattern.compile("\\$|--?|\\(" + NUM + "\\)|-?" + NUM);

  @TempDir
  static Path store;

  static String metric;
  static String imperial;
  static String stored;

  static String release(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--db", "jdbc:h2:" + store.resolve("store").toAbsolutePath()));
    int code = Main.execute(a.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("exit code of %s (stderr: %s)", a, err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void produce() {
    metric = release("release", SEED, "--units", "metric");
    imperial = release("release", SEED, "--units", "imperial");
    stored = release("release", SEED);
  }

  // ---------------------------------------------------------------- words

  @Test
  void test_metric_labelsSayTonnesAndGramsPerTonne() {
    assertThat(metric).contains("Tonnes of ore processed", "Tonnes of ore milled", "Mining cost per tonne",
        "Milling cost per tonne", "(g/t)", "Lead produced (tonnes)", "Zinc - Tonnes", "Mine - (Hecla interest in %)     Tonnes",
        "(tonnes)", "tonnes of zinc", "the tables below give the tonnes");
    List<String> imperialWords = metric.lines().filter(l -> UNIT_WORDS.matcher(l).find()).toList();
    assertThat(imperialWords).as("lines of the metric release naming tons or oz/ton").isEmpty();
    // precious metals stay in troy ounces, base-metal prices in cents per pound
    assertThat(metric).contains("Gold - Ounces", "Silver produced (oz.)", "(ounces)", "(cents/pound)");
  }

  @Test
  void test_imperial_isTheSeedAsStored() {
    assertThat(imperial).isEqualTo(stored);
    assertThat(imperial).contains("Tons of ore processed", "Mining cost per ton ", "(oz./ton)", "Lead - Tons");
  }

  @Test
  void test_unknownUnits_areRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(new String[] {"release", SEED, "--units", "furlongs"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--units 'furlongs' is not metric or imperial");
  }

  // ---------------------------------------------------------------- numbers

  /** How a metric figure turns back into its imperial one, read from its row label or its column header. */
  private static Unit[] conversionOf(String metricLabel) {
    if (metricLabel.contains("Tonnes") || metricLabel.contains("(tonnes)")) {
      return new Unit[] {Unit.TONNE, Unit.SHORT_TON};
    }
    if (metricLabel.contains("(g/t)")) {
      return new Unit[] {Unit.GRAMS_PER_TONNE, Unit.OUNCES_PER_TON};
    }
    if (metricLabel.contains("per tonne")) {
      return new Unit[] {Unit.USD_PER_TONNE, Unit.USD_PER_TON};
    }
    return null;
  }

  /** The trailing cells of a table line ("598,179", "-", "528.0"), dollar signs dropped. */
  private static List<String> cells(String line) {
    List<String> tokens = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
    int first = tokens.size();
    while (first > 0 && TOKEN_CELL.matcher(tokens.get(first - 1)).matches()) {
      first--;
    }
    return tokens.subList(first, tokens.size()).stream().filter(t -> !t.equals("$")).toList();
  }

  private static int decimals(String printed) {
    int dot = printed.indexOf('.');
    return dot < 0 ? 0 : printed.replace(")", "").length() - dot - 1;
  }

  private static BigDecimal value(String printed) {
    return new BigDecimal(PrintedNumbers.normalize(printed).orElseThrow(() -> new AssertionError("not a number: " + printed)));
  }

  @Test
  void test_metricFigures_convertBackToTheImperialOnes() {
    List<PrintedNumbers.TextSection> m = PrintedNumbers.splitAtTitles(PrintedNumbers.lines(metric), TABLES);
    List<PrintedNumbers.TextSection> i = PrintedNumbers.splitAtTitles(PrintedNumbers.lines(imperial), TABLES);
    int converted = 0;
    int same = 0;
    for (int s = 0; s < TABLES.size(); s++) {
      List<String> ml = m.get(s).lines();
      List<String> il = i.get(s).lines();
      assertThat(ml).as("lines of %s", TABLES.get(s)).hasSameSizeAs(il);
      List<Unit[]> columns = null;
      for (int n = 0; n < ml.size(); n++) {
        String a = ml.get(n);
        String b = il.get(n);
        if (a.startsWith("Mine - (")) {
          // a reserve table's header: the unit of each column
          List<String> heads = Arrays.stream(a.substring(a.indexOf("%)") + 2).trim().split("\\s+")).toList();
          columns = heads.stream().map(UnitsTest::conversionOf).toList();
          continue;
        }
        if (a.startsWith("- ---") && columns != null && n > 0 && ml.get(n - 1).isBlank()) {
          columns = null;
        }
        List<String> ca = cells(a);
        List<String> cb = cells(b);
        if (columns != null && ca.size() > columns.size() && cb.size() == ca.size()) {
          // a footnote marker ends the label: "San Sebastian Unit (1)"
          ca = ca.subList(ca.size() - columns.size(), ca.size());
          cb = cb.subList(cb.size() - columns.size(), cb.size());
        }
        if (ca.isEmpty() || a.startsWith("-") || a.startsWith("=")) {
          continue;
        }
        assertThat(cb).as("cells of line %d of %s:%n%s%n%s", n, TABLES.get(s), a, b).hasSameSizeAs(ca);
        Unit[] byLabel = conversionOf(a.substring(0, a.length() - String.join(" ", ca).length()));
        for (int c = 0; c < ca.size(); c++) {
          Unit[] conv = columns != null && columns.size() == ca.size() ? columns.get(c) : byLabel;
          String pa = ca.get(c);
          String pb = cb.get(c);
          if (pa.startsWith("-") && pa.matches("--?")) {
            assertThat(pb).isEqualTo(pa);
            continue;
          }
          if (conv == null) {
            assertThat(value(pb)).as("line %d of %s: %s", n, TABLES.get(s), a).isEqualByComparingTo(value(pa));
            same++;
            continue;
          }
          Interval printed = Interval.printed(value(pa), decimals(pa));
          Interval back = new Interval(conv[0].convert(printed.lo(), conv[1]), conv[0].convert(printed.hi(), conv[1]));
          assertThat(back.overlaps(Interval.printed(value(pb), decimals(pb))))
              .as("%s %s in %s (line %d: %s) is %s..%s %s; the imperial release prints %s", pa, conv[0].code(),
                  TABLES.get(s), n, a.trim(), back.lo(), back.hi(), conv[1].code(), pb).isTrue();
          converted++;
        }
      }
    }
    // tons and grades of 3 reserve tables, production data, highlights: the figures converted
    assertThat(converted).isGreaterThan(140);
    assertThat(same).isGreaterThan(500);
  }

  @Test
  void test_prose_tonnesAreTheTonsConverted() {
    Pattern tonnes = Pattern.compile("([\\d,]+) tonnes of (\\w+)");
    Pattern tons = Pattern.compile("([\\d,]+) tons of (\\w+)");
    String mp = String.join(" ", metric.lines().map(String::trim).toList());
    String ip = String.join(" ", imperial.lines().map(String::trim).toList());
    Matcher a = tonnes.matcher(mp);
    Matcher b = tons.matcher(ip);
    int n = 0;
    while (a.find()) {
      assertThat(b.find()).isTrue();
      assertThat(a.group(2)).isEqualTo(b.group(2));
      BigDecimal st = Unit.TONNE.convert(value(a.group(1)), Unit.SHORT_TON);
      assertThat(Interval.printed(st, 0).overlaps(new Interval(value(b.group(1)).subtract(new BigDecimal("0.5")),
          value(b.group(1)).add(new BigDecimal("0.5"))))).as("%s tonnes vs %s tons", a.group(1), b.group(1)).isTrue();
      n++;
    }
    assertThat(n).isEqualTo(2);
  }

  @Test
  void test_everyFormat_isMetric() throws Exception {
    Release r = Releases.produce(Path.of(SEED), null, UnitSystem.METRIC);
    String csv = Releases.render(r, "csv");
    assertThat(csv.lines().filter(l -> l.contains("Tonnes of ore processed")).findFirst().orElseThrow())
        .contains(",t,").contains("47674.");
    assertThat(csv.lines().filter(l -> l.contains("Mining cost per tonne")).findFirst().orElseThrow()).contains(",USD/t,");
    assertThat(csv).doesNotContain(",st,", ",oz/ton,", ",USD/ton,");
    JsonNode figures = new ObjectMapper().readTree(Releases.render(r, "json")).get("figures");
    for (JsonNode f : figures) {
      assertThat(f.get("unit").asText()).as("unit of %s", f).isNotIn("st", "oz/ton", "USD/ton");
    }
    String html = Releases.render(r, "html");
    assertThat(html).contains("Tonnes of ore processed", "(g/t)", "Mining cost per tonne").doesNotContain("oz./ton");
    // the provenance of a converted figure leads to its input row
    JsonNode prov = new ObjectMapper().readTree(HtmlRenderer.provenanceJson(r));
    JsonNode ore = prov.get("unit:la-camorra/ore_milled@FY2003");
    assertThat(ore.get("unit").asText()).isEqualTo("t");
    assertThat(ore.get("origin").get("type").asText()).isEqualTo("input");
    assertThat(ore.get("origin").get("file").asText()).isEqualTo("production.csv");
    assertThat(ore.get("origin").get("conversion").get("value").asText()).isEqualTo("197591");
    JsonNode perTonne = prov.get("unit:la-camorra/mining_cost_per_ton@FY2003");
    assertThat(perTonne.get("unit").asText()).isEqualTo("USD/t");
    assertThat(perTonne.get("origin").get("type").asText()).isEqualTo("relation");
    assertThat(perTonne.get("origin").get("operands").get(1).get("unit").asText()).isEqualTo("t");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
        Releases.renderBytes(r, "xlsx")))) {
      List<String> labels = new ArrayList<>();
      wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
          labels.add(cell.getStringCellValue());
        }
      })));
      assertThat(labels).contains("Tonnes of ore processed", "Mining cost per tonne").doesNotContain("Tons of ore processed");
    }
  }

  // ---------------------------------------------------------------- a dataset entered in metric

  @Test
  void test_andesMetricProperty_roundTrips() throws Exception {
    // reserves.csv gives Atacama in tonnes and g/t; the loader keeps them as written
    Release m = Releases.produce(DatasetSource.folder(Path.of(ANDES)), null, UnitSystem.METRIC);
    String text = Releases.render(m, "text");
    assertThat(PrintedNumbers.findRow(PrintedNumbers.lines(text), 0, "Atacama, Chile").orElseThrow().numbers())
        .startsWith("50000000", "0.80", "0.40");
    // the imperial release: the same property in short tons and oz/ton
    Release i = Releases.produce(DatasetSource.folder(Path.of(ANDES)), null, UnitSystem.IMPERIAL);
    assertThat(PrintedNumbers.findRow(PrintedNumbers.lines(Releases.render(i, "text")), 0, "Atacama, Chile").orElseThrow()
        .numbers()).startsWith("55115566", "0.023", "0.40");
    // and the contained gold is the same ounces either way: 50,000,000 t x 0.80 g/t = 40,000,000 g
    assertThat(text).contains("Atacama, Chile                 1,286,030");
    assertThat(Releases.render(i, "text")).contains("Atacama, Chile                 1,286,030");

    // the JSON names the input row the figure was entered in, and the conversion
    JsonNode figures = new ObjectMapper().readTree(Releases.render(m, "json")).get("figures");
    JsonNode tons = null;
    for (JsonNode f : figures) {
      if (f.get("entity").asText().equals("property:atacama") && f.get("concept").asText().equals("tons_100pct")) {
        tons = f;
      }
    }
    assertThat(tons).isNotNull();
    // kept as written: exactly 50,000,000 tonnes, no conversion on the way in or out
    assertThat(tons.get("unit").asText()).isEqualTo("t");
    assertThat(tons.get("value").asText()).isEqualTo("50000000");
    assertThat(tons.get("origin").get("type").asText()).isEqualTo("input");
    assertThat(tons.get("origin").get("file").asText()).isEqualTo("reserves.csv");
    assertThat(tons.get("origin").has("conversion")).isFalse();
  }

  @Test
  void test_metricProductionInputs_printImperialOnRequest(@TempDir Path dir) throws IOException,
      org.orebook.data.DatasetException {
    try (Stream<Path> files = Files.list(Path.of(ANDES))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    // Atacama's FY2025 ore in tonnes (exactly 4,000,000 short tons) and its gold grade in g/t (0.035 oz/ton)
    Path production = dir.resolve("production.csv");
    String csv = Files.readString(production)
        .replace("atacama,FY2025,ore_milled,,4000000,st", "atacama,FY2025,ore_milled,,3628738.96,t")
        .replace("atacama,FY2025,grade,AU,0.030,oz/ton", "atacama,FY2025,grade,AU,1.2,g/t");
    Files.writeString(production, csv);
    String byDefault = Releases.render(Releases.produce(DatasetSource.folder(dir), null), "text");
    List<String> metric = PrintedNumbers.lines(Releases.render(
        Releases.produce(DatasetSource.folder(dir), null, UnitSystem.METRIC), "text"));
    String imperial = Releases.render(Releases.produce(DatasetSource.folder(dir), null, UnitSystem.IMPERIAL), "text");
    List<String> imp = PrintedNumbers.lines(imperial);
    // a dataset mixing tonnes and short tons prints, by default, in the system most of its figures are written in
    assertThat(byDefault).isEqualTo(imperial);
    int at = PrintedNumbers.indexOf(metric, 0, t -> t.startsWith("Production Data"));
    // 3,800,000 st x 0.90718474 = 3,447,302.012 t
    assertThat(PrintedNumbers.findRow(metric, at, "Tonnes of ore processed").orElseThrow().numbers())
        .containsExactly("3628739", "3447302");
    assertThat(PrintedNumbers.findRow(imp, at, "Tons of ore processed").orElseThrow().numbers())
        .containsExactly("4000000", "3800000");
    assertThat(PrintedNumbers.findRow(imp, at, "Mining cost per ton").orElseThrow().numbers()).first().isEqualTo("10.00");
    assertThat(PrintedNumbers.findRow(imp, at, "Ore grade crushed - Gold (oz./ton)").orElseThrow().numbers()).containsExactly("0.035", "0.028");
  }
}
