package org.orebook.facts;

import java.math.BigDecimal;
import org.orebook.quantity.Unit;

/** A figure: its key, exact value, unit and origin. This class is immutable and thread-safe. */
public record Fact(FactKey key, BigDecimal value, Unit unit, Origin origin) {}
