package org.orebook.store;

/** A stored row's identity: its dataset, file and key. */
record RowId(String dataset, String file, String key) {}
