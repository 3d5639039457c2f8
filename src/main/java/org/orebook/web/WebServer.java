package org.orebook.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Orebook web application: server-side pages (company overview, operating units, the release
 * with the provenance of every figure, reserves, periods and approval with an inputs editor, audit
 * trail, checking a published release) and a JSON REST API under {@code /api}, described by
 * {@code /openapi.json}. Pages need a signed-in user (session cookie, HttpOnly and SameSite=Strict,
 * with a CSRF token on every form); REST clients may use HTTP Basic instead. See {@link Auth}.
 */
public final class WebServer {
  /** The largest request accepted: uploads of a release text are a few hundred kilobytes. */
  public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /** One line per request: method, path, status, milliseconds, user (never a query string, cookie or header). */
  private static final Logger ACCESS = LoggerFactory.getLogger("org.orebook.web.access");

  private WebServer() {}

  /**
   * How the server is run: the session cookie marked Secure whatever the request's scheme (the
   * server sits behind a TLS-terminating proxy); the host names the server answers to besides the
   * loopback names and the address it listens on (the {@code Host} header of any other name is
   * refused: DNS rebinding); one log line per request.
   */
  public record Settings(boolean secureCookies, List<String> allowedHosts, boolean accessLog) {
    public Settings {
      allowedHosts = List.copyOf(allowedHosts);
    }

    public static Settings defaults() {
      return new Settings(false, List.of(), true);
    }

    public Settings withAccessLog(boolean on) {
      return new Settings(secureCookies, allowedHosts, on);
    }
  }

  /** The application over {@code store}, configured but not started, answering on loopback names only. */
  public static Javalin create(Store store) {
    return create(store, Settings.defaults(), "127.0.0.1");
  }

  /** The application over {@code store}, configured but not started, to listen on {@code host}. */
  public static Javalin create(Store store, Settings settings, String host) {
    Sessions sessions = new Sessions();
    Auth auth = new Auth(store, sessions, new LoginThrottle(), settings.secureCookies());
    Views views = new Views();
    ReleaseCache releases = new ReleaseCache(store);
    Pages pages = new Pages(store, auth, views, releases);
    Api api = new Api(store, releases);
    GradeTonnageView gradeTonnage = new GradeTonnageView(pages, views);
    Set<String> hosts = hostNames(host, settings.allowedHosts());
    return Javalin.create(cfg -> configure(cfg, settings, hosts, auth, pages, api, views, gradeTonnage));
  }

  /** Creates the application and starts it on {@code host}:{@code port} (0 picks a free port). */
  public static Javalin start(Store store, String host, int port) {
    return start(store, host, port, Settings.defaults());
  }

  public static Javalin start(Store store, String host, int port, Settings settings) {
    return create(store, settings, host).start(host, port);
  }

  /** True when {@code host} is a loopback address or name: the server is reachable from this machine only. */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /**
   * The names a request's {@code Host} may carry: the loopback names, the address listened on, the
   * names given; on a wildcard address with no names given, this machine's name and addresses.
   */
  static Set<String> hostNames(String host, List<String> allowed) {
    Set<String> names = new HashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    for (String a : allowed) {
      names.add(bare(a));
    }
    String h = bare(host);
    boolean wildcard = h.equals("0.0.0.0") || h.equals("::") || h.isEmpty();
    if (!wildcard) {
      names.add(h);
    } else if (allowed.isEmpty()) {
      try {
        InetAddress local = InetAddress.getLocalHost();
        names.add(bare(local.getHostName()));
        names.add(bare(local.getCanonicalHostName()));
        for (NetworkInterface ni : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
            names.add(bare(a.getHostAddress().replaceFirst("%.*$", "")));
          }
        }
      } catch (java.io.IOException e) {
        // the loopback names only
      }
    }
    return Set.copyOf(names);
  }

  /** A host name or address without brackets, port or case. */
  static String bare(String hostHeader) {
    String h = hostHeader == null ? "" : hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
      h = h.substring(0, colon); // name:port (an IPv6 address has more than one colon)
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static void configure(JavalinConfig cfg, Settings settings, Set<String> hosts, Auth auth, Pages pages, Api api,
      Views views, GradeTonnageView gradeTonnage) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
    // pages are compressed per request for clients that accept gzip: at the fastest level, which
    // costs a fraction of the default's time for a slightly larger answer (a release's formats are
    // compressed once, in ReleaseCache)
    cfg.http.compressionStrategy = new io.javalin.compression.CompressionStrategy(null, new io.javalin.compression.Gzip(1));
    cfg.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxInMemoryFileSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
    cfg.jetty.modifyServletContextHandler(h -> {
      h.setMaxFormContentSize(MAX_REQUEST_BYTES);
      h.setMaxFormKeys(1000);
    });
    cfg.staticFiles.add(sf -> {
      sf.hostedPath = "/static";
      sf.directory = "/web/static";
      sf.location = Location.CLASSPATH;
    });
    cfg.staticFiles.enableWebjars();
    // the errors Jetty answers itself (a request it cannot parse, a bad URI) carry the headers too
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new HeaderedErrorHandler()));
    cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new HeaderedErrorHandler()));
    if (settings.accessLog()) {
      cfg.requestLogger.http((ctx, ms) -> {
        User u = Auth.user(ctx);
        ACCESS.info("{} {} {} {} ms {}", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms),
            u == null ? "-" : u.name());
      });
    }

    var r = cfg.routes;
    r.before(ctx -> {
      Auth.securityHeaders(ctx);
      String host = ctx.header("Host");
      if (host == null || !hosts.contains(bare(host))) {
        LOG.warn("refused a request for host '{}' (serve --allowed-host NAME lets the server answer to it)",
            host == null ? "" : bare(host));
        throw new WebError(400, "this server does not answer to the host name '" + (host == null ? "" : bare(host))
            + "': use the address your administrator gave");
      }
      if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
        throw new WebError(413, "the file or text sent is larger than the " + MAX_REQUEST_BYTES / (1024 * 1024)
            + " MB a request may carry");
      }
    });
    r.before(auth::before);

    r.get("/health", api::health);
    r.get("/openapi.json", api::openapi);
    r.get("/login", pages::loginForm);
    r.post("/login", pages::login);
    r.post("/logout", pages::logout);
    r.get("/static/release.css", pages::releaseCss);

    r.get("/", pages::home);
    r.get("/companies/{id}", pages::overview);
    r.get("/companies/{id}/units/{unit}", pages::unit);
    r.get("/companies/{id}/release", pages::release);
    r.get("/companies/{id}/reserves", pages::reserves);
    r.get("/companies/{id}/projects", pages::projects);
    for (String ext : Pages.DOWNLOADS.keySet()) {
      r.get("/companies/{id}/release." + ext, ctx -> pages.download(ctx, ext));
    }
    r.get("/companies/{id}/periods", pages::periods);
    r.post("/companies/{id}/periods/{period}/approve", pages::approve);
    r.post("/companies/{id}/rows", pages::edit);
    r.get("/companies/{id}/audit", pages::audit);
    r.get("/audit", pages::audit);
    r.get("/check", pages::checkForm);
    r.post("/check", pages::check);
    r.get("/grade-tonnage", gradeTonnage::form);
    r.post("/grade-tonnage", gradeTonnage::compute);

    r.get("/api/companies", api::companies);
    r.get("/api/companies/{id}", api::company);
    r.get("/api/companies/{id}/units", api::units);
    r.get("/api/companies/{id}/periods", api::periods);
    r.get("/api/companies/{id}/projects", api::projects);
    r.get("/api/companies/{id}/figures", api::figures);
    r.get("/api/companies/{id}/provenance", api::provenance);
    r.get("/api/companies/{id}/release", api::release);
    r.get("/api/companies/{id}/audit", api::audit);
    r.get("/api/audit", api::audit);
    r.post("/api/check", api::check);
    r.post("/api/grade-tonnage", gradeTonnage::api);
    r.post("/api/companies/{id}/periods/{period}/approve", api::approve);
    r.post("/api/companies/{id}/rows", api::edit);

    r.exception(WebError.class, (e, ctx) -> answer(ctx, e, pages));
    r.exception(DatasetException.class, (e, ctx) -> answer(ctx, WebError.of(e), pages));
    r.exception(HttpResponseException.class, (e, ctx) ->
        answer(ctx, new WebError(e.getStatus(), e.getMessage() == null ? "request refused" : e.getMessage()), pages));
    r.exception(Exception.class, (e, ctx) -> {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof org.eclipse.jetty.http.HttpException bad) { // an unreadable form or upload
          answer(ctx, new WebError(bad.getCode(), "the request could not be read: " + bad.getReason()), pages);
          return;
        }
      }
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      answer(ctx, new WebError(500, "internal error: the request was not completed"), pages);
    });
    r.exception(StoreException.class, (e, ctx) -> {
      if (e.kind() == StoreException.Kind.FAILED) {
        LOG.error("{} {}: the database failed", ctx.method(), ctx.path(), e);
      } else if (e.kind() == StoreException.Kind.BUSY) {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", "5");
      }
      answer(ctx, WebError.of(e), pages);
    });
    r.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")
          || ctx.result().equals("Not Found")) {
        answer(ctx, new WebError(404, "no such page: " + ctx.path()), pages);
      }
    });
  }

  /** An error as JSON for the API (and clients asking for JSON), else as a page. */
  private static void answer(Context ctx, WebError e, Pages pages) {
    Auth.securityHeaders(ctx);
    ctx.status(e.status());
    if (e.status() == 401 && Auth.isApi(ctx.path())) {
      ctx.header("WWW-Authenticate", "Basic realm=\"orebook\", charset=\"UTF-8\"");
    }
    String accept = ctx.header("Accept");
    if (Auth.isApi(ctx.path()) || (accept != null && accept.contains("application/json") && !accept.contains("text/html"))) {
      ctx.contentType("application/json");
      ctx.result(Views.json(errorBody(e)));
    } else {
      Pages.html(ctx, pages.errorPage(ctx, e));
    }
  }

  static Map<String, Object> errorBody(WebError e) {
    List<Map<String, Object>> errors = e.errors().stream().map(WebServer::located).toList();
    return Views.map("error", e.getMessage(), "errors", errors);
  }

  private static Map<String, Object> located(DataError d) {
    return Views.map("file", d.file(), "line", d.line(), "field", d.field(), "message", d.message());
  }
}
