package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;

class DatabaseTest {
  @Test
  void failuresThatPassAreToldFromFailuresForGood() {
    assertThat(Database.transientFailure(new SQLException("lock timeout", "HYT00", 50200))).isTrue();
    assertThat(Database.transientFailure(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(Database.transientFailure(new SQLException("serialisation", "40001"))).isTrue();
    assertThat(Database.transientFailure(new SQLException("connection refused", "08001"))).isTrue();
    assertThat(Database.transientFailure(new SQLException("Lock file recently modified", "HY000", 8000))).isTrue();
    assertThat(Database.transientFailure(new SQLException("Database not found", "HY000", 8000))).isFalse();
    assertThat(Database.transientFailure(new SQLException("IO: java.io.EOFException", "HY000", 90028))).isTrue();
    assertThat(Database.transientFailure(new SQLException("IO: disk full", "HY000", 90028))).isFalse();
    assertThat(Database.transientFailure(new SQLException("value too long", "22001"))).isFalse();
    assertThat(Database.transientFailure(new SQLException("wrong password", "28P01"))).isFalse();
    assertThat(Database.transientFailure(new IllegalStateException("no SQL in it"))).isFalse();
  }

  @Test
  void theInnermostSqlFailureDecides() {
    // a pool's "no connection available" (transient by its type) around a wrong password: for good
    SQLException pool = new SQLTransientConnectionException("no connection available", "08000",
        new SQLException("wrong password", "28P01"));
    assertThat(Database.transientFailure(pool)).isFalse();
    // a failure for good around a lost connection: it passes
    SQLException wrapped = new SQLException("migration failed", "XX000", new SQLException("connection lost", "08006"));
    assertThat(Database.transientFailure(new RuntimeException(wrapped))).isTrue();
  }

  @Test
  void anUnsupportedUrlIsRefusedBeforeAnythingIsOpened() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x", null, null, Store.Settings.defaults()))
        .isInstanceOf(StoreException.class).hasMessageContaining("unsupported database URL")
        .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID);
  }

  @Test
  void aPasswordInTheUrlIsRedacted() {
    assertThat(Database.redacted("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
  }

  @Test
  void aFailureThatPassesIsTriedAgainUntilTheWaitThenBusyAndTheWaiterIsToldOnce() throws Exception {
    List<String> told = new ArrayList<>();
    AtomicInteger tries = new AtomicInteger();
    try (Database db = TestDatabase.open(Store.Settings.defaults().withWait(Duration.ofSeconds(3)).withOnWait(told::add))) {
      assertThatThrownBy(() -> db.inTransaction(true, c -> {
        tries.incrementAndGet();
        throw new SQLException("Timeout trying to lock table", "HYT00", 50200);
      })).isInstanceOf(StoreException.class)
          .hasMessageStartingWith("the store is busy: another load or change held it for ")
          .hasMessageContaining("nothing was written")
          .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.BUSY);
      assertThat(tries.get()).isGreaterThan(2);
      assertThat(told).containsExactly("the store is busy with another change; waiting up to 3 s");
    }
  }

  @Test
  void aFailureForGoodIsNotTriedAgainAndRollsTheTransactionBack() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    try (Database db = TestDatabase.open()) {
      assertThatThrownBy(() -> db.inTransaction(true, c -> {
        tries.incrementAndGet();
        Sql.update(c, "INSERT INTO app_user (name, user_role, password_hash, created_at) VALUES (?, ?, ?, ?)",
            "someone", "viewer", "x", Sql.now());
        throw new SQLException("value too long", "22001");
      })).isInstanceOf(StoreException.class).hasMessageContaining("database error, nothing was written: value too long")
          .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.FAILED);
      assertThat(tries.get()).isEqualTo(1);
      assertThat(db.query("SELECT COUNT(*) FROM app_user", List.of(), rs -> rs.getLong(1))).containsExactly(0L);
    }
  }

  @Test
  void invalidDataIsInvalidWithItsLocatedErrors() throws Exception {
    DataError error = new DataError("costs.csv", 7, "value", "not a number");
    try (Database db = TestDatabase.open()) {
      assertThatThrownBy(() -> db.inTransaction(true, c -> {
        throw new DatasetException(List.of(error));
      })).isInstanceOfSatisfying(StoreException.class, e -> {
        assertThat(e.kind()).isEqualTo(StoreException.Kind.INVALID);
        assertThat(e.errors()).containsExactly(error);
      });
    }
  }

  @Test
  void anOpenDatabaseIsMigratedAndAnswers() throws Exception {
    Database db = TestDatabase.open();
    assertThat(db.reachable()).isTrue();
    assertThat(db.query("SELECT COUNT(*) FROM store_lock", List.of(), rs -> rs.getLong(1))).containsExactly(1L);
    db.close();
    assertThat(db.reachable()).isFalse();
  }
}
