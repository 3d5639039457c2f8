package org.orebook.relations;

import org.orebook.quantity.Period;

/**
 * A family of relations of one standard (the Gold Institute's costs, the World Gold Council's all-in
 * costs, the statements, reserves...), instantiated by the {@link Catalogue} for each period the
 * data covers. The families are registered in one list ({@link Catalogue#FAMILIES}), in the order
 * their relations may build on each other's: the seam where a new standard is added.
 */
interface RelationFamily {
  /** The standard the family writes down, in words. */
  String standard();

  /** Adds the family's relations of one period. */
  void instantiate(Catalogue c, Period p);

  /** Adds relations that span periods, once every period has its relations. */
  default void afterPeriods(Catalogue c) {}
}
