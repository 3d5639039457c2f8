package org.orebook.release;

import java.nio.file.Path;
import java.util.List;
import org.orebook.data.DataError;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetLoader;
import org.orebook.facts.Fact;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.quantity.UnitSystem;
import org.orebook.relations.Catalogue;
import org.orebook.relations.Engine;
import org.orebook.relations.Relation;

/** The produce direction end to end: load a dataset, compute every figure, lay out the release. */
public final class Releases {
  private Releases() {}

  /** Loads, computes and lays out; a dataset with errors or contradictory inputs throws. */
  public static Release produce(Path folder, Period period) throws DatasetException {
    return produce(DatasetLoader.load(folder), period);
  }

  /** Loads a dataset folder, computes and lays out the release in the given units. */
  public static Release produce(Path folder, Period period, UnitSystem units) throws DatasetException {
    return produce(DatasetLoader.load(folder), period, units);
  }

  /** Loads from any source (a folder or the store), computes and lays out. */
  public static Release produce(org.orebook.data.DatasetSource source, Period period) throws DatasetException {
    return produce(DatasetLoader.load(source), period);
  }

  /** Loads from any source, computes and lays out the release in the given units. */
  public static Release produce(org.orebook.data.DatasetSource source, Period period, UnitSystem units)
      throws DatasetException {
    return produce(DatasetLoader.load(source), period, units);
  }

  /** Computes every figure of a loaded dataset and lays out the release (figures as stored). */
  public static Release produce(Dataset data, Period period) throws DatasetException {
    return produce(data, period, UnitSystem.AS_STORED);
  }

  /**
   * Computes every figure of a loaded dataset in the units it is stored in, then lays out the
   * release in {@code units}: the engine's figures are converted exactly before the layout reads
   * them (and figures the layout adds are converted as they are added), so every table, the prose
   * and every output format show the same converted figures.
   */
  public static Release produce(Dataset data, Period period, UnitSystem requested) throws DatasetException {
    UnitSystem units = requested == UnitSystem.AS_STORED
        ? data.company().reportingUnits().orElse(writtenIn(data.inputs())) : requested;
    List<Relation> relations = Catalogue.build(data.company(), data.statementLines(), data.properties(), data.inputs());
    Engine.Result result = Engine.run(data.inputs(), relations);
    if (!result.disagreements().isEmpty()) {
      throw new DatasetException(result.disagreements().stream().map(d -> disagreement(d, result.facts())).toList());
    }
    Period asked = period == null ? data.company().releasePeriod()
        : period.inYearEnding(data.company().fiscalYearEnd());
    List<DataError> refused = ReleasePeriods.refusals(data, result.facts(), asked);
    if (!refused.isEmpty()) {
      throw new DatasetException(refused);
    }
    return ReleaseLayout.build(data, perTonne(result.facts()).reportedIn(units),
        ReleasePeriods.columns(data, result.facts(), asked));
  }

  /**
   * A figure that breaks a relation, as a located error: an input where the relation computes it
   * otherwise, or a tie (a balance sheet that does not balance) with both sides and the input rows
   * each side comes from.
   */
  static DataError disagreement(Engine.Disagreement d, FactSet facts) {
    if (d.input().origin() instanceof Origin.Input in) {
      return new DataError(in.file(), in.line(), in.field(), "given as " + d.input().value().toPlainString()
          + " but " + d.relation().description() + " gives " + d.computed().toPlainString());
    }
    List<Origin.Input> left = inputsOf(d.input().key(), facts);
    List<Origin.Input> right = d.relation().expr().refs().stream().flatMap(k -> inputsOf(k, facts).stream()).toList();
    Origin.Input first = left.isEmpty() ? (right.isEmpty() ? null : right.get(0)) : left.get(0);
    String message = "the tie '" + d.relation().description() + "' does not hold at " + d.input().key().period().code()
        + ": " + d.input().key().entity() + "/" + d.input().key().concept() + " is " + d.input().value().toPlainString()
        + " (from " + rows(left) + ") but the other side is " + d.computed().toPlainString() + " (from " + rows(right) + ")";
    return first == null ? new DataError("", 0, "", message) : new DataError(first.file(), first.line(), first.field(), message);
  }

  /** The input rows a figure is computed from, in file and line order. */
  private static List<Origin.Input> inputsOf(org.orebook.facts.FactKey key, FactSet facts) {
    java.util.Set<Origin.Input> out = new java.util.TreeSet<>(java.util.Comparator.comparing(Origin.Input::file)
        .thenComparingLong(Origin.Input::line).thenComparing(Origin.Input::field));
    java.util.Deque<org.orebook.facts.FactKey> todo = new java.util.ArrayDeque<>(List.of(key));
    java.util.Set<org.orebook.facts.FactKey> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      org.orebook.facts.FactKey k = todo.pop();
      if (!seen.add(k)) {
        continue;
      }
      facts.find(k).ifPresent(f -> {
        Origin o = f.origin().unconverted();
        if (o instanceof Origin.Input in) {
          out.add(in);
        } else if (o instanceof Origin.Derived dv) {
          todo.addAll(dv.operands());
        }
      });
    }
    return List.copyOf(out);
  }

  /** "statement_values.csv lines 40, 41 and 12 more". */
  private static String rows(List<Origin.Input> inputs) {
    if (inputs.isEmpty()) {
      return "no input row";
    }
    java.util.Map<String, List<Long>> byFile = new java.util.LinkedHashMap<>();
    inputs.forEach(i -> byFile.computeIfAbsent(i.file(), f -> new java.util.ArrayList<>()).add(i.line()));
    List<String> parts = new java.util.ArrayList<>();
    byFile.forEach((file, lines) -> {
      String shown = lines.stream().limit(6).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
      parts.add(file + (lines.size() == 1 ? " line " : " lines ") + shown
          + (lines.size() > 6 ? " and " + (lines.size() - 6) + " more" : ""));
    });
    return String.join("; ", parts);
  }

  /**
   * The figures with each cost per ton in the unit of the ore it divides: the catalogue's relations
   * divide a cost by the ore's own figure, so a cost per ton of ore given in tonnes is a cost per
   * tonne (and converts as one).
   */
  private static FactSet perTonne(FactSet facts) {
    FactSet out = new FactSet();
    for (Fact f : facts.all()) {
      boolean perTonne = f.unit() == Unit.USD_PER_TON && f.origin() instanceof Origin.Derived d && d.operands().stream()
          .anyMatch(k -> facts.find(k).map(o -> o.unit() == Unit.TONNE).orElse(false));
      out.add(perTonne ? new Fact(f.key(), f.value(), Unit.USD_PER_TONNE, f.origin()) : f);
    }
    return out;
  }

  /** The output formats of a release: the text ones {@link #render} returns, and the binary xlsx. */
  public static final List<String> FORMATS = List.of("text", "json", "csv", "html", "xlsx");

  /** A release in a text format: text, json, csv or html (a standalone page). */
  public static String render(Release release, String format) {
    return switch (format) {
      case "text" -> TextRenderer.render(release);
      case "json" -> JsonRenderer.render(release);
      case "csv" -> CsvRenderer.render(release);
      case "html" -> HtmlRenderer.document(release);
      case "xlsx" -> throw new IllegalArgumentException("xlsx is a binary format: use renderBytes");
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (text, json, csv or html)");
    };
  }

  /** A release in any of {@link #FORMATS}: the workbook for xlsx, else the UTF-8 bytes of {@link #render}. */
  public static byte[] renderBytes(Release release, String format) {
    return switch (format) {
      case "xlsx" -> XlsxRenderer.render(release);
      case "text", "json", "csv", "html" -> render(release, format).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (" + String.join(", ", FORMATS) + ")");
    };
  }

  /**
   * The units a release without a chosen system prints in: as stored, unless the inputs mix metric
   * quantities (tonnes, g/t, dollars per tonne) with imperial ones (short tons, oz/ton, dollars per
   * ton); then the system most of those figures are written in (imperial on a tie), so one table
   * never prints tonnes under a heading of tons.
   */
  static UnitSystem writtenIn(org.orebook.facts.FactSet inputs) {
    long metric = 0;
    long imperial = 0;
    for (org.orebook.facts.Fact f : inputs.all()) {
      switch (f.unit()) {
        case TONNE, GRAMS_PER_TONNE, USD_PER_TONNE -> metric++;
        case SHORT_TON, OUNCES_PER_TON, USD_PER_TON -> imperial++;
        default -> { }
      }
    }
    if (metric == 0 || imperial == 0) {
      return UnitSystem.AS_STORED;
    }
    return metric > imperial ? UnitSystem.METRIC : UnitSystem.IMPERIAL;
  }
}
