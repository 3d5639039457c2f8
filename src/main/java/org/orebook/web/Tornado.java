package org.orebook.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.data.Dataset;
import org.orebook.data.FinanceInputs;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.finance.ProjectEconomics;
import org.orebook.relations.Concepts;
import org.orebook.release.Formats;

/**
 * The data of a project's tornado chart, read from the release's own figures (so each bar end is
 * the traceable figure the sensitivity table prints): per driver, the NPV at the base rate with
 * the driver at its largest decrease and its largest increase, drivers sorted by swing.
 */
final class Tornado {
  private Tornado() {}

  /** One tornado per project of the dataset. */
  static List<Map<String, Object>> of(Dataset data, FactSet facts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FinanceInputs.ProjectInput in : data.finance().projects()) {
      ProjectEconomics.Project p = in.project();
      String rate = Formats.plain(p.discountRates().get(0).movePointRight(2));
      FactKey baseKey = new FactKey(in.entity(), "npv", rate + "%", in.firstPeriod());
      Optional<Fact> base = facts.find(baseKey);
      if (base.isEmpty()) {
        continue;
      }
      String low = Formats.plain(ProjectEconomics.CHANGES.get(0).movePointRight(2));
      String high = Formats.plain(ProjectEconomics.CHANGES.get(ProjectEconomics.CHANGES.size() - 1).movePointRight(2));
      List<Map<String, Object>> bars = new ArrayList<>();
      for (ProjectEconomics.Driver d : ProjectEconomics.Driver.values()) {
        String code = d.name().toLowerCase(java.util.Locale.ROOT);
        FactKey lowKey = new FactKey(in.entity(), Concepts.NPV_SENSITIVITY, code + ":" + low + "%", in.firstPeriod());
        FactKey highKey = new FactKey(in.entity(), Concepts.NPV_SENSITIVITY, code + ":" + high + "%", in.firstPeriod());
        Optional<Fact> lo = facts.find(lowKey);
        Optional<Fact> hi = facts.find(highKey);
        if (lo.isPresent() && hi.isPresent()) {
          BigDecimal swing = hi.get().value().subtract(lo.get().value()).abs();
          bars.add(Views.map("driver", d.label(), "low", thousands(lo.get().value()), "high", thousands(hi.get().value()),
              "lowKey", lowKey.toString(), "highKey", highKey.toString(), "swing", swing));
        }
      }
      bars.sort(Comparator.comparing((Map<String, Object> b) -> (BigDecimal) b.get("swing")).reversed());
      bars.forEach(b -> b.remove("swing"));
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", "tornado-" + p.id());
      t.put("project", p.name());
      t.put("rate", rate + "%");
      t.put("lowChange", low + "%");
      t.put("highChange", high + "%");
      t.put("base", thousands(base.get().value()));
      t.put("baseKey", baseKey.toString());
      t.put("unit", "USD thousands");
      t.put("bars", bars);
      out.add(t);
    }
    return out;
  }

  /** A value in thousands, to the dollar: the chart's scale (BigDecimal, serialised exactly). */
  private static BigDecimal thousands(BigDecimal usd) {
    return usd.movePointLeft(3).setScale(3, java.math.RoundingMode.HALF_UP);
  }
}
