package org.orebook.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A dataset folder copied into a test's temporary folder, to be broken or changed there. */
public final class DatasetCopy {
  private DatasetCopy() {}

  public static Path of(Path dataset, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dataset)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }
}
