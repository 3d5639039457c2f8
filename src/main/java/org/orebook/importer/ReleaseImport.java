package org.orebook.importer;

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

  /** What an import wrote. */
  public record Summary(Path folder, int figures, int mapped, int files) {}

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
    DatasetFiles files = dataset(pr, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException(out + ": no parent folder");
    }
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".import-");
    try {
      files.writeInto(temp);
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
    return new Summary(target, pr.figureCount(), pr.mappedCount(), files.files().size() + 1);
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
