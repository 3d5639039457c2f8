package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orebook.store.Role;
import org.orebook.store.Store;

/** {@code orebook serve}: first start on an empty database, and a real server answering /health. */
class ServeCommandTest {
  @Test
  void anEmptyDatabaseGetsTheBundledExampleOnceAndAHintForTheFirstAccount() throws Exception {
    Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StringWriter first = new StringWriter();
    ServeCommand.firstStart(store, new PrintWriter(first, true));
    assertThat(first.toString()).contains("loaded the bundled example as company 'hecla'")
        .contains("./orebook user add NAME --role approver");
    assertThat(store.companies()).extracting(c -> c.id()).containsExactly("hecla");
    int changes = store.audit("hecla", 100_000).size();

    store.addUser("alice", Role.APPROVER, "a long enough passphrase".toCharArray());
    StringWriter second = new StringWriter();
    ServeCommand.firstStart(store, new PrintWriter(second, true));
    assertThat(second.toString()).isEmpty();
    assertThat(store.audit("hecla", 100_000)).hasSize(changes);
  }

  @Test
  void servesOnLoopbackAndAnswersHealth() throws Exception {
    String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> server = CompletableFuture.supplyAsync(
        () -> Main.execute(new String[] {"serve", "--port", "0", "--db", db}, ps, ps));
    Pattern url = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");
    Matcher m = url.matcher("");
    long deadline = System.nanoTime() + org.orebook.HangGuard.WALL.toNanos(); // a hang guard: a loaded machine starts slowly
    while (System.nanoTime() < deadline && !(m = url.matcher(out.toString(StandardCharsets.UTF_8))).find()) {
      assertThat(server).as("server exited: %s", out).isNotDone();
      Thread.sleep(50);
    }
    assertThat(m.find(0)).as("no 'serving' line in: %s", out).isTrue();
    try {
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(m.group(1) + "health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("loaded the bundled example");
    } finally {
      while (ServeCommand.stop == null) {
        Thread.sleep(10);
      }
      ServeCommand.stop.countDown();
    }
    assertThat(server.get(org.orebook.HangGuard.WALL.toSeconds(), TimeUnit.SECONDS)).isZero();
  }

  @Test
  void anAddressBeyondLoopbackIsWarnedAbout() {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes first, then the bind fails
    CliRun r = CliRun.of("serve", "--port", "0", "--host", "192.0.2.1", "--db", "jdbc:h2:mem:" + UUID.randomUUID());
    assertThat(r.err()).contains("warning: listening on 192.0.2.1 serves plain HTTP beyond this machine")
        .contains("--secure-cookies").contains("--allowed-host");
    assertThat(r.code()).isEqualTo(1);
    assertThat(org.orebook.web.WebServer.isLoopback("127.0.0.1")).isTrue();
    assertThat(org.orebook.web.WebServer.isLoopback("localhost")).isTrue();
    assertThat(org.orebook.web.WebServer.isLoopback("[::1]")).isTrue();
    assertThat(org.orebook.web.WebServer.isLoopback("0.0.0.0")).isFalse();
  }
}
