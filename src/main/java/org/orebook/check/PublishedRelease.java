package org.orebook.check;

import java.util.List;
import java.util.Map;
import org.orebook.edgar.Figure;
import org.orebook.edgar.ReleaseText;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Property;
import org.orebook.model.StatementLine;

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
 */
public record PublishedRelease(ReleaseText text, Company company, List<StatementLine> lines, List<Property> properties,
    FactSet facts, Map<FactKey, Reading> readings, Map<FactKey, FactKey> aliases, Map<String, String> statementConcepts,
    List<Figure> unmapped, List<String> notes) {

  public int figureCount() {
    return text.figureCount();
  }

  public int mappedCount() {
    return readings.size();
  }
}
