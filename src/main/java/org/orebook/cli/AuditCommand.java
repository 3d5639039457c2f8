package org.orebook.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.orebook.store.AuditEntry;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook audit [COMPANY]}: who changed what, when and why, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "List the audit trail: who, when, what (before and after) and why, newest change first.")
final class AuditCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  StoreOptions store = new StoreOptions();

  @Parameters(index = "0", arity = "0..1", paramLabel = "COMPANY", description = "one company (default: all)")
  String company;

  @Option(names = "--limit", paramLabel = "N", description = "at most N lines (default 200)")
  int limit = 200;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Store s = store.open()) {
      out.printf("%-6s %-20s %-16s %-8s %-8s %-10s %-26s %-14s %s%n", "change", "when", "who", "company", "kind",
          "period", "row", "field", "before -> after   (reason)");
      for (AuditEntry a : s.audit(company, limit)) {
        out.printf("%-6d %-20s %-16s %-8s %-8s %-10s %-26s %-14s %s -> %s%s%n", a.changeId(), WHEN.format(a.at()), a.actor(),
            a.companyId(), a.kind(), nz(a.period()), (a.file() == null ? "" : a.file() + ":" + a.rowKey()), nz(a.field()),
            clip(a.before()), clip(a.after()), a.reason() == null ? "" : "   (" + a.reason() + ")");
      }
      return 0;
    } catch (StoreException e) {
      StoreOptions.report(spec.commandLine().getErr(), e);
      return StoreOptions.exitCode(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String clip(String s) {
    if (s == null) {
      return "-";
    }
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
