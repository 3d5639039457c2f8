package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.quantity.UnitSystem;

/**
 * The bundled copper–zinc–silver miner (examples/kittiwake-2025, issue 14): its release prints the
 * per-pound costs worked out by hand in its README, never "per ounce" for a base metal, checks with
 * 0 failures in metric and in imperial, and its JSON carries no conversion residue.
 */
class BaseMetalReleaseTest {
  static final Path KITTIWAKE = Path.of("examples/kittiwake-2025");

  static String text(UnitSystem units) throws Exception {
    return Releases.render(Releases.produce(KITTIWAKE, null, units), "text");
  }

  /** The numbers printed on the first line after {@code from} that starts with {@code label}. */
  static List<String> row(String text, String from, String label) {
    List<String> lines = PrintedNumbers.lines(text);
    int at = PrintedNumbers.indexOf(lines, 0, t -> t.startsWith(from));
    assertThat(at).as("section %s", from).isNotNegative();
    return PrintedNumbers.findRow(lines, at, label).orElseThrow(() -> new AssertionError("no row " + label)).numbers();
  }

  @Test
  void perPoundCostsEqualTheHandWorkedFigures() throws Exception {
    String t = text(UnitSystem.METRIC);
    // README, "Hand-worked figures (2025)": columns are 2025 then 2024
    // Skua: C1 683,890,000 / 310,631,327.4 payable lb = $2.20; total cash cost 703,540,000 / the same = $2.26
    assertThat(row(t, "SKUA", "Total cash cost per payable pound of copper")).first().isEqualTo("2.26");
    // Fulmar: C1 181,264,000 / (124,000 t x 85% = 232,367,224.3 lb) = $0.78; total cash cost 188,364,000 = $0.81
    assertThat(row(t, "FULMAR", "Total cash cost per payable pound of zinc")).first().isEqualTo("0.81");
    // Gannet: no payable basis: 270,469,000 / 106,924,197.2 lb produced = $2.53
    assertThat(row(t, "GANNET", "Total cash cost per pound of copper produced")).first().isEqualTo("2.53");
    // the reconciliation's divisor in millions of pounds: 310,631,327.4 lb = 310.6 M
    assertThat(row(t, "SKUA", "Divided by payable pounds of")).first().isEqualTo("310.6");
    // production data: C1 per payable pound
    List<String> lines = PrintedNumbers.lines(t);
    int production = PrintedNumbers.indexOf(lines, 0, x -> x.startsWith("Production Data"));
    int skua = PrintedNumbers.indexOf(lines, production, x -> x.startsWith("SKUA"));
    assertThat(PrintedNumbers.findRow(lines, skua, "C1 cash costs").orElseThrow().numbers()).first().isEqualTo("2.20");
    int fulmar = PrintedNumbers.indexOf(lines, production, x -> x.startsWith("FULMAR"));
    assertThat(PrintedNumbers.findRow(lines, fulmar, "C1 cash costs").orElseThrow().numbers()).first().isEqualTo("0.78");
    // AISC per pound sold: Skua 903,440,000 / 308,206,242.5 lb = $2.93; Fulmar 252,964,000 / 231,044,450.8 = $1.09
    int allIn = PrintedNumbers.indexOf(lines, 0, x -> x.startsWith("All-in Sustaining Costs"));
    int skuaAisc = PrintedNumbers.indexOf(lines, allIn, x -> x.startsWith("SKUA"));
    assertThat(PrintedNumbers.findRow(lines, skuaAisc, "All-in sustaining costs per pound sold").orElseThrow().numbers())
        .first().isEqualTo("2.93");
    int fulmarAisc = PrintedNumbers.indexOf(lines, allIn, x -> x.startsWith("FULMAR"));
    assertThat(PrintedNumbers.findRow(lines, fulmarAisc, "All-in sustaining costs per pound sold").orElseThrow().numbers())
        .first().isEqualTo("1.09");
    // the copper business: 974,009,000 / 417,555,524.6 lb = $2.33 per pound (Gannet's pounds are not payable)
    assertThat(t).contains("Copper production of").containsPattern("total cash cost of\\s+\\$2\\.33\\s+per\\s+pound");
  }

  @Test
  void aBaseMetalIsNeverCostedPerOunce() throws Exception {
    for (UnitSystem u : List.of(UnitSystem.METRIC, UnitSystem.IMPERIAL)) {
      String t = text(u).replaceAll("\\s+", " ");
      assertThat(t).doesNotContainPattern("(?i)per ounce of (copper|zinc)")
          .doesNotContainPattern("(?i)(copper|zinc) ounces")
          .doesNotContainPattern("(?i)ounce of (copper|zinc)");
    }
  }

  @Test
  void itsOwnReleaseChecksCleanInMetricAndImperial() throws Exception {
    for (UnitSystem u : List.of(UnitSystem.METRIC, UnitSystem.IMPERIAL)) {
      CheckResult c = Check.text("kittiwake (" + u.code() + ")", text(u));
      assertThat(c.failures()).as("failures in %s", u.code()).isEmpty();
      assertThat(c.proseFailures()).as("prose failures in %s", u.code()).isEmpty();
      // the per-pound rows are read and tested, not skipped
      assertThat(c.tested()).as("relations tested in %s", u.code()).isGreaterThan(500);
      assertThat(c.coverage().stream().flatMap(x -> x.unmappedLabels().stream()).toList()).as("unmapped in %s", u.code())
          .noneMatch(l -> l.matches("(?i).*(per (payable )?pound|\\$/lb|pounds of).*"));
    }
  }

  @Test
  void tonnesWrittenStayExactInTheJson() throws Exception {
    JsonNode figures = new ObjectMapper().readTree(Releases.render(Releases.produce(KITTIWAKE, null, UnitSystem.METRIC),
        "json")).get("figures");
    List<String> residue = new ArrayList<>();
    int tonnes = 0;
    for (JsonNode f : figures) {
      if (f.get("unit").asText().equals("t")) {
        tonnes++;
        BigDecimal v = new BigDecimal(f.get("value").asText());
        // every tonnage here is written, a sum of written ones, or tonnes x % / 100: a few decimals at most
        if (v.stripTrailingZeros().scale() > 6) {
          residue.add(f.get("entity").asText() + "/" + f.get("concept").asText() + " " + v.toPlainString());
        }
      }
    }
    assertThat(tonnes).isGreaterThan(50);
    assertThat(residue).isEmpty();
    // and a reserve revision that ties in tonnes is accepted and printed as written: Skua copper -24,100 t
    Matcher m = Pattern.compile("Skua - Copper \\(tonnes\\)[^\\n]*").matcher(text(UnitSystem.METRIC));
    assertThat(m.find()).isTrue();
    assertThat(m.group()).contains("(24,100)");
  }

  @Test
  void aCompanyMayCostItsBaseMetalsPerTonneOfMetal(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path copy = dir.resolve("kittiwake-per-tonne");
    java.nio.file.Files.createDirectories(copy);
    try (var files = java.nio.file.Files.list(KITTIWAKE)) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    java.nio.file.Files.writeString(copy.resolve("company.csv"), "base_metal_costs,per_tonne\n",
        java.nio.file.StandardOpenOption.APPEND);
    for (UnitSystem u : List.of(UnitSystem.METRIC, UnitSystem.IMPERIAL)) {
      String t = Releases.render(Releases.produce(copy, null, u), "text");
      // Skua: C1 683,890,000 / 140,900 payable tonnes = $4,853.72, whole dollars; a tonne of metal in either system
      List<String> lines = PrintedNumbers.lines(t);
      int production = PrintedNumbers.indexOf(lines, 0, x -> x.startsWith("Production Data"));
      int skua = PrintedNumbers.indexOf(lines, production, x -> x.startsWith("SKUA"));
      assertThat(PrintedNumbers.findRow(lines, skua, "C1 cash costs").orElseThrow().numbers()).first().isEqualTo("4,854"
          .replace(",", ""));
      assertThat(row(t, "SKUA", "Divided by payable tonnes of copper")).first().isEqualTo("140900");
      assertThat(t.replaceAll("\\s+", " ")).doesNotContain("per pound of copper").contains("per payable tonne of copper");
      CheckResult c = Check.text("kittiwake per tonne (" + u.code() + ")", t);
      assertThat(c.failures()).as("failures in %s", u.code()).isEmpty();
      assertThat(c.proseFailures()).as("prose failures in %s", u.code()).isEmpty();
    }
  }
}
