package org.orebook.data;

import org.orebook.model.ReserveCategory;

/** A footnote on a property's row of one reserve table. */
public record ReserveNote(ReserveCategory category, String propertyId, String text) {}
