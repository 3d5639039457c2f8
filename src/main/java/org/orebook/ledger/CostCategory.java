package org.orebook.ledger;

import java.util.Arrays;
import java.util.Optional;
import org.orebook.relations.Concepts;

/**
 * The cost categories of the Gold Institute production cost standard that a chart of accounts maps
 * ledger accounts to. Each category is written to {@code costs.csv} as the dataset item of the same
 * name.
 *
 * <p>Ledger amounts follow the general ledger's orientation: a debit is positive, a credit
 * negative. Costs are debits, so their dataset value is the ledger sum as it stands. By-product
 * revenue is a credit: the dataset's {@code byproduct_credits} is the revenue credited, a positive
 * figure, so it is the ledger sum negated ({@link #sign()} is -1). {@code inventory_change} keeps the
 * ledger's sign: a draw-down of product inventory is a debit to cost of sales.
 */
public enum CostCategory {
  MINING(Concepts.MINING, 1),
  MILLING(Concepts.MILLING, 1),
  SITE_OTHER(Concepts.SITE_OTHER, 1),
  TREATMENT_FREIGHT(Concepts.TREATMENT_FREIGHT, 1),
  BYPRODUCT_CREDITS(Concepts.BYPRODUCT_CREDITS, -1),
  ROYALTIES(Concepts.ROYALTIES, 1),
  PRODUCTION_TAXES(Concepts.PRODUCTION_TAXES, 1),
  INVENTORY_CHANGE(Concepts.INVENTORY_CHANGE, 1),
  RECLAMATION_OTHER(Concepts.RECLAMATION_OTHER, 1),
  DDA(Concepts.DDA, 1),
  CAPITAL_ADDITIONS(Concepts.CAPITAL_ADDITIONS, 1);

  private static final CostCategory[] ALL = values();

  private final String code;
  private final int sign;

  CostCategory(String code, int sign) {
    this.code = code;
    this.sign = sign;
  }

  /** The code used in the chart of accounts and, as the item, in {@code costs.csv}. */
  public String code() {
    return code;
  }

  /** +1 when the dataset figure is the ledger sum, -1 when it is the ledger sum negated (a credit). */
  public int sign() {
    return sign;
  }

  public static int count() {
    return ALL.length;
  }

  public static CostCategory ofIndex(int i) {
    return ALL[i];
  }

  public static Optional<CostCategory> ofCode(String code) {
    return Arrays.stream(ALL).filter(c -> c.code.equals(code)).findFirst();
  }
}
