package org.orebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orebook.check.Check;
import org.orebook.check.Report;
import org.orebook.store.AuditEntry;
import org.orebook.store.PeriodState;
import org.orebook.store.Store;
import org.orebook.store.StoredRow;

/**
 * The web server end to end over HTTP ({@link TestServer}: an in-memory H2 store holding the bundled
 * example). Each test that changes figures works on its own period or row, so the tests do not
 * depend on their order; the expected values come from the example's files, the store and the
 * checker, never from the server's code.
 */
class WebServerTest {
  static final Path EXAMPLE = TestServer.EXAMPLE;
  static final Path PUBLISHED = TestServer.PUBLISHED;
  static final Map<String, String> PASSWORDS = TestServer.PASSWORDS;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  static Store store;
  static Javalin app;
  static String base;
  static String company;

  @BeforeAll
  static void start() throws Exception {
    TestServer server = TestServer.get();
    store = server.store;
    app = server.app;
    base = server.base;
    company = server.company;
  }

  // ---------------------------------------------------------------- a browser-like client

  /** A client keeping one session cookie, as a browser would. */
  static final class Client {
    String cookie;
    String csrf;

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      remember(r);
      return r;
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
      return post(path, form, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
        throws IOException, InterruptedException {
      String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(b::header);
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      remember(r);
      return r;
    }

    /** The form fields of a write with this session's token. */
    Map<String, String> withToken(Map<String, String> fields) {
      Map<String, String> m = new LinkedHashMap<>(fields);
      m.put("_csrf", csrf);
      return m;
    }

    private void remember(HttpResponse<String> r) {
      for (String c : r.headers().allValues("Set-Cookie")) {
        String pair = c.split(";", 2)[0];
        if (pair.startsWith(Sessions.COOKIE + "=")) {
          cookie = pair.endsWith("=") ? null : pair;
        }
      }
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body() == null ? "" : r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
    }
  }

  private static final Map<String, Client> SIGNED_IN = new java.util.concurrent.ConcurrentHashMap<>();
  private static JsonNode expectedCheck;

  /** A session of the user, signed in once for the class (sessions do not depend on the data). */
  static Client signedIn(String user) throws Exception {
    Client c = SIGNED_IN.get(user);
    if (c == null) {
      c = signIn(user);
      SIGNED_IN.put(user, c);
    }
    return c;
  }

  /** The checker's own report on the published release, to compare the server's answers with. */
  static synchronized JsonNode expectedCheck() throws Exception {
    if (expectedCheck == null) {
      expectedCheck = JSON.readTree(Report.json(Check.file(PUBLISHED)));
    }
    return expectedCheck;
  }

  static Client signIn(String user) throws Exception {
    Client c = new Client();
    c.get("/login");
    HttpResponse<String> r = c.post("/login", c.withToken(Map.of("username", user, "password", PASSWORDS.get(user),
        "next", "/check")));
    assertThat(r.statusCode()).isEqualTo(303);
    c.get("/check"); // a page with a form: its token
    return c;
  }

  /** An attribute value as the browser reads it (the templates escape '&', '=' and quotes). */
  static String unescape(String attribute) {
    return attribute.replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'").replace("&#96;", "`")
        .replace("&amp;", "&");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORDS.get(user)).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> api(String method, String path, String user, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("Authorization", basic(user));
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static long newestChange() throws Exception {
    List<AuditEntry> a = store.audit(company, 1);
    return a.isEmpty() ? 0 : a.get(0).changeId();
  }

  static String status(String period) throws Exception {
    return store.periods(company).stream().filter(p -> p.period().equals(period)).map(PeriodState::status)
        .findFirst().orElseThrow();
  }

  /** The first stored costs row of a period: its key and numeric value come from the example. */
  /**
   * A cost row of the period whose change moves no statement (capital additions): a cost that
   * reaches net income would break the tie of the cash flow statement to the balance sheet, and the
   * release would be refused.
   */
  static StoredRow costsRow(String period) throws Exception {
    return store.rows(company, "costs.csv").stream()
        .filter(r -> r.period().equals(period) && "capital_additions".equals(r.fields().get("item"))).findFirst().orElseThrow();
  }

  static String valueOf(StoredRow row) throws Exception {
    return store.rows(company, row.file()).stream().filter(r -> r.key().equals(row.key())).findFirst().orElseThrow()
        .fields().get("value");
  }

  static String plusOne(String value) {
    return new java.math.BigDecimal(value).add(java.math.BigDecimal.ONE).toPlainString();
  }

  static String periodPath(String period) {
    return URLEncoder.encode(period, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---------------------------------------------------------------- tests

  /** A project's "Metal price" sensitivity row and base NPV as the release text prints them (thousands). */
  static List<Long> printedMetalPriceRow(String project) throws Exception {
    String text = org.orebook.release.Releases.render(org.orebook.release.Releases.produce(EXAMPLE, null), "text");
    int at = text.indexOf("Project Economics - " + project);
    assertThat(at).as("section of %s", project).isPositive();
    String row = text.substring(text.indexOf("Metal price", at)).lines().findFirst().orElseThrow();
    List<Long> values = new ArrayList<>();
    Matcher m = Pattern.compile("\\(?([0-9,]+)\\)?").matcher(row);
    while (m.find()) {
      long v = Long.parseLong(m.group(1).replace(",", ""));
      values.add(m.group().startsWith("(") ? -v : v);
    }
    return values; // -30%, -20%, -10%, base, +10%, +20%, +30%
  }

  @Test
  void theProjectsPageAndApiGiveEachProjectsTornadoFromTheReleaseFigures() throws Exception {
    assertThat(new Client().get("/companies/" + company + "/projects").statusCode()).isIn(302, 303);
    Client c = signedIn("vic");
    HttpResponse<String> page = c.get("/companies/" + company + "/projects");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Mina Isidora").contains("Lucky Friday 5900 Level")
        .contains("id=\"tornado-data\"").contains("class=\"chart tornado\"");

    HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/companies/" + company + "/projects"))
        .header("Authorization", basic("vic")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(200);
    JsonNode isidora = null;
    for (JsonNode t : JSON.readTree(api.body())) {
      if (t.get("project").asText().equals("Mina Isidora")) {
        isidora = t;
      }
    }
    assertThat(isidora).as("Mina Isidora in %s", api.body()).isNotNull();
    List<Long> printed = printedMetalPriceRow("Mina Isidora");
    assertThat(printed).hasSize(7);
    assertThat(Math.round(isidora.get("base").asDouble())).isEqualTo(printed.get(3));
    JsonNode price = null;
    for (JsonNode b : isidora.get("bars")) {
      if (b.get("driver").asText().equals("Metal price")) {
        price = b;
      }
    }
    assertThat(price).isNotNull();
    assertThat(Math.round(price.get("low").asDouble())).isEqualTo(printed.get(0));
    assertThat(Math.round(price.get("high").asDouble())).isEqualTo(printed.get(6));
    // drivers sorted by swing, widest first
    List<Double> swings = new ArrayList<>();
    isidora.get("bars").forEach(b -> swings.add(Math.abs(b.get("high").asDouble() - b.get("low").asDouble())));
    assertThat(swings).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void healthAnswersOkWithoutSigningIn() throws Exception {
    HttpResponse<String> r = new Client().get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    HttpResponse<String> r = new Client().get("/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(r.body());
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    Set<String> registered = new TreeSet<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.path.startsWith("/api")) {
        registered.add(e.endpoint.method.toString().toLowerCase(Locale.ROOT) + " " + e.endpoint.path);
      }
    }
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m + " " + p.getKey())));
    assertThat(registered).hasSizeGreaterThanOrEqualTo(11);
    assertThat(documented).containsAll(registered);
  }

  @Test
  void signingInSetsAnHttpOnlyStrictCookieUnderANewId() throws Exception {
    Client c = new Client();
    c.get("/login");
    String before = c.cookie;
    assertThat(before).as("the login form's session").isNotNull();

    HttpResponse<String> wrong = c.post("/login", c.withToken(Map.of("username", "alice", "password", "not her password")));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(c.get("/companies/" + company).statusCode()).isIn(302, 303);

    HttpResponse<String> r = c.post("/login", c.withToken(Map.of("username", "alice", "password", PASSWORDS.get("alice"))));
    assertThat(r.statusCode()).isEqualTo(303);
    String setCookie = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith(Sessions.COOKIE + "="))
        .findFirst().orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(c.cookie).isNotEqualTo(before);
    assertThat(c.get("/companies/" + company).statusCode()).isEqualTo(200);

    // the id known before signing in is worth nothing after it
    Client old = new Client();
    old.cookie = before;
    assertThat(old.get("/companies/" + company).statusCode()).isIn(302, 303);
  }

  @Test
  void pagesAndTheApiNeedASignedInUser() throws Exception {
    Client anonymous = new Client();
    for (String page : List.of("/companies/" + company, "/companies/" + company + "/release", "/audit", "/check",
        "/companies/" + company + "/release.xlsx")) {
      HttpResponse<String> r = anonymous.get(page);
      assertThat(r.statusCode()).as(page).isIn(302, 303);
      assertThat(r.headers().firstValue("Location").orElse("")).as(page).startsWith("/login");
    }
    HttpResponse<String> api = api("GET", "/api/companies", null, null, null);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(JSON.readTree(api.body()).path("error").asText()).isNotBlank();
    assertThat(api("GET", "/api/companies", "vic", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> badPassword = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/companies"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("vic:wrong".getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(badPassword.statusCode()).isEqualTo(401);
    // static assets and the login page are public
    assertThat(anonymous.get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    Client c = signedIn("vic");
    for (String path : List.of("/login", "/companies/" + company + "/release", "/static/app.js", "/api/companies")) {
      HttpResponse<String> r = c.get(path);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }
    // no inline script: every script element loads a file or holds JSON data
    String page = c.get("/companies/" + company + "/release").body();
    Matcher m = Pattern.compile("<script([^>]*)>").matcher(page);
    int scripts = 0;
    while (m.find()) {
      scripts++;
      assertThat(m.group(1)).matches(".*(src=\"/|type=\"application/json\").*");
    }
    assertThat(scripts).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    Client carol = signedIn("carol");
    StoredRow row = costsRow("Q4 2003");
    String before = valueOf(row);
    long change = newestChange();
    Map<String, String> edit = Map.of("file", row.file(), "key", row.key(), "field", "value", "value", plusOne(before));

    assertThat(carol.post("/companies/" + company + "/rows", edit).statusCode()).isEqualTo(403);
    Map<String, String> wrongToken = new LinkedHashMap<>(edit);
    wrongToken.put("_csrf", "not-the-token");
    assertThat(carol.post("/companies/" + company + "/rows", wrongToken).statusCode()).isEqualTo(403);
    // a page's JSON call without the header is refused too
    HttpResponse<String> apiOnCookie = carol.post("/api/companies/" + company + "/periods/" + periodPath("Q4 2003") + "/approve",
        Map.of());
    assertThat(apiOnCookie.statusCode()).isEqualTo(403);
    // with the right token but from another site
    assertThat(carol.post("/companies/" + company + "/rows", carol.withToken(edit), Map.of("Origin", "https://evil.example"))
        .statusCode()).isEqualTo(403);
    assertThat(newestChange()).isEqualTo(change);
    assertThat(valueOf(row)).isEqualTo(before);

    // the same form with the session's token goes through
    HttpResponse<String> ok = carol.post("/companies/" + company + "/rows", carol.withToken(edit));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(valueOf(row)).isEqualTo(plusOne(before));
    assertThat(store.audit(company, 1).get(0)).satisfies(a -> {
      assertThat(a.actor()).isEqualTo("carol");
      assertThat(a.rowKey()).isEqualTo(row.key());
      assertThat(a.before()).isEqualTo(before);
      assertThat(a.after()).isEqualTo(plusOne(before));
    });
  }

  @Test
  void aPreparerCannotApproveAnApproverCan() throws Exception {
    String period = "FY2003";
    Client carol = signedIn("carol");
    long change = newestChange();
    HttpResponse<String> refused = carol.post("/companies/" + company + "/periods/" + periodPath(period) + "/approve",
        carol.withToken(Map.of()));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("only an approver");
    assertThat(status(period)).isEqualTo("draft");
    assertThat(newestChange()).isEqualTo(change);

    Client bob = signedIn("bob");
    HttpResponse<String> ok = bob.post("/companies/" + company + "/periods/" + periodPath(period) + "/approve",
        bob.withToken(Map.of()));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(status(period)).isEqualTo("approved");
    assertThat(store.periods(company)).filteredOn(p -> p.period().equals(period)).singleElement()
        .extracting(PeriodState::approvedBy).isEqualTo("bob");
    // the periods page shows who approved
    String page = bob.get("/companies/" + company + "/periods").body();
    assertThat(page).containsPattern("data-period=\"" + period + "\"[\\s\\S]*?approved[\\s\\S]*?bob");
    // approving twice conflicts
    assertThat(bob.post("/companies/" + company + "/periods/" + periodPath(period) + "/approve", bob.withToken(Map.of()))
        .statusCode()).isEqualTo(409);
  }

  @Test
  void anApproverCannotApproveTheirOwnChange() throws Exception {
    String period = "Q4 2002";
    Client alice = signedIn("alice");
    StoredRow row = costsRow(period);
    String before = valueOf(row);
    assertThat(alice.post("/companies/" + company + "/rows", alice.withToken(Map.of("file", row.file(), "key", row.key(),
        "field", "value", "value", plusOne(before)))).statusCode()).isEqualTo(303);
    long change = newestChange();
    HttpResponse<String> refused = api("POST", "/api/companies/" + company + "/periods/" + periodPath(period) + "/approve",
        "alice", null, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("own changes");
    HttpResponse<String> page = alice.post("/companies/" + company + "/periods/" + periodPath(period) + "/approve",
        alice.withToken(Map.of()));
    assertThat(page.statusCode()).isEqualTo(403);
    // not a bare error page: the periods page, saying why at the top
    assertThat(page.body()).contains("id=\"refused\"").contains("own changes").contains("id=\"period-table\"");
    assertThat(status(period)).isEqualTo("draft");
    assertThat(newestChange()).isEqualTo(change);
    // the button is not offered to her for that period, and is to another approver
    assertThat(approveButtonFor(alice.get("/companies/" + company + "/periods").body(), period)).isFalse();
    assertThat(alice.get("/companies/" + company + "/periods").body())
        .contains("you changed figures of this period: another approver approves it");
    assertThat(approveButtonFor(signedIn("bob").get("/companies/" + company + "/periods").body(), period)).isTrue();
    assertThat(approveButtonFor(signedIn("carol").get("/companies/" + company + "/periods").body(), period))
        .as("a preparer is offered no Approve").isFalse();
  }

  /** True when the periods page offers an Approve button on the period's row. */
  static boolean approveButtonFor(String page, String period) {
    Matcher row = Pattern.compile("<tr data-period=\"" + Pattern.quote(period) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(row.find()).as("a row for " + period).isTrue();
    return row.group(1).contains(">Approve</button>");
  }

  @Test
  void anEditOfAnApprovedPeriodNeedsAReason() throws Exception {
    String period = "FY2002";
    HttpResponse<String> approved = api("POST", "/api/companies/" + company + "/periods/" + periodPath(period) + "/approve",
        "bob", null, null);
    assertThat(approved.statusCode()).isEqualTo(200);
    Client alice = signedIn("alice");
    StoredRow row = costsRow(period);
    String before = valueOf(row);
    long change = newestChange();
    Map<String, String> edit = Map.of("file", row.file(), "key", row.key(), "field", "value", "value", plusOne(before));

    HttpResponse<String> refused = alice.post("/companies/" + company + "/rows", alice.withToken(edit));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("reason");
    // a preparer may not restate at all
    Client carol = signedIn("carol");
    Map<String, String> withReason = new LinkedHashMap<>(edit);
    withReason.put("reason", "late invoice");
    assertThat(carol.post("/companies/" + company + "/rows", carol.withToken(withReason)).statusCode()).isEqualTo(403);
    assertThat(newestChange()).isEqualTo(change);
    assertThat(valueOf(row)).isEqualTo(before);
    assertThat(status(period)).isEqualTo("approved");

    HttpResponse<String> restated = alice.post("/companies/" + company + "/rows", alice.withToken(withReason));
    assertThat(restated.statusCode()).isEqualTo(303);
    assertThat(valueOf(row)).isEqualTo(plusOne(before));
    assertThat(status(period)).isEqualTo("restated");
    assertThat(store.audit(company, 1).get(0)).satisfies(a -> {
      assertThat(a.kind()).isEqualTo("restate");
      assertThat(a.reason()).isEqualTo("late invoice");
    });
    // the release as originally reported keeps the approved value; as restated, the new one
    assertThat(inputValue(alice, "/companies/" + company + "/release?version=original", row))
        .isEqualByComparingTo(before);
    assertThat(inputValue(alice, "/companies/" + company + "/release", row))
        .isEqualByComparingTo(plusOne(before));
    // the audit page lists it, with the value before and after
    String audit = alice.get("/companies/" + company + "/audit").body();
    assertThat(audit).contains("late invoice").contains(row.key()).contains(before).contains(plusOne(before));
  }

  /**
   * The value of the figure read from a stored costs row, as the provenance panel of a release page
   * gets it: from the API the page names, for the release the page shows.
   */
  static java.math.BigDecimal inputValue(Client client, String pagePath, StoredRow row) throws Exception {
    String page = client.get(pagePath).body();
    Matcher src = Pattern.compile("id=\"prov-panel\"[^>]*data-src=\"([^\"]+)\"").matcher(page);
    assertThat(src.find()).as("the page names where provenance comes from").isTrue();
    String key = "unit:" + row.fields().get("unit") + "/" + row.fields().get("item") + "@" + row.fields().get("period");
    HttpResponse<String> r = client.get(unescape(src.group(1)) + "&key=" + enc(key));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode f = JSON.readTree(r.body());
    JsonNode o = f.path("origin");
    assertThat(o.path("type").asText()).isEqualTo("input");
    assertThat(o.path("file").asText()).isEqualTo(row.file());
    assertThat(o.path("line").asLong()).isEqualTo(row.line());
    assertThat(o.path("field").asText()).isEqualTo("value");
    return new java.math.BigDecimal(f.path("value").asText());
  }

  @Test
  void theJsonReleaseIsGzippedForAClientThatAcceptsIt() throws Exception {
    String path = "/api/companies/" + company + "/release?format=json";
    HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic("vic"))
        .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] inflated = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes();
    HttpResponse<String> plain = api("GET", path, "vic", null, null);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(zipped.body().length).isLessThan(plain.body().length() / 5);
    assertThat(JSON.readTree(inflated)).isEqualTo(JSON.readTree(plain.body()))
        .isEqualTo(JSON.readTree(org.orebook.release.Releases.render(org.orebook.release.Releases.produce(
            store.source(company, org.orebook.store.Version.CURRENT), null), "json")));
  }

  @Test
  void theAuditPageIsPaged() throws Exception {
    Client vic = signedIn("vic");
    long total = store.auditSize(company);
    assertThat(total).as("the example's load alone").isGreaterThan(2L * Pages.AUDIT_PAGE);
    String first = unescape(vic.get("/companies/" + company + "/audit").body());
    assertThat(rowsOf(first)).isEqualTo(Pages.AUDIT_PAGE);
    assertThat(first).contains("Lines 1–" + Pages.AUDIT_PAGE + " of ").contains("?page=2\" rel=\"next\"")
        .doesNotContain("rel=\"prev\"");
    String second = unescape(vic.get("/companies/" + company + "/audit?page=2").body());
    assertThat(rowsOf(second)).isEqualTo(Pages.AUDIT_PAGE);
    assertThat(second).contains("Lines " + (Pages.AUDIT_PAGE + 1) + "–" + 2 * Pages.AUDIT_PAGE + " of ")
        .contains("?page=1\" rel=\"prev\"");
    // the API pages the same way, with the total in a header
    HttpResponse<String> api = api("GET", "/api/companies/" + company + "/audit?limit=3&offset=" + Pages.AUDIT_PAGE, "vic", null, null);
    assertThat(api.headers().firstValue("X-Total-Count")).isPresent();
    List<AuditEntry> expected = store.audit(company, Pages.AUDIT_PAGE, 3);
    JsonNode got = JSON.readTree(api.body());
    assertThat(got.size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(got.get(i).path("changeId").asLong()).isEqualTo(expected.get(i).changeId());
      assertThat(got.get(i).path("row").asText()).isEqualTo(String.valueOf(expected.get(i).rowKey()));
    }
  }

  static int rowsOf(String auditPage) {
    Matcher m = Pattern.compile("<tr class=\"kind-").matcher(auditPage);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theApiRefusesABadEditWithItsLocatedErrors() throws Exception {
    StoredRow row = costsRow("Q4 2003");
    String body = JSON.writeValueAsString(Map.of("file", row.file(), "key", row.key(), "field", "value", "value", "seven"));
    long change = newestChange();
    HttpResponse<String> viewer = api("POST", "/api/companies/" + company + "/rows", "vic", "application/json", body);
    assertThat(viewer.statusCode()).isEqualTo(403);
    HttpResponse<String> bad = api("POST", "/api/companies/" + company + "/rows", "carol", "application/json", body);
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode errors = JSON.readTree(bad.body()).path("errors");
    assertThat(errors.isArray() && errors.size() > 0).as(bad.body()).isTrue();
    assertThat(errors.get(0).path("file").asText()).isEqualTo(row.file());
    assertThat(errors.get(0).path("line").asLong()).isEqualTo(row.line());
    assertThat(newestChange()).isEqualTo(change);
    assertThat(api("GET", "/api/companies/nope", "vic", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void theXlsxDownloadIsAWorkbook() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/companies/" + company + "/release.xlsx"))
        .header("Cookie", signedIn("vic").cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains(".xlsx");
    assertThat(r.body()).startsWith(new byte[] {'P', 'K', 3, 4});
  }

  @Test
  void theReleasePageShowsAFigureOfTheExample() throws Exception {
    // a unit's gold produced in the fourth quarter, from production.csv, as the release prints it
    String[] header = null;
    String[] produced = null;
    for (String line : Files.readAllLines(EXAMPLE.resolve("production.csv"))) {
      String[] f = line.split(",", -1);
      if (header == null) {
        header = f;
      } else if (f[2].equals("produced") && f[1].startsWith("Q4") && f[3].equals("AU")) {
        produced = f;
        break;
      }
    }
    assertThat(produced).isNotNull();
    String key = "unit:" + produced[0] + "/produced[AU]@" + produced[1];
    String printed = String.format(Locale.US, "%,d", Long.parseLong(produced[4]));
    HttpResponse<String> r = signedIn("vic").get("/companies/" + company + "/release");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("text/html").contains("utf-8");
    assertThat(r.body()).containsPattern("<td class=\"fig\" data-key=\"" + Pattern.quote(key) + "\"[^>]*>"
        + Pattern.quote(printed) + "</td>");
    // its provenance is not in the page: the page names the API that gives it when the figure is clicked
    Matcher src = Pattern.compile("id=\"prov-panel\"[^>]*data-src=\"([^\"]+)\"").matcher(r.body());
    assertThat(src.find()).isTrue();
    assertThat(unescape(src.group(1))).isEqualTo("/api/companies/" + company + "/provenance?version=current");
    assertThat(r.body()).doesNotContain("provenance-data");
    assertThat(r.body().length()).as("a page without every figure's provenance").isLessThan(400_000);
    HttpResponse<String> p = signedIn("vic").get("/api/companies/" + company + "/provenance?version=current&key=" + enc(key));
    assertThat(p.statusCode()).isEqualTo(200);
    JsonNode origin = JSON.readTree(p.body()).path("origin");
    assertThat(origin.path("file").asText()).isEqualTo("production.csv");
    List<String> lines = Files.readAllLines(EXAMPLE.resolve("production.csv"));
    assertThat(lines.get(origin.path("line").asInt() - 1)).isEqualTo(String.join(",", produced));
    // a derived figure: its operands, each marked as one the panel can follow
    HttpResponse<String> derived = signedIn("vic").get("/api/companies/" + company + "/provenance?key="
        + enc("unit:" + produced[0] + "/total_cash_costs_per_oz@" + produced[1]));
    assertThat(derived.statusCode()).isEqualTo(200);
    JsonNode ops = JSON.readTree(derived.body()).path("origin").path("operands");
    assertThat(ops.size()).isPositive();
    assertThat(ops).allSatisfy(op -> assertThat(op.has("known")).isTrue());
    assertThat(signedIn("vic").get("/api/companies/" + company + "/provenance?key=" + enc("unit:nowhere/x@FY1900")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theWaterfallWalksFromTotalCashCostsToCostOfSalesAsTheReconciliationPrintsIt() throws Exception {
    String page = signedIn("vic").get("/companies/" + company + "/release").body();
    Matcher data = Pattern.compile("<script type=\"application/json\" id=\"waterfall-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(page);
    assertThat(data.find()).isTrue();
    JsonNode walks = JSON.readTree(data.group(1));
    assertThat(walks.size()).isGreaterThan(0);
    // the published release prints each unit's walk; every step of it is one of its printed lines
    String published = Files.readString(PUBLISHED);
    for (JsonNode w : walks) {
      java.math.BigDecimal sum = w.path("start").path("value").decimalValue();
      for (JsonNode step : w.path("steps")) {
        sum = sum.add(step.path("value").decimalValue());
      }
      // each value is rounded to the printed digit: the walk closes within half a digit per step
      java.math.BigDecimal slack = new java.math.BigDecimal("0.5").multiply(java.math.BigDecimal.valueOf(w.path("steps").size() + 2));
      assertThat(sum.subtract(w.path("end").path("value").decimalValue()).abs()).as(w.path("label").asText())
          .isLessThanOrEqualTo(slack);
      assertThat(published).as(w.path("label").asText()).contains(w.path("start").path("label").asText());
    }
    JsonNode total = walks.get(0);
    assertThat(total.path("label").asText()).startsWith("All units");
    String period = total.path("id").asText().substring(total.path("id").asText().indexOf('@') + 1);
    java.math.BigDecimal units = java.math.BigDecimal.ZERO;
    int n = 0;
    for (JsonNode w : walks) {
      if (w.path("entity").asText().startsWith("unit:") && w.path("id").asText().endsWith("@" + period)) {
        units = units.add(w.path("end").path("value").decimalValue());
        n++;
      }
    }
    assertThat(n).isGreaterThan(1);
    assertThat(units.subtract(total.path("end").path("value").decimalValue()).abs())
        .isLessThanOrEqualTo(new java.math.BigDecimal("0.5").multiply(java.math.BigDecimal.valueOf(n)));
  }

  /** The ids of the example's units, from units.csv. */
  static List<String> unitIds() throws IOException {
    return Files.readAllLines(EXAMPLE.resolve("units.csv")).stream().skip(1).filter(l -> !l.isBlank())
        .map(l -> l.split(",", 2)[0]).toList();
  }

  @Test
  void eachUnitHasAPageWithItsOwnRowsOnly() throws Exception {
    Client c = signedIn("vic");
    List<String> units = unitIds();
    assertThat(units).hasSizeGreaterThan(1);
    int withFigures = 0;
    for (String unit : units) {
      HttpResponse<String> r = c.get("/companies/" + company + "/units/" + unit);
      assertThat(r.statusCode()).as(unit).isEqualTo(200);
      Set<String> entities = new TreeSet<>();
      Matcher m = Pattern.compile("<td class=\"fig\" data-key=\"(unit:[^/\"]+)/").matcher(r.body());
      while (m.find()) {
        entities.add(m.group(1));
      }
      if (!entities.isEmpty()) {
        withFigures++;
        assertThat(entities).as(unit).containsExactly("unit:" + unit);
      }
    }
    assertThat(withFigures).isGreaterThan(1);
    assertThat(c.get("/companies/" + company + "/units/no-such-unit").statusCode()).isEqualTo(404);
  }

  @Test
  void theApiServesTheCompanyItsUnitsPeriodsFiguresAndRelease() throws Exception {
    JsonNode companies = JSON.readTree(api("GET", "/api/companies", "vic", null, null).body());
    assertThat(companies.findValuesAsText("id")).containsExactly(company);
    JsonNode units = JSON.readTree(api("GET", "/api/companies/" + company + "/units", "vic", null, null).body());
    assertThat(units.findValuesAsText("id")).containsExactlyElementsOf(unitIds());
    JsonNode periods = JSON.readTree(api("GET", "/api/companies/" + company + "/periods", "vic", null, null).body());
    assertThat(periods.findValuesAsText("period")).containsExactlyInAnyOrderElementsOf(
        store.periods(company).stream().map(PeriodState::period).toList());
    JsonNode figures = JSON.readTree(api("GET", "/api/companies/" + company + "/figures", "vic", null, null).body());
    assertThat(figures.path("figures").size()).isGreaterThan(100);
    HttpResponse<String> text = api("GET", "/api/companies/" + company + "/release?format=text", "vic", null, null);
    assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(text.body()).contains(JSON.readTree(api("GET", "/api/companies/" + company, "vic", null, null).body())
        .path("units").get(0).path("name").asText().toUpperCase(Locale.ROOT));
    HttpResponse<String> csv = api("GET", "/api/companies/" + company + "/release?format=csv", "vic", null, null);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(api("GET", "/api/companies/" + company + "/release?format=pdf", "vic", null, null).statusCode()).isEqualTo(400);
    // the same release in metric and imperial units; an unknown system is refused
    String metric = api("GET", "/api/companies/" + company + "/release?format=text&units=metric", "vic", null, null).body();
    String imperial = api("GET", "/api/companies/" + company + "/release?format=text&units=imperial", "vic", null, null)
        .body();
    assertThat(metric).contains("Tonnes of ore").doesNotContain("Tons of ore");
    assertThat(imperial).contains("Tons of ore").doesNotContain("Tonnes of ore");
    assertThat(api("GET", "/api/companies/" + company + "/release?units=cubits", "vic", null, null).statusCode())
        .isEqualTo(400);
    JsonNode audit = JSON.readTree(api("GET", "/api/audit?limit=5", "vic", null, null).body());
    assertThat(audit.size()).isEqualTo(5);
    assertThat(audit.get(0).path("changeId").asLong()).isEqualTo(newestChange());
  }

  @Test
  void theCheckApiReturnsTheFindingsOfThePublishedRelease() throws Exception {
    String text = Files.readString(PUBLISHED);
    HttpResponse<String> r = api("POST", "/api/check", "vic", "text/plain; charset=utf-8", text);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode got = JSON.readTree(r.body());
    JsonNode expected = expectedCheck();
    assertThat(expected.path("failures").size()).isGreaterThan(0);
    assertThat(got.path("failures")).isEqualTo(expected.path("failures"));
    assertThat(got.path("figures")).isEqualTo(expected.path("figures"));
    assertThat(got.path("relations")).isEqualTo(expected.path("relations"));
    assertThat(api("POST", "/api/check", "vic", "text/plain", "no tables in here").statusCode()).isEqualTo(422);
  }

  @Test
  void theCheckPageMarksTheFailingFigures() throws Exception {
    Client c = signedIn("vic");
    String text = Files.readString(PUBLISHED);
    List<Integer> expectedLines = new ArrayList<>();
    for (JsonNode f : expectedCheck().path("failures")) {
      expectedLines.add(f.path("lines").get(0).asInt());
    }
    HttpResponse<String> r = c.post("/check", c.withToken(Map.of("text", text)));
    assertThat(r.statusCode()).isEqualTo(200);
    Set<Integer> marked = new TreeSet<>();
    Matcher m = Pattern.compile("<td class=\"num fail\" id=\"fig-(\\d+)-\\d+\" title=\"[^\"]+\"").matcher(r.body());
    while (m.find()) {
      marked.add(Integer.parseInt(m.group(1)));
    }
    assertThat(marked).containsExactlyInAnyOrderElementsOf(new TreeSet<>(expectedLines));
    assertThat(r.body()).contains("id=\"stat-failed\">" + expectedLines.size() + "<");

    // the numbers of the running text, as the checker's own report gives them
    JsonNode prose = expectedCheck().path("prose");
    assertThat(prose.isMissingNode()).as("the checker's JSON reports prose claims").isFalse();
    org.orebook.check.CheckResult result = Check.file(PUBLISHED);
    assertThat(result.prose()).isNotEmpty();
    Matcher summary = Pattern.compile("<p id=\"prose-summary\">(.*?)</p>", Pattern.DOTALL).matcher(r.body());
    assertThat(summary.find()).isTrue();
    String said = summary.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    assertThat(said).contains(result.prose().size() + " number claims found")
        .contains(result.proseTested().size() + " linked to a table figure and tested")
        .contains((result.proseTested().size() - result.proseFailures().size()) + " hold")
        .contains(result.proseFailures().size() + " fail")
        .contains(result.proseNotLinked().size() + " not linked");
    for (org.orebook.check.ProseClaim failing : result.proseFailures()) {
      assertThat(unescape(r.body()).replace("&lt;", "<").replace("&gt;", ">")).contains(failing.arithmetic());
    }
  }
}
