package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetSource;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Period;
import org.orebook.release.Releases;

/**
 * What the store must do, whatever the database: the same tests run on embedded H2
 * ({@link H2StoreTest}) and on a real PostgreSQL server ({@link PostgresStoreTest}).
 */
abstract class StoreContract {
  static final Path EXAMPLE = Path.of("examples", "hecla-2003");
  static final Actor LOADER = new Actor("loader", Role.PREPARER);
  static final String MINING_FY = "la-camorra|FY2003|mining";
  static final FactKey LA_CAMORRA_MINING = FactKey.of(Entity.parse("unit:la-camorra"), "mining", new Period.Year(2003));

  @TempDir
  Path tmp;

  Store store;

  /** A fresh, empty, migrated store for each test. */
  abstract Store freshStore() throws Exception;

  /** Another client of the same database as {@link #freshStore()}'s (its own pool of connections). */
  abstract Store anotherClient() throws Exception;

  private final List<Store> opened = new java.util.ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    store = freshStore();
    opened.add(store);
  }

  @org.junit.jupiter.api.AfterEach
  void closeAll() {
    opened.forEach(Store::close);
  }

  Store client() throws Exception {
    Store s = anotherClient();
    opened.add(s);
    return s;
  }

  Path copyOfExample() throws IOException {
    Path copy = tmp.resolve("dataset-" + System.nanoTime());
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    return copy;
  }

  static void replaceInFile(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  String loadExample() throws Exception {
    return store.load(null, DatasetSource.folder(EXAMPLE), LOADER, null).companyId();
  }

  static long lineOf(Path file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError(prefix + " not in " + file);
  }

  BigDecimal mining(Version v) throws Exception {
    return Releases.produce(store.source("hecla", v), null).facts().find(LA_CAMORRA_MINING).orElseThrow().value();
  }

  @Test
  void loadsTheExampleAndProducesTheSameReleaseAsTheFolder() throws Exception {
    LoadResult r = store.load(null, DatasetSource.folder(EXAMPLE), LOADER, null);
    assertThat(r.companyId()).isEqualTo("hecla");
    long csvRows = 0;
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
        csvRows += Files.readAllLines(p).stream().skip(1).filter(l -> !l.isBlank() && !l.startsWith("#")).count();
      }
    }
    assertThat((long) r.added()).isEqualTo(csvRows);
    assertThat(store.companies()).extracting(CompanyInfo::id).containsExactly("hecla");

    String fromFolder = Releases.render(Releases.produce(EXAMPLE, null), "text");
    String fromStore = Releases.render(Releases.produce(store.source("hecla", Version.CURRENT), null), "text");
    assertThat(fromStore).isEqualTo(fromFolder);

    LoadResult again = store.load(null, DatasetSource.folder(EXAMPLE), LOADER, null);
    assertThat(again.unchanged()).isTrue();
    assertThat(store.audit("hecla", 100_000)).hasSize((int) csvRows);
  }

  @Test
  void reserveEstimatesAndMovementsRoundTrip() throws Exception {
    // estimates.csv (a period column, S-K 1300 categories, 100% basis rows) and reserve_changes.csv
    Path cordillera = Path.of("examples", "cordillera-2025");
    String id = store.load(null, DatasetSource.folder(cordillera), LOADER, null).companyId();
    for (Period p : List.of(new Period.Year(2025), new Period.Year(2024))) {
      String fromFolder = Releases.render(Releases.produce(cordillera, p), "text");
      String fromStore = Releases.render(Releases.produce(store.source(id, Version.CURRENT), p), "text");
      assertThat(fromStore).as(p.code()).isEqualTo(fromFolder).contains("MINERAL RESERVES AND RESOURCES");
    }
  }

  @Test
  void aBadRowIsNamedAndNothingIsWritten() throws Exception {
    Path copy = copyOfExample();
    replaceInFile(copy.resolve("costs.csv"), "la-camorra,FY2003,mining,7237758", "la-camorra,FY2003,mining,7,237,758");
    long line = lineOf(copy.resolve("costs.csv"), "la-camorra,FY2003,mining");
    assertThatThrownBy(() -> store.load(null, DatasetSource.folder(copy), LOADER, null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("costs.csv, line " + line);
    assertThat(store.companies()).isEmpty();
    assertThat(store.audit(null, 10)).isEmpty();
  }

  @Test
  void aLoadThatFailsHalfWayLeavesTheStoreAsItWas() throws Exception {
    loadExample();
    List<StoredRow> rowsBefore = store.rows("hecla", null);
    int auditBefore = store.audit(null, 100_000).size();
    // A changed mining cost (written early) and a 25,000-character note (written late, longer
    // than the column holds): the database refuses the note half-way through the transaction. The
    // dataset loader refuses such a note itself, so the note appears only after the dataset was
    // validated (the source reads reserve_notes.csv without it the first time).
    Path copy = copyOfExample();
    replaceInFile(copy.resolve("costs.csv"), "la-camorra,FY2003,mining,7237758", "la-camorra,FY2003,mining,7237759");
    Path valid = copyOfExample();
    replaceInFile(valid.resolve("costs.csv"), "la-camorra,FY2003,mining,7237758", "la-camorra,FY2003,mining,7237759");
    Files.writeString(copy.resolve("reserve_notes.csv"),
        "\nproven_probable,la-camorra,\"" + "x".repeat(25_000) + "\"\n", java.nio.file.StandardOpenOption.APPEND);
    java.util.concurrent.atomic.AtomicInteger notesRead = new java.util.concurrent.atomic.AtomicInteger();
    DatasetSource changing = new DatasetSource() {
      @Override
      public String describe() {
        return copy.toString();
      }

      @Override
      public java.util.Optional<SourceFile> read(String name, List<org.orebook.data.DataError> errors) {
        boolean first = name.equals("reserve_notes.csv") && notesRead.getAndIncrement() == 0;
        return DatasetSource.folder(first ? valid : copy).read(name, errors);
      }
    };
    assertThatThrownBy(() -> store.load(null, changing, LOADER, null))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.FAILED));
    assertThat(store.rows("hecla", null)).isEqualTo(rowsBefore);
    assertThat(store.audit(null, 100_000)).hasSize(auditBefore);
    assertThat(mining(Version.CURRENT)).isEqualByComparingTo("7237758");
  }

  @Test
  void anApprovedPeriodRejectsEditsAndARestatementKeepsBothVersions() throws Exception {
    loadExample();
    User approver = store.addUser("alice", Role.APPROVER, "correct horse battery".toCharArray());
    store.approve("hecla", "FY2003", approver.actor());
    assertThat(store.periods("hecla")).filteredOn(p -> p.period().equals("FY2003"))
        .singleElement().satisfies(p -> {
          assertThat(p.status()).isEqualTo("approved");
          assertThat(p.approvedBy()).isEqualTo("alice");
        });

    assertThatThrownBy(() -> store.edit("hecla", "costs.csv", MINING_FY, "value", "7300000", LOADER, "late invoice"))
        .isInstanceOf(StoreException.class).hasMessageContaining("approved")
        .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.FORBIDDEN));
    assertThatThrownBy(() -> store.edit("hecla", "costs.csv", MINING_FY, "value", "7300000", approver.actor(), " "))
        .isInstanceOf(StoreException.class).hasMessageContaining("reason");
    // reloading a changed folder is refused the same way, and writes nothing
    Path copy = copyOfExample();
    replaceInFile(copy.resolve("costs.csv"), "la-camorra,FY2003,mining,7237758", "la-camorra,FY2003,mining,7300000");
    assertThatThrownBy(() -> store.load(null, DatasetSource.folder(copy), LOADER, null)).isInstanceOf(StoreException.class);
    assertThat(mining(Version.CURRENT)).isEqualByComparingTo("7237758");

    // the late invoice is unpaid: the cash flow statement's change in payables takes the same 62,242,
    // so the cash flow statement still ends at the balance sheet's cash (the engine refuses it otherwise)
    store.edit("hecla", "statement_values.csv", "cash_flows|accounts_payable|FY2003", "value", "2216242", approver.actor(),
        "late invoice from the contractor, unpaid at year end");
    long change = store.edit("hecla", "costs.csv", MINING_FY, "value", "7300000", approver.actor(), "late invoice from the contractor");
    assertThat(mining(Version.CURRENT)).isEqualByComparingTo("7300000");
    assertThat(mining(Version.ORIGINAL)).isEqualByComparingTo("7237758");
    assertThat(store.periods("hecla")).filteredOn(p -> p.period().equals("FY2003"))
        .singleElement().extracting(PeriodState::status).isEqualTo("restated");
    assertThat(store.audit("hecla", 5)).first().satisfies(a -> {
      assertThat(a.changeId()).isEqualTo(change);
      assertThat(a.actor()).isEqualTo("alice");
      assertThat(a.kind()).isEqualTo("restate");
      assertThat(a.reason()).isEqualTo("late invoice from the contractor");
      assertThat(a.rowKey()).isEqualTo(MINING_FY);
      assertThat(a.field()).isEqualTo("value");
      assertThat(a.before()).isEqualTo("7237758");
      assertThat(a.after()).isEqualTo("7300000");
    });
    // a draft period is edited freely by a preparer, without a reason
    store.edit("hecla", "costs.csv", "la-camorra|Q4 2003|mining", "value", "2005385", LOADER, null);
    assertThat(store.audit("hecla", 1)).first().extracting(AuditEntry::kind).isEqualTo("edit");
  }

  @Test
  void anApproverCannotApproveTheirOwnChange() throws Exception {
    loadExample();
    User alice = store.addUser("alice", Role.APPROVER, "correct horse battery".toCharArray());
    User bob = store.addUser("bob", Role.APPROVER, "tr0ub4dor&3 staple".toCharArray());
    User carol = store.addUser("carol", Role.PREPARER, "another long passphrase".toCharArray());
    store.edit("hecla", "costs.csv", "la-camorra|Q4 2003|mining", "value", "2005385", alice.actor(), "typo");
    assertThatThrownBy(() -> store.approve("hecla", "Q4 2003", alice.actor()))
        .isInstanceOf(StoreException.class).hasMessageContaining("own changes")
        .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.FORBIDDEN));
    assertThatThrownBy(() -> store.approve("hecla", "Q4 2003", carol.actor()))
        .isInstanceOf(StoreException.class).hasMessageContaining("only an approver");
    store.approve("hecla", "Q4 2003", bob.actor());
    assertThatThrownBy(() -> store.approve("hecla", "Q4 2003", bob.actor()))
        .isInstanceOf(StoreException.class).hasMessageContaining("already approved");
  }

  @Test
  void anEditThatBreaksTheDatasetIsRefusedWithItsLocation() throws Exception {
    loadExample();
    assertThatThrownBy(() -> store.edit("hecla", "costs.csv", MINING_FY, "value", "seven", LOADER, null))
        .isInstanceOf(StoreException.class).hasMessageContaining("costs.csv, line ")
        .hasMessageContaining("field 'value'");
    assertThat(mining(Version.CURRENT)).isEqualByComparingTo("7237758");
  }

  @Test
  void passwordsAreHashedAndChecked() throws Exception {
    store.addUser("alice", Role.VIEWER, "correct horse battery".toCharArray());
    assertThat(store.authenticate("alice", "correct horse battery".toCharArray())).map(User::role).contains(Role.VIEWER);
    assertThat(store.authenticate("alice", "correct horse batterx".toCharArray())).isEmpty();
    assertThat(store.authenticate("nobody", "correct horse battery".toCharArray())).isEmpty();
    assertThatThrownBy(() -> store.addUser("alice", Role.APPROVER, "something else long".toCharArray()))
        .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> store.addUser("x'; DROP TABLE app_user; --", Role.APPROVER, "something else long".toCharArray()))
        .isInstanceOf(StoreException.class);
    assertThat(store.users()).extracting(User::name).containsExactly("alice");
  }

  @Test
  void datasetsOfDifferentPeriodsLiveSideBySide() throws Exception {
    loadExample();
    String annual = Releases.render(Releases.produce(store.source("hecla", "FY2003", Version.CURRENT), null), "text");
    // the fourth quarter as a dataset of its own, one of its figures different from the annual's
    Path quarter = copyOfExample();
    replaceInFile(quarter.resolve("company.csv"), "period,FY2003", "period,Q4 2003");
    replaceInFile(quarter.resolve("costs.csv"), "la-camorra,Q4 2003,mining,2005384", "la-camorra,Q4 2003,mining,2005385");
    LoadResult q = store.load(null, DatasetSource.folder(quarter), LOADER, null);
    assertThat(q.dataset()).isEqualTo("Q4 2003");
    assertThat(q.removed()).as("the annual dataset's rows stay").isZero();
    assertThat(store.datasets("hecla")).containsExactlyInAnyOrder("FY2003", "Q4 2003");

    assertThat(Releases.render(Releases.produce(store.source("hecla", "FY2003", Version.CURRENT), null), "text"))
        .isEqualTo(annual).isEqualTo(Releases.render(Releases.produce(EXAMPLE, null), "text"));
    assertThat(Releases.render(Releases.produce(store.source("hecla", "Q4 2003", Version.CURRENT), null), "text"))
        .isEqualTo(Releases.render(Releases.produce(quarter, null), "text"));
    assertThat(store.rows("hecla", "FY2003", "costs.csv")).filteredOn(r -> r.key().equals("la-camorra|Q4 2003|mining"))
        .singleElement().satisfies(r -> assertThat(r.fields().get("value")).isEqualTo("2005384"));
    assertThat(store.rows("hecla", "Q4 2003", "costs.csv")).filteredOn(r -> r.key().equals("la-camorra|Q4 2003|mining"))
        .singleElement().satisfies(r -> assertThat(r.fields().get("value")).isEqualTo("2005385"));
    // loading the annual folder again changes nothing: it is still there, whole
    assertThat(store.load(null, DatasetSource.folder(EXAMPLE), LOADER, null).unchanged()).isTrue();
    assertThat(store.datasetFor("hecla", "FY2003")).isEqualTo("FY2003");
    assertThat(store.datasetFor("hecla", "Q4 2003")).isEqualTo("Q4 2003");
  }

  @Test
  void fourConcurrentLoadsAllLandOneAfterAnother() throws Exception {
    int n = 4;
    List<Path> folders = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Path copy = copyOfExample();
      // a unit's name: each load a different version of one field that no figure depends on
      replaceInFile(copy.resolve("units.csv"), "la-camorra,La Camorra,", "la-camorra,La Camorra " + i + ",");
      folders.add(copy);
    }
    List<Store> clients = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      clients.add(client());
    }
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    List<java.util.concurrent.Future<LoadResult>> results = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Store client = clients.get(i);
        Path folder = folders.get(i);
        results.add(pool.submit(() -> {
          start.await();
          return client.load(null, DatasetSource.folder(folder), LOADER, null);
        }));
      }
      List<Long> changes = new java.util.ArrayList<>();
      for (var f : results) {
        changes.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS).changeId());
      }
      assertThat(changes).as("every load lands, each as its own change").doesNotContain(0L).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
    // one after another: the first added every row, each later one changed the one figure it differs in
    List<AuditEntry> audit = store.audit("hecla", 100_000);
    assertThat(audit.stream().map(AuditEntry::changeId).distinct()).hasSize(n);
    long rowsAdded = audit.stream().filter(a -> "(row added)".equals(a.field())).count();
    assertThat(audit).hasSize((int) rowsAdded + n - 1);
    AuditEntry newest = audit.get(0);
    assertThat(newest.rowKey()).isEqualTo("la-camorra");
    assertThat(newest.field()).isEqualTo("name");
    assertThat(store.rows("hecla", "units.csv")).filteredOn(r -> r.key().equals("la-camorra")).singleElement()
        .satisfies(r -> assertThat(r.fields().get("name")).isEqualTo(newest.after()));
    assertThat(store.rows("hecla", null)).hasSize((int) rowsAdded);
  }

  @Test
  void anUnknownNameCostsOnePasswordVerificationAsAKnownNameDoes() throws Exception {
    store.addUser("alice", Role.VIEWER, "correct horse battery".toCharArray());
    long before = Passwords.verifications();
    assertThat(store.authenticate("nobody", "correct horse battery".toCharArray())).isEmpty();
    assertThat(Passwords.verifications() - before).isEqualTo(1);
    assertThat(store.authenticate("alice", "wrong horse battery".toCharArray())).isEmpty();
    assertThat(Passwords.verifications() - before).isEqualTo(2);
  }

  @Test
  void aViewerCannotLoad() throws Exception {
    assertThatThrownBy(() -> store.load(null, DatasetSource.folder(EXAMPLE), new Actor("v", Role.VIEWER), null))
        .isInstanceOf(StoreException.class).hasMessageContaining("viewer");
    assertThat(store.companies()).isEmpty();
  }
}
