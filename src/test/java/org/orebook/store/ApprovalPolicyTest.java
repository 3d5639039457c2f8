package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orebook.data.DatasetSource;

class ApprovalPolicyTest {
  static final Actor VIEWER = new Actor("vera", Role.VIEWER);
  static final Actor PREPARER = new Actor("pat", Role.PREPARER);
  static final Actor APPROVER = new Actor("ann", Role.APPROVER);
  static final Actor OTHER_APPROVER = new Actor("otto", Role.APPROVER);
  static final Set<String> NONE = Set.of();

  static StoreException.Kind refusal(ThrowingCall call) {
    try {
      call.run();
    } catch (StoreException e) {
      return e.kind();
    }
    throw new AssertionError("not refused");
  }

  interface ThrowingCall {
    void run() throws StoreException;
  }

  // ---------------------------------------------------------------- the rules

  @Test
  void aViewerChangesNothingNotEvenADraft() {
    assertThatThrownBy(() -> ApprovalPolicy.mayChange(VIEWER, "a reason", NONE))
        .isInstanceOf(StoreException.class).hasMessage("vera is a viewer and cannot change figures");
    assertThat(refusal(() -> ApprovalPolicy.mayChange(VIEWER, null, NONE))).isEqualTo(StoreException.Kind.FORBIDDEN);
  }

  @Test
  void aPreparerOrAnApproverChangesDraftsWithoutAReason() throws Exception {
    assertThat(ApprovalPolicy.mayChange(PREPARER, null, NONE)).isEqualTo(ApprovalPolicy.ChangeKind.DRAFT);
    assertThat(ApprovalPolicy.mayChange(APPROVER, "", NONE)).isEqualTo(ApprovalPolicy.ChangeKind.DRAFT);
  }

  @Test
  void restatingAnApprovedPeriodNeedsAnApprover() {
    Set<String> approved = new LinkedHashSet<>(List.of("FY2003", "Q4 2003"));
    assertThatThrownBy(() -> ApprovalPolicy.mayChange(PREPARER, "a reason", approved))
        .isInstanceOf(StoreException.class)
        .hasMessage("period FY2003, Q4 2003 is approved: a change to it is a restatement, which only an approver may "
            + "make (pat is a preparer)");
    assertThat(refusal(() -> ApprovalPolicy.mayChange(PREPARER, "a reason", approved))).isEqualTo(StoreException.Kind.FORBIDDEN);
  }

  @Test
  void restatingAnApprovedPeriodNeedsAReason() throws Exception {
    for (String noReason : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> ApprovalPolicy.mayChange(APPROVER, noReason, Set.of("FY2003")))
          .isInstanceOf(StoreException.class).hasMessage("period FY2003 is approved: a restatement needs a reason");
      assertThat(refusal(() -> ApprovalPolicy.mayChange(APPROVER, noReason, Set.of("FY2003"))))
          .isEqualTo(StoreException.Kind.INVALID);
    }
    assertThat(ApprovalPolicy.mayChange(APPROVER, "auditor's adjustment", Set.of("FY2003")))
        .isEqualTo(ApprovalPolicy.ChangeKind.RESTATEMENT);
  }

  @Test
  void onlyAnApproverMayApprove() throws Exception {
    assertThatThrownBy(() -> ApprovalPolicy.mayApprove(VIEWER))
        .isInstanceOf(StoreException.class).hasMessage("vera is a viewer; only an approver may approve a period");
    assertThatThrownBy(() -> ApprovalPolicy.mayApprove(PREPARER))
        .isInstanceOf(StoreException.class).hasMessage("pat is a preparer; only an approver may approve a period");
    assertThat(refusal(() -> ApprovalPolicy.mayApprove(PREPARER))).isEqualTo(StoreException.Kind.FORBIDDEN);
    ApprovalPolicy.mayApprove(APPROVER);
  }

  // ---------------------------------------------------------------- the period states, on a database

  Database db;
  ApprovalPolicy policy;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.open();
    Companies companies = new Companies(db);
    policy = new ApprovalPolicy(db, companies);
    new DatasetVersions(db, companies).load(null, DatasetSource.folder(Path.of("examples", "hecla-2003")), PREPARER, null);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyPeriodWithFiguresIsADraftUntilApproved() throws Exception {
    List<PeriodState> before = policy.periods("hecla");
    assertThat(before).isNotEmpty().allSatisfy(p -> assertThat(p.status()).isEqualTo("draft"));
    assertThat(before).extracting(PeriodState::period).contains("FY2003", "Q4 2003", "FY2002");
    List<String> codes = before.stream().map(PeriodState::period).toList();
    assertThat(codes).isSortedAccordingTo(PeriodOrder.NEWEST_FIRST);

    long change = policy.approve("hecla", "FY2003", APPROVER);
    PeriodState fy = policy.periods("hecla").stream().filter(p -> p.period().equals("FY2003")).findFirst().orElseThrow();
    assertThat(fy.status()).isEqualTo("approved");
    assertThat(fy.approvedBy()).isEqualTo("ann");
    assertThat(fy.approvedAt()).isNotNull();
    assertThat(db.<Map<String, Long>>inTransaction(false, c -> ApprovalPolicy.cutoff(c, "hecla", Version.ORIGINAL))).isEqualTo(Map.of("FY2003", change));
    assertThat(db.<Map<String, Long>>inTransaction(false, c -> ApprovalPolicy.cutoff(c, "hecla", Version.CURRENT))).isEmpty();
  }

  @Test
  void aPeriodIsApprovedOnceByAnApproverWhoDidNotChangeIt() throws Exception {
    assertThat(refusal(() -> policy.approve("hecla", "FY2003", PREPARER))).isEqualTo(StoreException.Kind.FORBIDDEN);
    assertThatThrownBy(() -> policy.approve("hecla", "FY1999", APPROVER))
        .isInstanceOf(StoreException.class).hasMessage("hecla has no figures for period 'FY1999'");
    assertThatThrownBy(() -> policy.approve("nobody", "FY2003", APPROVER))
        .isInstanceOf(StoreException.class).hasMessage("no company 'nobody' in the store");
    // the preparer made the load; an approver who made a change to FY2003 cannot approve it
    db.inTransaction(true, c -> {
      long ch = AuditLog.begin(c, "hecla", OTHER_APPROVER, "edit", null, null, "edit");
      StoredRow row = new StoredRow("costs.csv", "k", "FY2003", 2, Map.of("value", "1"));
      AuditLog.recordRow(c, ch, "FY2003", new RowChange(row, new StoredRow("costs.csv", "k", "FY2003", 2, Map.of("value", "2"))));
      return null;
    });
    assertThatThrownBy(() -> policy.approve("hecla", "FY2003", OTHER_APPROVER))
        .isInstanceOf(StoreException.class)
        .hasMessage("otto made changes to FY2003 and cannot approve their own changes; another approver must");
    policy.approve("hecla", "FY2003", APPROVER);
    assertThat(refusal(() -> policy.approve("hecla", "FY2003", APPROVER))).isEqualTo(StoreException.Kind.CONFLICT);
  }

  @Test
  void aRestatedPeriodKeepsItsFirstApprovalAsTheCutoff() throws Exception {
    long change = policy.approve("hecla", "FY2003", APPROVER);
    policy.approve("hecla", "Q4 2003", APPROVER);
    Set<String> approved = db.inTransaction(false,
        c -> ApprovalPolicy.approvedAmong(c, "hecla", new LinkedHashSet<>(List.of("Q4 2003", "FY2002", "FY2003"))));
    assertThat(approved).containsExactly("FY2003", "Q4 2003");
    db.inTransaction(true, c -> {
      ApprovalPolicy.markRestated(c, "hecla", Set.of("FY2003"));
      return null;
    });
    assertThat(policy.periods("hecla")).filteredOn(p -> p.period().equals("FY2003")).singleElement()
        .satisfies(p -> {
          assertThat(p.status()).isEqualTo("restated");
          assertThat(p.isApproved()).isTrue();
        });
    assertThat(policy.periods("hecla")).filteredOn(p -> p.period().equals("Q4 2003")).singleElement()
        .extracting(PeriodState::status).isEqualTo("approved");
    assertThat(db.<Map<String, Long>>inTransaction(false, c -> ApprovalPolicy.cutoff(c, "hecla", Version.ORIGINAL))).containsEntry("FY2003", change);
  }
}
