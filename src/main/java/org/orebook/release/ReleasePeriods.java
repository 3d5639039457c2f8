package org.orebook.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.orebook.data.DataError;
import org.orebook.data.Dataset;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.quantity.Period;
import org.orebook.quantity.PeriodSet;
import org.orebook.relations.PeriodRelations;

/**
 * Whether the data can form the release of a period: it must hold figures of the period the release
 * reports, and of its year to date (the quarters that make it up, or the longer period given); a
 * flow the data gives for some quarters of a year to date but not all is refused too, since its
 * year-to-date figure cannot be formed. A release is never printed with dashes for a period the data
 * does not cover, nor for another period than asked.
 */
final class ReleasePeriods {
  private static final int SHOWN = 10;

  private ReleasePeriods() {}

  /**
   * The periods the data has flows of: given, or summed from quarters (a balance sheet or reserves at
   * a date make no release).
   */
  static Set<Period> flows(Dataset data, FactSet facts) {
    Set<Period> covered = new TreeSet<>();
    for (Fact f : data.inputs().all()) {
      if (PeriodRelations.summed(f.key(), f.unit(), data.statementLines())) {
        covered.add(f.key().period());
      }
    }
    for (Fact f : facts.all()) {
      if (f.origin().unconverted() instanceof org.orebook.facts.Origin.Derived d && d.relation().startsWith("period.")) {
        covered.add(f.key().period());
      }
    }
    return covered;
  }

  /** The release's columns: flows where the data has flows, the prior balance sheet where it has one. */
  static PeriodSet columns(Dataset data, FactSet facts, Period requested) {
    Set<Period> flows = flows(data, facts);
    Set<Period> any = new TreeSet<>();
    facts.all().forEach(f -> any.add(f.key().period()));
    return PeriodSet.of(requested, flows::contains, any::contains);
  }

  static List<DataError> refusals(Dataset data, FactSet facts, Period requested) {
    Set<Period> covered = flows(data, facts);
    List<DataError> errors = new ArrayList<>();
    PeriodSet columns = PeriodSet.of(requested, covered::contains, covered::contains);
    Period main = columns.release().isYear() ? columns.release() : columns.quarter().get(0);
    if (!covered.contains(main)) {
      errors.add(error("the data has no figures for " + main.code() + ", so its release cannot be produced ("
          + coverage(covered) + ")"));
      return errors;
    }
    // the year to date of an interim release: formed from its quarters when the data has any before
    // the release's (a dataset of the one quarter makes a release of the quarter alone)
    Period ytd = main.toDate();
    boolean earlier = java.util.stream.IntStream.range(1, main.lastQuarter())
        .anyMatch(q -> covered.contains(Period.quarter(main.year(), q, main.yearEnd())));
    for (Period toDate : !main.isQuarter() || covered.contains(ytd) || !earlier ? List.<Period>of() : List.of(ytd)) {
      List<String> missing = new ArrayList<>();
      for (int q = 1; q <= toDate.lastQuarter(); q++) {
        Period quarter = Period.quarter(toDate.year(), q, toDate.yearEnd());
        if (!covered.contains(quarter)) {
          missing.add(quarter.code());
        }
      }
      errors.add(error(toDate.code() + " (to " + PeriodWords.endDate(toDate) + ") cannot be formed: "
          + String.join(", ", missing) + (missing.size() == 1 ? " has" : " have") + " no figures (give every quarter"
          + " of the period, or its " + toDate.code() + " figures)"));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    // a flow given for some quarters of a year to date the release prints, but not all of them
    Map<String, List<String>> partial = new LinkedHashMap<>();
    for (Period toDate : columns.toDate()) {
      // only a year to date formed from quarters: one whose flows are given as such (a year's own
      // figures) may leave out a line its fourth quarter shows
      boolean given = data.inputs().all().stream().anyMatch(f -> f.key().period().equals(toDate)
          && PeriodRelations.summed(f.key(), f.unit(), data.statementLines()));
      if (toDate.isQuarter() || given) {
        continue;
      }
      Map<FactKey, Set<Integer>> quarters = new LinkedHashMap<>();
      for (Fact f : data.inputs().all()) {
        Period p = f.key().period();
        if (p.isQuarter() && p.year() == toDate.year() && p.yearEnd().equals(toDate.yearEnd())
            && p.lastQuarter() <= toDate.lastQuarter() && PeriodRelations.summed(f.key(), f.unit(), data.statementLines())) {
          quarters.computeIfAbsent(f.key().withPeriod(toDate), k -> new TreeSet<>()).add(p.lastQuarter());
        }
      }
      for (var e : quarters.entrySet()) {
        if (!facts.has(e.getKey()) && e.getValue().size() < toDate.lastQuarter()) {
          String series = e.getKey().entity() + "/" + e.getKey().concept()
              + (e.getKey().qualifier().isEmpty() ? "" : "[" + e.getKey().qualifier() + "]");
          List<String> absent = new ArrayList<>();
          for (int q = 1; q <= toDate.lastQuarter(); q++) {
            if (!e.getValue().contains(q)) {
              absent.add(Period.quarter(toDate.year(), q, toDate.yearEnd()).code());
            }
          }
          partial.computeIfAbsent(toDate.code(), k -> new ArrayList<>()).add(series + " (no " + String.join(", ", absent) + ")");
        }
      }
    }
    for (var e : partial.entrySet()) {
      List<String> shown = e.getValue().stream().limit(SHOWN).toList();
      errors.add(error(e.getKey() + " cannot be formed for " + e.getValue().size() + " figure(s) given for some of its"
          + " quarters but not all: " + String.join("; ", shown) + (e.getValue().size() > SHOWN ? "; and "
          + (e.getValue().size() - SHOWN) + " more" : "") + " (give a zero for a quarter without it)"));
    }
    return errors;
  }

  private static DataError error(String message) {
    return new DataError("release period", 0, "", message);
  }

  /** "the data covers Q1 2010 to Q2 2011, and FY2010" */
  private static String coverage(Set<Period> covered) {
    if (covered.isEmpty()) {
      return "the data has no figures at all";
    }
    return "the data covers " + covered.stream().map(Period::code).collect(Collectors.joining(", "));
  }
}
