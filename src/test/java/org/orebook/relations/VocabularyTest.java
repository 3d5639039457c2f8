package org.orebook.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetLoader;
import org.orebook.facts.Concept;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;

/** The vocabulary is declared once, and what the catalogue computes keeps to it. */
class VocabularyTest {
  static final List<String> EXAMPLES = List.of("examples/hecla-2003", "examples/cordillera-2025",
      "examples/quillback-fy2025", "examples/kittiwake-2025");

  /** Entities whose concepts are the company's own: its statement lines. */
  static boolean ownWords(Entity e) {
    return e.is(Entity.Kind.STATEMENT);
  }

  @Test
  void everyConceptAReleaseHoldsIsDeclaredAndInADimensionItAdmits() throws Exception {
    Set<String> undeclared = new TreeSet<>();
    List<String> wrongUnit = new ArrayList<>();
    int checked = 0;
    for (String example : EXAMPLES) {
      Dataset d = DatasetLoader.load(Path.of(example));
      // every figure a release holds: the engine's and the finance models'
      FactSet facts = org.orebook.release.Releases.produce(d, null).facts();
      // a non-GAAP measure is named as the company names it (statement non_gaap of statement_lines.csv)
      Set<String> ownMeasures = new TreeSet<>();
      d.statementLines().stream().filter(l -> l.statement().equals(org.orebook.model.StatementLine.NON_GAAP))
          .forEach(l -> ownMeasures.add(l.concept()));
      for (Fact f : facts.all()) {
        FactKey k = f.key();
        if (ownWords(k.entity()) || ownMeasures.contains(k.concept())) {
          continue;
        }
        checked++;
        var c = Concepts.declared(k.concept());
        if (c.isEmpty()) {
          undeclared.add(k.concept() + " (" + example + ", " + k + ")");
        } else if (!c.get().admits(f.unit())) {
          wrongUnit.add(k + " in " + f.unit().code() + " (" + example + ")");
        }
      }
    }
    assertThat(checked).isGreaterThan(5_000);
    assertThat(undeclared).as("concepts computed or given but not declared in Concepts").isEmpty();
    assertThat(wrongUnit).as("figures in a dimension their concept does not admit").isEmpty();
  }

  @Test
  void eachConceptIsDeclaredOnceWithALabel() {
    Set<String> names = new TreeSet<>();
    for (Concept c : Concepts.vocabulary()) {
      assertThat(names.add(c.name())).as(c.name()).isTrue();
      assertThat(c.label()).as(c.name()).isNotBlank();
    }
    assertThat(names).contains(Concepts.NET_INCOME, Concepts.TOTAL_CASH_PER_OZ, Concepts.AISC_PER_OZ, Concepts.CONTAINED);
    assertThat(Concepts.declared("accounts_receivable")).isEmpty();
  }
}
