package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orebook.store.RowVersions.Stored;

class RowVersionsTest {
  static Stored v(String key, String period, String fields, long change) {
    return new Stored("FY2003", "costs.csv", key, period, 2, fields, change);
  }

  static final RowId A = new RowId("FY2003", "costs.csv", "a");
  static final RowId B = new RowId("FY2003", "costs.csv", "b");

  @Test
  void theNewestVersionOfEachRowIsInForce() throws Exception {
    Map<RowId, StoredRow> rows = RowVersions.inForce(List.of(
        v("a", "FY2003", "{\"value\":\"1\"}", 1), v("b", "FY2003", "{\"value\":\"10\"}", 1),
        v("a", "FY2003", "{\"value\":\"2\"}", 2), v("a", "FY2003", "{\"value\":\"3\"}", 4)), Map.of());
    assertThat(rows.keySet()).containsExactly(A, B);
    assertThat(rows.get(A).fields()).containsExactly(Map.entry("value", "3"));
    assertThat(rows.get(B)).isEqualTo(new StoredRow("costs.csv", "b", "FY2003", 2, Map.of("value", "10")));
  }

  @Test
  void aRowWhoseNewestVersionIsARemovalIsNotInForce() throws Exception {
    Map<RowId, StoredRow> rows = RowVersions.inForce(List.of(
        v("a", "FY2003", "{\"value\":\"1\"}", 1), v("b", "FY2003", "{\"value\":\"10\"}", 1), v("a", "FY2003", null, 2)), Map.of());
    assertThat(rows.keySet()).containsExactly(B);
  }

  @Test
  void withACutoffTheNewestVersionUpToTheFirstApprovalOfTheRowsPeriodIsInForce() throws Exception {
    List<Stored> versions = List.of(
        v("a", "FY2003", "{\"value\":\"1\"}", 1), v("b", "Q4 2003", "{\"value\":\"10\"}", 1),
        v("a", "FY2003", "{\"value\":\"2\"}", 2),
        // approved at change 3; then restated at 5, and b (a draft period) edited at 6
        v("a", "FY2003", "{\"value\":\"3\"}", 5), v("b", "Q4 2003", "{\"value\":\"11\"}", 6));
    Map<RowId, StoredRow> original = RowVersions.inForce(versions, Map.of("FY2003", 3L));
    assertThat(original.get(A).fields()).containsEntry("value", "2");
    assertThat(original.get(B).fields()).containsEntry("value", "11");
    assertThat(RowVersions.inForce(versions, Map.of()).get(A).fields()).containsEntry("value", "3");
  }

  @Test
  void aRowAddedAfterTheApprovalOfItsPeriodIsNotInTheFiguresAsFirstApproved() throws Exception {
    List<Stored> versions = List.of(v("a", "FY2003", "{\"value\":\"1\"}", 1), v("b", "FY2003", "{\"value\":\"10\"}", 4));
    assertThat(RowVersions.inForce(versions, Map.of("FY2003", 3L)).keySet()).containsExactly(A);
  }

  @Test
  void aRowRemovedInARestatementStaysInTheFiguresAsFirstApproved() throws Exception {
    List<Stored> versions = List.of(v("a", "FY2003", "{\"value\":\"1\"}", 1), v("a", "FY2003", null, 4));
    assertThat(RowVersions.inForce(versions, Map.of("FY2003", 3L)).keySet()).containsExactly(A);
    assertThat(RowVersions.inForce(versions, Map.of())).isEmpty();
  }
}
