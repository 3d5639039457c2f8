package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.store.AuditEntry;
import org.orebook.store.Role;
import org.orebook.store.Store;
import org.orebook.web.WebServer;

/**
 * One H2 file store shared by several processes, as a team uses it: {@code orebook load} run in
 * separate JVMs at the same time (each process may be the one holding the file, and hands it over
 * when it ends), and loads from the command line while a server answers requests on the same file.
 * Every load lands, one after another; the server never answers 500.
 */
class SharedStoreTest {
  static final Path EXAMPLE = Path.of("examples", "hecla-2003");

  @TempDir
  Path tmp;

  Path variant(int i) throws IOException {
    Path copy = tmp.resolve("hecla-" + i);
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    // a unit's name: each load a different version of one field that no figure depends on
    Path units = copy.resolve("units.csv");
    String text = Files.readString(units);
    assertThat(text).contains("la-camorra,La Camorra,");
    Files.writeString(units, text.replace("la-camorra,La Camorra,", "la-camorra,La Camorra " + i + ","));
    return copy;
  }

  /** {@code orebook ARGS} in a JVM of its own. */
  static Process fork(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
        Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("OREBOOK_DB");
    return pb.start();
  }

  static void allLoad(List<Process> processes, List<Path> logs) throws Exception {
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("load %d ends", i).isTrue();
      String log = Files.readString(logs.get(i));
      assertThat(p.exitValue()).as("load %d: %s", i, log).isZero();
      assertThat(log).as("load %d", i).contains("loaded ");
    }
  }

  @Test
  void concurrentLoadsFromSeveralProcessesAllLandAndAServerKeepsAnswering() throws Exception {
    String url = "jdbc:h2:file:" + tmp.resolve("store").resolve("orebook") + ";AUTO_SERVER=TRUE";

    // four processes at once on a new file: each may be the one holding it, and hands it on when it ends
    List<Process> loads = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Path log = tmp.resolve("load-" + i + ".log");
      logs.add(log);
      loads.add(fork(log, "load", variant(i).toString(), "--db", url, "--wait", "150"));
    }
    allLoad(loads, logs);
    try (Store s = Store.open(url)) {
      List<AuditEntry> audit = s.audit("hecla", 100_000);
      assertThat(audit.stream().map(AuditEntry::changeId).distinct()).as("four loads, four changes").hasSize(4);
      long added = audit.stream().filter(a -> "(row added)".equals(a.field())).count();
      assertThat(audit).as("the first added every row, each later one changed one figure").hasSize((int) added + 3);
    }

    // a server on the same file, answering while two more processes load
    try (Store s = Store.open(url)) {
      s.addUser("vic", Role.VIEWER, "vic only reads".toCharArray());
      Javalin app = WebServer.start(s, "127.0.0.1", 0, WebServer.Settings.defaults().withAccessLog(false));
      try {
        String base = "http://127.0.0.1:" + app.port();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("vic:vic only reads".getBytes(StandardCharsets.UTF_8));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread client = Thread.ofPlatform().start(() -> {
          int i = 0;
          while (running.get()) {
            String path = (i++ % 2 == 0) ? "/health" : "/api/companies/hecla/release?format=json";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (path.startsWith("/api")) {
              b.header("Authorization", basic);
            }
            try {
              int code = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
              statuses.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
            } catch (IOException e) {
              statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
              return;
            }
          }
        });
        List<Process> more = new ArrayList<>();
        List<Path> moreLogs = new ArrayList<>();
        for (int i = 5; i <= 6; i++) {
          Path log = tmp.resolve("load-" + i + ".log");
          moreLogs.add(log);
          more.add(fork(log, "load", variant(i).toString(), "--db", url, "--wait", "150"));
        }
        allLoad(more, moreLogs);
        running.set(false);
        client.join(60_000);
        Map<Integer, Integer> seen = new TreeMap<>();
        statuses.forEach((k, v) -> seen.put(k, v.get()));
        assertThat(seen).as("the server's answers while the loads ran").containsOnlyKeys(200);
        assertThat(s.audit("hecla", 100_000).stream().map(AuditEntry::changeId).distinct()).hasSize(6);
      } finally {
        app.stop();
      }
    }
  }
}
