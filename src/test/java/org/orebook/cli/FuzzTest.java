package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz run in the normal build: mutated releases through {@code check} and mutated dataset
 * folders through {@code load} and {@code release} ({@link Fuzz}; {@code orebook bench fuzz --cases
 * 10000} is the long run). No run may crash, hang or end with an undocumented exit code, and what
 * {@code load} accepts {@code release} must produce.
 */
class FuzzTest {
  @TempDir
  Path work;

  @Test
  void mutatedReleasesAndDatasetsEndWithADocumentedExitAndAMessage() throws Exception {
    // a run is a hang after minutes of wall time (only a real hang: other builds stretch wall time), or when it
    // spends more than 30 s of CPU time (a few seconds at most for the largest case; the square takes minutes)
    Fuzz.Summary s = new Fuzz(new Fuzz.Options(20_260_601L, 100, 60, org.orebook.HangGuard.WALL.toMillis(), work)).run(null);
    assertThat(s.crashes()).as("crashes").isEmpty();
    assertThat(s.hangs()).as("hangs").isEmpty();
    assertThat(s.outcomes()).as("runs over 30 s of CPU time").noneMatch(o -> o.cpuSeconds() > 30);
    // the run did exercise what it claims: every kind of mutation, refusals and successes
    Set<String> mutations = s.outcomes().stream().flatMap(o -> java.util.Arrays.stream(o.mutation().split("\\+")))
        .map(m -> m.replaceAll(" in .*| \\(release\\)", "")).collect(Collectors.toSet());
    assertThat(mutations).contains("byte flips", "truncation", "huge number", "unicode digits", "unicode spaces", "line ends",
        "tabs", "1 MB line", "binary", "long digit run", "run of '('", "many cells", "odd number", "CRLF", "1 MB field",
        "cyclic subtotals", "duplicate header", "BOM", "extra column");
    assertThat(s.outcomes().stream().map(Fuzz.Outcome::exit).collect(Collectors.toSet())).contains(0, 1, 2);
    assertThat(s.outcomes().stream().filter(o -> o.command().equals("release") && o.kind().equals("dataset")).count())
        .as("mutated datasets that load and produce their release").isPositive();
  }

  @Test
  void oneCaseIsRegeneratedByItsIndexKeptAndChecked() throws Exception {
    Fuzz fuzz = new Fuzz(new Fuzz.Options(1, 0, 0, org.orebook.HangGuard.WALL.toMillis(), work.resolve("scratch")));
    Fuzz.ReleaseCase a = fuzz.releaseCase(17);
    assertThat(fuzz.releaseCase(17).input().bytes()).isEqualTo(a.input().bytes());
    assertThat(fuzz.releaseCase(18).input().bytes()).isNotEqualTo(a.input().bytes());
    CliRun r = CliRun.of("bench", "fuzz", "--only", "17", "--work", work.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("release 17 of seed 1 (" + a.input().what() + "): check, ")
        .contains("kept in " + work.resolve("release-17.txt"));
    assertThat(java.nio.file.Files.readAllBytes(work.resolve("release-17.txt"))).isEqualTo(a.input().bytes());
  }

  @Test
  void aStackTraceAnInternalErrorAnUndocumentedExitOrASilentRefusalIsAProblem() {
    assertThat(Fuzz.problem(1, "", Fuzz.Expect.ANY)).isNull();
    assertThat(Fuzz.problem(2, "orebook: x.txt: the file is empty\n", Fuzz.Expect.ANY)).isNull();
    assertThat(Fuzz.problem(3, "", Fuzz.Expect.ANY)).contains("undocumented exit code 3");
    assertThat(Fuzz.problem(2, "", Fuzz.Expect.ANY)).contains("without a message");
    assertThat(Fuzz.problem(2, "orebook: internal error in 'check' (IllegalStateException: x)", Fuzz.Expect.ANY))
        .contains("internal error");
    assertThat(Fuzz.problem(2, "Exception in thread \"main\" java.lang.IllegalArgumentException: cannot convert\n"
        + "\tat org.orebook.quantity.Unit.convert(Unit.java:88)\n", Fuzz.Expect.ANY)).contains("exception");
    assertThat(Fuzz.problem(2, "orebook: x: could not be checked (NumberFormatException)", Fuzz.Expect.ANY)).isNotNull();
    assertThat(Fuzz.problem(2, "orebook: 1 error(s) in dataset", Fuzz.Expect.OK)).contains("did not produce");
    assertThat(Fuzz.problem(1, "orebook: database error", Fuzz.Expect.REFUSE_OR_OK)).contains("exit 1");
  }
}
