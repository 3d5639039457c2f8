package org.orebook.blockmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orebook.cli.CliRun;

/**
 * {@code orebook grade-tonnage} on the 14 blocks of {@code small_model.csv} against the tables
 * worked out by hand in {@code src/test/resources/blockmodel/EXPECTED.md} (sections A to D).
 */
class GradeTonnageHandComputedTest {
  static final String MODEL = "src/test/resources/blockmodel/small_model.csv";

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static JsonNode json(String... args) throws Exception {
    CliRun r = run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(r.out());
  }

  /** The hand figures with trailing zeros dropped: the JSON's numbers are compared as numbers. */
  static List<String> numbers(String... rows) {
    return java.util.Arrays.stream(rows).map(r -> java.util.Arrays.stream(r.split(" "))
        .map(t -> t.matches("[0-9.]+") ? new BigDecimal(t).stripTrailingZeros().toPlainString() : t)
        .collect(java.util.stream.Collectors.joining(" "))).toList();
  }

  /** A row as "category cutoff blocks tonnage | grades | contained". */
  static List<String> rows(JsonNode j, String... keys) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : j.get("rows")) {
      StringBuilder s = new StringBuilder(r.get("category").isNull() ? "all" : r.get("category").asText());
      s.append(' ').append(r.get("cutoff").decimalValue().stripTrailingZeros().toPlainString()).append(' ').append(r.get("blocks").asLong())
          .append(' ').append(r.get("tonnage").decimalValue().stripTrailingZeros().toPlainString()).append(" |");
      for (String k : keys) {
        s.append(' ').append(r.get("grade").get(k).decimalValue().stripTrailingZeros().toPlainString());
      }
      s.append(" |");
      for (String k : keys) {
        s.append(' ').append(r.get("contained").get(k).decimalValue().stripTrailingZeros().toPlainString());
      }
      out.add(s.toString());
    }
    return out;
  }

  static final List<String> TABLE_A = numbers(
      "oxide 0.5 6 7500 | 1.2800 15.4667 0.2600 | 308.65 3729.49 19.50",
      "oxide 1 4 4500 | 1.6889 20.0000 0.3222 | 244.35 2893.57 14.50",
      "oxide 2 2 1500 | 2.4000 25.3333 0.4333 | 115.74 1221.73 6.50",
      "sulphide 0.5 6 6600 | 1.7335 23.9545 1.2015 | 367.84 5083.03 79.30",
      "sulphide 1 4 4500 | 2.1847 29.5333 1.3267 | 316.07 4272.83 59.70",
      "sulphide 2 2 1800 | 3.2667 43.3333 1.6667 | 189.05 2507.76 30.00",
      "all 0.5 12 14100 | 1.4923 19.4397 0.7007 | 676.48 8812.52 98.80",
      "all 1 8 9000 | 1.9368 24.7667 0.8244 | 560.42 7166.40 74.20",
      "all 2 4 3300 | 2.8727 35.1515 1.1061 | 304.79 3729.49 36.50");

  @Test
  void test_tableA_byRock_threeMetals_tonnageColumn() throws Exception {
    JsonNode j = json("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--grade", "ag=ag_gpt:g/t",
        "--grade", "cu=cu_pct:%", "--cutoffs", "2,0.5,1", "--category", "rock", "--format", "json");
    assertThat(rows(j, "au", "ag", "cu")).containsExactlyElementsOf(TABLE_A);
    assertThat(run("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--cutoffs", "0.5", "--category",
        "rock", "--format", "json").out()).contains("\"grade\": {\"au\": 1.2800}, \"contained\": {\"au\": 308.65}");
    assertThat(j.get("blocks").asLong()).isEqualTo(14);
    assertThat(j.get("tonnage_unit").asText()).isEqualTo("t");
    assertThat(j.get("units").get("au").get("contained").asText()).isEqualTo("oz");
    assertThat(j.get("units").get("cu").get("contained").asText()).isEqualTo("t");
    assertThat(j.get("units").get("cu").get("grade").asText()).isEqualTo("%");
  }

  @Test
  void test_tableA_densityTimesVolume_sameFigures() throws Exception {
    JsonNode j = json("grade-tonnage", MODEL, "--density", "density", "--volume", "volume", "--grade", "au=au_gpt:g/t",
        "--grade", "ag=ag_gpt:g/t", "--grade", "cu=cu_pct:%", "--cutoffs", "0.5,1,2", "--category", "rock", "--format", "json",
        "--threads", "2");
    assertThat(rows(j, "au", "ag", "cu")).containsExactlyElementsOf(TABLE_A);
  }

  @Test
  void test_tableA_everyFieldQuotedAndCrLf_sameFigures(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    // every row through the scanner's general path (quoted fields) instead of its fast path
    List<String> lines = java.nio.file.Files.readAllLines(Path.of(MODEL));
    StringBuilder quoted = new StringBuilder(lines.get(0)).append("\r\n");
    for (String l : lines.subList(1, lines.size())) {
      quoted.append(java.util.Arrays.stream(l.replace("\"", "").split(",")).map(f -> "\"" + f + "\"")
          .collect(java.util.stream.Collectors.joining(","))).append("\r\n");
    }
    Path q = tmp.resolve("small_model.csv");
    java.nio.file.Files.writeString(q, quoted);
    JsonNode j = json("grade-tonnage", q.toString(), "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--grade",
        "ag=ag_gpt:g/t", "--grade", "cu=cu_pct:%", "--cutoffs", "0.5,1,2", "--category", "rock", "--format", "json");
    assertThat(rows(j, "au", "ag", "cu")).containsExactlyElementsOf(TABLE_A);
  }

  @Test
  void test_tableB_equivalentGold_cutoffsExactlyAtBlocks() throws Exception {
    JsonNode j = json("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--grade", "ag=ag_gpt:g/t",
        "--cutoffs", "0.6,1.05,2.24", "--equivalent", "au", "--price", "au=2000,ag=25", "--recovery", "au=0.9,ag=0.72",
        "--format", "json");
    assertThat(j.get("cutoff_grade").asText()).isEqualTo("au_eq");
    assertThat(rows(j, "au", "ag", "au_eq")).containsExactlyElementsOf(numbers(
        "all 0.6 11 13400 | 1.5441 20.1418 1.7455 | 665.23 8677.49 752.01",
        "all 1.05 9 10400 | 1.7972 23.4519 2.0317 | 600.93 7841.57 679.35",
        "all 2.24 5 4200 | 2.6836 32.9762 3.0133 | 362.37 4452.88 406.90"));
  }

  @Test
  void test_tableC_ouncesPerShortTon() throws Exception {
    JsonNode st = json("grade-tonnage", MODEL, "--tonnage", "tonnes", "--tonnage-unit", "st", "--grade", "au=au_opt:oz/ton",
        "--cutoffs", "0.015,0.058", "--format", "json");
    assertThat(rows(st, "au")).containsExactlyElementsOf(
        numbers("all 0.015 12 14100 | 0.0433 | 610.20", "all 0.058 5 4200 | 0.0782 | 328.30"));
    JsonNode t = json("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_opt:oz/ton",
        "--cutoffs", "0.015,0.058", "--format", "json");
    assertThat(rows(t, "au")).containsExactlyElementsOf(
        numbers("all 0.015 12 14100 | 0.0433 | 672.63", "all 0.058 5 4200 | 0.0782 | 361.89"));
  }

  @Test
  void test_sectionD_mixedUnitCoefficients() {
    GradeTonnageSpec spec = new GradeTonnageSpec("tonnes", null, null, List.of(
        new GradeColumn("a", "au_gpt", GradeUnit.G_PER_T), new GradeColumn("b", "au_opt", GradeUnit.OZ_PER_TON),
        new GradeColumn("c", "cu_pct", GradeUnit.PERCENT)), List.of(BigDecimal.ONE), "a",
        java.util.Map.of("a", BigDecimal.ONE, "b", BigDecimal.ONE, "c", BigDecimal.ONE), java.util.Map.of(), null, null);
    assertThat(CutoffRule.coefficients(spec)).extracting(BigDecimal::new)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal(7), new BigDecimal(240), new BigDecimal(4800));
  }

  @Test
  void test_text_printsRoundedTableWithAllRow() {
    CliRun r = run("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--grade", "cu=cu_pct:%",
        "--cutoffs", "0.5,1,2", "--category", "rock");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("14 blocks; cut-off on au (g/t), at or above; tonnage in t");
    assertThat(r.out().lines().map(String::strip).toList()).contains(
        "category  cut-off  blocks  tonnage t  au g/t   cu %  au oz  cu t",
        "oxide         0.5       6      7,500   1.280  0.260    309    20",
        "all             2       4      3,300   2.873  1.106    305    37");
  }

  @Test
  void test_csv_header_and_allRow() {
    CliRun r = run("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--cutoffs", "1", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("cutoff,category,blocks,tonnage_t,grade_au_g/t,contained_au_oz\n"
        + "1,,8,9000,1.9368,560.42\n");
  }

  @Test
  void test_out_writesTheFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("gt.json");
    CliRun r = run("grade-tonnage", MODEL, "--tonnage", "tonnes", "--grade", "au=au_gpt:g/t", "--cutoffs", "1", "--format", "json",
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(out.toFile()).get("rows").get(0).get("tonnage").asLong()).isEqualTo(9000);
    assertThat(java.nio.file.Files.list(tmp).toList()).containsExactly(out);
  }
}
