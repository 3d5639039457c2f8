package org.orebook.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What spreadsheets and extracts put in dataset files: each is read as meant or refused with file,
 * line and field, once per problem, never as an exception of the parser or a number Orebook cannot
 * print.
 */
class DatasetRobustnessTest {
  @TempDir
  Path dir;

  @BeforeEach
  void copyOfTheExample() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("examples", "hecla-2003"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
  }

  String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  /** The first data line of costs.csv with its value replaced. */
  void costValue(String value) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("examples", "hecla-2003", "costs.csv"));
    String[] f = lines.get(1).split(",", -1);
    f[3] = value;
    lines.set(1, String.join(",", f));
    Files.write(dir.resolve("costs.csv"), lines);
  }

  List<DataError> errors() {
    try {
      DatasetLoader.load(dir);
    } catch (DatasetException e) {
      return e.errors();
    }
    throw new AssertionError("the dataset loaded");
  }

  @Test
  void onlyPlainAsciiDecimalsAreNumbers() throws IOException {
    for (String odd : new String[] {"\u0661\u0662\u0663", "\uff11\uff12\uff13", "1e309", "1E+999999999", "\"1,234\"", "0x10", "NaN",
        "12\u00a0345", "$5", "5%", "9".repeat(21), "1." + "5".repeat(51)}) {
      costValue(odd);
      assertThat(errors()).as(odd).singleElement().satisfies(e -> {
        assertThat(e.file()).isEqualTo("costs.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("value");
        assertThat(e.message()).startsWith("not a number");
      });
    }
    assertThat(DatasetLoader.decimal("-1234.5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-1234.5"));
    assertThat(DatasetLoader.decimal("+.5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.5"));
    assertThat(DatasetLoader.decimal("5.")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
    assertThat(DatasetLoader.decimal("0.04800370435197731723389050275181676")).isPresent(); // a ledger path's quotient
    assertThat(DatasetLoader.decimal(".")).isEmpty();
    assertThat(DatasetLoader.decimal("-")).isEmpty();
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsAreWhatExcelWrites() throws Exception {
    for (String f : List.of("company.csv", "units.csv", "costs.csv")) {
      write(f, "\ufeff" + read(f).replace("\n", "\r\n"));
    }
    Dataset d = DatasetLoader.load(dir);
    assertThat(d.company().units()).isNotEmpty();
  }

  @Test
  void aDuplicateHeaderColumnIsNamed() throws IOException {
    String costs = read("costs.csv");
    write("costs.csv", costs.replaceFirst("unit,period,item,value,uom", "unit,period,item,value,value"));
    assertThat(errors()).singleElement().satisfies(e -> {
      assertThat(e.toString()).isEqualTo("costs.csv, line 1, field 'value': the header names column 'value' twice");
    });
  }

  @Test
  void oneExtraColumnIsOneErrorNotOnePerRowNorOnePerReference() throws IOException {
    String units = read("units.csv");
    int rows = (int) units.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1;
    write("units.csv", units.replaceFirst("\n", ",extra\n"));
    List<DataError> errors = errors();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("units.csv");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("expected 11 fields", "found 10", (rows - 1) + " more row(s)");
    });
  }

  @Test
  void bytesThatAreNotUtf8TextAreRefusedOnce() throws IOException {
    Files.write(dir.resolve("segments.csv"), new byte[] {'i', 'd', ',', 'n', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThat(errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("segments.csv");
      assertThat(e.message()).contains("not UTF-8 text");
    });
  }

  @Test
  void anUnclosedQuoteSaysWhereItOpens() throws IOException {
    write("segments.csv", "id,name\nsilver,\"Silver\n");
    assertThat(errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("quoted field is not closed",
        "line 2"));
  }

  @Test
  void aMillionDuplicateRowsGiveABoundedReport() throws IOException {
    String costs = read("costs.csv");
    String row = costs.lines().skip(1).filter(l -> !l.isBlank()).findFirst().orElseThrow();
    write("costs.csv", costs + (row + "\n").repeat(150_000));
    DatasetException e = org.assertj.core.api.Assertions.catchThrowableOfType(DatasetException.class,
        () -> DatasetLoader.load(dir));
    assertThat(e.total()).isEqualTo(150_000);
    assertThat(e.errors()).hasSize(DatasetException.KEPT);
    assertThat(e.getMessage().lines()).hasSize(1 + DatasetException.SHOWN + 1);
    assertThat(e.getMessage()).startsWith("150000 error(s) in dataset:").endsWith("... and 149950 more");
  }

  @Test
  void valuesTheStoreCannotHoldAreRefusedWithTheirPlace() throws IOException {
    write("reserve_notes.csv", read("reserve_notes.csv") + "proven_probable,lucky-friday,\"" + "x".repeat(2_001) + "\"\n");
    assertThat(errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("reserve_notes.csv");
      assertThat(e.field()).isEqualTo("text");
      assertThat(e.message()).isEqualTo("2001 characters; at most 2000");
    });
    copyOfTheExampleAgain();
    write("statement_lines.csv", read("statement_lines.csv") + "operations," + "l".repeat(400) + ",Long,line,,,\n");
    assertThat(errors()).singleElement().satisfies(e -> assertThat(e.message())
        .startsWith("the fields that identify the row take").endsWith("at most 400"));
    copyOfTheExampleAgain();
    write("company.csv", read("company.csv").replaceFirst("(?m)^short_name,.*$", "short_name," + "S".repeat(81)));
    assertThat(errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("at most 80 characters"));
    copyOfTheExampleAgain();
    write("segments.csv", "id,name," + "c".repeat(101) + "\nsilver,Silver,x\ngold,Gold,y\n");
    assertThat(errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("column name of 101 characters"));
  }

  void copyOfTheExampleAgain() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    copyOfTheExample();
  }

  @Test
  void aSubtotalOfALineRefusedForItsKindIsNoCrash() throws IOException {
    // the fuzz's case 966: a quoted field with a newline made a line's kind unreadable; a subtotal named it
    List<String> lines = Files.readAllLines(dir.resolve("statement_lines.csv"));
    lines.add("operations,odd,Odd,\"a,\"\"b\"\"");
    lines.add("c\",,,");
    lines.add("operations,odd_total,Odd total,subtotal,odd sales,,");
    Files.write(dir.resolve("statement_lines.csv"), lines);
    assertThat(errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("statement_lines.csv");
      assertThat(e.field()).isEqualTo("kind");
      assertThat(e.message()).startsWith("unknown kind");
    });
  }

  @Test
  void subtotalsThatAddOneAnotherAreACircleOnTheirLine() throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("statement_lines.csv"));
    lines.add("operations,circle_a,Circle A,subtotal,circle_b,,");
    lines.add("operations,circle_b,Circle B,subtotal,circle_a,,");
    lines.add("operations,itself,Itself,subtotal,sales itself,,");
    Files.write(dir.resolve("statement_lines.csv"), lines);
    int a = lines.size() - 2;
    assertThat(errors()).extracting(DataError::toString).containsExactlyInAnyOrder(
        "statement_lines.csv, line " + (a) + ", field 'sum_of': the lines add one another in a circle:"
            + " operations:circle_a -> operations:circle_b -> operations:circle_a (no figures can satisfy it)",
        "statement_lines.csv, line " + (a + 2) + ", field 'sum_of': line 'operations:itself' adds itself");
  }
}
