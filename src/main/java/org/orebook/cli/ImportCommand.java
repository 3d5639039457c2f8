package org.orebook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.orebook.edgar.UnreadableReleaseException;
import org.orebook.importer.ReleaseImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook import FILE --out DIR}: a dataset folder from a published release. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Write what was read from a published results release (an SEC exhibit 99 in plain text or HTML,",
        "an EDGAR submission, or a Markdown/wire text; the format is detected from the content)",
        "as a dataset folder in Orebook's input format, as far as the release supports it.",
        "A release prints rounded totals, not raw inputs: the folder's README.md says which inputs were",
        "reconstructed how. All or nothing: nothing is written when the file cannot be imported.",
        "Exit codes: 0 written, 2 the file cannot be read as a release or the folder cannot be written."})
final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the release: .txt, .htm/.html, .md, or an EDGAR submission .txt")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the dataset folder to create (new or empty)")
  Path out;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try {
      ReleaseImport.Summary s = ReleaseImport.run(file, out);
      err.println("orebook: imported " + file + " into " + out + " (" + s.files() + " files; " + s.mapped() + " of "
          + s.figures() + " figures keyed; the engine re-derives " + s.proof().within() + " of the " + s.proof().compared()
          + " published figures it computes within their printed rounding). Published figures are rounded totals: see "
          + out.resolve("README.md") + ".");
      return 0;
    } catch (UnreadableReleaseException e) {
      err.println("orebook: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println("orebook: cannot write " + out + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
