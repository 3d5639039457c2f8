package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetFile;
import org.orebook.data.DatasetSource;
import org.orebook.release.DatasetCopy;

class DatasetVersionsTest {
  static final Path EXAMPLE = Path.of("examples", "hecla-2003");

  @TempDir
  Path tmp;

  static StoredRow row(String key, String value) {
    return new StoredRow("costs.csv", key, "FY2003", 2, Map.of("value", value));
  }

  static RowId id(String key) {
    return new RowId("FY2003", "costs.csv", key);
  }

  @Test
  void aDiffWritesNewAndChangedRowsInIncomingOrderThenTheRowsGone() {
    Map<RowId, StoredRow> current = new LinkedHashMap<>();
    current.put(id("kept"), row("kept", "1"));
    current.put(id("gone"), row("gone", "2"));
    current.put(id("changed"), row("changed", "3"));
    Map<RowId, StoredRow> incoming = new LinkedHashMap<>();
    incoming.put(id("new"), row("new", "4"));
    incoming.put(id("changed"), row("changed", "30"));
    incoming.put(id("kept"), row("kept", "1"));
    assertThat(DatasetVersions.diff(current, incoming)).containsExactly(
        new RowChange(null, row("new", "4")),
        new RowChange(row("changed", "3"), row("changed", "30")),
        new RowChange(row("gone", "2"), null));
    assertThat(DatasetVersions.diff(current, current)).isEmpty();
  }

  @Test
  void aRowIsKeyedByItsKeyColumns() {
    assertThat(DatasetVersions.keyOf(DatasetFile.COSTS, Map.of("unit", "la-camorra", "period", "Q4 2003", "item", "mining",
        "value", "2005384"))).isEqualTo("la-camorra|Q4 2003|mining");
    assertThat(DatasetVersions.keyOf(DatasetFile.COSTS, Map.of("unit", "la-camorra"))).isEqualTo("la-camorra||");
  }

  @Test
  void theExamplesRowsAreKeyedUnderItsReleasePeriodAndFilesWithoutAPeriodTakeIt() throws Exception {
    DatasetVersions.Incoming in = DatasetVersions.incoming(DatasetSource.folder(EXAMPLE), "FY2003");
    assertThat(in.headers()).containsKeys("company.csv", "units.csv", "costs.csv");
    assertThat(in.headers().get("costs.csv")).containsExactly("unit", "period", "item", "value", "uom");
    StoredRow mining = in.rows().get(new RowId("FY2003", "costs.csv", "la-camorra|Q4 2003|mining"));
    assertThat(mining.period()).isEqualTo("Q4 2003");
    assertThat(mining.line()).isEqualTo(2);
    assertThat(mining.fields()).containsEntry("value", "2005384").containsEntry("uom", "USD");
    StoredRow unit = in.rows().get(new RowId("FY2003", "units.csv", "la-camorra"));
    assertThat(unit.period()).isEqualTo("FY2003");
  }

  @Test
  void twoRowsWithTheSameKeyAreRefusedAtTheSecond() throws Exception {
    Path copy = DatasetCopy.of(EXAMPLE, Files.createDirectories(tmp.resolve("dataset")));
    Path costs = copy.resolve("costs.csv");
    long lines = Files.readAllLines(costs).size();
    Files.writeString(costs, "la-camorra,Q4 2003,mining,1,USD\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> DatasetVersions.incoming(DatasetSource.folder(copy), "FY2003"))
        .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.errors()).containsExactly(
            new DataError("costs.csv", lines + 1, "unit,period,item",
                "same unit, period, item as line 2 (la-camorra|Q4 2003|mining)")));
  }

  @Test
  void aLoadRunAgainForTheSameRequestFindsItsChangeEvenAfterAnotherLoad(@TempDir Path dir) throws Exception {
    // the store's retry after a connection broken as the database committed: the load runs again
    Path first = DatasetCopy.of(EXAMPLE, Files.createDirectories(dir.resolve("first")));
    Path second = DatasetCopy.of(EXAMPLE, Files.createDirectories(dir.resolve("second")));
    Path units = second.resolve("units.csv");
    Files.writeString(units, Files.readString(units).replace("la-camorra,La Camorra,", "la-camorra,La Camorra Two,"));
    Database db = TestDatabase.open();
    try {
      DatasetVersions versions = new DatasetVersions(db, new Companies(db));
      Actor pat = new Actor("pat", Role.PREPARER);
      LoadResult made = versions.load("hecla", DatasetSource.folder(first), pat, null, "request-1");
      LoadResult other = versions.load("hecla", DatasetSource.folder(second), pat, null, "request-2");
      assertThat(other.changeId()).isGreaterThan(made.changeId());
      assertThat(other.changed()).isEqualTo(1);
      // request 1 again: its change is found, nothing is written (without the token it would change the name back)
      LoadResult again = versions.load("hecla", DatasetSource.folder(first), pat, null, "request-1");
      assertThat(again).isEqualTo(made);
      assertThat(new AuditLog(db).entries("hecla", 0, 100_000).stream().map(AuditEntry::changeId).distinct())
          .containsExactlyInAnyOrder(made.changeId(), other.changeId());
      // a new request with the first folder is a new change
      assertThat(versions.load("hecla", DatasetSource.folder(first), pat, null, "request-3").changeId())
          .isGreaterThan(other.changeId());
    } finally {
      db.close();
    }
  }
}
