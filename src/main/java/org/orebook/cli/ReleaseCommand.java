package org.orebook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.orebook.data.DatasetException;
import org.orebook.quantity.Period;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook release DATASET}: computes every figure and prints or writes the release. */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = "Produce a results release from a dataset folder (see docs/input-format.md).")
final class ReleaseCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "dataset folder, e.g. examples/hecla-2003")
  Path dataset;

  @Option(names = "--period", paramLabel = "PERIOD",
      description = "release period: FY2003 (year, with its fourth quarter when the data has it) or 'Q4 2003'; default: the dataset's")
  String period;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: text; with --out: all three)")
  String format;

  @Option(names = "--out", paramLabel = "DIR", description = "write release.txt/.json/.csv into DIR instead of printing")
  Path out;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    Period p = null;
    if (period != null) {
      p = Period.parse(period).orElse(null);
      if (p == null) {
        err.println("orebook: --period '" + period + "' is not a period (write FY2003 or 'Q4 2003')");
        return Main.BAD_INPUT;
      }
    }
    if (format != null && !List.of("text", "json", "csv").contains(format)) {
      err.println("orebook: --format '" + format + "' is not one of text, json, csv");
      return Main.BAD_INPUT;
    }
    Release release;
    try {
      release = Releases.produce(dataset, p);
    } catch (DatasetException e) {
      err.println("orebook: " + e.getMessage());
      err.println("orebook: nothing was computed.");
      return Main.BAD_INPUT;
    }
    if (out == null) {
      spec.commandLine().getOut().print(Releases.render(release, format == null ? "text" : format));
      spec.commandLine().getOut().flush();
      return 0;
    }
    List<String> formats = format == null ? List.of("text", "json", "csv") : List.of(format);
    Files.createDirectories(out);
    Path tmp = Files.createTempDirectory(out, ".orebook-");
    try {
      for (String f : formats) {
        Files.writeString(tmp.resolve(fileName(f)), Releases.render(release, f), StandardCharsets.UTF_8);
      }
      for (String f : formats) {
        Files.move(tmp.resolve(fileName(f)), out.resolve(fileName(f)), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().println("wrote " + out.resolve(fileName(f)));
      }
    } finally {
      try (var s = Files.list(tmp)) {
        for (Path left : s.toList()) {
          Files.deleteIfExists(left);
        }
      }
      Files.deleteIfExists(tmp);
    }
    return 0;
  }

  private static String fileName(String format) {
    return "release." + (format.equals("text") ? "txt" : format);
  }
}
