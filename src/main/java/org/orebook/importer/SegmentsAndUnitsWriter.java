package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Segment;
import org.orebook.quantity.Period;

/**
 * segments.csv and units.csv, written together: a unit names its segment, and a unit whose metal
 * no segment of the release names goes to a segment `operations` written for it. Company production
 * printed above the sum of the units' (a minor source not shown in the tables) is carried by a unit
 * `other-sources` with show_in_tables = no.
 */
final class SegmentsAndUnitsWriter extends DatasetFileWriter {
  /** The unit carrying company production above the sum of the units'. */
  static final String OTHER_SOURCES = "other-sources";

  /**
   * The operating layout written: the segments, each company unit's segment, and per metal and
   * period the production carried by {@link #OTHER_SOURCES} (empty when the units add up).
   */
  record Layout(List<Segment> segments, Map<String, String> unitSegment, Map<Metal, Map<Period, BigDecimal>> otherSources) {}

  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, String> unitSegment = new LinkedHashMap<>();

  SegmentsAndUnitsWriter(ImportContext ctx) {
    super(ctx, DatasetFile.SEGMENTS, DatasetFile.UNITS);
  }

  Layout write() {
    segments.addAll(company.segments());
    Set<String> ids = new HashSet<>(segments.stream().map(Segment::id).toList());
    for (OperatingUnit u : company.units()) {
      String seg = u.segmentId();
      if (!ids.contains(seg)) {
        seg = "operations";
        if (!ids.contains(seg)) {
          segments.add(new Segment(seg, segments.isEmpty() ? "Operations" : "Other operations"));
          ids.add(seg);
          notes.add("Unit " + u.name() + ": no segment of the release names its metal; put in segment `operations`.");
        }
      }
      unitSegment.put(u.id(), seg);
    }
    // a minor source: company production above the sum of the units'
    Map<Metal, Map<Period, BigDecimal>> remainder = new LinkedHashMap<>();
    for (Metal m : Metal.values()) {
      for (Period p : periods) {
        Optional<BigDecimal> total = v(COMPANY, PRODUCED, m.name(), p);
        if (total.isEmpty()) {
          continue;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OperatingUnit u : company.units()) {
          sum = sum.add(v(unit(u.id()), PRODUCED, m.name(), p).orElse(BigDecimal.ZERO));
        }
        BigDecimal rest = total.get().subtract(sum);
        if (rest.signum() > 0) {
          remainder.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(p, rest);
        }
      }
    }
    var segs = rows(DatasetFile.SEGMENTS);
    var units = rows(DatasetFile.UNITS);
    for (OperatingUnit u : company.units()) {
      Entity e = unit(u.id());
      String ore = reading(e, ORE_MILLED, "").map(r -> r.figure().label().toLowerCase(Locale.ROOT))
          .filter(l -> l.contains("processed")).map(l -> "processed").orElse("milled");
      String grade = "milled";
      for (Metal m : u.metals()) {
        if (reading(e, GRADE, m.name()).map(r -> r.figure().label().toLowerCase(Locale.ROOT).contains("crushed")).orElse(false)) {
          grade = "crushed";
        }
      }
      units.add(u.id(), u.name(), u.country(), unitSegment.get(u.id()), u.ownershipPct(),
          u.primaryMetal().map(Metal::name).orElse(""), String.join(" ", u.byproductMetals().stream().map(Metal::name).toList()),
          ore, grade, "yes");
    }
    if (!remainder.isEmpty()) {
      Metal first = remainder.keySet().iterator().next();
      String seg = segments.stream().filter(s -> s.name().toLowerCase(Locale.ROOT)
          .contains(first.displayName().toLowerCase(Locale.ROOT))).map(Segment::id).findFirst()
          .orElse(segments.isEmpty() ? null : segments.get(segments.size() - 1).id());
      if (seg == null) {
        seg = "operations";
        segments.add(new Segment(seg, "Operations"));
      }
      String id = OTHER_SOURCES;
      units.add(id, "Other sources", "", seg, BigDecimal.valueOf(100), "",
          String.join(" ", remainder.keySet().stream().map(Metal::name).toList()), "milled", "milled", "no");
      remainder.forEach((m, byPeriod) -> byPeriod.forEach((p, rest) -> notes.add("Company "
          + m.displayName().toLowerCase(Locale.ROOT) + " production " + p.code() + " is "
          + DatasetFiles.plain(rest) + " above the sum of the units shown: carried by unit `other-sources`.")));
    }
    for (Segment s : segments) {
      segs.add(s.id(), s.name());
    }
    return new Layout(List.copyOf(segments), java.util.Collections.unmodifiableMap(unitSegment), remainder);
  }
}
