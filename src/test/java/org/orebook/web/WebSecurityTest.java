package org.orebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orebook.store.Role;
import org.orebook.store.Store;

/**
 * The server's defences, each test on a server and store of its own (the throttle counts per
 * address, and every test client is 127.0.0.1): login throttling for the form and HTTP Basic, the
 * security headers on the answers Jetty gives itself, the Host check, the Secure cookie, the logs.
 */
class WebSecurityTest {
  static final String PASSWORD = "alice approves things";
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  Store store;
  Javalin app;
  String base;

  void start(WebServer.Settings settings) throws Exception {
    store = Store.open("jdbc:h2:mem:" + UUID.randomUUID());
    store.addUser("alice", Role.APPROVER, PASSWORD.toCharArray());
    app = WebServer.start(store, "127.0.0.1", 0, settings);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  /** A sign-in through the form, with the login page's session and token: the status. */
  HttpResponse<String> signIn(String user, String password, Map<String, String> headers) throws Exception {
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(m.find()).isTrue();
    String body = Map.of("username", user, "password", password, "_csrf", m.group(1)).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  int basic(String user, String password) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/companies")).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void repeatedWrongPasswordsCloseTheAccountEvenToTheRightOne() throws Exception {
    start(WebServer.Settings.defaults());
    for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT; i++) {
      assertThat(signIn("alice", "guess " + i, Map.of()).statusCode()).isEqualTo(401);
    }
    assertThat(signIn("alice", "one guess too many", Map.of()).statusCode()).isEqualTo(401);
    HttpResponse<String> closed = signIn("alice", PASSWORD, Map.of());
    assertThat(closed.statusCode()).as("the right password, too soon").isEqualTo(429);
    assertThat(closed.headers().firstValue("Retry-After")).isPresent();
    assertThat(closed.body()).contains("Too many failed sign-ins");
    assertThat(basic("alice", PASSWORD)).as("HTTP Basic counts the same account").isEqualTo(429);
    // the back-off ends: the first pause is a second
    Thread.sleep(1_100);
    assertThat(signIn("alice", PASSWORD, Map.of()).statusCode()).isEqualTo(303);
  }

  @Test
  void manyFailuresFromOneAddressCloseItWhateverTheNames() throws Exception {
    start(WebServer.Settings.defaults());
    for (int i = 0; i <= LoginThrottle.FREE_PER_ADDRESS; i++) {
      assertThat(basic("nobody-" + i, "whatever")).isEqualTo(401);
    }
    assertThat(basic("alice", PASSWORD)).as("a good account from the closed address").isEqualTo(429);
  }

  @Test
  void failedSignInsAreLoggedWithoutThePassword() throws Exception {
    start(WebServer.Settings.defaults());
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      signIn("mallory", "hunter2-secret", Map.of());
      HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding());
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("failed sign-in for 'mallory' from 127.0.0.1").contains("GET /health 200")
        .doesNotContain("hunter2-secret");
  }

  /** A raw request, for what an HTTP client refuses to send (a malformed path, a foreign Host). */
  String raw(String requestLine, String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(5_000);
      OutputStream o = s.getOutputStream();
      o.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void jettysOwnErrorsAndRefusedHostsCarryTheSecurityHeaders() throws Exception {
    start(WebServer.Settings.defaults());
    String local = "127.0.0.1:" + app.port();
    for (String[] request : List.of(new String[] {"GET /%zz HTTP/1.1", local, "400"},
        new String[] {"GET /no/such/page HTTP/1.1", local, "302"},
        new String[] {"GET /health HTTP/1.1", "evil.example", "400"},
        new String[] {"GET /health HTTP/1.1", "evil.example:" + app.port(), "400"},
        new String[] {"GET /health HTTP/1.1", "localhost:" + app.port(), "200"})) {
      String answer = raw(request[0], request[1]);
      assertThat(answer).as(request[0] + " Host: " + request[1]).startsWith("HTTP/1.1 " + request[2])
          .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("X-Frame-Options: DENY")
          .containsIgnoringCase("Content-Security-Policy: default-src 'none'");
    }
    assertThat(raw("GET /health HTTP/1.1", "evil.example")).contains("does not answer to the host name").contains("evil.example");
  }

  @Test
  void theSessionCookieIsSecureWhenTheServerIsBehindTls() throws Exception {
    start(WebServer.Settings.defaults());
    assertThat(loginCookie(Map.of())).doesNotContainIgnoringCase("Secure");
    assertThat(loginCookie(Map.of("X-Forwarded-Proto", "https"))).containsIgnoringCase("Secure");
    stop();
    start(new WebServer.Settings(true, List.of(), false));
    assertThat(loginCookie(Map.of())).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
  }

  String loginCookie(Map<String, String> headers) throws Exception {
    HttpResponse<String> r = signIn("alice", PASSWORD, headers);
    assertThat(r.statusCode()).isEqualTo(303);
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst()
        .orElseThrow();
  }
}
