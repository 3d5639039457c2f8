package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.cli.CliRun;

/**
 * CSV exports a spreadsheet opens: a text cell that would be read as a formula gets a leading single
 * quote (OWASP, CSV injection); numbers, negative ones included, stay numbers.
 */
class CsvInjectionTest {
  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"click\")";

  @Test
  void formulaLikeTextIsNeutralisedAndNumbersAreNot() {
    assertThat(CsvRenderer.neutralised(HYPERLINK)).isEqualTo("'" + HYPERLINK);
    assertThat(CsvRenderer.neutralised("+SUM(A1:A9)")).isEqualTo("'+SUM(A1:A9)");
    assertThat(CsvRenderer.neutralised("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvRenderer.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvRenderer.neutralised("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvRenderer.neutralised("\rcmd")).isEqualTo("'\rcmd");
    assertThat(CsvRenderer.neutralised("--")).isEqualTo("'--");
    for (String number : List.of("-1234.5", "1234", "+7", "-0.000001", "1.5E+3", "(1,234)", "Big Pit", "")) {
      assertThat(CsvRenderer.neutralised(number)).as(number).isEqualTo(number);
    }
  }

  @Test
  void aUnitNamedLikeAFormulaIsWrittenAsText(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("mini");
    Files.createDirectories(data);
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/datasets/mini"))) {
      for (Path p : s.toList()) {
        Files.copy(p, data.resolve(p.getFileName()));
      }
    }
    Path units = data.resolve("units.csv");
    Files.writeString(units, Files.readString(units).replace("pit,Big Pit,", "pit,\"" + HYPERLINK.replace("\"", "\"\"") + "\","));
    CliRun r = CliRun.of("release", data.toString(), "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.out())).getRecords();
    List<String> cells = records.stream().flatMap(x -> x.toList().stream()).toList();
    assertThat(cells).as("no cell begins like a formula").noneMatch(c -> !c.isEmpty() && "=+@\t\r".indexOf(c.charAt(0)) >= 0);
    assertThat(cells).filteredOn(c -> c.startsWith("-")).allMatch(c -> c.matches("-[0-9.]+"));
    assertThat(cells).anyMatch(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith("'=HYPERLINK(\"HTTP://EVIL.EXAMPLE\""));
    // the exact values are still numbers, negative ones too
    assertThat(records).allSatisfy(x -> assertThat(x.get("value")).matches("|-?[0-9]+(\\.[0-9]+)?"));
  }

  @Test
  void aBlockModelCategoryNamedLikeAFormulaIsWrittenAsText(@TempDir Path tmp) throws Exception {
    Path model = tmp.resolve("model.csv");
    Files.writeString(model, "tonnes,au,rock\n1000,1.5,\"=cmd|' /C calc'!A0\"\n2000,0.5,@SUM(A1)\n500,2,oxide\n");
    CliRun r = CliRun.of("grade-tonnage", model.toString(), "--tonnage", "tonnes", "--grade", "au=au:g/t", "--cutoffs", "0.5,1",
        "--category", "rock", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> categories = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.out())).getRecords().stream().map(x -> x.get("category")).distinct().toList();
    assertThat(categories).contains("'=cmd|' /C calc'!A0", "'@SUM(A1)", "oxide");
  }
}
