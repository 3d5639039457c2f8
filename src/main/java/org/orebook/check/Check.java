package org.orebook.check;

import java.nio.file.Path;
import org.orebook.edgar.ReleaseReader;
import org.orebook.edgar.ReleaseText;
import org.orebook.edgar.UnreadableReleaseException;

/** Reads, models and checks a published release in one call. */
public final class Check {
  private Check() {}

  /** Checks a file; the exception says why it is not a release Orebook can check. */
  public static CheckResult file(Path file) throws UnreadableReleaseException {
    return text(ReleaseReader.read(file));
  }

  public static CheckResult text(String source, String text) throws UnreadableReleaseException {
    return text(ReleaseReader.readText(source, text));
  }

  static CheckResult text(ReleaseText t) throws UnreadableReleaseException {
    if (t.tables().isEmpty()) {
      throw new UnreadableReleaseException(t.source() + ": no tables found (no rows of figures under a label);"
          + " is this the plain text of a results release?");
    }
    PublishedRelease pr = Modeller.model(t);
    if (pr.mappedCount() == 0) {
      throw new UnreadableReleaseException(t.source() + ": " + t.tables().size() + " table(s) with " + t.figureCount()
          + " figures, but no row label or column Orebook knows (no periods, units or statement lines)");
    }
    return Checker.check(pr);
  }
}
