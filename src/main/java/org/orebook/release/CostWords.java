package org.orebook.release;

import static org.orebook.relations.Concepts.PAYABLE;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.orebook.facts.Entity;
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
  static boolean payable(FactSet facts, Company company, Entity entity, Metal m) {
    if (m.precious()) {
      return false;
    }
    if (entity.is(Entity.Kind.GROUP)) {
      var members = company.unitsWithPrimary(m);
      return !members.isEmpty() && members.stream().allMatch(u -> payable(facts, company, Entity.unit(u.id()), m));
    }
    return facts.all().stream().anyMatch(f -> f.key().entity().equals(entity) && f.key().concept().equals(PAYABLE)
        && f.key().qualifier().equals(m.name()));
  }

  /** "ounce", "pound", "payable pound" (or "tonne", "payable tonne" where the company costs base metals per tonne). */
  static String per(Company c, Metal m, boolean payable) {
    return payable ? "payable " + c.costWord(m) : c.costWord(m);
  }

  /** "ounce of gold produced", "pound of copper produced", "payable pound of copper". */
  static String perProduced(Company c, Metal m, boolean payable) {
    String name = m.displayName().toLowerCase(Locale.ROOT);
    return payable ? "payable " + c.costWord(m) + " of " + name : c.costWord(m) + " of " + name + " produced";
  }

  /** "$/oz.", "$/lb" or "$/t". */
  static String abbreviation(Company c, Metal m) {
    return "$/" + c.costAbbreviation(m);
  }

  /** "ounce", "pound", or "ounce and per pound": the unit costs of a set of metals. */
  static String perAny(Company c, Collection<Metal> metals) {
    List<String> words = metals.stream().map(c::costWord).distinct().sorted(java.util.Comparator.comparing(w ->
        List.of("ounce", "pound", "tonne").indexOf(w))).toList();
    return words.isEmpty() ? "ounce" : String.join(" and per ", words);
  }
}
