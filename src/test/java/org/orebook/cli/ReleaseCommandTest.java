package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release command on a small dataset: formats, provenance, exit codes, atomic output. */
class ReleaseCommandTest {
  static final String MINI = "src/test/resources/datasets/mini";

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonGivesEveryFigureWithItsOrigin() throws IOException {
    Run r = run("release", MINI, "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode perOz = null;
    JsonNode mining = null;
    for (JsonNode f : root.get("figures")) {
      if (f.get("entity").asText().equals("unit:pit") && f.get("period").asText().equals("FY2024")) {
        if (f.get("concept").asText().equals("total_cash_costs_per_oz")) {
          perOz = f;
        }
        if (f.get("concept").asText().equals("mining")) {
          mining = f;
        }
      }
    }
    // (20,000 + 10,000) / 500 oz = 60 exactly
    assertThat(perOz).isNotNull();
    assertThat(perOz.get("value").asText()).isEqualTo("60");
    assertThat(perOz.get("unit").asText()).isEqualTo("USD/oz");
    assertThat(perOz.get("printed").asText()).isEqualTo("60");
    assertThat(perOz.get("origin").get("relation").asText()).isEqualTo("gi.total_cash_costs_per_oz");
    assertThat(mining.get("origin").get("file").asText()).isEqualTo("costs.csv");
    assertThat(mining.get("origin").get("line").asInt()).isEqualTo(2);
  }

  @Test
  void csvListsEveryCellWithPrintedAndExactValue() throws IOException {
    Run r = run("release", MINI, "--format", "csv");
    assertThat(r.code()).isZero();
    var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(r.out())).getRecords();
    CSVRecord grade = records.stream().filter(x -> x.get("row").startsWith("Ore grade milled - Silver")
        && x.get("period").equals("FY2024")).findFirst().orElseThrow();
    assertThat(grade.get("printed")).isEqualTo("12.35");
    assertThat(grade.get("value")).isEqualTo("12.345");
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertThat(run("release", MINI, "--period", "2024").code()).isEqualTo(2);
    assertThat(run("release", MINI, "--format", "pdf").code()).isEqualTo(2);
    Run missing = run("release", "no/such/folder");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("not a dataset folder");
  }

  @Test
  void outWritesAllFiveFormats(@TempDir Path dir) throws IOException {
    Run r = run("release", MINI, "--out", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(dir.resolve("release.txt")).content().contains("BIG PIT UNIT");
    assertThat(dir.resolve("release.json")).exists();
    assertThat(dir.resolve("release.csv")).exists();
    assertThat(dir.resolve("release.html")).content().contains("<table").contains("Big Pit");
    byte[] xlsx = Files.readAllBytes(dir.resolve("release.xlsx"));
    assertThat(xlsx).startsWith('P', 'K'); // a zip container, as every .xlsx is
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("release.txt", "release.json", "release.csv", "release.html", "release.xlsx");
    }
    assertThat(run("release", MINI, "--format", "xlsx").code()).as("xlsx is binary: only with --out").isEqualTo(2);
  }

  @Test
  void outNamingAFileIsRefusedWithoutAStackTrace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("release.txt");
    Files.writeString(file, "mine");
    Run r = run("release", MINI, "--out", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is a file; --out names a folder").doesNotContain("Exception");
    assertThat(file).content().isEqualTo("mine");
  }

  @Test
  void badDatasetWritesNothing(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    try (Stream<Path> s = Files.list(Path.of(MINI))) {
      for (Path p : s.toList()) {
        Files.copy(p, broken.resolve(p.getFileName()));
      }
    }
    Files.writeString(broken.resolve("costs.csv"), "\npit,FY2024,milling,ten,USD\n", java.nio.file.StandardOpenOption.APPEND);
    Path out = dir.resolve("out");
    Run r = run("release", broken.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("costs.csv, line 11, field 'value': not a number: 'ten'").contains("nothing was computed");
    assertThat(out).doesNotExist();
  }

  @Test
  void yearOnlyDatasetPrintsYearColumns() {
    Run r = run("release", MINI, "--period", "FY2023");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Year Ended").doesNotContain("Fourth Quarter");
  }
}
