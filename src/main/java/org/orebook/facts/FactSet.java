package org.orebook.facts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An insertion-ordered set of figures, at most one per key. */
public final class FactSet {
  private final Map<FactKey, Fact> facts = new LinkedHashMap<>();

  public Optional<Fact> find(FactKey key) {
    return Optional.ofNullable(facts.get(key));
  }

  public boolean has(FactKey key) {
    return facts.containsKey(key);
  }

  /** Adds a figure; a second figure for the same key is a programming error. */
  public void add(Fact fact) {
    Fact previous = facts.putIfAbsent(fact.key(), fact);
    if (previous != null) {
      throw new IllegalStateException("two figures for " + fact.key() + ": " + previous.origin() + " and " + fact.origin());
    }
  }

  public Collection<Fact> all() {
    return facts.values();
  }

  public int size() {
    return facts.size();
  }
}
