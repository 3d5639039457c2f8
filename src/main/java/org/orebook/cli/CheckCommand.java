package org.orebook.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.ConceptDictionary;
import org.orebook.check.Report;
import org.orebook.edgar.SourceFormat;
import org.orebook.edgar.UnreadableReleaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook check FILE}: reads a published release and tests every relation, rounding-aware. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a published results release: every table's relations and the numbers its text states.",
        "%nReads an SEC exhibit 99 as filed on EDGAR (plain text or HTML), the full EDGAR submission file, or a"
            + " wire-service or Markdown text with pipe tables; tests every relation Orebook knows on its tables,"
            + " rounding-aware, and names each figure that does not tie; then tests each number the running text states"
            + " against the table figure its words name. A table that cannot be related is named and left out"
            + " (docs/checking.md).",
        "%nExit codes: 0 everything tested ties, 1 some relation or claim fails, 2 the file cannot be read as a release"
            + " or nothing in it could be tested (the message says why)."})
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the release: .txt, .htm/.html, .md, or an EDGAR submission .txt")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "the report: text or json (default: text)")
  String format;

  @Option(names = "--format-in", paramLabel = "FORMAT",
      description = "read the file as text, html, markdown or submission (default: detected from its content)")
  String formatIn;

  @Option(names = "--dictionary", paramLabel = "FILE",
      description = "a CSV of the company's own row labels (scope,label,concept,...), tried before Orebook's; see docs/checking.md")
  Path dictionary;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    if (format != null && !format.equals("text") && !format.equals("json")) {
      err.println("orebook: --format '" + format + "' is not one of text, json");
      return Main.BAD_INPUT;
    }
    Optional<SourceFormat> in = Optional.empty();
    if (formatIn != null) {
      in = SourceFormat.parse(formatIn);
      if (in.isEmpty()) {
        err.println("orebook: --format-in '" + formatIn + "' is not one of text, html, markdown, submission");
        return Main.BAD_INPUT;
      }
    }
    ConceptDictionary dict;
    try {
      dict = dictionary == null ? ConceptDictionary.standard() : ConceptDictionary.withFile(dictionary);
    } catch (ConceptDictionary.InvalidDictionaryException e) {
      err.println("orebook: --dictionary " + e.getMessage());
      return Main.BAD_INPUT;
    }
    CheckResult r;
    String report;
    try {
      r = Check.run(file, new Check.Options(in, dict));
      report = "json".equals(format) ? Report.json(r) : Report.text(r);
    } catch (UnreadableReleaseException e) {
      err.println("orebook: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    out.print(report);
    out.flush();
    if (r.nothingChecked()) {
      err.println("orebook: " + file + ": nothing checked: " + String.join("; ", Check.reasons(r)));
      return Main.BAD_INPUT;
    }
    return r.failures().isEmpty() && r.proseFailures().isEmpty() ? 0 : 1;
  }
}
