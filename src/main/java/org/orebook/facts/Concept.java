package org.orebook.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.orebook.quantity.Unit;

/**
 * A concept of the catalogue, declared once: its name (as dataset files and keys spell it), the
 * dimensions its figures may have (a unit cost is per ounce for a precious metal, per pound or per
 * tonne for a base one) and its label in words.
 */
public record Concept(String name, Set<Unit.Dimension> dimensions, String label) {
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
  }

  /** True when a figure in {@code unit} can be a figure of this concept. */
  public boolean admits(Unit unit) {
    return dimensions.contains(unit.dimension());
  }
}
