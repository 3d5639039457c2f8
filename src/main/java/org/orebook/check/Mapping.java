package org.orebook.check;

/**
 * What a row label means: a concept, optionally qualified (a metal), its measure, and whether the
 * table prints it with the opposite sign of the stored figure (treatment and freight deducted).
 */
record Mapping(String concept, String metal, Measure measure, boolean negate) {
  static Mapping of(String concept, Measure measure) {
    return new Mapping(concept, "", measure, false);
  }

  static Mapping of(String concept, String metal, Measure measure) {
    return new Mapping(concept, metal, measure, false);
  }

  Mapping negated() {
    return new Mapping(concept, metal, measure, true);
  }
}
