package org.orebook.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
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

  private WebServer() {}

  /** The application over {@code store}, configured but not started. */
  public static Javalin create(Store store) {
    Sessions sessions = new Sessions();
    Auth auth = new Auth(store, sessions);
    Views views = new Views();
    ReleaseCache releases = new ReleaseCache(store);
    Pages pages = new Pages(store, auth, views, releases);
    Api api = new Api(store, releases);
    GradeTonnageView gradeTonnage = new GradeTonnageView(pages, views);
    return Javalin.create(cfg -> configure(cfg, auth, pages, api, views, gradeTonnage));
  }

  /** Creates the application and starts it on {@code host}:{@code port} (0 picks a free port). */
  public static Javalin start(Store store, String host, int port) {
    return create(store).start(host, port);
  }

  private static void configure(JavalinConfig cfg, Auth auth, Pages pages, Api api, Views views,
      GradeTonnageView gradeTonnage) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
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

    var r = cfg.routes;
    r.before(ctx -> {
      if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
        throw new WebError(413, "the request is larger than " + MAX_REQUEST_BYTES / (1024 * 1024) + " MB");
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
    r.get("/api/companies/{id}/release", api::release);
    r.get("/api/companies/{id}/audit", api::audit);
    r.get("/api/audit", api::audit);
    r.post("/api/check", api::check);
    r.post("/api/grade-tonnage", gradeTonnage::api);
    r.post("/api/companies/{id}/periods/{period}/approve", api::approve);
    r.post("/api/companies/{id}/rows", api::edit);

    r.exception(WebError.class, (e, ctx) -> answer(ctx, e, pages));
    r.exception(StoreException.class, (e, ctx) -> answer(ctx, WebError.of(e), pages));
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
    r.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")
          || ctx.result().equals("Not Found")) {
        answer(ctx, new WebError(404, "no such page: " + ctx.path()), pages);
      }
    });
  }

  /** An error as JSON for the API (and clients asking for JSON), else as a page. */
  private static void answer(Context ctx, WebError e, Pages pages) {
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
