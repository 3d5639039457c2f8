package org.orebook.facts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.orebook.quantity.Unit;
import org.orebook.quantity.UnitSystem;

/**
 * An insertion-ordered set of figures, at most one per key, reported in one {@link UnitSystem}:
 * a figure added in a unit the system converts is kept as its exact conversion, with an
 * {@link Origin.Converted} origin that leads back to where it came from.
 */
public final class FactSet {
  private final Map<FactKey, Fact> facts = new LinkedHashMap<>();
  private final UnitSystem units;

  /** An empty set that keeps every figure in the unit it is added in. */
  public FactSet() {
    this(UnitSystem.AS_STORED);
  }

  private FactSet(UnitSystem units) {
    this.units = units;
  }

  /**
   * A copy of these figures reported in {@code system}, in the same order: each figure of a unit
   * the system converts is replaced by its exact conversion, and so is every figure added later.
   */
  public FactSet reportedIn(UnitSystem system) {
    FactSet copy = new FactSet(system);
    facts.values().forEach(copy::add);
    return copy;
  }

  /** The units this set reports figures in. */
  public UnitSystem units() {
    return units;
  }

  public Optional<Fact> find(FactKey key) {
    return Optional.ofNullable(facts.get(key));
  }

  public boolean has(FactKey key) {
    return facts.containsKey(key);
  }

  /**
   * Adds a figure, converted to this set's units; a second figure for the same key is a
   * programming error.
   */
  public void add(Fact fact) {
    Fact f = converted(fact);
    Fact previous = facts.putIfAbsent(f.key(), f);
    if (previous != null) {
      throw new IllegalStateException("two figures for " + fact.key() + ": " + previous.origin() + " and " + fact.origin());
    }
  }

  /**
   * The figure in this set's units, converted once from the value it was written or computed in (a
   * figure converted before is converted again from that value, and back to that unit it is that value).
   */
  private Fact converted(Fact fact) {
    Unit target = units.target(fact.unit());
    if (target == fact.unit()) {
      return fact;
    }
    if (fact.origin() instanceof Origin.Converted c) {
      Fact original = new Fact(fact.key(), c.value(), c.from(), c.source());
      return c.from() == target ? original : converted(original);
    }
    return new Fact(fact.key(), fact.unit().convert(fact.value(), target), target,
        new Origin.Converted(fact.unit(), fact.value(), fact.origin()));
  }

  public Collection<Fact> all() {
    return facts.values();
  }

  public int size() {
    return facts.size();
  }
}
