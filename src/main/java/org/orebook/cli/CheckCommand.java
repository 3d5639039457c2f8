package org.orebook.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.Report;
import org.orebook.edgar.UnreadableReleaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook check FILE}: reads a published release and tests every relation, rounding-aware. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a published results release: every table's relations and the numbers its text states.",
        "%nReads a plain-text release (e.g. an SEC exhibit 99 as filed on EDGAR, or an HTML page whose text is"
            + " preformatted), tests every relation Orebook knows on its tables, rounding-aware, and names each figure"
            + " that does not tie; then tests each number the running text states against the table figure its words"
            + " name. A table that cannot be related is named and left out (docs/checking.md).",
        "%nExit codes: 0 everything ties, 1 some relation or claim fails, 2 the file cannot be read as a release."})
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the release, plain text")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text)")
  String format;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    if (format != null && !format.equals("text") && !format.equals("json")) {
      err.println("orebook: --format '" + format + "' is not one of text, json");
      return Main.BAD_INPUT;
    }
    CheckResult r;
    String report;
    try {
      r = Check.file(file);
      report = "json".equals(format) ? Report.json(r) : Report.text(r);
    } catch (UnreadableReleaseException e) {
      err.println("orebook: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    out.print(report);
    out.flush();
    return r.failures().isEmpty() && r.proseFailures().isEmpty() ? 0 : 1;
  }
}
