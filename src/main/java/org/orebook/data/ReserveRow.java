package org.orebook.data;

import org.orebook.model.ReserveCategory;

/** A property's row in one reserve table, in the order the dataset lists them. */
public record ReserveRow(ReserveCategory category, String propertyId) {}
