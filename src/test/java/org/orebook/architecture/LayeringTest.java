package org.orebook.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The direction of dependencies that docs/ARCHITECTURE.md describes. */
class LayeringTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.orebook");

  @Test
  void quantityDependsOnNothingOfOrebook() {
    noClasses().that().resideInAPackage("..quantity..").should().dependOnClassesThat()
        .resideInAnyPackage("..model..", "..facts..", "..relations..", "..data..", "..release..", "..cli..",
            "..edgar..", "..check..")
        .check(CLASSES);
  }

  @Test
  void modelAndFactsStayBelowRelations() {
    noClasses().that().resideInAnyPackage("..model..", "..facts..").should().dependOnClassesThat()
        .resideInAnyPackage("..relations..", "..data..", "..release..", "..cli..").check(CLASSES);
  }

  @Test
  void relationsDoNotKnowFilesLayoutsOrCommands() {
    noClasses().that().resideInAPackage("..relations..").should().dependOnClassesThat()
        .resideInAnyPackage("..data..", "..release..", "..cli..").check(CLASSES);
  }

  @Test
  void dataAndReleaseDoNotDependOnTheCommandLine() {
    noClasses().that().resideInAnyPackage("..data..", "..release..").should().dependOnClassesThat()
        .resideInAPackage("..cli..").check(CLASSES);
    noClasses().that().resideInAPackage("..data..").should().dependOnClassesThat()
        .resideInAPackage("..release..").check(CLASSES);
  }

  @Test
  void theReaderKnowsOnlyQuantitiesAndTheCheckerNotTheProducer() {
    noClasses().that().resideInAPackage("..edgar..").should().dependOnClassesThat()
        .resideInAnyPackage("..model..", "..facts..", "..relations..", "..data..", "..release..", "..check..", "..cli..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("..check..").should().dependOnClassesThat()
        .resideInAnyPackage("..data..", "..release..", "..cli..").check(CLASSES);
    noClasses().that().resideInAnyPackage("..relations..", "..data..", "..release..").should().dependOnClassesThat()
        .resideInAnyPackage("..edgar..", "..check..").check(CLASSES);
  }

  @Test
  void theStoreKeepsRowsNotLayoutsAndOnlyCommandsAndTheWebUseIt() {
    noClasses().that().resideInAPackage("..store..").should().dependOnClassesThat()
        .resideInAnyPackage("..release..", "..check..", "..edgar..", "..importer..", "..cli..", "..web..").check(CLASSES);
    noClasses().that().resideInAnyPackage("..quantity..", "..model..", "..facts..", "..relations..", "..data..",
        "..release..", "..edgar..", "..check..", "..importer..").should().dependOnClassesThat()
        .resideInAnyPackage("..store..", "..web..").check(CLASSES);
    noClasses().that().resideInAPackage("..web..").should().dependOnClassesThat().resideInAPackage("..cli..")
        .allowEmptyShould(true).check(CLASSES);
  }

  @Test
  void financeModelsKnowOnlyQuantitiesAndTheModel() {
    noClasses().that().resideInAPackage("..finance..").should().dependOnClassesThat()
        .resideInAnyPackage("..facts..", "..relations..", "..data..", "..release..", "..cli..", "..edgar..", "..check..",
            "..store..", "..importer..", "..web..")
        .check(CLASSES);
  }

  @Test
  void theLedgerPathFeedsTheEngineAndNothingBelowKnowsIt() {
    noClasses().that().resideInAPackage("..ledger..").should().dependOnClassesThat()
        .resideInAnyPackage("..store..", "..web..", "..check..", "..edgar..", "..importer..", "..cli..").check(CLASSES);
    noClasses().that().resideInAnyPackage("..quantity..", "..model..", "..facts..", "..relations..", "..data..",
        "..release..", "..store..", "..web..", "..check..").should().dependOnClassesThat().resideInAPackage("..ledger..")
        .check(CLASSES);
  }

  @Test
  void theScanningPiecesKnowNothingOfOrebook() {
    noClasses().that().resideInAPackage("org.orebook.scan..").should().dependOnClassesThat()
        .resideInAnyPackage("..quantity..", "..model..", "..facts..", "..relations..", "..data..", "..release..",
            "..edgar..", "..check..", "..importer..", "..finance..", "..store..", "..ledger..", "..blockmodel..",
            "..web..", "..cli..")
        .check(CLASSES);
  }

  @Test
  void theBlockModelKnowsOnlyTheScanningPiecesAndOnlyCommandsAndTheWebUseIt() {
    noClasses().that().resideInAPackage("..blockmodel..").should().dependOnClassesThat()
        .resideInAnyPackage("..model..", "..facts..", "..relations..", "..data..", "..release..", "..edgar..",
            "..check..", "..importer..", "..finance..", "..store..", "..ledger..", "..web..", "..cli..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("..quantity..", "..model..", "..facts..", "..relations..", "..data..",
        "..release..", "..edgar..", "..check..", "..importer..", "..finance..", "..store..", "..ledger..", "..scan..")
        .should().dependOnClassesThat().resideInAPackage("..blockmodel..").allowEmptyShould(true).check(CLASSES);
  }

  @Test
  void noCycles() {
    slices().matching("org.orebook.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
