package org.orebook.store;

/** Who makes a change, and in which role; recorded on every change in the audit trail. */
public record Actor(String name, Role role) {}
