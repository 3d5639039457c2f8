package org.orebook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release printing S-K 1300 tables imports as S-K 1300 estimates (estimates.csv, with the year's
 * reserve movements in reserve_changes.csv), and its all-in sustaining cost tables as aisc.csv rows
 * (the corporate part of a metal's block as corporate rows); the imported dataset produces the same
 * figures again.
 */
class ImportSkReservesTest {
  static ImportRoundTripTest.Run run(String... args) {
    return ImportRoundTripTest.run(args);
  }

  @Test
  void anSk1300ReleaseImportsAsEstimatesAndProducesItsReservesAgain(@TempDir Path dir) throws Exception {
    String db = "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ImportRoundTripTest.Run release = run("release", "examples/cordillera-2025", "--units", "imperial", "--db", db);
    assertThat(release.exit()).as(release.err()).isZero();
    Path published = dir.resolve("cordillera.txt");
    Files.writeString(published, release.out());
    Path imported = dir.resolve("imported");
    ImportRoundTripTest.Run imp = run("import", published.toString(), "--out", imported.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imported.resolve("estimates.csv")).content().contains("huancayo,FY2025,proven,tonnage,,1200000,st,attributable");
    assertThat(imported.resolve("reserve_changes.csv")).content().contains("muskeg-lake,FY2025,AU,depleted,54000,oz");
    assertThat(imported.resolve("reserves.csv")).doesNotExist();
    ImportRoundTripTest.Run again = run("release", imported.toString(), "--units", "imperial", "--db",
        "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(again.exit()).as(again.err()).isZero();
    // Huancayo's proven and probable silver, 1,200,000 x 10.5 + 1,700,000 x 9.6 oz, computed again from the import
    assertThat(again.out()).contains("MINERAL RESERVES AND RESOURCES").containsPattern("Huancayo, Peru +- +28,920,000");
    // all-in costs: unit items, the corporate part of the gold block, ounces sold; the AISC lines print again as they were
    assertThat(imported.resolve("aisc.csv")).content().contains("atacama,,FY2025,sustaining_capital,12000000,USD,",
        "corporate,AU,FY2025,corporate_ga,12000000,USD,", "corporate,AG,FY2024,corporate_ga,7200000,USD,");
    assertThat(imported.resolve("production.csv")).content().contains("muskeg-lake,FY2025,sold,AU,50500,oz");
    java.util.function.Function<String, java.util.List<String>> aiscLines = t -> t.lines()
        .filter(l -> l.startsWith("All-in sustaining costs") || l.startsWith("Adjusted operating costs")).toList();
    assertThat(aiscLines.apply(again.out())).isNotEmpty().isEqualTo(aiscLines.apply(release.out()));
  }
}
