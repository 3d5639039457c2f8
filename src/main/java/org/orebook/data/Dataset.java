package org.orebook.data;

import java.util.List;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.model.Property;
import org.orebook.model.StatementLine;

/**
 * A loaded, validated dataset: the company model, every input figure with its origin, and the
 * layout data (statement lines, reserve rows, notes, hedges, price series) in file order, and the
 * inputs of the finance models, and the optional production history of prior years
 * ({@code history/produced[METAL]}, outside the engine).
 */
public record Dataset(
    String source,
    Company company,
    FactSet inputs,
    List<StatementLine> statementLines,
    List<Property> properties,
    List<ReserveRow> reserveRows,
    List<ReserveNote> reserveNotes,
    List<Hedge> hedges,
    List<PriceSeries> prices,
    FinanceInputs finance,
    FactSet history) {}
