package org.orebook.importer;

import java.util.List;

/**
 * The README.md of an imported dataset: that it holds rounded published figures, not raw inputs;
 * the rules each input was reconstructed by; what was not imported; and the notes the writers made
 * on this release. (The import appends what the engine made of the dataset.)
 */
final class DatasetReadme {
  private DatasetReadme() {}

  /** How inputs are reconstructed from printed figures: one rule a line of the README. */
  static final List<String> RULES = List.of(
      "Production (tons of ore, days, grades, metal produced) is copied from the production data as printed.",
      "mining = printed mining cost per ton x tons of ore; milling likewise (so the engine prints the same cost per ton).",
      "total cash costs: from the reconciliation (printed in thousands, x 1000), else total cash cost per ounce x ounces.",
      "cash operating costs = total cash costs - (total cash cost per ounce - cash operating cost per ounce) x ounces;"
          + " the difference is written as `royalties` (the release does not split royalties from production taxes).",
      "site_other = the remainder that makes cash operating costs come out:"
          + " cash operating - mining - milling - treatment and freight + by-product credits.",
      "treatment_freight, byproduct_credits, inventory_change, reclamation_other: the reconciliation lines x 1000;"
          + " where a unit's change in product inventory is not printed but its GAAP cost of sales is, it is the remainder"
          + " that makes the cost of sales come out.",
      "dda = total production cost per ounce x ounces - total cash costs - reclamation and other.",
      "Ounces dividing unit costs: the cost-basis ounces when printed, else the ounces produced, else the reconciliation's"
          + " ounces (in thousands).",
      "capital_additions: as printed (x 1000).",
      "Segment sales: as printed (x 1000). A segment's costs not carried by its units (other_cost_of_sales, other_dda) are"
          + " the remainder that makes its printed gross profit come out; the part of the company's printed DD&A the units"
          + " do not carry goes to other_dda of the segment with the most unit DD&A.",
      "Company production printed above the sum of the units' (a minor source not shown in the tables) is carried by a unit"
          + " `other-sources` with show_in_tables = no.",
      "Statements: every printed line is a `line` with its printed values (x 1000, shares x 1000); statement subtotals become"
          + " `subtotal` lines whose inputs are the printed lines (a subtotal that does not foot exactly on the printed lines"
          + " stays a `line` with its printed values); sales, cost of sales, DD&A of the statement of operations become"
          + " `company:` links where the printed figure is the sum of the segments.",
      "Per-share lines become `per_share` lines over the statement lines whose labels they repeat; preferred dividends are"
          + " not printed in tables, so `per_share.csv` is absent and basic EPS is computed without them.",
      "Reserves: tons as printed (attributable basis: the printed tons are the company's share); where the release prints"
          + " contained metal, the grade is contained / tons (it rounds to the printed grade, and the engine then reproduces"
          + " the printed contained metal), else the printed grade. A dash is zero.",
      "Reserve movements (S-K 1300): depleted and added as printed; where the release prints no estimate of the prior"
          + " year end, the printed opening is written and the revisions are the roll-forward's balancing figure (the"
          + " closing is computed again from the written tons and grades), else the printed revisions.",
      "Periods: as the column headings name them, read in the fiscal year the headings imply (company.csv"
          + " fiscal_year_end when it does not end in December).",
      "Prices: as printed.");

  static String text(ImportContext ctx, String source) {
    var company = ctx.company();
    var pr = ctx.release();
    var notes = ctx.notes();
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(company.name()).append(" — dataset imported from a published release\n\n");
    sb.append("Imported by `orebook import` from `").append(source).append("`.\n\n");
    sb.append("**These are not the company's raw inputs.** A published release prints rounded totals (thousands of\n"
        + "dollars, whole ounces, cents per ounce), not the mine-level inputs it was computed from. This dataset\n"
        + "holds the printed figures where the input format takes them as printed, and inputs reconstructed from\n"
        + "printed figures elsewhere, so that `orebook release` on this folder prints, as far as the release\n"
        + "supports it, the same tables. Reconstructed inputs carry the rounding of the figures they come from;\n"
        + "where the release's own figures disagree, the produced release shows what the inputs imply.\n\n");
    sb.append("## How the inputs were reconstructed\n\n");
    for (String r : RULES) {
      sb.append("- ").append(r).append('\n');
    }
    sb.append("\n## Not imported\n\n");
    sb.append("- Preferred dividends (`per_share.csv`): printed only in footnote prose, not in tables.\n");
    sb.append("- Hedged positions (`hedges.csv`) and reserve footnotes (`reserve_notes.csv`): printed as prose.\n");
    sb.append("- Guidance, project economics and the exchange offer (`guidance.csv`, `projects.csv`, `exchange_offer.csv`"
        + " and the files they read): not written back.\n");
    sb.append("- Figures the reader could not key (").append(pr.unmapped().size()).append(" of ")
        .append(pr.figureCount()).append(" figures read).\n");
    if (!notes.isEmpty()) {
      sb.append("\n## Notes on this release\n\n");
      for (String n : notes) {
        sb.append("- ").append(n).append('\n');
      }
    }
    return sb.toString();
  }
}
