package org.orebook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.orebook.blockmodel.BlockModelException;
import org.orebook.blockmodel.GradeTonnage;
import org.orebook.blockmodel.GradeTonnageFormats;
import org.orebook.blockmodel.GradeTonnageSpec;
import org.orebook.blockmodel.GradeTonnageTable;
import org.orebook.release.AtomicOutput;
import org.orebook.scan.BadRowsException;
import org.orebook.scan.ScanSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orebook grade-tonnage MODEL.csv --tonnage COL --grade au=au:g/t --cutoffs 0.5,1,2}: the
 * tonnage, average grades and contained metal at or above each cut-off of a block model
 * (docs/grade-tonnage.md). Bad rows: nothing is printed or written, exit 2.
 */
@Command(name = "grade-tonnage", mixinStandardHelpOptions = true,
    description = "Grade-tonnage table of a block-model CSV: tonnage, average grades and contained metal at or above "
        + "each cut-off, by category (docs/grade-tonnage.md).")
final class GradeTonnageCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.csv", description = "block model: a header row, one block a line")
  Path model;

  @Option(names = "--tonnage", paramLabel = "COL", description = "tonnage column (or --density and --volume)")
  String tonnage;

  @Option(names = "--density", paramLabel = "COL", description = "density column, tonnage unit per volume unit")
  String density;

  @Option(names = "--volume", paramLabel = "COL", description = "volume column: tonnage = density x volume")
  String volume;

  @Option(names = "--tonnage-unit", paramLabel = "t|st", description = "unit of the tonnage: t (tonnes) or st (short tons); default t")
  String tonnageUnit = "t";

  @Option(names = "--grade", paramLabel = "METAL=COL:UNIT", required = true,
      description = "a grade column and its unit (g/t, oz/ton or %%); repeat for each metal; the first is the cut-off grade")
  List<String> grades;

  @Option(names = "--cutoffs", paramLabel = "C[,C...]", required = true, description = "cut-offs, e.g. 0.5,1,2")
  List<String> cutoffs;

  @Option(names = "--equivalent", paramLabel = "METAL", description = "apply the cut-offs to this metal's equivalent grade")
  String equivalent;

  @Option(names = "--price", paramLabel = "METAL=P[,...]", description = "prices for the equivalent grade: USD/oz (g/t, oz/ton), USD/lb (%%)")
  List<String> prices = new ArrayList<>();

  @Option(names = "--recovery", paramLabel = "METAL=R[,...]", description = "recoveries for the equivalent grade, fractions (default 1)")
  List<String> recoveries = new ArrayList<>();

  @Option(names = "--category", paramLabel = "COL", description = "report by this column as well as in total")
  String category;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: text)")
  String format = "text";

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of printing")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "scanning threads (default: the available processors)")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    GradeTonnageTable table;
    try {
      GradeTonnageSpec s = spec();
      if (!GradeTonnageFormats.FORMATS.contains(format)) {
        throw new BlockModelException("--format '" + format + "' is not one of " + String.join(", ", GradeTonnageFormats.FORMATS));
      }
      if (threads != null && threads < 1) {
        throw new BlockModelException("--threads must be at least 1");
      }
      if (!Files.isRegularFile(model)) {
        throw new BlockModelException(model + ": no such file");
      }
      table = compute(s);
    } catch (BlockModelException e) {
      e.problems().forEach(p -> err.println("orebook: " + p));
      return Main.BAD_INPUT;
    } catch (BadRowsException e) {
      LedgerCommand.report(err, e.badRows());
      err.println("orebook: nothing was " + (out == null ? "printed." : "written."));
      return Main.BAD_INPUT;
    }
    if (out == null) { // row by row: a table of many categories is never held whole
      GradeTonnageFormats.write(table, format, spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
      return 0;
    }
    AtomicOutput.writeFile(out, stream -> {
      java.io.Writer w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
      GradeTonnageFormats.write(table, format, w);
      w.flush();
    });
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }

  /** The table of {@link #model} for {@code s}, scanned on {@link #threads} threads. */
  GradeTonnageTable compute(GradeTonnageSpec s) throws IOException, BlockModelException, BadRowsException {
    ScanSettings scan = threads == null ? ScanSettings.defaults() : ScanSettings.defaults().withThreads(threads);
    return GradeTonnage.run(model, s, scan);
  }

  /** The options as a spec; a malformed option throws. */
  GradeTonnageSpec spec() throws BlockModelException {
    return GradeTonnageSpec.of(tonnage, density, volume, tonnageUnit, grades, cutoffs, equivalent, prices, recoveries, category);
  }

  /** Writes a temporary file next to {@code target}, then moves it into place ({@link AtomicOutput#writeFile}). */
  static void write(Path target, String text) throws IOException {
    AtomicOutput.writeFile(target, text.getBytes(StandardCharsets.UTF_8));
  }
}
