package org.orebook.release;

import java.util.ArrayList;
import java.util.List;
import org.orebook.data.DataError;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetFile;
import org.orebook.data.DatasetLoader;
import org.orebook.data.DatasetSource;
import org.orebook.facts.Fact;
import org.orebook.facts.Origin;
import org.orebook.quantity.Period;
import org.orebook.quantity.UnitSystem;
import org.orebook.relations.CircularRelationsException;

/**
 * The test a dataset passes before it is stored: it loads (every row valid), the engine computes
 * every figure without a contradiction, and the release is laid out and printed. So whatever
 * {@code orebook load} accepts, {@code orebook release} produces; what fails is refused with the
 * file, line and field the failure is traced to (a circle of relations to the statement line or
 * input that starts it).
 */
public final class Producible {
  private Producible() {}

  /** The dataset, loaded and produced once (and printed as text); the exception locates why it cannot be. */
  public static Dataset require(DatasetSource source) throws DatasetException {
    Dataset data = DatasetLoader.load(source);
    TextRenderer.render(produce(source, data, null, UnitSystem.AS_STORED));
    return data;
  }

  /**
   * The release of a dataset from any source ({@link Releases#produce}), with a failure of the
   * engine or the layout turned into a located error rather than an exception.
   */
  public static Release produce(DatasetSource source, Period period, UnitSystem units) throws DatasetException {
    return produce(source, DatasetLoader.load(source), period, units);
  }

  private static Release produce(DatasetSource source, Dataset data, Period period, UnitSystem units)
      throws DatasetException {
    try {
      return Releases.produce(data, period, units);
    } catch (DatasetException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatasetException(List.of(located(source, data, e)));
    } catch (StackOverflowError e) {
      throw new DatasetException(List.of(new DataError(DatasetFile.STATEMENT_LINES.name(), 0, "sum_of",
          "the release cannot be produced: its relations nest too deeply (a chain of thousands of subtotals)")));
    }
  }

  /** Where a failure of the engine or layout comes from: a circle of relations, or as far as its message tells. */
  private static DataError located(DatasetSource source, Dataset data, RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof CircularRelationsException circle) {
      String concept = circle.key().concept();
      String why = "the release cannot be produced: its figures for " + circle.key().period().code()
          + " go round in a circle through " + circle.key().entity() + " " + concept.replace('_', ' ') + " (a statement line linked to a company figure that is itself"
          + " computed from that line; give the figure the link reads, e.g. segment sales in segment_figures.csv)";
      List<DataError> unread = new ArrayList<>();
      var line = source.read(DatasetFile.STATEMENT_LINES.name(), unread).flatMap(f -> f.rows().stream()
          .filter(r -> concept.equals(r.fields().get("concept")) || concept.equals(r.fields().get("id"))).findFirst());
      if (line.isPresent()) {
        return new DataError(DatasetFile.STATEMENT_LINES.name(), line.get().line(), "concept", why);
      }
      for (Fact f : data.inputs().all()) {
        if (f.key().concept().equals(concept) && f.origin() instanceof Origin.Input in) {
          return new DataError(in.file(), in.line(), in.field(), why);
        }
      }
      return new DataError(source.describe(), 0, "", why);
    }
    return new DataError(source.describe(), 0, "", "the release cannot be produced from these figures: " + message);
  }
}
