package org.orebook.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orebook.facts.Concept;

/**
 * A standard concept is named in code through its constant in {@link Concepts}, so that the compiler
 * checks every use: no other source file spells a declared concept's name as a string literal. (Names of
 * one word, such as "tons", "price" or "cash", are also ordinary words of the code and are left out.)
 */
class ConceptLiteralsTest {
  /** Where such a literal is something else: a table's id, a synthetic ledger's category codes (data), a guidance item's code. */
  static final Set<String> ELSEWHERE = Set.of("release/CostSections.java:all_in_costs", "bench/LedgerSynth.java:*",
      "finance/Guidance.java:cash_cost");

  @Test
  void noSourceSpellsADeclaredConceptsName() throws IOException {
    Set<String> names = Concepts.vocabulary().stream().map(Concept::name).filter(n -> n.contains("_"))
        .collect(Collectors.toSet());
    assertThat(names).hasSizeGreaterThan(60);
    Pattern literal = Pattern.compile("\"([a-z0-9_]+)\"");
    Path root = Path.of("src/main/java/org/orebook");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (rel.equals("relations/Concepts.java") || ELSEWHERE.contains(rel + ":*")) {
          continue;
        }
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = literal.matcher(lines.get(i));
          while (m.find()) {
            if (names.contains(m.group(1)) && !ELSEWHERE.contains(rel + ":" + m.group(1))) {
              found.add(rel + ":" + (i + 1) + " \"" + m.group(1) + "\"");
            }
          }
        }
      }
    }
    assertThat(found).as("write the constant of Concepts instead").isEmpty();
  }
}
