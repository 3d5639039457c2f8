package org.orebook.data;

import org.orebook.model.Metal;
import org.orebook.quantity.Unit;

/** An average metal price series the highlights print: metal, basis (Handy &amp; Harman, LME Cash) and unit. */
public record PriceSeries(Metal metal, String basis, Unit unit) {
  /** The qualifier of this series' figures. */
  public String qualifier() {
    return metal.name() + ":" + basis;
  }
}
