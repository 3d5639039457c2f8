package org.orebook.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may change and approve a company's periods, and the state of each period
 * ({@code period_state}). A period is a draft until an approver approves it, and not one who
 * changed any of its figures (four eyes). A viewer changes nothing; a preparer or an approver
 * changes drafts; a change to an approved period is a restatement, which needs an approver and a
 * reason, and marks the period restated. The first approval is the cut-off of the figures "as
 * originally reported".
 */
final class ApprovalPolicy {
  /** What a permitted change is. */
  enum ChangeKind {
    /** Touches draft periods only. */
    DRAFT,
    /** Touches an approved period. */
    RESTATEMENT
  }

  private final Database db;
  private final Companies companies;

  ApprovalPolicy(Database db, Companies companies) {
    this.db = db;
    this.companies = companies;
  }

  /**
   * May {@code actor} change figures of the periods {@code approved} (the approved periods among
   * those the change touches, newest first), giving {@code reason}? Refused ({@link
   * StoreException.Kind#FORBIDDEN}) for a viewer, and for a restatement by anyone but an approver;
   * a restatement without a reason is {@link StoreException.Kind#INVALID}.
   */
  static ChangeKind mayChange(Actor actor, String reason, Set<String> approved) throws StoreException {
    if (!actor.role().canEditDrafts()) {
      throw new StoreException(StoreException.Kind.FORBIDDEN, actor.name() + " is a viewer and cannot change figures");
    }
    if (approved.isEmpty()) {
      return ChangeKind.DRAFT;
    }
    String periods = String.join(", ", approved);
    if (!actor.role().canApprove()) {
      throw new StoreException(StoreException.Kind.FORBIDDEN, "period " + periods + " is approved: a change to it is a "
          + "restatement, which only an approver may make (" + actor.name() + " is a " + actor.role().code() + ")");
    }
    if (reason == null || reason.isBlank()) {
      throw new StoreException(StoreException.Kind.INVALID, "period " + periods + " is approved: a restatement needs a reason");
    }
    return ChangeKind.RESTATEMENT;
  }

  /** Refuses ({@link StoreException.Kind#FORBIDDEN}) an actor whose role may not approve. */
  static void mayApprove(Actor actor) throws StoreException {
    if (!actor.role().canApprove()) {
      throw new StoreException(StoreException.Kind.FORBIDDEN, actor.name() + " is a " + actor.role().code()
          + "; only an approver may approve a period");
    }
  }

  /**
   * Approves a draft period (in every dataset of the company that has figures of it). Only an
   * approver may, and not one who made any of the period's changes: the four-eyes rule.
   */
  long approve(String companyId, String period, Actor actor) throws StoreException {
    companies.require(companyId);
    mayApprove(actor);
    return db.inTransaction(true, c -> {
      if (!RowVersions.periodsWithFigures(c, companyId).contains(period)) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " has no figures for period '" + period + "'");
      }
      if (Sql.exists(c, "SELECT 1 FROM period_state WHERE company_id = ? AND period = ?", companyId, period)) {
        throw new StoreException(StoreException.Kind.CONFLICT, period + " of " + companyId + " is already approved");
      }
      if (AuditLog.changedBy(c, companyId, period, actor.name())) {
        throw new StoreException(StoreException.Kind.FORBIDDEN, actor.name() + " made changes to " + period
            + " and cannot approve their own changes; another approver must");
      }
      long change = AuditLog.begin(c, companyId, actor, "approve", period, null, "approval");
      AuditLog.recordApproval(c, change, period);
      Sql.update(c, "INSERT INTO period_state (company_id, period, status, approved_change) VALUES (?, ?, 'approved', ?)",
          companyId, period, change);
      return change;
    });
  }

  /** Every period with figures (in any dataset) or an approval, newest first, with its state. */
  List<PeriodState> periods(String companyId) throws StoreException {
    companies.require(companyId);
    return db.inTransaction(false, c -> {
      Map<String, PeriodState> states = new HashMap<>();
      for (PeriodState p : Sql.query(c, "SELECT p.period, p.status, s.actor, s.changed_at FROM period_state p "
          + "JOIN change_set s ON p.approved_change = s.id WHERE p.company_id = ?", List.of(companyId),
          rs -> new PeriodState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))) {
        states.put(p.period(), p);
      }
      Set<String> periods = new TreeSet<>(PeriodOrder.NEWEST_FIRST);
      periods.addAll(states.keySet());
      periods.addAll(RowVersions.periodsWithFigures(c, companyId));
      List<PeriodState> out = new ArrayList<>();
      for (String p : periods) {
        out.add(states.getOrDefault(p, new PeriodState(p, "draft", null, null)));
      }
      return out;
    });
  }

  /** The approved (or restated) periods among {@code periods}, newest first. */
  static Set<String> approvedAmong(Connection c, String companyId, Set<String> periods) throws SQLException {
    Set<String> approved = new TreeSet<>(PeriodOrder.NEWEST_FIRST);
    for (String p : periods) {
      if (Sql.exists(c, "SELECT 1 FROM period_state WHERE company_id = ? AND period = ?", companyId, p)) {
        approved.add(p);
      }
    }
    return approved;
  }

  /** Marks approved periods restated, after a restatement changed them. */
  static void markRestated(Connection c, String companyId, Set<String> periods) throws SQLException {
    for (String p : periods) {
      Sql.update(c, "UPDATE period_state SET status = 'restated' WHERE company_id = ? AND period = ?", companyId, p);
    }
  }

  /**
   * The cut-off of the figures of {@code version}: for {@link Version#ORIGINAL}, per approved
   * period the change that first approved it; none for {@link Version#CURRENT}.
   */
  static Map<String, Long> cutoff(Connection c, String companyId, Version version) throws SQLException {
    Map<String, Long> cutoff = new HashMap<>();
    if (version == Version.ORIGINAL) {
      for (Object[] r : Sql.query(c, "SELECT period, approved_change FROM period_state WHERE company_id = ?", List.of(companyId),
          rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
        cutoff.put((String) r[0], (Long) r[1]);
      }
    }
    return cutoff;
  }
}
