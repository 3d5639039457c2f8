package org.orebook.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.edgar.Figure;
import org.orebook.edgar.Table;
import org.orebook.edgar.TableRow;
import org.orebook.edgar.TableUnit;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;

/**
 * The figures of a release as they are keyed: each printed figure under the key the engine would
 * give it, with its scale (the table's unit line, or the unit its row label names) and sign; a
 * figure printed a second time under the same key is an alias that must agree; what cannot be keyed
 * is kept as unmapped.
 */
final class PublishedFigures {
  final FactSet facts = new FactSet();
  final Map<FactKey, Reading> readings = new LinkedHashMap<>();
  final Map<FactKey, FactKey> aliases = new LinkedHashMap<>();
  final List<Figure> unmapped = new ArrayList<>();
  final Map<Figure, FactKey> keyOf = new HashMap<>();
  final List<String> notes = new ArrayList<>();
  private final int defaultMoneyExponent;

  PublishedFigures(List<Table> tables) {
    Map<Integer, Integer> exps = new HashMap<>();
    for (Table t : tables) {
      t.unit().filter(u -> u.scaled().contains("dollars")).ifPresent(u -> exps.merge(u.exponent(), 1, Integer::sum));
    }
    defaultMoneyExponent = exps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
  }

  int defaultMoneyExponent() {
    return defaultMoneyExponent;
  }

  void put(FactKey key, Figure f, Measure m, int exponent, boolean negate) {
    Reading r = new Reading(key, f, exponent, negate, m.unit, Reading.intervalOf(f, exponent, negate));
    if (!readings.containsKey(key)) {
      readings.put(key, r);
      facts.add(new Fact(key, r.value(), m.unit, new Origin.Published(f.table(), f.label(), f.line())));
      keyOf.put(f, key);
    } else {
      if (keyOf.containsKey(f)) {
        // the same printed figure keyed twice
        unmapped.add(f);
        return;
      }
      int n = 1;
      while (readings.containsKey(key.printedAgain(n))) {
        n++;
      }
      FactKey alias = key.printedAgain(n);
      readings.put(alias, new Reading(alias, f, exponent, negate, m.unit, r.interval()));
      aliases.put(alias, key);
      keyOf.put(f, alias);
    }
  }

  void unmapped(Figure f) {
    unmapped.add(f);
  }

  void unmapped(List<Figure> fs) {
    unmapped.addAll(fs);
  }

  /** The power of ten a figure of this measure in this row is printed at. */
  int exponent(Table t, Measure m, String label) {
    Optional<Integer> own = LabelUnits.exponent(label, m).or(() -> m == Measure.MONEY ? Optional.empty()
        : LabelUnits.exponent(t.name(), m));
    if (own.isPresent()) {
      return own.get();
    }
    if (t.unit().isPresent()) {
      return m.exponent(t.unit().get());
    }
    return m == Measure.MONEY ? defaultMoneyExponent : 0;
  }

  int exponent(Table t, Measure m) {
    return exponent(t, m, "");
  }

  /** Keys a row's figures: one key per period column; a figure without a period is unmapped. */
  void putRow(Table t, TableRow.Values v, Entity entity, Mapping mp) {
    int exp = exponent(t, mp.measure(), v.label());
    for (Figure f : v.figures()) {
      if (f.period().isEmpty()) {
        unmapped.add(f);
        continue;
      }
      put(new FactKey(entity, mp.concept(), mp.metal(), f.period().get()), f, mp.measure(), exp, mp.negate());
    }
  }

  /** The scale a row label names: {@code Revenue ($000)}, {@code Gold sold (000 oz)}, {@code Copper (Mlb)}. */
  static final class LabelUnits {
    private static final Pattern PAREN = Pattern.compile("\\(([^()]{1,40})\\)");

    private LabelUnits() {}

    static Optional<Integer> exponent(String label, Measure m) {
      if (label.isEmpty() || label.indexOf('(') < 0) {
        return Optional.empty();
      }
      Matcher p = PAREN.matcher(label);
      while (p.find()) {
        String raw = p.group(1).trim();
        String u = raw.toLowerCase(Locale.ROOT).replace("\u2019", "'");
        switch (m) {
          case MONEY -> {
            Optional<TableUnit> tu = TableUnit.parse("(" + raw + ")");
            if (tu.isPresent() && tu.get().scaled().contains("dollars") && u.matches("(in )?((us|c|a)?\\$|usd|cad)?\\s*(in )?"
                + "(000'?s?|'000|thousands|millions|m|mm|bn)( of (u\\.?s\\.? )?dollars)?")) {
              return Optional.of(tu.get().exponent());
            }
          }
          case OUNCES -> {
            if (u.matches("(000'?s? ?|thousand |k)(oz|ounces)|koz")) {
              return Optional.of(3);
            }
            if (u.matches("(million |m)(oz|ounces)|moz")) {
              return Optional.of(6);
            }
          }
          case TONNES, TONS -> {
            if (u.matches("000'?s? ?(t|tonnes|tons)|kt|thousand (tonnes|tons)")) {
              return Optional.of(3);
            }
            if (raw.equals("Mt") || u.matches("million (tonnes|tons)|m tonnes")) {
              return Optional.of(6);
            }
          }
          case POUNDS -> {
            if (u.matches("000'?s? ?(lbs?|pounds)|klbs?|thousands?( of)? (lbs?|pounds)|thousands")) {
              return Optional.of(3);
            }
            // "(millions)" after a label that counts pounds: millions of pounds
            if (u.matches("mlbs?|millions?( of)? (lbs?|pounds)|m ?lbs?|millions")) {
              return Optional.of(6);
            }
          }
          default -> { }
        }
      }
      return Optional.empty();
    }
  }
}
