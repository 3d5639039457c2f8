package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store from the command line: load (all or nothing, idempotent), accounts, approval,
 * restatement with a reason, both versions reportable, and the audit listing.
 */
class StoreCommandsTest {
  @TempDir
  Path tmp;

  String db;
  Path alicePassword;
  Path bobPassword;

  static ReleaseCommandTest.Run run(String... args) {
    return ReleaseCommandTest.run(args);
  }

  @BeforeEach
  void setUp() throws IOException {
    db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    alicePassword = Files.writeString(tmp.resolve("alice.pw"), "alice's long passphrase\n");
    bobPassword = Files.writeString(tmp.resolve("bob.pw"), "bob's long passphrase\n");
  }

  Path copyOfMini() throws IOException {
    Path copy = tmp.resolve("mini-" + System.nanoTime());
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(Path.of(ReleaseCommandTest.MINI))) {
      for (Path p : s.toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void loadApproveRestateAndAudit() throws IOException {
    Path data = copyOfMini();
    ReleaseCommandTest.Run first = run("load", data.toString(), "--db", db);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("as company 'test'").contains("rows added");
    assertThat(run("load", data.toString(), "--db", db).out()).contains("unchanged");

    assertThat(run("user", "add", "alice", "--role", "approver", "--db", db, "--password-file", alicePassword.toString()).code()).isZero();
    assertThat(run("user", "add", "bob", "--role", "preparer", "--db", db, "--password-file", bobPassword.toString()).code()).isZero();
    ReleaseCommandTest.Run byPreparer = run("approve", "test", "FY2024", "--db", db, "--as", "bob", "--password-file", bobPassword.toString());
    assertThat(byPreparer.code()).isEqualTo(2);
    assertThat(byPreparer.err()).contains("only an approver");
    ReleaseCommandTest.Run wrongPassword = run("approve", "test", "FY2024", "--db", db, "--as", "alice", "--password-file", bobPassword.toString());
    assertThat(wrongPassword.code()).isEqualTo(2);
    assertThat(wrongPassword.err()).contains("wrong user name or password");
    assertThat(run("approve", "test", "FY2024", "--db", db, "--as", "alice", "--password-file", alicePassword.toString()).code()).isZero();

    String before = run("release", "test", "--db", db, "--format", "csv").out();
    Path costs = data.resolve("costs.csv");
    Files.writeString(costs, Files.readString(costs).replace("pit,FY2024,mining,20000,USD", "pit,FY2024,mining,21000,USD"));
    ReleaseCommandTest.Run refused = run("load", data.toString(), "--db", db);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("FY2024 is approved").contains("nothing was loaded");
    assertThat(run("release", "test", "--db", db, "--format", "csv").out()).isEqualTo(before);

    ReleaseCommandTest.Run noReason = run("load", data.toString(), "--db", db, "--as", "alice", "--password-file", alicePassword.toString());
    assertThat(noReason.code()).isEqualTo(2);
    assertThat(noReason.err()).contains("needs a reason");
    ReleaseCommandTest.Run restated = run("load", data.toString(), "--db", db, "--as", "alice", "--password-file",
        alicePassword.toString(), "--reason", "mining contractor invoice received after approval");
    assertThat(restated.code()).as(restated.err()).isZero();
    assertThat(restated.out()).contains("1 changed").contains("restated FY2024");

    String original = run("release", "test", "--db", db, "--format", "csv", "--figures", "original").out();
    String current = run("release", "test", "--db", db, "--format", "csv").out();
    assertThat(original).isEqualTo(before);
    assertThat(current).isNotEqualTo(before);

    ReleaseCommandTest.Run audit = run("audit", "test", "--db", db);
    assertThat(audit.code()).isZero();
    assertThat(audit.out()).contains("alice").contains("restate").contains("costs.csv:pit|FY2024|mining")
        .contains("20000 -> 21000").contains("mining contractor invoice received after approval")
        .contains("approve").contains("draft -> approved");
  }

  @Test
  void aBadDatasetIsNamedAndTheStoreStaysEmpty() throws IOException {
    Path data = copyOfMini();
    Path costs = data.resolve("costs.csv");
    Files.writeString(costs, Files.readString(costs).replace("pit,FY2024,milling,10000,USD", "pit,FY2024,milling,ten,USD"));
    ReleaseCommandTest.Run r = run("load", data.toString(), "--db", db);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("costs.csv, line 3, field 'value'").contains("nothing was loaded");
    ReleaseCommandTest.Run release = run("release", "test", "--db", db);
    assertThat(release.code()).isEqualTo(2);
    assertThat(release.err()).contains("holds none");
  }

  @Test
  void releaseOfAFolderLeavesTheDefaultStoreUntouchedUnlessAsked() throws Exception {
    // the default store of the tests is $OREBOOK_DB (surefire: an in-memory H2)
    long before;
    try (org.orebook.store.Store s = org.orebook.store.Store.open(org.orebook.store.Store.defaultUrl())) {
      before = s.auditSize(null);
    }
    ReleaseCommandTest.Run plain = run("release", copyOfMini().toString(), "--format", "csv");
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(plain.err()).doesNotContain("loaded");
    ReleaseCommandTest.Run xlsx = run("release", copyOfMini().toString(), "--format", "xlsx");
    assertThat(xlsx.code()).isEqualTo(2);
    ReleaseCommandTest.Run original = run("release", copyOfMini().toString(), "--figures", "original");
    assertThat(original.code()).isEqualTo(2);
    assertThat(original.err()).contains("needs the store");
    try (org.orebook.store.Store s = org.orebook.store.Store.open(org.orebook.store.Store.defaultUrl())) {
      assertThat(s.auditSize(null)).as("nothing written to the default store").isEqualTo(before);
    }
    // asked: --db names a store, --save the default one
    ReleaseCommandTest.Run saved = run("release", copyOfMini().toString(), "--db", db, "--format", "csv");
    assertThat(saved.code()).as(saved.err()).isZero();
    assertThat(saved.err()).contains("as company 'test', dataset FY2024");
    assertThat(saved.out()).isEqualTo(plain.out());
    ReleaseCommandTest.Run toDefault = run("release", copyOfMini().toString(), "--save", "--format", "csv");
    assertThat(toDefault.code()).as(toDefault.err()).isZero();
    assertThat(toDefault.out()).isEqualTo(plain.out());
    try (org.orebook.store.Store s = org.orebook.store.Store.open(org.orebook.store.Store.defaultUrl())) {
      assertThat(s.company("test")).isPresent();
    }
  }

  @Test
  void anInMemoryDatabaseWorksForOneCommand() throws Exception {
    ReleaseCommandTest.Run r = run("release", copyOfMini().toString(), "--db", "jdbc:h2:mem:x", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Ore grade milled");
  }

  @Test
  void accountsNeedARealRoleAndALongPassword() throws IOException {
    assertThat(run("user", "add", "carol", "--role", "admin", "--db", db, "--password-file", alicePassword.toString()).code()).isEqualTo(2);
    Path shortPw = Files.writeString(tmp.resolve("short.pw"), "short\n");
    ReleaseCommandTest.Run r = run("user", "add", "carol", "--role", "viewer", "--db", db, "--password-file", shortPw.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("at least 10 characters");
  }
}
