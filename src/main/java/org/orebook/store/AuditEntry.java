package org.orebook.store;

import java.time.Instant;

/**
 * One line of the audit trail: the change (id, who, when, what kind, why) and one field it
 * touched, with the value before and after. A row added has no before; a row removed no after.
 * {@code dataset} is the dataset of the row (null for an approval, which concerns a period).
 */
public record AuditEntry(long changeId, String companyId, String actor, Instant at, String kind, String reason,
    String file, String rowKey, String period, String field, String before, String after, String dataset) {}
