package org.orebook.relations;

import org.orebook.quantity.Period;

/**
 * The ties between statements, added once a period's statements have their relations: the balance
 * sheet balances, the cash flow statement ends at the balance sheet's cash and starts at the cash of
 * the day before the period.
 */
final class StatementTies implements RelationFamily {
  @Override
  public String standard() {
    return "ties between the statements";
  }

  @Override
  public void instantiate(Catalogue c, Period p) {
    StatementRelations.statementTies(c, c.lines(), p);
  }
}
