package org.orebook.release;

import java.util.ArrayList;
import java.util.List;
import org.orebook.facts.FactSet;
import org.orebook.model.Company;
import org.orebook.quantity.PeriodSet;

/** A laid-out release: its sections over the computed figures. This class is immutable. */
public record Release(Company company, PeriodSet columns, FactSet facts, List<Section> sections) {
  public Release {
    sections = List.copyOf(sections);
  }

  /** Every table of the release, in print order. */
  public List<Table> tables() {
    List<Table> all = new ArrayList<>();
    for (Section s : sections) {
      for (Section.Block b : s.blocks()) {
        if (b instanceof Section.TableBlock t) {
          all.add(t.table());
        }
      }
    }
    return all;
  }
}
