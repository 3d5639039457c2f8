package org.orebook.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.orebook.model.Metal;
import org.orebook.quantity.Unit;

/** A hedged position: metal sold forward (or bought) at an average price, as of a date. */
public record Hedge(Metal metal, String position, BigDecimal quantity, Unit unit, BigDecimal price, Unit priceUnit,
    LocalDate asOf) {}
