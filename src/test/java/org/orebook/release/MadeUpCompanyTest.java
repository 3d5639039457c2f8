package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.cli.Main;

/**
 * A second, made-up company ({@code src/test/resources/datasets/andes-copper}, Cordillera Metals
 * Corp.): the release prints the figures worked out by hand in that folder's {@code EXPECTED.md},
 * each on its row in its section and unit block. Columns are FY2025, FY2024 (a year-only release).
 * Also: a broken copy of the dataset is refused with exit code 2 and a message naming file, line
 * and field.
 */
class MadeUpCompanyTest {
  static final String DATASET = "src/test/resources/datasets/andes-copper";
  static final List<String> TITLES = List.of("ESTIMATED ORE RESERVES", "HIGHLIGHTS", "Consolidated Statements of Operations",
      "Consolidated Balance Sheets", "Consolidated Statements of Cash Flows", "Production Data", "HEDGED POSITIONS",
      "Reconciliation of Cash Costs per Ounce");
  /** Headings of the unit blocks of the production and reconciliation tables. */
  static final List<String> BLOCKS = List.of("ATACAMA", "HUANCAYO", "MUSKEG LAKE", "COMBINED GOLD PROPERTIES",
      "COMBINED SILVER PROPERTIES");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static List<PrintedNumbers.TextSection> sections;

  @BeforeAll
  static void produce() {
    Run r = run("release", DATASET, "--format", "text");
    assertThat(r.code()).as("exit code (stderr: %s)", r.err()).isZero();
    sections = PrintedNumbers.splitAtTitles(PrintedNumbers.lines(r.out()), TITLES);
  }

  static List<String> section(String title) {
    return sections.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().lines();
  }

  /** The lines of a unit block: from the heading line naming the unit to the next block heading. */
  static List<String> block(String sectionTitle, String heading) {
    List<String> lines = section(sectionTitle);
    int start = PrintedNumbers.indexOf(lines, 0, t -> isHeading(t) && t.toUpperCase(Locale.ROOT).startsWith(heading));
    assertThat(start).as("a heading line for %s in %s", heading, sectionTitle).isNotNegative();
    int end = PrintedNumbers.indexOf(lines, start + 1,
        t -> isHeading(t) && BLOCKS.stream().anyMatch(b -> !b.equals(heading) && t.startsWith(b)));
    return lines.subList(start, end < 0 ? lines.size() : end);
  }

  private static boolean isHeading(String trimmed) {
    return !trimmed.isEmpty() && PrintedNumbers.tableNumbers(trimmed).isEmpty()
        && trimmed.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
        || trimmed.matches("[A-Z][A-Z ]+ UNIT\\b.*");
  }

  /** The numbers of the first row at or after {@code from} in {@code lines} whose label starts with {@code label}. */
  static List<String> row(List<String> lines, int from, String label) {
    var r = PrintedNumbers.findRow(lines, from, label);
    assertThat(r).as("a row '%s...' in:%n%s", label, String.join("\n", lines.subList(Math.max(0, from), lines.size())))
        .isPresent();
    return r.get().numbers();
  }

  static List<String> row(List<String> lines, String label) {
    return row(lines, 0, label);
  }

  /** Index of the line where {@code phrase} ends, the phrase possibly wrapped over up to three lines. */
  static int phraseAt(List<String> lines, int from, String phrase) {
    for (int i = from; i < lines.size(); i++) {
      StringBuilder joined = new StringBuilder();
      for (int j = Math.max(from, i - 2); j <= i; j++) {
        joined.append(' ').append(lines.get(j).trim());
      }
      if (joined.toString().replaceAll("\\s+", " ").contains(phrase)) {
        return i;
      }
    }
    throw new AssertionError("no '" + phrase + "' in:\n" + String.join("\n", lines));
  }

  // ------------------------------------------------------------------ EXPECTED.md, item by item

  @Test
  void perTonCost() { // 1
    assertThat(row(block("Production Data", "HUANCAYO"), "Mining cost per ton")).containsExactly("50.00", "49.00");
  }

  @Test
  void silverMinePerOunceWithBaseMetalCredits() { // 2
    List<String> b = block("Production Data", "HUANCAYO");
    assertThat(row(b, "Cash operating costs")).containsExactly("2.40", "2.74");
    assertThat(row(b, "Total cash costs")).containsExactly("2.87", "3.22");
    assertThat(row(b, "Total production costs")).containsExactly("4.51", "4.86");
  }

  @Test
  void goldMinePerOunceWithCopperCredit() { // 3
    List<String> b = block("Production Data", "ATACAMA");
    assertThat(row(b, "Tons of ore processed")).containsExactly("4000000", "3800000");
    assertThat(row(b, "Total cash costs")).containsExactly("580", "600");
    assertThat(row(b, "Total production costs")).containsExactly("703", "723");
  }

  @Test
  void jointVentureOnTheCompanysShare() { // 4
    List<String> b = block("Production Data", "MUSKEG LAKE");
    assertThat(b.get(0)).contains("50%");
    assertThat(row(b, "Total cash costs")).containsExactly("640", "644");
  }

  @Test
  void gaapCostOfSalesReconciliation() { // 5
    List<String> b = block("Reconciliation of Cash Costs per Ounce", "ATACAMA");
    assertThat(row(b, "Costs of sales and other direct production costs")).containsExactly("73800", "71300");
  }

  @Test
  void combinedGoldAcrossTwoUnits() { // 6
    List<String> b = block("Reconciliation of Cash Costs per Ounce", "COMBINED GOLD PROPERTIES");
    assertThat(row(b, "Total cash costs")).containsExactly("90000", "87920");
    assertThat(row(b, "Divided by gold ounces")).containsExactly("150", "143");
    assertThat(row(b, "Total cash cost per ounce")).containsExactly("600", "615");
    assertThat(row(b, "Costs of sales and other direct production costs")).containsExactly("105200", "101300");
    List<String> h = section("HIGHLIGHTS");
    int gold = phraseAt(h, 0, "ounce of gold produced");
    assertThat(row(h, gold, "Total cash costs")).containsExactly("600", "615");
  }

  @Test
  void segmentGrossProfit() { // 7
    List<String> h = section("HIGHLIGHTS");
    int gp = PrintedNumbers.indexOf(h, 0, t -> t.equals("GROSS PROFIT"));
    assertThat(gp).as("GROSS PROFIT heading").isNotNegative();
    assertThat(row(h, gp, "Silver operations")).containsExactly("139050", "92660");
    assertThat(row(h, gp, "Total gross profit")).containsExactly("397150", "275360");
  }

  @Test
  void companyGoldProduction() { // 8
    assertThat(row(section("HIGHLIGHTS"), "Gold - Ounces")).containsExactly("150000", "143000");
  }

  @Test
  void containedGoldOnTheFiftyPercentShare() { // 9
    List<String> r = section("ESTIMATED ORE RESERVES");
    // the gold column prints three decimals: Atacama's 0.023 oz/ton would show one digit at two
    assertThat(row(r, "Muskeg Lake")).as("tons and grade").containsExactly("1000000", "0.250");
    int contained = PrintedNumbers.indexOf(r, 0, t -> t.contains("(ounces)"));
    assertThat(contained).as("header of the contained-metal table").isNotNegative();
    assertThat(row(r, contained, "Muskeg Lake")).containsExactly("250000");
  }

  @Test
  void containedMetalFromTonnesAndGramsPerTonne() { // 10
    List<String> r = section("ESTIMATED ORE RESERVES");
    int contained = PrintedNumbers.indexOf(r, 0, t -> t.contains("(ounces)"));
    assertThat(row(r, contained, "Atacama")).as("gold oz, copper tons").containsExactly("1286030", "220462");
    assertThat(row(r, contained, "TOTAL")).containsExactly("1536030", "30000000", "220462", "60000", "150000");
  }

  @Test
  void metricReserveRowPrintsInTheTablesUnits() { // 11
    // the dataset mixes tonnes (Atacama) with short tons (the rest): printed in the system most figures are
    // written in, here imperial. Headings say Tons and Gold (oz/ton): 50,000,000 t = 55,115,566 st;
    // 0.80 g/t = 0.80 x 7/240 = 0.0233 oz/ton, printed to three decimals (two would leave one digit); copper 0.40%
    assertThat(row(section("ESTIMATED ORE RESERVES"), "Atacama")).containsExactly("55115566", "0.023", "0.40");
  }

  @Test
  void basicEarningsPerShare() { // 12
    List<String> ops = section("Consolidated Statements of Operations");
    assertThat(row(ops, "Net income")).containsExactly("250000", "160000");
    assertThat(row(ops, "Basic income (loss) per common share")).containsExactly("1.25", "0.82");
    assertThat(row(section("HIGHLIGHTS"), "Basic income (loss) per common share")).containsExactly("1.25", "0.82");
  }

  @Test
  void totalAssets() { // 13
    List<String> bs = section("Consolidated Balance Sheets");
    assertThat(row(bs, "Total assets")).containsExactly("1400000", "1180000");
    assertThat(row(bs, "Total liabilities and shareholders' equity")).containsExactly("1400000", "1180000");
  }

  @Test
  void cashAtEndOfYear() { // 14
    List<String> cf = section("Consolidated Statements of Cash Flows");
    assertThat(row(cf, "Net cash provided by operating activities")).containsExactly("265100", "180000");
    assertThat(row(cf, "Cash and cash equivalents at end of year")).containsExactly("300000", "150000");
  }

  @Test
  void yearOnlyReleaseHasNoQuarterColumns() {
    for (String t : List.of("HIGHLIGHTS", "Production Data", "Reconciliation of Cash Costs per Ounce")) {
      assertThat(String.join("\n", section(t))).as(t).doesNotContain("Quarter").doesNotContain("Three Months");
    }
  }

  // ------------------------------------------------------------------ a broken copy is refused

  @TempDir
  Path tmp;

  /** A copy of the dataset with {@code row} inserted into {@code file} so that it is line {@code line} (1-based). */
  Path brokenCopy(String file, int line, String row) throws IOException {
    Path copy = tmp.resolve("andes-copper");
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(Path.of(DATASET))) {
      for (Path p : s.toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve(file), StandardCharsets.UTF_8));
    assertThat(line).isBetween(2, lines.size() + 1);
    lines.add(line - 1, row);
    Files.writeString(copy.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return copy;
  }

  static int lineCount(String file) throws IOException {
    return Files.readAllLines(Path.of(DATASET, file), StandardCharsets.UTF_8).size();
  }

  /** Runs the release on a broken dataset: exit 2, nothing on out, and one error line naming file, line and field. */
  static String refused(Path dataset, String file, int line, String field) {
    Run r = run("release", dataset.toString(), "--format", "text");
    assertThat(r.code()).as("exit code (stderr: %s)", r.err()).isEqualTo(2);
    assertThat(r.out()).as("nothing computed, nothing printed").isBlank();
    Pattern at = Pattern.compile("\\bline " + line + "\\b");
    String located = r.err().lines()
        .filter(l -> l.contains(file) && at.matcher(l).find() && l.contains(field))
        .findFirst().orElse(null);
    assertThat(located).as("an error line naming %s, line %d and field %s in:%n%s", file, line, field, r.err()).isNotNull();
    return located;
  }

  @Test
  void aBalanceSheetThatDoesNotBalanceIsRefusedWithTheTieAndItsRows() throws IOException {
    // one receivable $10 million too high: total assets no longer equal liabilities and equity
    Path d = brokenCopy("statement_values.csv", 2, "# a copy with one figure changed");
    Path values = d.resolve("statement_values.csv");
    String text = Files.readString(values, StandardCharsets.UTF_8);
    assertThat(text).contains("balance_sheet,receivables,FY2025,40000000,USD");
    Files.writeString(values, text.replace("balance_sheet,receivables,FY2025,40000000,USD",
        "balance_sheet,receivables,FY2025,50000000,USD"), StandardCharsets.UTF_8);
    Run r = run("release", d.toString(), "--format", "text");
    assertThat(r.code()).as("exit code (stderr: %s)", r.err()).isEqualTo(2);
    assertThat(r.out()).as("no release printed").isBlank();
    assertThat(r.err()).contains("the tie 'total assets = total liabilities and equity' does not hold at FY2025")
        .contains("statement_values.csv");
  }

  @Test
  void productionRowNamingAnUnknownUnit() throws IOException {
    int n = lineCount("production.csv") + 1;
    Path d = brokenCopy("production.csv", n, "atakama,FY2025,days,,300,days");
    assertThat(refused(d, "production.csv", n, "unit")).contains("atakama");
  }

  @Test
  void nonNumericValue() throws IOException {
    // inserted after the header and the first comment line: comments count as lines
    Path d = brokenCopy("costs.csv", 3, "huancayo,FY2023,royalties,1.5M,USD");
    assertThat(refused(d, "costs.csv", 3, "value")).contains("1.5M");
  }

  @Test
  void negativeTons() throws IOException {
    // after the blank line and comment that open the Huancayo part of production.csv
    List<String> lines = Files.readAllLines(Path.of(DATASET, "production.csv"), StandardCharsets.UTF_8);
    int n = lines.indexOf("# Huancayo (Peru)") + 2;
    Path d = brokenCopy("production.csv", n, "huancayo,FY2023,ore_milled,,-5000,st");
    assertThat(refused(d, "production.csv", n, "value")).contains("negative");
  }

  @Test
  void duplicateRow() throws IOException {
    int n = lineCount("production.csv") + 1;
    Path d = brokenCopy("production.csv", n, "muskeg,FY2025,days,,365,days");
    assertThat(refused(d, "production.csv", n, "period")).contains("duplicate");
  }

  @Test
  void unknownUnitOfMeasure() throws IOException {
    int n = lineCount("production.csv") + 1;
    Path d = brokenCopy("production.csv", n, "atacama,FY2023,ore_milled,,100000,kt");
    assertThat(refused(d, "production.csv", n, "uom")).contains("kt");
  }
}
