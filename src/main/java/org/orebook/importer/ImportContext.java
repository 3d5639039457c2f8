package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.orebook.check.PublishedRelease;
import org.orebook.check.Reading;
import org.orebook.edgar.Table;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Company;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Period;

/**
 * What the dataset writers of one import share: the release the checker read (its company, its
 * figures and the readings behind them), the periods it prints, the lookups every writer makes,
 * the notes for the dataset's README, and the files written so far.
 */
final class ImportContext {
  private final PublishedRelease pr;
  private final Set<Period> periods = new TreeSet<>();
  private final List<String> notes = new ArrayList<>();
  private final DatasetFiles out = new DatasetFiles();

  ImportContext(PublishedRelease pr) {
    this.pr = pr;
    pr.facts().all().forEach(f -> periods.add(f.key().period()));
  }

  PublishedRelease release() {
    return pr;
  }

  Company company() {
    return pr.company();
  }

  /** Every period a figure of the release is keyed with, in order. */
  Set<Period> periods() {
    return periods;
  }

  /** What the README tells of this release beyond the rules (what was left out, what was taken from where). */
  List<String> notes() {
    return notes;
  }

  DatasetFiles out() {
    return out;
  }

  // ------------------------------------------------------------------ lookups

  /** A printed figure. */
  Optional<BigDecimal> v(Entity entity, String concept, String qualifier, Period p) {
    return pr.facts().find(new FactKey(entity, concept, qualifier, p)).map(Fact::value);
  }

  Optional<BigDecimal> v(Entity entity, String concept, Period p) {
    return v(entity, concept, "", p);
  }

  /** The reading of a figure in the first period that prints it (its label, line and decimals). */
  Optional<Reading> reading(Entity entity, String concept, String qualifier) {
    for (Period p : periods) {
      Reading r = pr.readings().get(new FactKey(entity, concept, qualifier, p));
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** A company figure as printed: in a statement line carrying the concept, else in the highlights. */
  Optional<BigDecimal> companyFigure(String concept, Period p) {
    return statementLineWithConcept(concept).flatMap(id -> v(Entity.statement(id.split(":")[0]), id.split(":")[1], p))
        .or(() -> v(COMPANY, concept, p));
  }

  /** "statement:line" of the first statement line carrying {@code concept}. */
  private Optional<String> statementLineWithConcept(String concept) {
    return pr.lines().stream().filter(l -> concept.equals(l.concept()) && l.kind() == StatementLine.Kind.LINE)
        .map(l -> l.statement() + ":" + l.id()).findFirst();
  }

  /** The table the release prints {@code line} in, or null. */
  Table tableOf(int line) {
    for (Table t : pr.text().tables()) {
      if (t.firstLine() <= line && line <= t.lastLine()) {
        return t;
      }
    }
    return null;
  }
}
