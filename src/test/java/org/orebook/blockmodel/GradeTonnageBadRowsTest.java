package org.orebook.blockmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orebook.blockmodel.GradeTonnageHandComputedTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.cli.CliRun;

/**
 * Bad rows of a block model and options that do not fit it: reported with file, line and field,
 * exit code 2, nothing printed as a table and nothing written with --out.
 */
class GradeTonnageBadRowsTest {
  @TempDir
  Path tmp;

  Path model() throws Exception {
    Path f = tmp.resolve("bad_model.csv");
    Files.writeString(f, String.join("\n",
        "block,rock,tonnes,au,cu",      // 1
        "1,oxide,1000,1.5,0.2",         // 2
        "2,oxide,1000,,0.2",            // 3 missing grade
        "3,oxide,-500,1.0,0.1",         // 4 negative tonnage
        "4,oxide,1000,abc,0.1",         // 5 text in a number column
        "5,oxide,1000,1.0",             // 6 a field missing
        "",                             // 7 blank: skipped
        "6,oxide,1000,1.0,0.1,extra",   // 8 a field too many
        "7,oxide,1000,1.2345678,0.1",   // 9 seven decimals
        "8,oxide,1000,2.0,0.3") + "\n");
    return f;
  }

  @Test
  void test_badRows_reportedWithLineAndField_exit2_nothingWritten() throws Exception {
    Path out = tmp.resolve("out.json");
    CliRun r = run("grade-tonnage", model().toString(), "--tonnage", "tonnes", "--grade", "au=au:g/t", "--grade", "cu=cu:%",
        "--cutoffs", "0.5,1", "--format", "json", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().map(String::strip).toList()).contains(
        "bad_model.csv, line 3, field 'au': missing grade (the field is empty)",
        "bad_model.csv, line 4, field 'tonnes': negative tonnage '-500'",
        "bad_model.csv, line 5, field 'au': not a number: 'abc' (write a plain decimal, at most 12 digits before the point"
            + " and 6 after, e.g. 1.25)",
        "bad_model.csv, line 6: expected 5 fields, found 4",
        "bad_model.csv, line 8: expected 5 fields, found 6",
        "bad_model.csv, line 9, field 'au': not a number: '1.2345678' (write a plain decimal, at most 12 digits before the"
            + " point and 6 after, e.g. 1.25)",
        "orebook: nothing was written.");
    assertThat(r.err()).contains("orebook: 6 bad row(s)");
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).toList()).containsExactly("bad_model.csv");
  }

  @Test
  void test_lineNumbers_holdAcrossChunks() throws Exception {
    StringBuilder s = new StringBuilder("block,tonnes,au\n");
    for (int i = 1; i <= 20_000; i++) {
      s.append(i).append(',').append(i == 12_345 ? "x" : "100").append(",1.5\n");
    }
    Path f = tmp.resolve("long.csv");
    Files.writeString(f, s);
    GradeTonnageSpec spec = new GradeTonnageSpec("tonnes", null, null, java.util.List.of(new GradeColumn("au", "au",
        GradeUnit.G_PER_T)), java.util.List.of(java.math.BigDecimal.ONE), null, java.util.Map.of(), java.util.Map.of(), null,
        null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GradeTonnage.run(f, spec,
            new org.orebook.scan.ScanSettings(2, 8 << 10, 1024)))
        .isInstanceOfSatisfying(org.orebook.scan.BadRowsException.class, e -> assertThat(e.badRows().first())
            .extracting(Object::toString).containsExactly("long.csv, line 12346, field 'tonnes': not a number: 'x' (write a"
                + " plain decimal, at most 12 digits before the point and 6 after, e.g. 1.25)"));
  }

  @Test
  void test_unknownColumn_namesTheOptionAndTheColumns() throws Exception {
    CliRun r = run("grade-tonnage", model().toString(), "--tonnage", "tons", "--grade", "au=gold:g/t", "--cutoffs", "1",
        "--category", "rock");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).containsExactly(
        "orebook: bad_model.csv, line 1: no column 'tons' (--tonnage); the columns are block, rock, tonnes, au, cu",
        "orebook: bad_model.csv, line 1: no column 'gold' (--grade au); the columns are block, rock, tonnes, au, cu");
  }

  @Test
  void test_badOptions_exit2() throws Exception {
    String m = model().toString();
    assertThat(run("grade-tonnage", m, "--tonnage", "tonnes", "--grade", "au=au:ppm", "--cutoffs", "1").err())
        .contains("unknown unit 'ppm' (g/t, oz/ton or %)");
    CliRun eq = run("grade-tonnage", m, "--tonnage", "tonnes", "--grade", "au=au:g/t", "--grade", "cu=cu:%", "--cutoffs", "1",
        "--equivalent", "au", "--price", "au=1900");
    assertThat(eq.code()).isEqualTo(2);
    assertThat(eq.err()).contains("--price: no price for cu");
    assertThat(run("grade-tonnage", m, "--tonnage", "tonnes", "--density", "d", "--volume", "v", "--grade", "au=au:g/t",
        "--cutoffs", "1").err()).contains("give either --tonnage COL, or --density COL and --volume COL");
    assertThat(run("grade-tonnage", m, "--tonnage", "tonnes", "--grade", "au=au:g/t", "--cutoffs", "1,x").code()).isEqualTo(2);
  }
}
