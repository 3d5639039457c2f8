package org.orebook.store;

import java.util.Locale;
import java.util.Optional;

/** What a user may do. Viewers read; preparers import and edit drafts; approvers approve and restate. */
public enum Role {
  VIEWER, PREPARER, APPROVER;

  public boolean canEditDrafts() {
    return this != VIEWER;
  }

  public boolean canApprove() {
    return this == APPROVER;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String s) {
    for (Role r : values()) {
      if (r.code().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
