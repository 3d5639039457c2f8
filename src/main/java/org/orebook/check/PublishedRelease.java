package org.orebook.check;

import java.util.List;
import java.util.Map;
import org.orebook.edgar.Figure;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.Table;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Property;
import org.orebook.model.StatementLine;
import org.orebook.relations.Relation;

/**
 * What a published release says, in the engine's terms: the company its tables describe (units,
 * segments, metals), its statement lines, its reserve properties, and every figure keyed as the
 * engine keys it. A figure printed twice (a unit's total cash costs at the top and in the middle of
 * its reconciliation) is kept once in {@code facts}; each further printing is an alias that must
 * agree with it.
 *
 * @param readings every keyed figure, primary and alias keys
 * @param aliases alias key → the primary key it repeats
 * @param statementConcepts "statement/line id" → the line's standard concept
 * @param unmapped figures whose label or column Orebook could not key
 * @param layoutRelations relations a table's own layout states beyond the catalogue: a per-unit row
 *     ("Cash costs per ounce sold") = the row it divides / the quantity row of the same table
 * @param keyOf the key each keyed figure was read under
 * @param kinds each table ("name@first line") → what it was read as ({@code operations}, {@code production}, ...)
 */
public record PublishedRelease(ReleaseText text, Company company, List<StatementLine> lines, List<Property> properties,
    FactSet facts, Map<FactKey, Reading> readings, Map<FactKey, FactKey> aliases, Map<String, String> statementConcepts,
    List<Figure> unmapped, List<String> notes, List<Relation> layoutRelations, Map<Figure, FactKey> keyOf,
    Map<String, String> kinds) {

  public PublishedRelease(ReleaseText text, Company company, List<StatementLine> lines, List<Property> properties,
      FactSet facts, Map<FactKey, Reading> readings, Map<FactKey, FactKey> aliases, Map<String, String> statementConcepts,
      List<Figure> unmapped, List<String> notes) {
    this(text, company, lines, properties, facts, readings, aliases, statementConcepts, unmapped, notes, List.of(), Map.of(),
        Map.of());
  }

  public int figureCount() {
    return text.figureCount();
  }

  /** Figures keyed (each printed figure once, however many keys it repeats). */
  public int mappedCount() {
    return readings.size();
  }

  /** What a table was read as. */
  public String kindOf(Table t) {
    return kinds.getOrDefault(t.name() + "@" + t.firstLine(), "");
  }
}
