package org.orebook.facts;

import java.util.List;

/** Where a figure came from: an input row, a relation over other figures, or a published table. */
public sealed interface Origin permits Origin.Input, Origin.Derived, Origin.Published {

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
}
