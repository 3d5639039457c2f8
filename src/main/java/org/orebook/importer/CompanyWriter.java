package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.quantity.Period;

/**
 * company.csv: the company's name, currency and metals, the release period, and the decimals the
 * release prints grades with where they are its house style.
 */
final class CompanyWriter extends DatasetFileWriter {
  CompanyWriter(ImportContext ctx) {
    super(ctx, DatasetFile.COMPANY);
  }

  void write() {
    var c = rows(DatasetFile.COMPANY);
    c.comment("Imported from a published release: rounded published figures, not raw inputs (see README.md)");
    c.add("name", company.name());
    c.add("short_name", company.shortName());
    c.add("currency", company.currency());
    // the fiscal year end by which every period code of the dataset is read (Q3 FY2025 of a June year end)
    if (!company.fiscalYearEnd().calendar()) {
      c.add("fiscal_year_end", company.fiscalYearEnd().code());
    }
    c.add("period", releasePeriod().code());
    List<Metal> metals = new ArrayList<>(company.metals());
    company.units().forEach(u -> u.metals().stream().filter(m -> !metals.contains(m)).forEach(metals::add));
    c.add("metals", String.join(" ", metals.stream().map(Metal::name).toList()));
    String decimals = gradeDecimals();
    if (!decimals.isEmpty()) {
      c.add("grade_decimals", decimals);
    }
  }

  /**
   * The decimals the published release prints grades with, per table and metal, where it prints
   * every grade of that metal and table alike ({@code reserves:AU=2}): the release's house style,
   * kept so the produced release prints them as published.
   */
  private String gradeDecimals() {
    Map<String, java.util.Set<Integer>> seen = new java.util.TreeMap<>();
    for (var e : pr.readings().entrySet()) {
      FactKey k = e.getKey();
      // a dash (no grade) says nothing of the decimals
      if (!k.concept().equals(GRADE) || pr.facts().find(k).map(f -> f.value().signum() == 0).orElse(true)) {
        continue;
      }
      String table = k.entity().is(Entity.Kind.PROPERTY) ? "reserves" : k.entity().is(Entity.Kind.UNIT) ? "production" : null;
      String[] q = k.qualifier().split(":");
      Optional<Metal> m = Metal.ofCode(q[q.length - 1]);
      if (table != null && m.isPresent()) {
        seen.computeIfAbsent(table + ":" + m.get().name(), x -> new java.util.TreeSet<>()).add(e.getValue().figure().decimals());
      }
    }
    return seen.entrySet().stream().filter(e -> e.getValue().size() == 1)
        .map(e -> e.getKey() + "=" + e.getValue().iterator().next()).collect(java.util.stream.Collectors.joining(" "));
  }

  /**
   * The release period: of the periods the tables print (reserve tables, which have no period of
   * their own, left aside) those ending last, the year when a year ends then, else the quarter (a
   * third quarter beside its nine months); else the modeller's year.
   */
  private Period releasePeriod() {
    List<Period> printed = pr.facts().all().stream().map(Fact::key)
        // the period of the operating figures and statements: not a reserve date, nor a guided year or a
        // project's schedule, which run past the release
        .filter(k -> switch (k.entity().kind()) {
          case PROPERTY, RESERVES, GUIDANCE, PROJECT, HEDGES, OFFER, MARKET, HISTORY -> false;
          default -> true;
        })
        .map(FactKey::period).distinct().toList();
    Optional<java.time.LocalDate> end = printed.stream().map(Period::end).max(java.util.Comparator.naturalOrder());
    List<Period> atEnd = printed.stream().filter(p -> p.end().equals(end.orElse(null))).sorted().toList();
    return atEnd.stream().filter(Period::isYear).findFirst().or(() -> atEnd.stream().filter(Period::isQuarter).findFirst())
        .or(() -> atEnd.stream().findFirst()).orElse(company.releasePeriod());
  }
}
