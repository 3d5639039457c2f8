package org.orebook.store;

import java.util.Map;

/** One current dataset row in the store: file, key, the period governing it, its line and fields. */
public record StoredRow(String file, String key, String period, long line, Map<String, String> fields) {}
