package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.data.DatasetException;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Period;
import org.orebook.quantity.UnitSystem;

/**
 * S-K 1300 reserves and resources of the Cordillera example against figures worked out by hand
 * from its estimates.csv and reserve_changes.csv, the roll-forward of reserves, and Guide 7 mode
 * rendered from the same data.
 */
class SkReservesTest {
  static final Path DATASET = Path.of("examples/cordillera-2025");
  static final Period FY2025 = new Period.Year(2025);
  static Release release;

  @BeforeAll
  static void produce() throws DatasetException {
    release = Releases.produce(DATASET, FY2025, UnitSystem.IMPERIAL);
  }

  static BigDecimal fig(String entity, String concept, String qualifier) {
    return release.facts().find(new FactKey(Entity.parse(entity), concept, qualifier, FY2025)).orElseThrow(
        () -> new AssertionError("no figure " + entity + "/" + concept + "[" + qualifier + "]")).value();
  }

  static BigDecimal round(BigDecimal v) {
    return v.round(new MathContext(12));
  }

  @Test
  void containedMetalFromTonsAndGradeInEveryUnit() {
    // Huancayo proven: 1,200,000 st x 10.5 oz/ton = 12,600,000 oz; probable 1,700,000 x 9.6 = 16,320,000
    assertThat(fig("property:huancayo", "contained", "proven:AG")).isEqualByComparingTo("12600000");
    assertThat(fig("property:huancayo", "contained", "proven_probable:AG")).isEqualByComparingTo("28920000");
    // zinc: 1,200,000 x 5.2% + 1,700,000 x 4.9% = 62,400 + 83,300 = 145,700 st
    assertThat(fig("property:huancayo", "contained", "proven_probable:ZN")).isEqualByComparingTo("145700");
    // the combined grade is contained over tons: 28,920,000 / 2,900,000 oz/ton
    assertThat(round(fig("property:huancayo", "grade", "proven_probable:AG")))
        .isEqualByComparingTo(round(new BigDecimal("28920000").divide(new BigDecimal("2900000"), MathContext.DECIMAL128)));
    // Atacama proven in tonnes and g/t: 20,000,000 t x 0.85 g/t = 17,000,000 g = 17,000,000 / 31.1034768 oz
    assertThat(round(fig("property:atacama", "contained", "proven:AU")))
        .isEqualByComparingTo(round(new BigDecimal("17000000").divide(new BigDecimal("31.1034768"), MathContext.DECIMAL128)));
    // Muskeg Lake on a 100% basis, 50% owned: 800,000 st x 50% = 400,000 st; x 0.26 oz/ton = 104,000 oz
    assertThat(fig("property:muskeg", "tons", "proven")).isEqualByComparingTo("400000");
    assertThat(fig("property:muskeg", "contained", "proven:AU")).isEqualByComparingTo("104000");
    // measured + indicated silver: 300,000 x 9.0 + 600,000 x 8.8 = 7,980,000 oz
    assertThat(fig("property:huancayo", "contained", "measured_indicated:AG")).isEqualByComparingTo("7980000");
    // company totals: inferred gold = Atacama 30,000,000 t x 0.50 g/t (15,000,000 g) + Muskeg 300,000 x 0.18 (54,000)
    //   + Cerro Blanco 12,000,000 x 0.025 (300,000)
    assertThat(round(fig("reserves", "contained", "inferred:AU"))).isEqualByComparingTo(round(
        new BigDecimal("15000000").divide(new BigDecimal("31.1034768"), MathContext.DECIMAL128).add(new BigDecimal("354000"))));
  }

  @Test
  void aPartlyOwnedPropertyShowsItsTonsOnA100PercentBasisBesideTheAttributable() {
    // Muskeg Lake, 50% owned, given on a 100% basis: proven 800,000 st (attributable 400,000); proven and probable
    //   100% = 800,000 + 1,100,000 = 1,900,000, computed from the attributable 950,000 / 50%
    assertThat(fig("property:muskeg", "tons_100pct", "proven_probable")).isEqualByComparingTo("1900000");
    String text = Releases.render(release, "text");
    assertThat(text).containsPattern("Tons +Tons +Gold[^\n]*\n[^\n]*\\(100%\\) +\\(attrib\\.\\)")
        .containsPattern("Muskeg Lake \\(50%\\), Canada +800,000 +400,000 +0\\.260")
        .containsPattern("Muskeg Lake \\(50%\\), Canada +1,900,000 +950,000 +0\\.248")
        // a wholly owned property prints the same tons twice; gold in oz/ton to three decimals:
        //   Atacama 20,000,000 t = 22,046,226 st; 0.85 g/t = 0.85 x 7/240 oz/ton = 0.02479
        .containsPattern("Huancayo, Peru +1,200,000 +1,200,000 +- +10\\.5")
        .containsPattern("Atacama, Chile +22,046,226 +22,046,226 +0\\.025 ");
  }

  @Test
  void guide7DataGetsNo100PercentFigures() throws Exception {
    // Hecla's Greens Creek (29.73%) is given attributable in reserves.csv: nothing is added to its figures
    Release hecla = Releases.produce(Path.of("examples/hecla-2003"), null);
    assertThat(hecla.facts().all()).noneMatch(f -> f.key().concept().equals("tons_100pct"));
  }

  @Test
  void reservesRollForwardFromThePriorYearEnd() {
    // Muskeg opening = 2024 (850,000 x 0.26 + 1,150,000 x 0.245) x 50% = 251,375 oz; closing 236,000;
    //   revised = 236,000 - 251,375 + depleted 54,000 - added 30,000 = 8,625
    assertThat(fig("property:muskeg", "reserves_opening", "AU")).isEqualByComparingTo("251375");
    assertThat(fig("property:muskeg", "reserves_closing", "AU")).isEqualByComparingTo("236000");
    assertThat(fig("property:muskeg", "revised", "AU")).isEqualByComparingTo("8625");
    // Huancayo silver: the given revision (1,030,000) ties: 30,890,000 - 6,000,000 + 3,000,000 + 1,030,000 = 28,920,000
    assertThat(fig("property:huancayo", "reserves_opening", "AG")).isEqualByComparingTo("30890000");
    assertThat(fig("reserves", "revised", "AG")).isEqualByComparingTo("1030000");
  }

  @Test
  void theS1300TablesArePrinted() {
    String text = Releases.render(release, "text");
    assertThat(text).contains("MINERAL RESERVES AND RESOURCES", "Proven Mineral Reserves", "Probable Mineral Reserves",
        "Measured and Indicated Mineral Resources (exclusive of reserves)", "Inferred Mineral Resources",
        ReserveSections.SUMMARY, ReserveSections.PARAMETERS, "Reconciliation of Proven and Probable Mineral Reserves",
        "As of December 31, 2025 (SEC Regulation S-K subpart 1300)");
    // the cautionary note of an S-K 1300 release, not Guide 7's prohibition of resources
    assertThat(text).contains("Cautionary Note to Investors - The mineral reserve and mineral\nresource estimates")
        .doesNotContain("strictly prohibit");
    assertThat(text).containsPattern("Muskeg Lake \\(50%\\) - Gold \\(ounces\\) +251,375 +\\(54,000\\) +30,000 +8,625 +236,000");
    assertThat(text).containsPattern("Huancayo reserves - silver \\(USD/oz\\) +90 +22\\.00");
    // the prose walks the gold reserves from the prior year end: 1,530,492 - 174,000 + 180,000 - 51,757 = 1,484,735
    //   (opening = Atacama 1,279,117 + Muskeg 251,375 = 1,530,492 oz: "1.5 million ounces a year earlier")
    assertThat(text.replaceAll("\\s+", " ")).contains("mining depleted 174,000 ounces, additions brought 180,000 ounces"
        + " and revisions removed 51,757 ounces", "They were 1.5 million ounces a year earlier;",
        "They were 30.9 million ounces a year earlier; mining depleted 6.0 million ounces, additions brought 3.0 million"
        + " ounces and revisions added 1.0 million ounces.");
  }

  @Test
  void guide7FromTheSameData(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Files.writeString(copy.resolve("company.csv"), "reserve_standard,guide7\n", StandardOpenOption.APPEND);
    String text = Releases.render(Releases.produce(copy, FY2025, UnitSystem.IMPERIAL), "text");
    assertThat(text).contains("ESTIMATED ORE RESERVES", "Proven and Probable", "Mineralized Material", "strictly prohibit")
        .doesNotContain("Inferred", "MINERAL RESERVES AND RESOURCES", "Measured", "subpart 1300");
    // mineralized material = measured + indicated tons: Huancayo 300,000 + 600,000, without contained metal
    String mineralized = text.substring(text.indexOf("Mineralized Material"));
    assertThat(mineralized.substring(0, mineralized.indexOf("(1) Securities")))
        .containsPattern("Huancayo +900,000").doesNotContain("ounces");
  }

  @Test
  void aPriorYearReleasePrintsThatYearEndsEstimates() throws Exception {
    Period fy2024 = new Period.Year(2024);
    Release r = Releases.produce(DATASET, fy2024, UnitSystem.IMPERIAL);
    String text = Releases.render(r, "text");
    // Huancayo proven at the 2024 year end: 1,250,000 st x 10.6 oz/ton = 13,250,000 oz (2025: 12,600,000)
    assertThat(text).contains("As of December 31, 2024 (SEC Regulation S-K subpart 1300)", "Inferred Mineral Resources",
        ReserveSections.PARAMETERS).containsPattern("Huancayo, Peru +- +13,250,000")
        .doesNotContain("As of December 31, 2025 (SEC", "12,600,000");
    // no 2023 estimates, no 2024 movements: no reconciliation, and no roll-forward in words
    assertThat(text).doesNotContain("Reconciliation of Proven and Probable", "a year earlier; mining depleted");
    // 2024 measured and indicated silver: 280,000 st x 9.1 + 650,000 x 8.7 = 2,548,000 + 5,655,000 = 8,203,000 oz
    assertThat(r.facts().find(new FactKey(Entity.parse("property:huancayo"), "contained", "measured_indicated:AG", fy2024))
        .orElseThrow().value()).isEqualByComparingTo("8203000");
  }

  @Test
  void theStandardCanBeNamedForOneYear(@TempDir Path dir) throws Exception {
    Period fy2024 = new Period.Year(2024);
    Path copy = copy(dir);
    Path company = copy.resolve("company.csv");
    String original = Files.readString(company);
    // every year by the rule (2024 and 2025: S-K 1300) but 2025, named Guide 7
    Files.writeString(company, original + "reserve_standard,FY2025:guide7\n");
    assertThat(Releases.render(Releases.produce(copy, FY2025), "text")).contains("ESTIMATED ORE RESERVES")
        .doesNotContain("MINERAL RESERVES AND RESOURCES");
    assertThat(Releases.render(Releases.produce(copy, fy2024), "text")).contains("MINERAL RESERVES AND RESOURCES");
    // every year Guide 7 but 2025, named S-K 1300 (a company's first S-K 1300 year)
    Files.writeString(company, original + "reserve_standard,guide7 FY2025:sk1300\n");
    assertThat(Releases.render(Releases.produce(copy, FY2025), "text")).contains("MINERAL RESERVES AND RESOURCES");
    assertThat(Releases.render(Releases.produce(copy, fy2024), "text")).contains("ESTIMATED ORE RESERVES")
        .doesNotContain("MINERAL RESERVES AND RESOURCES");
    // a standard that is not one, and a period that is not a fiscal year
    Files.writeString(company, original + "reserve_standard,FY2025:sk1400\n");
    long line = Files.readAllLines(company).size();
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("company.csv, line " + line + ", field 'value': unknown reserve standard 'sk1400'");
    Files.writeString(company, original + "reserve_standard,2025:sk1300\n");
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("company.csv, line " + line + ", field 'value': '2025:sk1300': the period before ':' must be"
            + " a fiscal year");
  }

  @Test
  void aRevisionThatDoesNotTieIsRefusedNamingItsRow(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Path changes = copy.resolve("reserve_changes.csv");
    Files.writeString(changes, Files.readString(changes).replace("AG,revised,1030000", "AG,revised,1000000"));
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("reserve_changes.csv, line 11, field 'value': given as 1000000 but revisions = closing");
  }

  /** Drops the lines of a dataset file that contain {@code marker}. */
  static void withoutLines(Path file, String marker) throws java.io.IOException {
    Files.writeString(file, String.join("\n", Files.readAllLines(file).stream().filter(l -> !l.contains(marker)).toList()) + "\n");
  }

  @Test
  void anOpeningNothingGivesIsNotApplicableNotNilAndTheReleaseStillChecksClean(@TempDir Path dir) throws Exception {
    // without the FY2024 estimates and without an opening, the roll-forward cannot start: its opening is
    // not known, and a dash (nil) would make the printed roll-forward fail its own check
    Path copy = copy(dir);
    withoutLines(copy.resolve("estimates.csv"), ",FY2024,");
    withoutLines(copy.resolve("reserve_changes.csv"), ",revised,");
    String text = Releases.render(Releases.produce(copy, FY2025, UnitSystem.IMPERIAL), "text");
    String row = text.lines().filter(l -> l.startsWith("Huancayo - Silver (ounces)")).findFirst().orElseThrow();
    assertThat(row.trim().split("\\s{2,}")[1]).isEqualTo("n/a");
    Path printed = dir.resolve("release.txt");
    Files.writeString(printed, text);
    org.orebook.check.CheckResult checked = org.orebook.check.Check.file(printed);
    assertThat(checked.failures()).isEmpty();
  }

  @Test
  void anOpeningGivenWithoutThePriorYearsEstimateStartsTheRollForward(@TempDir Path dir) throws Exception {
    // without the FY2024 estimates, Huancayo's opening silver comes from reserve_changes.csv; the given revision ties
    // with it: 28,920,000 - 30,890,000 + 6,000,000 - 3,000,000 = 1,030,000 oz
    Path copy = copy(dir);
    withoutLines(copy.resolve("estimates.csv"), ",FY2024,");
    Path changes = copy.resolve("reserve_changes.csv");
    Files.writeString(changes, "huancayo,FY2025,AG,opening,30890000,oz\n", StandardOpenOption.APPEND);
    Release r = Releases.produce(copy, FY2025, UnitSystem.IMPERIAL);
    FactKey opening = new FactKey(Entity.parse("property:huancayo"), "reserves_opening", "AG", FY2025);
    assertThat(r.facts().find(opening).orElseThrow().value()).isEqualByComparingTo("30890000");
    // beside the prior year's estimate it must tie with its contained metal; a negative opening is refused
    Path other = copy(Files.createDirectories(dir.resolve("other")));
    Path changes2 = other.resolve("reserve_changes.csv");
    Files.writeString(changes2, "huancayo,FY2025,AG,opening,30000000,oz\natacama,FY2025,AU,opening,-5,oz\n",
        StandardOpenOption.APPEND);
    long n = Files.readAllLines(changes2).size();
    assertThatThrownBy(() -> Releases.produce(other, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("reserve_changes.csv, line " + n + ", field 'value': opening is a quantity of reserves, not"
            + " negative: -5");
    Files.writeString(changes2, String.join("\n", Files.readAllLines(changes2).subList(0, (int) n - 1)) + "\n");
    assertThatThrownBy(() -> Releases.produce(other, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("reserve_changes.csv, line " + (n - 1) + ", field 'value': given as 30000000 but opening"
            + " reserves = the prior year-end's proven and probable contained metal gives 30890000");
  }

  @Test
  void badEstimateRowsAreNamedByFileLineAndField(@TempDir Path dir) throws Exception {
    Path copy = copy(dir);
    Path est = copy.resolve("estimates.csv");
    Files.writeString(est, "atacama,FY2025,possible,tonnage,,1000,t,attributable\n"
        + "atacama,FY2025,inferred,tonnage,,-5,t,100%\n"
        + "atacama,FY2025,inferred,grade,AU,abc,g/t,\n"
        + "atacama,Q4 2025,proven,tonnage,,1000,t,attributable\n", StandardOpenOption.APPEND);
    long n = Files.readAllLines(est).size();
    assertThatThrownBy(() -> Releases.produce(copy, FY2025)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("estimates.csv, line " + (n - 3) + ", field 'category': unknown category 'possible'")
        .hasMessageContaining("estimates.csv, line " + (n - 2) + ", field 'value': negative tonnage")
        .hasMessageContaining("estimates.csv, line " + (n - 1) + ", field 'value': not a number")
        .hasMessageContaining("estimates.csv, line " + n + ", field 'period'");
  }

  static Path copy(Path dir) throws Exception {
    return DatasetCopy.of(DATASET, dir);
  }
}
