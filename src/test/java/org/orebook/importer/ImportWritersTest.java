package org.orebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.check.PublishedRelease;
import org.orebook.data.DatasetFile;

/**
 * The importer's writers, one per dataset file (or files written together): each writes only the
 * files it declares, with exactly the columns {@link DatasetFile} declares for them, so that a
 * column added to or dropped from the format fails here rather than in a dataset that does not load.
 */
class ImportWritersTest {
  /** Name → release: between them every writer writes rows (Guide 7 reserves, S-K 1300 estimates, all-in costs). */
  static final Map<String, PublishedRelease> RELEASES = new LinkedHashMap<>();

  @TempDir
  static Path tmp;

  @BeforeAll
  static void read() throws Exception {
    RELEASES.put("seed", ReleaseImport.read(ImportRoundTripTest.SEED));
    ImportRoundTripTest.Run sk = ImportRoundTripTest.run("release", "examples/cordillera-2025", "--units", "imperial");
    assertThat(sk.exit()).as(sk.err()).isZero();
    Path file = tmp.resolve("cordillera.txt");
    Files.writeString(file, sk.out());
    RELEASES.put("cordillera", ReleaseImport.read(file));
  }

  @Test
  void eachWriterWritesOnlyItsOwnFilesWithTheColumnsTheFormatDeclares() {
    Map<String, Integer> rowsByWriter = new HashMap<>();
    for (var release : RELEASES.entrySet()) {
      Reconstruction.Written written = Reconstruction.run(release.getValue(), release.getKey());
      Map<String, DatasetFileWriter> owner = new HashMap<>();
      for (DatasetFileWriter w : written.writers()) {
        for (DatasetFile f : w.files()) {
          DatasetFileWriter other = owner.put(f.name(), w);
          assertThat(other).as(f.name() + " declared by two writers").isNull();
        }
      }
      assertThat(written.files().files()).as(release.getKey()).isNotEmpty();
      for (var e : written.files().files().entrySet()) {
        String name = e.getKey();
        DatasetFileWriter w = owner.get(name);
        assertThat(w).as(release.getKey() + ": " + name + " is written by a writer that does not declare it").isNotNull();
        List<String> columns = DatasetFile.named(name).orElseThrow().columns();
        assertThat(e.getValue().header()).as(release.getKey() + ": " + name).isEqualTo(columns);
        assertThat(e.getValue().rows()).as(release.getKey() + ": " + name)
            .allSatisfy(r -> assertThat(r).as(name + " row " + r).hasSize(columns.size()));
        rowsByWriter.merge(w.getClass().getSimpleName(), e.getValue().rows().size(), Integer::sum);
      }
    }
    // every writer of the importer wrote rows on these releases, so none of the checks above was vacuous
    assertThat(rowsByWriter).containsOnlyKeys("SegmentsAndUnitsWriter", "ProductionWriter", "CostsWriter", "AiscWriter",
        "SegmentFiguresWriter", "PricesWriter", "PropertiesWriter", "ReservesWriter", "ReserveChangesWriter",
        "StatementsWriter", "CompanyWriter");
    assertThat(rowsByWriter.values()).allSatisfy(n -> assertThat(n).isPositive());
  }

  @Test
  void theReleasesBetweenThemMakeEveryFileTheImporterWrites() {
    // S-K 1300 estimates and reserve movements from the S-K release, Guide 7 reserves from the seed
    var sk = Reconstruction.run(RELEASES.get("cordillera"), "cordillera").files().files();
    var seed = Reconstruction.run(RELEASES.get("seed"), "seed").files().files();
    assertThat(sk.get("estimates.csv").rows()).contains(
        List.of("huancayo", "FY2025", "proven", "tonnage", "", "1200000", "st", "attributable"));
    assertThat(sk.get("reserve_changes.csv").rows()).contains(List.of("muskeg-lake", "FY2025", "AU", "depleted", "54000", "oz"));
    // the release prints no estimate of the prior year end: its printed opening is written, the revisions are left to
    // the roll-forward (the closing is computed again from rounded grades, and would not tie with printed revisions)
    assertThat(sk.get("reserve_changes.csv").rows()).contains(List.of("huancayo", "FY2025", "AG", "opening", "30890000", "oz"))
        .noneMatch(r -> r.get(3).equals("revised"));
    assertThat(sk.get("aisc.csv").rows()).contains(List.of("corporate", "AU", "FY2025", "corporate_ga", "12000000", "USD", ""));
    assertThat(sk).doesNotContainKey("reserves.csv");
    assertThat(seed).containsKey("reserves.csv").doesNotContainKeys("estimates.csv", "reserve_changes.csv", "aisc.csv");
    // the seed's company production above its units' is carried by a unit of its own, with its production rows
    assertThat(seed.get("units.csv").rows()).anySatisfy(r -> assertThat(r).startsWith("other-sources", "Other sources"));
    assertThat(seed.get("production.csv").rows()).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("other-sources"));
  }

  @Test
  void aJuneYearEndInterimReleaseKeepsItsFiscalYearEndAndQuarter() throws Exception {
    // Quillback's third quarter of fiscal 2025 ends March 31, 2025: without fiscal_year_end the codes would be read as
    // calendar quarters; the release period is the quarter, not the nine months ending with it
    Path file = tmp.resolve("quillback.txt");
    Files.writeString(file, org.orebook.release.Releases.render(
        org.orebook.release.Releases.produce(Path.of("examples/quillback-fy2025"), null), "text"));
    var company = Reconstruction.run(ReleaseImport.read(file), "quillback").files().files().get("company.csv").rows();
    assertThat(company).contains(List.of("fiscal_year_end", "06-30"), List.of("period", "Q3 FY2025"));
    var seed = Reconstruction.run(RELEASES.get("seed"), "seed").files().files().get("company.csv").rows();
    assertThat(seed).contains(List.of("period", "FY2003")).noneMatch(r -> r.get(0).equals("fiscal_year_end"));
  }

  @Test
  void theProofRefusesAFolderTheEngineRefusesAsTheReleaseWould() throws Exception {
    // an input the engine computes otherwise (a revision that does not tie) is refused by the proof, naming its row,
    // as `orebook release` refuses it: the import then writes nothing instead of a folder that does not release
    Path copy = Files.createDirectories(tmp.resolve("disagrees"));
    try (var files = Files.list(Path.of("examples/cordillera-2025"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path changes = copy.resolve("reserve_changes.csv");
    Files.writeString(changes, Files.readString(changes).replace("AG,revised,1030000", "AG,revised,1000000"));
    assertThatThrownBy(() -> ReleaseImport.prove(RELEASES.get("cordillera"), copy))
        .isInstanceOf(org.orebook.data.DatasetException.class)
        .hasMessageContaining("reserve_changes.csv, line 11, field 'value': given as 1000000 but revisions = closing");
  }

  @Test
  void aRowOfAnotherWidthThanTheFormatDeclaresIsRefusedNamingTheFile() {
    DatasetFiles files = new DatasetFiles();
    var costs = files.file(DatasetFile.COSTS);
    costs.add("mine", "FY2003", "mining", new java.math.BigDecimal("12.50"), "USD");
    assertThat(costs.rows()).containsExactly(List.of("mine", "FY2003", "mining", "12.5", "USD"));
    assertThatThrownBy(() -> costs.add("mine", "FY2003", "mining", "12.5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs.csv").hasMessageContaining("unit,period,item,value,uom");
    assertThatThrownBy(() -> costs.add("mine", "FY2003", "mining", "12.5", "USD", "extra"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs.csv");
    assertThat(costs.rows()).hasSize(1);
  }

  @Test
  void aWriterCannotWriteAFileItDoesNotDeclare() {
    ImportContext ctx = new ImportContext(RELEASES.get("seed"));
    DatasetFileWriter prices = new PricesWriter(ctx);
    assertThatThrownBy(() -> prices.rows(DatasetFile.COSTS)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PricesWriter").hasMessageContaining("costs.csv");
    assertThat(ctx.out().files()).doesNotContainKey("costs.csv");
  }
}
