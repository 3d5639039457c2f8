package org.orebook.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetSource;
import org.orebook.store.Actor;
import org.orebook.store.LoadResult;
import org.orebook.store.Role;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orebook serve}: the web app and REST API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the web app and REST API over the store (127.0.0.1 only unless --host says otherwise). "
        + "An empty database gets the bundled example on first start.")
final class ServeCommand implements Callable<Integer> {
  /** The example packaged in the jar, loaded into an empty database on first start. */
  static final String BUNDLED = "examples/hecla-2003";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  StoreOptions store = new StoreOptions();

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080; 0 picks a free one)")
  int port = 8080;

  @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (default 127.0.0.1); any other"
      + " address serves plain HTTP beyond this machine: put a TLS proxy in front")
  String host = "127.0.0.1";

  @Option(names = "--secure-cookies", description = "the server is reached over HTTPS through a TLS-terminating proxy:"
      + " mark the session cookie Secure (it is anyway on a request that came over HTTPS)")
  boolean secureCookies;

  @Option(names = "--allowed-host", paramLabel = "NAME", description = "a host name the browsers use to reach the server"
      + " (repeatable; the loopback names and --host are always allowed): requests naming any other host are refused")
  List<String> allowedHosts = new ArrayList<>();

  @Option(names = "--no-access-log", negatable = false, description = "do not log one line per request on stderr")
  boolean noAccessLog;

  /** Counted down to stop a running server (tests); Ctrl-C stops it otherwise. */
  static volatile CountDownLatch stop;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("orebook: --port " + port + " is not a TCP port (0 to 65535; 0 picks a free one)");
      return Main.BAD_INPUT;
    }
    if (port != 0) { // said in one line here, before the server would log its failure to start
      try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName(host))) {
        probe.setReuseAddress(true);
      } catch (java.io.IOException e) {
        err.println("orebook: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        return Main.BAD_INPUT;
      }
    }
    Store s;
    try {
      // a web request waits 15 s for a busy store, unless --wait says otherwise
      if (!spec.commandLine().getParseResult().hasMatchedOption("--wait")) {
        store.waitSeconds = 15;
      }
      s = store.open();
      firstStart(s, out);
    } catch (StoreException e) {
      StoreOptions.report(err, e);
      return StoreOptions.exitCode(e);
    } catch (DatasetException e) {
      err.println("orebook: the bundled example does not load: " + e.getMessage());
      return 1;
    }
    if (!WebServer.isLoopback(host)) {
      err.println("orebook: warning: listening on " + host + " serves plain HTTP beyond this machine: passwords and"
          + " session cookies cross the network unencrypted. Put a TLS-terminating proxy in front (and pass"
          + " --secure-cookies), and name the host the browsers use with --allowed-host.");
      err.flush();
    }
    Javalin app;
    try {
      app = WebServer.start(s, host, port, new WebServer.Settings(secureCookies, allowedHosts, !noAccessLog));
    } catch (RuntimeException e) {
      err.println("orebook: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 1;
    }
    out.println("Orebook is serving http://" + host + ":" + app.port() + "/  (store: " + s.url() + "; Ctrl-C stops it)");
    out.flush();
    CountDownLatch latch = new CountDownLatch(1);
    stop = latch;
    Runtime.getRuntime().addShutdownHook(new Thread(latch::countDown));
    latch.await();
    app.stop();
    s.close();
    return 0;
  }

  /**
   * On an empty database, loads the bundled example; with no accounts, says how to create the
   * first one.
   */
  static void firstStart(Store s, PrintWriter out) throws StoreException, DatasetException {
    if (s.companies().isEmpty()) {
      LoadResult r = s.load(null, DatasetSource.resources(BUNDLED), new Actor("orebook", Role.PREPARER),
          "first start: bundled example");
      out.println("Empty database: loaded the bundled example as company '" + r.companyId() + "' (" + r.added() + " rows).");
    }
    if (s.users().isEmpty()) {
      out.println("No accounts yet. Create the first one (the password is read from the console or $OREBOOK_PASSWORD):");
      out.println("  ./orebook user add NAME --role approver" + (s.url().equals(Store.redacted(Store.defaultUrl())) ? "" : " --db '" + s.url() + "'"));
    }
  }
}
