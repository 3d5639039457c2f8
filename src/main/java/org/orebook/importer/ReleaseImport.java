package org.orebook.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.check.Reading;
import org.orebook.data.DataError;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetLoader;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.Origin;
import org.orebook.quantity.Interval;
import org.orebook.relations.Catalogue;
import org.orebook.relations.CircularRelationsException;
import org.orebook.relations.Engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.orebook.check.Modeller;
import org.orebook.check.PublishedRelease;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.UnreadableReleaseException;

/**
 * {@code orebook import}: reads a published release with the checker's reader and modeller and
 * writes what it read as a dataset folder in the engine's input format (docs/input-format.md), as
 * far as the release supports it. All or nothing: the folder is written next to the target under a
 * temporary name and moved into place at the end.
 */
public final class ReleaseImport {
  private ReleaseImport() {}

  /** What an import wrote, and what the engine made of it. */
  public record Summary(Path folder, int figures, int mapped, int files, Proof proof) {}

  /**
   * The imported dataset run through the engine: of the published figures the catalogue derives
   * (totals, unit costs, subtotals), how many the engine computes from the written inputs within
   * their printed rounding, and the others with their differences (published figures are rounded,
   * so a total of rounded parts may differ by a few units of its last digit).
   */
  public record Proof(int compared, int within, List<String> outside) {
    /** The proof as the dataset's README tells it. */
    List<String> lines() {
      List<String> l = new ArrayList<>();
      l.add("");
      l.add("## The engine on this dataset");
      l.add("");
      l.add("`orebook import` loaded this folder and ran the engine on it: of the " + compared + " published figures the");
      l.add("catalogue derives, " + within + " come out within their printed rounding"
          + (outside.isEmpty() ? "." : "; these do not (rounded inputs add up to more than the last digit):"));
      if (!outside.isEmpty()) {
        l.add("");
        outside.stream().limit(50).forEach(o -> l.add("- " + o));
        if (outside.size() > 50) {
          l.add("- ... and " + (outside.size() - 50) + " more");
        }
      }
      return l;
    }
  }

  /** Reads and models a release; the exception says why the file is not a release Orebook can import. */
  public static PublishedRelease read(Path file) throws UnreadableReleaseException {
    ReleaseText t = ReleaseReader.read(file);
    if (t.tables().isEmpty()) {
      throw new UnreadableReleaseException(t.source() + ": no tables found (no rows of figures under a label);"
          + " is this the plain text of a results release?");
    }
    PublishedRelease pr = Modeller.model(t);
    if (pr.mappedCount() == 0) {
      throw new UnreadableReleaseException(t.source() + ": " + t.tables().size() + " table(s) with " + t.figureCount()
          + " figures, but no row label or column Orebook knows (no periods, units or statement lines)");
    }
    return pr;
  }

  /** The dataset files for a modelled release, in memory. */
  public static DatasetFiles dataset(PublishedRelease pr, String source) {
    return Reconstruction.of(pr, source);
  }

  /**
   * Imports {@code file} into the folder {@code out}, which must not exist or be an empty folder.
   *
   * @throws UnreadableReleaseException the file cannot be read as a release (nothing is written)
   * @throws IOException the folder cannot be written (nothing is left behind)
   */
  public static Summary run(Path file, Path out) throws UnreadableReleaseException, IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target) && !(Files.isDirectory(target) && isEmpty(target))) {
      throw new IOException(out + " already exists and is not an empty folder; choose a new folder");
    }
    PublishedRelease pr = read(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    DatasetFiles files = dataset(pr, name);
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException(out + ": no parent folder");
    }
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".import-");
    Proof proof;
    try {
      files.writeInto(temp);
      try {
        try {
          proof = prove(pr, temp);
        } catch (CircularRelationsException circle) {
          // a statement line linked to a company figure the engine computes from that same line: the
          // statement lines keep their printed values instead of links
          deleteTree(temp);
          temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".import-");
          Reconstruction.run(pr, name, false).files().writeInto(temp);
          proof = prove(pr, temp);
        }
      } catch (DatasetException e) {
        throw new IOException("the dataset written from " + file + " does not load or the engine refuses it, so nothing"
            + " is written (please report it): " + e.getMessage(), e);
      }
      Files.write(temp.resolve("README.md"), proof.lines(), java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      if (Files.isDirectory(target)) {
        Files.delete(target);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(temp);
      throw e;
    }
    return new Summary(target, pr.figureCount(), pr.mappedCount(), files.files().size() + 1, proof);
  }

  /**
   * Loads the written dataset and runs the engine on it; compares what it derives with what was
   * published. An input the engine computes otherwise, or a tie that does not hold, refuses the
   * dataset as {@code orebook release} would: a {@link DatasetException} naming the rows.
   */
  static Proof prove(PublishedRelease pr, Path folder) throws DatasetException {
    Dataset d = DatasetLoader.load(folder);
    Engine.Result r = Engine.run(d.inputs(), Catalogue.build(d.company(), d.statementLines(), d.properties(), d.inputs()));
    if (!r.disagreements().isEmpty()) {
      throw new DatasetException(r.disagreements().stream().map(x -> x.input().origin() instanceof Origin.Input in
          ? new DataError(in.file(), in.line(), in.field(), "given as " + x.input().value().toPlainString() + " but "
              + x.relation().description() + " gives " + x.computed().toPlainString())
          : new DataError("", 0, "", x.toString())).toList());
    }
    int compared = 0;
    int within = 0;
    List<String> outside = new ArrayList<>();
    List<Map.Entry<FactKey, Reading>> readings = new ArrayList<>(pr.readings().entrySet());
    readings.sort(java.util.Comparator.comparing((Map.Entry<FactKey, Reading> e) -> e.getValue().figure().line())
        .thenComparing(e -> e.getKey().toString()));
    for (Map.Entry<FactKey, Reading> e : readings) {
      Optional<Fact> f = r.facts().find(e.getKey());
      // only what the engine derives proves anything: an input is the printed figure written back
      if (f.isEmpty() || !(f.get().origin() instanceof Origin.Derived) || f.get().unit() != e.getValue().unit()) {
        continue;
      }
      compared++;
      Interval printed = e.getValue().interval();
      if (printed.contains(f.get().value())) {
        within++;
      } else {
        int decimals = Math.max(0, e.getValue().figure().decimals() - e.getValue().exponent() + 2);
        outside.add(e.getKey() + ": printed " + e.getValue().figure().text().trim() + " (line " + e.getValue().figure().line()
            + ", " + printed.lo().toPlainString() + " to " + printed.hi().toPlainString() + "), the engine gives "
            + f.get().value().setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString());
      }
    }
    return new Proof(compared, within, List.copyOf(outside));
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
          Files.delete(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // best effort: the temporary folder is hidden and named after the import
    }
  }
}
