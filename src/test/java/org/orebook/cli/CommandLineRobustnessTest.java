package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.release.Releases;
import org.orebook.store.Store;
import picocli.CommandLine;

/**
 * Every command: help and the program's version, no warnings; what ends a run is a documented exit
 * code and a message that names the file, never a stack trace.
 */
class CommandLineRobustnessTest {
  @TempDir
  Path dir;

  /** Every command and subcommand, as the words that call it. */
  static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    walk(new CommandLine(new Main()), new ArrayList<>(), out);
    return out;
  }

  private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    cl.getSubcommands().forEach((name, sub) -> {
      List<String> p = new ArrayList<>(path);
      p.add(name);
      walk(sub, p, out);
    });
  }

  static CliRun run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void everyCommandHasHelpAndTheProgramsVersionWithoutWarnings() {
    List<List<String>> commands = commands();
    assertThat(commands).hasSizeGreaterThan(15).contains(List.of("release"), List.of("bench", "fuzz"), List.of("user", "add"));
    for (List<String> c : commands) {
      for (String help : new String[] {"-h", "--help"}) {
        CliRun r = run(c, help);
        assertThat(r.code()).as(c + " " + help + ": " + r.err()).isZero();
        assertThat(r.out()).as(c + " " + help).startsWith("Usage: orebook").contains("-h, --help", "-V, --version");
        assertThat(r.err()).as(c + " " + help).isEmpty();
      }
      CliRun v = run(c, "--version");
      assertThat(v.code()).as(c + " --version").isZero();
      assertThat(v.out()).as(c + " --version").isEqualTo("orebook " + Main.Version.version() + "\n");
    }
    assertThat(Main.Version.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void helpTextsAreWholeAndTheReleaseVersionIsCalledFigures() {
    CliRun check = CliRun.of("check", "--help");
    assertThat(check.out()).contains("Exit codes: 0 everything tested ties, 1 some relation or claim fails, 2 the file cannot be")
        .doesNotContain("EDGAR):\n");
    CliRun top = CliRun.of("--help");
    assertThat(top.out()).contains("check          Check a published results release: every table's relations and the");
    CliRun release = CliRun.of("release", "--help");
    assertThat(release.out()).contains("--figures=current|original").doesNotContain("--version=");
    CliRun gt = CliRun.of("grade-tonnage", "--help");
    assertThat(gt.out()).contains("(g/t, oz/ton or %)", "USD/lb (%)");
  }

  @Test
  void theReleaseVersionIsChosenWithFigures() {
    CliRun bad = CliRun.of("release", "nothing-here", "--figures", "latest");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("orebook: --figures 'latest' is not current or original\n");
  }

  @Test
  void checkOfADeviceOrAFolderSaysWhatItIs() {
    CliRun device = CliRun.of("check", "/dev/null");
    assertThat(device.code()).isEqualTo(2);
    assertThat(device.err()).isEqualTo("orebook: /dev/null: not a regular file (a device or a pipe); give the release's text file\n");
    CliRun folder = CliRun.of("check", dir.toString());
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("a folder");
  }

  @Test
  void aBadPortIsOneLine() throws IOException {
    CliRun range = CliRun.of("serve", "--port", "99999", "--db", "jdbc:h2:" + dir.resolve("db"));
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).isEqualTo("orebook: --port 99999 is not a TCP port (0 to 65535; 0 picks a free one)\n");
    CliRun word = CliRun.of("serve", "--port", "abc");
    assertThat(word.code()).isEqualTo(2);
    assertThat(word.err()).startsWith("orebook: Invalid value for option '--port': 'abc' is not an int").doesNotContain("ERROR");
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      CliRun busy = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()), "--db", "jdbc:h2:" + dir.resolve("db"));
      assertThat(busy.code()).isEqualTo(2);
      assertThat(busy.err()).startsWith("orebook: cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("ERROR");
    }
  }

  @Test
  void anExceptionACommandLetsThroughIsOneLineNeverAStackTrace() {
    StringWriter text = new StringWriter();
    int code = Main.failed(new PrintWriter(text, true), null, new IllegalStateException("two relations compute x\nmore"));
    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).isEqualTo("orebook: internal error (IllegalStateException: two relations compute x); nothing"
        + " was written. Please report it with the input that caused it.\n");
    StringWriter file = new StringWriter();
    assertThat(Main.failed(new PrintWriter(file, true), null, new NoSuchFileException("/x/ledger.csv"))).isEqualTo(2);
    assertThat(file.toString()).isEqualTo("orebook: /x/ledger.csv: no such file or folder\norebook: nothing was written.\n");
  }

  @Test
  void jsonOfAFigureWithTenThousandDecimalsIsJson() throws IOException {
    String seed = Files.readString(Path.of("examples/published/hecla-2003-ex99.txt"), StandardCharsets.US_ASCII);
    Path f = dir.resolve("decimals.txt");
    Files.writeString(f, seed.replaceFirst("1,596", "1.5" + "9".repeat(10_000)), StandardCharsets.US_ASCII);
    CliRun r = CliRun.of("check", f.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).isEmpty();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("relations").asInt()).isPositive();
    assertThat(org.orebook.check.Report.plainOrExponent(new java.math.BigDecimal("1E+999999999"))).isEqualTo("1E+999999999");
    assertThat(org.orebook.check.Report.plainOrExponent(new java.math.BigDecimal("-1234.50"))).isEqualTo("-1234.50");
  }

  @Test
  void aTableWhoseHeadingsAreMisalignedIsNamedAndLeftOutAndTheRestIsChecked() throws Exception {
    String release = Releases.render(Releases.produce(Path.of("examples/cordillera-2025"), null), "text");
    String aligned = release.lines().filter(l -> l.matches("Property - \\(interest in %\\)\\s+\\(100%\\)\\s+\\(attrib\\.\\)\\s+"
        + "\\(g/t\\)\\s+\\(g/t\\)\\s+\\(%\\)\\s+\\(%\\)\\s+\\(%\\)")).findFirst().orElseThrow();
    // the percent units slid left over the gold and silver columns, as a tab-expanding editor leaves them
    String shifted = "Property - (interest in %)       (100%)          (attrib.)                       (g/t)                   (g/t)"
        + "   (%)     (%)     (%)";
    Path f = dir.resolve("misaligned.txt");
    Files.writeString(f, release.replace(aligned, shifted), StandardCharsets.UTF_8);
    CliRun r = CliRun.of("check", f.toString());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).containsPattern("Note: table '[^']*Mineral Reserves' \\(lines \\d+-\\d+\\) was not checked: its figures"
        + " could not be related \\(cannot convert [^)]*\\); the rest of the document was checked without it");
    assertThat(r.out()).containsPattern("Relations tested: [1-9]\\d+");
  }

  @Test
  void whatLoadRefusesIsNeitherStoredNorAudited() throws Exception {
    Path data = copy(Path.of("examples/cordillera-2025"), dir.resolve("untied"));
    // a reserve movement that does not tie: Huancayo's silver revision is given, and closing reserves
    // are no longer opening - depleted + added + revised
    List<String> changes = Files.readAllLines(data.resolve("reserve_changes.csv"));
    int row = 1;
    while (!changes.get(row).startsWith("huancayo,FY2025,AG,depleted,")) {
      row++;
    }
    String[] fields = changes.get(row).split(",", -1);
    fields[4] = new java.math.BigDecimal(fields[4]).add(java.math.BigDecimal.valueOf(1000)).toPlainString();
    changes.set(row, String.join(",", fields));
    Files.write(data.resolve("reserve_changes.csv"), changes);
    String db = "jdbc:h2:" + dir.resolve("store");
    CliRun load = CliRun.of("load", data.toString(), "--db", db);
    assertThat(load.code()).isEqualTo(2);
    assertThat(load.err()).contains("reserve_changes.csv, line ", "field 'value': given as 1030000 but revisions")
        .contains("nothing was loaded");
    try (Store s = Store.open(db)) {
      assertThat(s.companies()).isEmpty();
      assertThat(s.audit(null, 1_000)).isEmpty();
    }
    assertThat(CliRun.of("audit", "--db", db).out().lines()).hasSize(1);
  }

  @Test
  void statementLinksThatGoRoundInACircleAreRefusedOnTheirLine() throws Exception {
    Path data = copy(Path.of("examples/hecla-2003"), dir.resolve("circle"));
    // statement figures of a year without segment sales: the link to company sales reads itself
    List<String> values = new ArrayList<>(Files.readAllLines(data.resolve("statement_values.csv")));
    values.addAll(values.stream().filter(l -> l.contains(",FY2003,")).map(l -> l.replace(",FY2003,", ",FY2009,")).toList());
    Files.write(data.resolve("statement_values.csv"), values);
    String db = "jdbc:h2:" + dir.resolve("store");
    CliRun load = CliRun.of("load", data.toString(), "--db", db);
    assertThat(load.code()).isEqualTo(2);
    assertThat(load.err()).contains("statement_lines.csv, line ", "field 'concept'", "FY2009 go round in a circle")
        .doesNotContain("Exception");
    try (Store s = Store.open(db)) {
      assertThat(s.companies()).isEmpty();
    }
  }

  @Test
  void aCompanyIdOrReasonTooLongForTheStoreIsRefusedBeforeIt() {
    String db = "jdbc:h2:" + dir.resolve("store");
    CliRun id = CliRun.of("load", "examples/hecla-2003", "--db", db, "--company", "c".repeat(101));
    assertThat(id.code()).isEqualTo(2);
    assertThat(id.err()).contains("a company id has 1 to 100 characters");
    CliRun reason = CliRun.of("load", "examples/hecla-2003", "--db", db, "--reason", "r".repeat(2_001));
    assertThat(reason.code()).isEqualTo(2);
    assertThat(reason.err()).contains("--reason has 2001 characters; at most 2000");
  }

  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".csv")).toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
    return to;
  }
}
