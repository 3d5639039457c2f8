package org.orebook.store;

/** A company held in the store: its id (used in URLs and commands), name and release period. */
public record CompanyInfo(String id, String name, String releasePeriod) {}
