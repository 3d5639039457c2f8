package org.orebook.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.orebook.data.DatasetSource;
import org.orebook.store.Actor;
import org.orebook.store.Role;
import org.orebook.store.Store;

/**
 * One server for the web tests: an in-memory H2 store holding the bundled example, four users (two
 * approvers, a preparer, a viewer), the application on a free port of 127.0.0.1. Started on first
 * use and stopped when the test JVM ends; tests that change figures each use their own period or row.
 */
final class TestServer {
  static final Path EXAMPLE = Path.of("examples/hecla-2003");
  static final Path PUBLISHED = Path.of("examples/published/hecla-2003-ex99.txt");
  static final Map<String, String> PASSWORDS = Map.of(
      "alice", "alice approves things", "bob", "bob approves too", "carol", "carol prepares figures",
      "vic", "vic only reads");

  final Store store;
  final Javalin app;
  final String base;
  final String company;

  private static TestServer instance;

  private TestServer() throws Exception {
    store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    company = store.load(null, DatasetSource.folder(EXAMPLE), new Actor("loader", Role.PREPARER), null).companyId();
    store.addUser("alice", Role.APPROVER, PASSWORDS.get("alice").toCharArray());
    store.addUser("bob", Role.APPROVER, PASSWORDS.get("bob").toCharArray());
    store.addUser("carol", Role.PREPARER, PASSWORDS.get("carol").toCharArray());
    store.addUser("vic", Role.VIEWER, PASSWORDS.get("vic").toCharArray());
    app = WebServer.start(store, "127.0.0.1", 0, WebServer.Settings.defaults().withAccessLog(false));
    base = "http://127.0.0.1:" + app.port();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
  }

  static synchronized TestServer get() throws Exception {
    if (instance == null) {
      instance = new TestServer();
    }
    return instance;
  }
}
