package org.orebook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release printing S-K 1300 tables imports as S-K 1300 estimates (estimates.csv, with the year's
 * reserve movements in reserve_changes.csv), and the imported dataset produces the same reserve
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
  }
}
