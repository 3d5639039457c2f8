package org.orebook.facts;

import java.math.BigDecimal;
import java.util.List;
import org.orebook.quantity.Unit;

/**
 * Where a figure came from: an input row, a relation over other figures, a published table, or
 * one of those converted to another unit.
 */
public sealed interface Origin permits Origin.Input, Origin.Derived, Origin.Published, Origin.Converted {

  /** The origin before any unit conversion: the input row, relation or published table. */
  default Origin unconverted() {
    return this;
  }

  /** A value read from a dataset file. */
  record Input(String file, long line, String field) implements Origin {
    @Override
    public String toString() {
      return file + " line " + line + " field " + field;
    }
  }

  /**
   * A value computed by a relation of the catalogue from its operands.
   *
   * @param relation the relation's id ({@code gi.total_cash_costs_per_oz})
   * @param description the relation in words
   * @param formula the relation as a formula over its operands' keys
   */
  record Derived(String relation, String description, String formula, List<FactKey> operands) implements Origin {
    public Derived {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return "relation " + relation;
    }
  }

  /** A value read from a published release: table, row label and source line. */
  record Published(String table, String label, long line) implements Origin {
    @Override
    public String toString() {
      return table + " line " + line + " (" + label + ")";
    }
  }

  /**
   * A figure reported in another unit than it was computed in (a metric or imperial release):
   * the exact conversion of {@code value} in {@code from}, which came from {@code source}.
   */
  record Converted(Unit from, BigDecimal value, Origin source) implements Origin {
    @Override
    public Origin unconverted() {
      return source.unconverted();
    }

    @Override
    public String toString() {
      return source + ", converted from " + value.toPlainString() + " " + from.code();
    }
  }
}
