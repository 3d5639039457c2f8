package org.orebook.release;

import static org.orebook.relations.Concepts.PAYABLE;

import java.util.Collection;
import java.util.Locale;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Metal;

/**
 * How a release words a unit cost by the metal it divides: per ounce of a precious metal, per pound
 * of a base metal, per payable pound where the data gives payable metal (docs/base-metals.md). One
 * place, so the tables, the prose, the notes and the web say the same.
 */
final class CostWords {
  private CostWords() {}

  /**
   * True when the entity's base-metal unit costs are per payable pound: a unit with payable metal
   * (given or from a payable share), or a group whose units all have it.
   */
  static boolean payable(FactSet facts, Company company, String entity, Metal m) {
    if (m.precious()) {
      return false;
    }
    if (entity.startsWith("group:")) {
      var members = company.unitsWithPrimary(m);
      return !members.isEmpty() && members.stream().allMatch(u -> payable(facts, company, "unit:" + u.id(), m));
    }
    return facts.all().stream().anyMatch(f -> f.key().entity().equals(entity) && f.key().concept().equals(PAYABLE)
        && f.key().qualifier().equals(m.name()));
  }

  /** "ounce", "pound" or "payable pound". */
  static String per(Metal m, boolean payable) {
    return payable ? "payable " + m.costWord() : m.costWord();
  }

  /** "ounce of gold produced", "pound of copper produced", "payable pound of copper". */
  static String perProduced(Metal m, boolean payable) {
    String name = m.displayName().toLowerCase(Locale.ROOT);
    return payable ? "payable " + m.costWord() + " of " + name : m.costWord() + " of " + name + " produced";
  }

  /** "$/oz." or "$/lb". */
  static String abbreviation(Metal m) {
    return "$/" + m.costAbbreviation();
  }

  /** "ounce", "pound", or "ounce and per pound": the unit costs of a set of metals. */
  static String perAny(Collection<Metal> metals) {
    boolean oz = metals.stream().anyMatch(Metal::precious);
    boolean lb = metals.stream().anyMatch(m -> !m.precious());
    return oz && lb ? "ounce and per pound" : lb ? "pound" : "ounce";
  }
}
