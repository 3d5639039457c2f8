package org.orebook.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.facts.Origin;
import org.orebook.quantity.Period;

class DatasetLoaderTest {
  @TempDir
  Path dir;

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @BeforeEach
  void minimalDataset() throws IOException {
    write("company.csv", "field,value\nname,Test Mining Co\nshort_name,Test\nperiod,FY2024\nmetals,AU\n");
    write("segments.csv", "id,name\ngold,Gold operations\n");
    write("units.csv", "id,name,country,segment,ownership_pct,primary_metal,byproduct_metals,ore_term,grade_term,show_in_tables\n"
        + "pit,Big Pit,Chile,gold,100,AU,,milled,milled,yes\n");
    write("production.csv", "unit,period,item,metal,value,uom\n"
        + "# a comment line\n"
        + "pit,FY2024,ore_milled,,1000,st\n"
        + "\n"
        + "pit,FY2024,produced,AU,500,oz\n");
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,20000,USD\n");
  }

  @Test
  void theBundledExampleInTheJarReadsAsTheFolderDoes() throws Exception {
    Dataset fromJar = DatasetLoader.load(DatasetSource.resources("examples/hecla-2003"));
    Dataset fromFolder = DatasetLoader.load(Path.of("examples", "hecla-2003"));
    assertThat(fromJar.source()).isEqualTo("bundled examples/hecla-2003");
    assertThat(fromJar.inputs().all()).hasSameSizeAs(fromFolder.inputs().all());
    assertThat(fromJar.inputs().all()).containsExactlyInAnyOrderElementsOf(fromFolder.inputs().all());
    assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.resources("examples/no-such-example")))
        .isInstanceOf(DatasetException.class).hasMessageContaining("required file is missing from bundled examples/no-such-example");
  }

  @Test
  void historyRowsAreValidatedWithTheirLocation() throws Exception {
    write("history.csv", "metal,period,value,uom,source\n"
        + "AU,FY2022,480,oz,annual report 2022\n"
        + "AU,Q4 2022,120,oz,quarterly\n"
        + "XX,FY2021,1,oz,\n"
        + "AU,FY2021,many,oz,\n"
        + "AU,FY2020,10,st,\n"
        + "AU,FY2022,481,oz,restated\n");
    assertThatThrownBy(() -> DatasetLoader.load(dir)).isInstanceOf(DatasetException.class)
        .satisfies(e -> assertThat(((DatasetException) e).errors()).extracting(DataError::line, DataError::field)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(3L, "period"),
                org.assertj.core.groups.Tuple.tuple(4L, "metal"),
                org.assertj.core.groups.Tuple.tuple(5L, "value"),
                org.assertj.core.groups.Tuple.tuple(6L, "uom"),
                org.assertj.core.groups.Tuple.tuple(7L, "metal,period")))
        .hasMessageContaining("history.csv, line 3, field 'period': history is by year");
    write("history.csv", "metal,period,value,uom,source\nAU,FY2022,480,oz,annual report 2022\n");
    Dataset d = DatasetLoader.load(dir);
    assertThat(d.history().find(new FactKey(Entity.parse("history"), "produced", "AU", new Period.Year(2022))))
        .hasValueSatisfying(f -> assertThat(f.value()).isEqualByComparingTo("480"));
    assertThat(d.inputs().all()).noneMatch(f -> f.key().entity().equals(Entity.HISTORY));
  }

  @Test
  void readsInputsWithTheirFileLineAndField() throws Exception {
    Dataset d = DatasetLoader.load(dir);
    var f = d.inputs().find(new FactKey(Entity.parse("unit:pit"), "produced", "AU", new Period.Year(2024))).orElseThrow();
    assertThat(f.value()).isEqualByComparingTo("500");
    assertThat(f.origin()).isEqualTo(new Origin.Input("production.csv", 5, "value"));
    assertThat(d.company().units()).hasSize(1);
  }

  @Test
  void preciousMetalInGramsOrKilogramsIsKeptAsWrittenAndIsExactOunces() throws Exception {
    write("production.csv", "unit,period,item,metal,value,uom\n"
        + "pit,FY2024,ore_milled,,1000,st\n"
        + "pit,FY2024,produced,AU,311.034768,kg\n"
        + "pit,FY2024,sold,AU,31103.4768,g\n");
    Dataset d = DatasetLoader.load(dir);
    var produced = d.inputs().find(new FactKey(Entity.parse("unit:pit"), "produced", "AU", new Period.Year(2024))).orElseThrow();
    // kept in the unit written; 311.034768 kg = 311,034.768 g = 10,000 troy ounces of 31.1034768 g, exactly
    assertThat(produced.value()).isEqualByComparingTo("311.034768");
    assertThat(produced.unit()).isEqualTo(org.orebook.quantity.Unit.KILOGRAM);
    assertThat(produced.unit().convert(produced.value(), org.orebook.quantity.Unit.TROY_OUNCE)).isEqualByComparingTo("10000");
    var sold = d.inputs().find(new FactKey(Entity.parse("unit:pit"), "sold", "AU", new Period.Year(2024))).orElseThrow();
    assertThat(sold.unit()).isEqualTo(org.orebook.quantity.Unit.GRAM);
    assertThat(sold.unit().convert(sold.value(), org.orebook.quantity.Unit.TROY_OUNCE)).isEqualByComparingTo("1000");
  }

  String errorsOf() {
    try {
      DatasetLoader.load(dir);
    } catch (DatasetException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the dataset to be rejected");
  }

  @Test
  void unknownOperatingUnit() throws IOException {
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,20000,USD\nghost,FY2024,milling,1,USD\n");
    assertThat(errorsOf()).contains("costs.csv, line 3, field 'unit': unknown operating unit 'ghost'");
  }

  @Test
  void missingUnitAndPeriod() throws IOException {
    write("costs.csv", "unit,period,item,value,uom\n,FY2024,mining,20000,USD\npit,,milling,1,USD\n");
    assertThat(errorsOf()).contains("costs.csv, line 2, field 'unit': missing operating unit")
        .contains("costs.csv, line 3, field 'period': missing period");
  }

  @Test
  void nonNumericValue() throws IOException {
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,\"20,000\",USD\n");
    assertThat(errorsOf()).contains("costs.csv, line 2, field 'value': not a number: '20,000'");
  }

  @Test
  void negativeTons() throws IOException {
    write("production.csv", "unit,period,item,metal,value,uom\npit,FY2024,ore_milled,,-5,st\n");
    assertThat(errorsOf()).contains("production.csv, line 2, field 'value': negative tons");
  }

  @Test
  void duplicateRow() throws IOException {
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,1,USD\npit,FY2024,mining,2,USD\n");
    assertThat(errorsOf()).contains("costs.csv, line 3, field 'unit,period,item': duplicate row")
        .contains("already given on line 2");
  }

  @Test
  void unknownUnitOfMeasure() throws IOException {
    write("production.csv", "unit,period,item,metal,value,uom\npit,FY2024,produced,AU,5,lb\n");
    assertThat(errorsOf()).contains("production.csv, line 2, field 'uom': unknown unit of measure 'lb'");
  }

  @Test
  void everyErrorOfEveryFileIsReportedAndNothingIsReturned() throws IOException {
    write("production.csv", "unit,period,item,metal,value,uom\npit,FY2024,produced,AU,5,lb\n");
    write("costs.csv", "unit,period,item,value,uom\npit,FY2024,mining,abc,USD\n");
    assertThatThrownBy(() -> DatasetLoader.load(dir)).isInstanceOf(DatasetException.class)
        .satisfies(e -> assertThat(((DatasetException) e).errors()).hasSize(2));
  }

  @Test
  void missingRequiredFile() throws IOException {
    Files.delete(dir.resolve("units.csv"));
    assertThat(errorsOf()).contains("units.csv: required file is missing");
  }

  @Test
  void statementSubtotalNamingAnUnknownLine() throws IOException {
    write("statement_lines.csv", "statement,id,label,kind,sum_of,concept,rule\n"
        + "operations,sales,Sales,line,,sales,\n"
        + "operations,gp,Gross profit,subtotal,sales -cogs,gross_profit,\n");
    assertThat(errorsOf()).contains("statement_lines.csv, line 3, field 'sum_of': unknown line 'cogs'");
  }

  @Test
  void aStatementCannotTakeTheNameOfAnotherKindOfFigure() throws IOException {
    write("statement_lines.csv", "statement,id,label,kind,sum_of,concept,rule\n"
        + "company,sales,Sales,line,,sales,\n"
        + "ops:x,cost,Cost,line,,,\n");
    assertThat(errorsOf()).contains(
        "statement_lines.csv, line 2, field 'statement': 'company' is the name of another kind of figure (company), not a "
            + "statement's: choose another statement id",
        "statement_lines.csv, line 3, field 'statement': a statement id has no ':' (statement:line names a line)");
  }
}
