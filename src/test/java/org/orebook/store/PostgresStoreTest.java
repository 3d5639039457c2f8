package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The store contract on a real PostgreSQL server. {@code .ci/run} installs and starts one and
 * creates the role and database; the URL comes from {@code OREBOOK_TEST_PG} or defaults to that
 * setup. Each test gets its own schema. Set {@code OREBOOK_SKIP_POSTGRES=1} to skip on a machine
 * without PostgreSQL (CI never sets it).
 */
class PostgresStoreTest extends StoreContract {
  static final String URL = System.getenv().getOrDefault("OREBOOK_TEST_PG",
      "jdbc:postgresql://127.0.0.1:5432/orebook_test");
  static final String USER = System.getenv().getOrDefault("OREBOOK_TEST_PG_USER", "orebook");
  static final String PASSWORD = System.getenv().getOrDefault("OREBOOK_TEST_PG_PASSWORD", "orebook");

  @Override
  Store freshStore() throws Exception {
    Assumptions.assumeFalse("1".equals(System.getenv("OREBOOK_SKIP_POSTGRES")), "OREBOOK_SKIP_POSTGRES=1");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL is not reachable at " + URL + " as " + USER
          + " (.ci/run installs and starts it; or set OREBOOK_SKIP_POSTGRES=1): " + e.getMessage(), e);
    }
    url = URL + "?currentSchema=" + schema;
    Store store = Store.open(url, USER, PASSWORD);
    assertThat(store.reachable()).isTrue();
    return store;
  }

  private String url;

  @Override
  Store anotherClient() throws Exception {
    return Store.open(url, USER, PASSWORD);
  }
}
