package org.orebook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.facts.Entity;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.Segment;
import org.orebook.quantity.Period;
import org.orebook.relations.Concepts;

/**
 * The entities a release's tables name, as the engine's model has them: operating units (from block
 * headings: {@code GREENS CREEK UNIT (Reflects ... 29.73% share)}), metal groups ({@code COMBINED
 * SILVER PROPERTIES}), segments (rows of a sales section), reserve properties ({@code Greens Creek
 * (29.73%), USA}) and the metals in the order the release names them; then the {@link Company}.
 */
final class Entities {
  private static final Pattern PCT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");

  /** What the tables say of one operating unit. */
  static final class UnitInfo {
    final String id;
    final String name;
    BigDecimal pct = BigDecimal.valueOf(100);
    Metal primary;
    final Set<Metal> produced = new LinkedHashSet<>();
    String country = "";

    UnitInfo(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  final Map<String, UnitInfo> units = new LinkedHashMap<>();
  final Map<String, Segment> segments = new LinkedHashMap<>();
  final List<Metal> metals = new ArrayList<>();
  final Map<String, Property> properties = new LinkedHashMap<>();

  void metal(Metal m) {
    if (!metals.contains(m)) {
      metals.add(m);
    }
  }

  UnitInfo unit(Entity entity) {
    return units.get(entity.id());
  }

  /** The segment a row of a sales or gross profit section names ({@code Silver operations (2)}). */
  Entity segmentOf(String label) {
    String name = Rx.replaceAll(Rx.replaceAll(label, "\\(\\d{1,2}\\)|\\([a-z]\\)|\\*+", " "), "\\s+", " ").trim();
    String id = slug(name);
    segments.putIfAbsent(id, new Segment(id, name));
    return Concepts.segment(id);
  }

  /** The heading {@link #entityOf} was last asked about, and its answer. */
  private String lastHeading;
  private Entity lastEntity;
  /** How many times a heading was worked out (the work a block's rows would otherwise multiply; counted by tests). */
  int headingsRead;

  /**
   * The entity a block heading names: a metal group ({@code COMBINED SILVER PROPERTIES}) or a unit;
   * null for none. Every row of a block asks about the block's heading: the answer is worked out once
   * per block, not once per row (a heading is read in time linear in its length, and a long heading
   * over many rows would otherwise cost their product). Asking again about the heading just asked
   * about changes nothing, so the remembered answer is the answer.
   */
  Entity entityOf(String heading) {
    if (heading.equals(lastHeading)) {
      return lastEntity;
    }
    Entity entity = entityOfHeading(heading);
    lastHeading = heading;
    lastEntity = entity;
    return entity;
  }

  private Entity entityOfHeading(String heading) {
    headingsRead++;
    if (heading.isBlank()) {
      return null;
    }
    String h = heading.trim();
    Optional<Metal> metal = ConceptDictionary.metalIn(h);
    String lower = h.toLowerCase(Locale.ROOT);
    if (Rx.matches(lower, ".*\\b(combined|total|consolidated|all)\\b.*") && metal.isPresent()) {
      return Concepts.group(metal.get().name());
    }
    if (Rx.matches(lower, "(total|consolidated|combined|company|corporate)( (operations|totals?|company|results))?( total)?")) {
      return Concepts.COMPANY;
    }
    String name = unitName(h);
    if (name.isEmpty()) {
      return null;
    }
    String id = slug(name);
    UnitInfo u = units.computeIfAbsent(id, i -> new UnitInfo(i, name));
    Matcher pct = PCT.matcher(h);
    if (pct.find()) {
      u.pct = new BigDecimal(pct.group(1));
    }
    return Concepts.unit(id);
  }

  /** "Greens Creek (29.73%), USA" → property greens-creek, 29.73%, USA; its id. */
  String propertyOf(String label) {
    String l = label;
    BigDecimal pct = BigDecimal.valueOf(100);
    Matcher m = PCT.matcher(l);
    if (m.find()) {
      pct = new BigDecimal(m.group(1));
    }
    l = Rx.replaceAll(org.orebook.edgar.Brackets.replace(l, '(', ')', " "), "\\s+", " ").trim();
    String country = "";
    int comma = l.lastIndexOf(',');
    if (comma > 0) {
      country = l.substring(comma + 1).trim();
      l = l.substring(0, comma).trim();
    }
    String name = unitName(l);
    String id = slug(name);
    Property prev = properties.get(id);
    if (prev == null) {
      properties.put(id, new Property(id, name, country, pct, Optional.empty()));
    } else if (prev.country().isEmpty() && !country.isEmpty()) {
      properties.put(id, new Property(id, prev.name(), country, prev.ownershipPct(), prev.unitId()));
    }
    return id;
  }

  /** "GREENS CREEK UNIT (Reflects ... share)" → "Greens Creek". */
  static String unitName(String heading) {
    String n = Rx.replaceAll(org.orebook.edgar.Brackets.replace(heading, '(', ')', " "), "\\s+", " ").trim();
    for (int i = 0; i < 3; i++) {
      String before = n;
      n = Rx.replaceAll(n, "(?i)[\\s,:\u2013\u2014-]+(unit|mine|mines|operations?|property|properties|operating results|results|"
          + "operating statistics|operating data|production data|complex|project)$", "").trim();
      if (n.equals(before)) {
        break;
      }
    }
    n = Rx.replaceAll(n, "(?i)^(the)\\s+", "");
    return titleCase(n);
  }

  static String titleCase(String s) {
    if (!s.equals(s.toUpperCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (String w : s.toLowerCase(Locale.ROOT).split(" ")) {
      if (!w.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return sb.toString();
  }

  static String slug(String s) {
    return Rx.replaceAll(Rx.replaceAll(s.toLowerCase(Locale.ROOT).replace("&", "and"), "[^a-z0-9]+", "-"), "^-+|-+$", "");
  }

  /** The company the tables describe: its units (with the country of their reserve property), segments, metals. */
  Company company(Optional<String> companyName, Optional<Period> latestYear, String currency) {
    List<OperatingUnit> us = new ArrayList<>();
    for (UnitInfo u : units.values()) {
      Property p = properties.get(u.id);
      if (p != null) {
        u.country = p.country();
        properties.put(p.id(), new Property(p.id(), p.name(), p.country(), p.ownershipPct(), Optional.of(u.id)));
      }
      List<Metal> by = u.produced.stream().filter(m -> m != u.primary).toList();
      String seg = "";
      for (Segment s : segments.values()) {
        Optional<Metal> sm = ConceptDictionary.metalIn(s.name());
        if (sm.isPresent() && u.primary != null && sm.get() == u.primary) {
          seg = s.id();
          break;
        }
      }
      us.add(new OperatingUnit(u.id, u.name, u.country, seg, u.pct, Optional.ofNullable(u.primary), by, "milled", "milled",
          true));
      u.produced.forEach(this::metal);
    }
    String name = companyName.map(Entities::titleCase).orElse("Unnamed company");
    String shortName = name.split(" ")[0];
    Period period = latestYear.orElse(new Period.Year(2000));
    return new Company(name, shortName, currency, period, metals, List.copyOf(segments.values()), us);
  }
}
