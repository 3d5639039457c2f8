package org.orebook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetSource;
import org.orebook.store.LoadResult;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.Version;
import org.orebook.quantity.Period;
import org.orebook.quantity.UnitSystem;
import org.orebook.release.AtomicOutput;
import org.orebook.release.Producible;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orebook release DATASET|COMPANY}: computes every figure and prints or writes the release.
 * A dataset folder is computed as it is, and the store is not touched, unless {@code --save} (the
 * default store) or {@code --db URL} asks for the folder to be loaded first (all or nothing;
 * unchanged rows are not written again): then the release comes from the stored, audited figures.
 * A company id is produced from the store.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = "Produce a results release from a dataset folder (docs/input-format.md; the store is not touched"
        + " unless --save or --db asks) or from a company in the store.")
final class ReleaseCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  StoreOptions store = new StoreOptions();

  @Parameters(index = "0", paramLabel = "DATASET|COMPANY",
      description = "dataset folder, e.g. examples/hecla-2003, or the id of a company in the store")
  String dataset;

  @Option(names = "--figures", paramLabel = "current|original",
      description = "current (as restated; default) or original (as originally reported, i.e. as first approved)")
  String figures = "current";

  @Option(names = "--period", paramLabel = "PERIOD",
      description = "release period: a quarter 'Q3 2011' (with its six or nine months; 'Q3 FY2025' in a fiscal year"
          + " not ending Dec. 31), '9M 2011' or 'H1 2011' (the same release), a year FY2011 (with its fourth quarter when"
          + " the data has it); default: the dataset's (docs/input-format.md, Periods)")
  String period;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, csv, html or xlsx (default: text; with --out: all five; xlsx only with --out)")
  String format;

  @Option(names = "--units", paramLabel = "UNITS",
      description = "metric (tonnes, g/t, $/tonne) or imperial (short tons, oz/ton, $/ton); default: as the dataset's"
          + " figures are stored, no conversion (docs/units.md)")
  String units;

  @Option(names = "--out", paramLabel = "DIR", description = "write release.txt/.json/.csv/.html/.xlsx into DIR instead of printing")
  Path out;

  @Option(names = "--save", description = "load the dataset folder into the store first (as `orebook load` does) and"
      + " produce the release from the stored figures; implied by --db")
  boolean save;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    Period p = null;
    if (period != null) {
      p = Period.parse(period).orElse(null);
      if (p == null) {
        err.println("orebook: --period '" + period + "' is not a period (write a quarter 'Q3 2011', nine months '9M 2011' or a year FY2011)");
        return Main.BAD_INPUT;
      }
    }
    if (format != null && !Releases.FORMATS.contains(format)) {
      err.println("orebook: --format '" + format + "' is not one of " + String.join(", ", Releases.FORMATS));
      return Main.BAD_INPUT;
    }
    UnitSystem system = units == null ? UnitSystem.AS_STORED : UnitSystem.ofCode(units)
        .filter(u -> u != UnitSystem.AS_STORED).orElse(null);
    if (system == null) {
      err.println("orebook: --units '" + units + "' is not metric or imperial");
      return Main.BAD_INPUT;
    }
    Version v = switch (figures) {
      case "current" -> Version.CURRENT;
      case "original" -> Version.ORIGINAL;
      default -> null;
    };
    if (v == null) {
      err.println("orebook: --figures '" + figures + "' is not current or original");
      return Main.BAD_INPUT;
    }
    if (out == null && "xlsx".equals(format)) {
      err.println("orebook: --format xlsx is binary: write it with --out DIR");
      return Main.BAD_INPUT;
    }
    Path folder = Path.of(dataset);
    boolean isFolder = Files.isDirectory(folder);
    Release release;
    try {
      if (isFolder && !save && store.db == null) {
        if (v == Version.ORIGINAL) {
          err.println("orebook: --figures original needs the store: the figures as first approved are kept there"
              + " (name a company, or add --save)");
          return Main.BAD_INPUT;
        }
        release = Producible.produce(DatasetSource.folder(folder), p, system); // straight from the folder: nothing is stored
      } else {
        try (Store s = store.open()) {
          String company = dataset;
          String ds;
          if (isFolder) {
            LoadResult r = LoadCommand.load(s, DatasetSource.folder(folder), null, store.actor(s, err), null);
            err.println("orebook: " + LoadCommand.describe(r, dataset, s));
            company = r.companyId();
            ds = r.dataset();
          } else if (s.company(company).isEmpty()) {
            err.println("orebook: '" + dataset + "' is not a dataset folder, nor a company in the store " + s.url()
                + (s.companies().isEmpty() ? " (it holds none)" : " (it holds " + String.join(", ",
                    s.companies().stream().map(c -> c.id()).toList()) + ")"));
            return Main.BAD_INPUT;
          } else {
            ds = s.datasetFor(company, p == null ? null : p.code());
          }
          release = Producible.produce(s.source(company, ds, v), p, system);
        }
      }
    } catch (DatasetException e) {
      err.println("orebook: " + e.getMessage());
      err.println("orebook: nothing was computed.");
      return Main.BAD_INPUT;
    } catch (StoreException e) {
      StoreOptions.report(err, e);
      err.println("orebook: nothing was computed.");
      return StoreOptions.exitCode(e);
    }
    if (out == null) {
      spec.commandLine().getOut().print(Releases.render(release, format == null ? "text" : format));
      spec.commandLine().getOut().flush();
      return 0;
    }
    List<String> formats = format == null ? Releases.FORMATS : List.of(format);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      err.println("orebook: --out " + out + " is a file; --out names a folder the release files are written to");
      err.println("orebook: nothing was written.");
      return Main.BAD_INPUT;
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String f : formats) {
      files.put(fileName(f), Releases.renderBytes(release, f));
    }
    for (Path written : AtomicOutput.writeFiles(out, files)) {
      spec.commandLine().getOut().println("wrote " + written);
    }
    return 0;
  }

  private static String fileName(String format) {
    return "release." + (format.equals("text") ? "txt" : format);
  }
}
