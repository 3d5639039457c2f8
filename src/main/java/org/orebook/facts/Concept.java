package org.orebook.facts;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.orebook.quantity.Unit;

/**
 * A concept of the catalogue, declared once: its name (as dataset files and keys spell it), the
 * dimensions its figures may have (a unit cost is per ounce for a precious metal, per pound or per
 * tonne for a base one), its label in words and, where prose states it, the phrase a sentence uses.
 */
public record Concept(String name, Set<Unit.Dimension> dimensions, String label, String prose) {
  public Concept {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a concept's name is lower case words joined by '_': " + name);
    }
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("a concept has at least one dimension: " + name);
    }
    dimensions = Set.copyOf(EnumSet.copyOf(dimensions));
    Objects.requireNonNull(label, "label");
    prose = prose == null ? "" : prose;
  }

  /** True when a figure in {@code unit} can be a figure of this concept. */
  public boolean admits(Unit unit) {
    return dimensions.contains(unit.dimension());
  }
}
