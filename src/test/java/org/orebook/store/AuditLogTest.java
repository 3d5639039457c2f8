package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orebook.store.AuditLog.FieldChange;

class AuditLogTest {
  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static StoredRow row(String period, Map<String, String> fields) {
    return new StoredRow("costs.csv", "la-camorra|" + period + "|mining", period, 3, fields);
  }

  // ---------------------------------------------------------------- what a row change records

  @Test
  void aChangedRowRecordsEachFieldThatDiffersInColumnOrder() {
    StoredRow before = row("Q4 2003", fields("unit", "la-camorra", "value", "2005384", "uom", "USD", "note", "x"));
    StoredRow after = row("Q4 2003", fields("unit", "la-camorra", "value", "2005385", "uom", "USD", "note", "y"));
    assertThat(AuditLog.fieldChanges(new RowChange(before, after))).containsExactly(
        new FieldChange("value", "2005384", "2005385"), new FieldChange("note", "x", "y"));
  }

  @Test
  void aFieldOnlyOnOneSideIsRecordedWithNothingOnTheOther() {
    StoredRow before = row("Q4 2003", fields("value", "1"));
    StoredRow after = row("Q4 2003", fields("value", "1", "uom", "USD"));
    assertThat(AuditLog.fieldChanges(new RowChange(before, after))).containsExactly(new FieldChange("uom", null, "USD"));
    assertThat(AuditLog.fieldChanges(new RowChange(after, before))).containsExactly(new FieldChange("uom", "USD", null));
  }

  @Test
  void aRowAddedOrRemovedIsOneLineWithTheWholeRow() {
    StoredRow r = row("Q4 2003", fields("unit", "la-camorra", "value", "7"));
    assertThat(AuditLog.fieldChanges(new RowChange(null, r)))
        .containsExactly(new FieldChange("(row added)", null, "{\"unit\":\"la-camorra\",\"value\":\"7\"}"));
    assertThat(AuditLog.fieldChanges(new RowChange(r, null)))
        .containsExactly(new FieldChange("(row removed)", "{\"unit\":\"la-camorra\",\"value\":\"7\"}", null));
  }

  @Test
  void anUnchangedRowRecordsNothing() {
    StoredRow r = row("Q4 2003", fields("value", "7"));
    assertThat(AuditLog.fieldChanges(new RowChange(r, row("Q4 2003", fields("value", "7"))))).isEmpty();
  }

  // ---------------------------------------------------------------- the trail, on a database

  Database db;
  AuditLog log;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.open();
    log = new AuditLog(db);
    db.inTransaction(true, c -> {
      Companies.addIfAbsent(c, "acme", "Acme Gold", "FY2003");
      Companies.addIfAbsent(c, "other", "Other Mining", "FY2003");
      return null;
    });
  }

  @AfterEach
  void close() {
    db.close();
  }

  long change(String company, Actor actor, String kind, RowChange... rows) throws StoreException {
    return db.inTransaction(true, c -> {
      long id = AuditLog.begin(c, company, actor, kind, null, kind.equals("restate") ? "a reason" : null, "test");
      for (RowChange d : rows) {
        AuditLog.recordRow(c, id, "FY2003", d);
      }
      return id;
    });
  }

  @Test
  void theTrailReadsNewestChangeFirstAndPagesThroughItsLines() throws Exception {
    Actor pat = new Actor("pat", Role.PREPARER);
    Actor ann = new Actor("ann", Role.APPROVER);
    assertThat(log.latestChange("acme")).isZero();
    long first = change("acme", pat, "load", new RowChange(null, row("FY2003", fields("value", "1"))),
        new RowChange(null, row("Q4 2003", fields("value", "2"))));
    long second = change("acme", ann, "restate",
        new RowChange(row("FY2003", fields("value", "1", "uom", "USD")), row("FY2003", fields("value", "5", "uom", "oz"))));
    change("other", pat, "load", new RowChange(null, row("FY2003", fields("value", "9"))));

    assertThat(log.size("acme")).isEqualTo(4);
    assertThat(log.size(null)).isEqualTo(5);
    assertThat(log.latestChange("acme")).isEqualTo(second);

    List<AuditEntry> all = log.entries("acme", 0, 100);
    assertThat(all).extracting(AuditEntry::changeId).containsExactly(second, second, first, first);
    assertThat(all).extracting(AuditEntry::field).containsExactly("value", "uom", "(row added)", "(row added)");
    AuditEntry restated = all.get(0);
    assertThat(restated.actor()).isEqualTo("ann");
    assertThat(restated.kind()).isEqualTo("restate");
    assertThat(restated.reason()).isEqualTo("a reason");
    assertThat(restated.before()).isEqualTo("1");
    assertThat(restated.after()).isEqualTo("5");
    assertThat(restated.dataset()).isEqualTo("FY2003");
    assertThat(restated.period()).isEqualTo("FY2003");

    assertThat(log.entries("acme", 1, 2)).containsExactly(all.get(1), all.get(2));
    assertThat(log.entries("acme", 3, 10)).containsExactly(all.get(3));
    assertThat(log.entries(null, 0, 1)).extracting(AuditEntry::companyId).containsExactly("other");
  }

  @Test
  void theTrailTellsWhoChangedAPeriod() throws Exception {
    Actor pat = new Actor("pat", Role.PREPARER);
    Actor ann = new Actor("ann", Role.APPROVER);
    change("acme", pat, "load", new RowChange(null, row("Q4 2003", fields("value", "2"))));
    change("acme", ann, "edit", new RowChange(row("FY2003", fields("value", "1")), row("FY2003", fields("value", "3"))));
    db.inTransaction(true, c -> {
      long id = AuditLog.begin(c, "acme", new Actor("otto", Role.APPROVER), "approve", "FY2002", null, "approval");
      AuditLog.recordApproval(c, id, "FY2002");
      return null;
    });
    assertThat(log.periodsChangedBy("acme", "pat")).containsExactly("Q4 2003");
    assertThat(log.periodsChangedBy("acme", "ann")).containsExactly("FY2003");
    assertThat(log.periodsChangedBy("other", "ann")).isEmpty();
    assertThat(db.<Boolean>inTransaction(false, c -> AuditLog.changedBy(c, "acme", "FY2003", "ann"))).isTrue();
    assertThat(db.<Boolean>inTransaction(false, c -> AuditLog.changedBy(c, "acme", "FY2003", "pat"))).isFalse();
    AuditEntry approval = log.entries("acme", 0, 1).get(0);
    assertThat(approval.kind()).isEqualTo("approve");
    assertThat(approval.field()).isEqualTo("status");
    assertThat(approval.before()).isEqualTo("draft");
    assertThat(approval.after()).isEqualTo("approved");
    assertThat(approval.file()).isNull();
    assertThat(approval.dataset()).isNull();
  }
}
