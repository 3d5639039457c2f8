package org.orebook.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.orebook.quantity.Unit;

/**
 * A concept of the catalogue, declared once: its name (as dataset files and keys spell it), the
 * dimensions its figures may have (a unit cost is per ounce for a precious metal, per pound or per
 * tonne for a base one), its label in words, and the words running text names it by: {@code prose}, a
 * regular expression over lower-case text (empty when prose does not name it), and {@code opposite},
 * the words that name its negative ("net loss" for net income).
 */
public record Concept(String name, Set<Unit.Dimension> dimensions, String label, String prose, String opposite) {
  public Concept {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a concept's name is lower case words joined by '_': " + name);
    }
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("a concept has at least one dimension: " + name);
    }
    dimensions = Collections.unmodifiableSet(EnumSet.copyOf(dimensions));
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(prose, "prose");
    Objects.requireNonNull(opposite, "opposite");
    if (prose.isEmpty() && !opposite.isEmpty()) {
      throw new IllegalArgumentException("a concept named in prose by its negative only: " + name);
    }
  }

  /** A concept running text does not name. */
  public Concept(String name, Set<Unit.Dimension> dimensions, String label) {
    this(name, dimensions, label, "", "");
  }

  /** True when a figure in {@code unit} can be a figure of this concept. */
  public boolean admits(Unit unit) {
    return dimensions.contains(unit.dimension());
  }
}
