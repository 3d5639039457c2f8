package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orebook.facts.Concept;
import org.orebook.relations.Concepts;

/**
 * The reading dictionary draws on the declared vocabulary: every concept a printed label is read as
 * is a declared concept, and every unit the entry's measure can give a figure is one the concept
 * admits. A dictionary row naming a concept no relation knows (or in the wrong dimension) is read but
 * never tested, so a check would pass it silently.
 */
class DictionaryVocabularyTest {
  /** The measures whose unit depends on the label, the table's unit line or the metal: each outcome. */
  private static final Map<String, Set<Measure>> OUTCOMES = Map.of(
      "quantity", EnumSet.of(Measure.OUNCES, Measure.TONS, Measure.TONNES, Measure.POUNDS),
      "mass", EnumSet.of(Measure.TONS, Measure.TONNES),
      "per_unit", EnumSet.of(Measure.PER_OUNCE, Measure.PER_POUND, Measure.PER_TONNE),
      "grade", EnumSet.of(Measure.GRADE_OZ_TON, Measure.GRADE_G_T, Measure.PERCENT));

  @Test
  void everyEntryNamesADeclaredConceptInADimensionItAdmits() {
    List<ConceptDictionary.Entry> entries = ConceptDictionary.standard().entries();
    assertThat(entries).hasSizeGreaterThan(100);
    assertThat(problems(entries)).isEmpty();
  }

  @Test
  void anUndeclaredConceptAndAWrongDimensionAreFound() throws Exception {
    var parsed = ConceptDictionary.parse("own.csv", "scope,label,concept,metal,measure\n"
        + "company,widgets,widget_count,,money\n"
        + "unit,cash cost,total_cash_costs_per_oz,,money\n"
        + "unit,grade,grade,label?,grade\n");
    List<ConceptDictionary.Entry> entries = parsed.values().stream().flatMap(List::stream).toList();
    assertThat(problems(entries)).containsExactlyInAnyOrder(
        "own.csv line 2: widget_count is not a declared concept",
        "own.csv line 3: total_cash_costs_per_oz read in USD, a dimension it does not admit");
  }

  private static List<String> problems(List<ConceptDictionary.Entry> entries) {
    List<String> wrong = new ArrayList<>();
    for (ConceptDictionary.Entry e : entries) {
      if (e.scope() == ConceptDictionary.Scope.SUBTRACT) {
        continue;
      }
      Optional<Concept> c = Concepts.declared(e.concept());
      if (c.isEmpty()) {
        wrong.add(e.origin() + ": " + e.concept() + " is not a declared concept");
        continue;
      }
      Set<Measure> outcomes = OUTCOMES.containsKey(e.measure()) ? OUTCOMES.get(e.measure()) : Set.of(single(e.measure()));
      for (Measure m : outcomes) {
        if (!c.get().admits(m.unit)) {
          wrong.add(e.origin() + ": " + e.concept() + " read in " + m.unit.code() + ", a dimension it does not admit");
        }
      }
    }
    return wrong;
  }

  /** A measure whose unit neither the label, the table nor the metal decides: the dictionary's own reading. */
  private static Measure single(String measure) {
    return ConceptDictionary.measure(measure, Optional.empty(), "", "");
  }
}
