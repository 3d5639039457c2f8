package org.orebook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The direction of dependencies as docs/ARCHITECTURE.md writes it down: the rules are generated from
 * the table of packages there, each package allowed to depend only on itself, on the packages its
 * row lists, and on code outside Orebook. A package the table does not list, or a row that names no
 * package, fails; an illegal edge (a test fixture in {@code org.orebook.quantity} that reaches into
 * {@code org.orebook.release}) is shown to fail the rule.
 */
class LayeringTest {
  static final Path ARCHITECTURE = Path.of("docs", "ARCHITECTURE.md");
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.orebook");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`(\\w+)`\\s*\\|.*\\|\\s*([^|]*)\\|\\s*$");

  /** The table's rows: package → the packages it may depend on. */
  static Map<String, Set<String>> allowed() throws IOException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(ARCHITECTURE)) {
      if (line.startsWith("| package | holds | depends on |")) {
        inTable = true;
        continue;
      }
      if (inTable && !line.startsWith("|")) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (inTable && m.matches()) {
        Set<String> deps = new LinkedHashSet<>();
        for (String d : m.group(2).replaceAll("\\([^)]*\\)", "").split(",")) {
          String name = d.trim();
          if (!name.isEmpty() && !name.equals("nothing")) {
            deps.add(name);
          }
        }
        out.put(m.group(1), deps);
      }
    }
    return out;
  }

  /** The rule of one package: no class of it depends on an Orebook package its row does not allow. */
  static ArchRule rule(String pkg, Set<String> deps, Set<String> all) {
    List<String> forbidden = new ArrayList<>();
    for (String other : all) {
      if (!other.equals(pkg) && !deps.contains(other)) {
        forbidden.add("org.orebook." + other + "..");
      }
    }
    return noClasses().that().resideInAPackage("org.orebook." + pkg + "..").should().dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new)).allowEmptyShould(true)
        .because("docs/ARCHITECTURE.md lets " + pkg + " depend on " + (deps.isEmpty() ? "nothing of Orebook" : deps));
  }

  @TestFactory
  Stream<DynamicTest> everyPackageDependsOnlyOnWhatTheTableAllows() throws IOException {
    Map<String, Set<String>> table = allowed();
    assertThat(table).as("packages of the table in docs/ARCHITECTURE.md").hasSizeGreaterThan(10);
    for (Set<String> deps : table.values()) {
      assertThat(table.keySet()).as("the table names only its own packages").containsAll(deps);
    }
    return table.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
        () -> rule(e.getKey(), e.getValue(), table.keySet()).check(CLASSES)));
  }

  @Test
  void everyPackageIsInTheTable() throws IOException {
    Set<String> packages = new LinkedHashSet<>();
    CLASSES.forEach(c -> {
      String rest = c.getPackageName().substring("org.orebook".length());
      if (!rest.isEmpty()) {
        packages.add(rest.substring(1).split("\\.")[0]);
      }
    });
    assertThat(allowed().keySet()).containsAll(packages);
  }

  @Test
  void anIllegalEdgeFailsTheRule() throws IOException {
    Map<String, Set<String>> table = allowed();
    JavaClasses withFixture = new ClassFileImporter().importClasses(org.orebook.quantity.IllegalEdgeFixture.class,
        org.orebook.release.Release.class);
    assertThat(rule("quantity", table.get("quantity"), table.keySet()).evaluate(withFixture).hasViolation()).isTrue();
    // and the same fixture's classes without the edge pass
    JavaClasses legal = new ClassFileImporter().importClasses(org.orebook.quantity.Period.class);
    assertThat(rule("quantity", table.get("quantity"), table.keySet()).evaluate(legal).hasViolation()).isFalse();
  }

  @Test
  void noCycles() {
    slices().matching("org.orebook.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
