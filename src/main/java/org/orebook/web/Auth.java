package org.orebook.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.User;

/**
 * Who is asking, and whether they may: runs before every request.
 *
 * <ul>
 *   <li>Sets the security headers (nosniff, no framing, a Content-Security-Policy allowing only this
 *       server's scripts and styles, no caching of pages).
 *   <li>Authenticates by the session cookie ({@link Sessions}) or, for REST clients, by HTTP Basic
 *       against the store (checked on each request; no cookie is set).
 *   <li>Refuses a state-changing request sent from another site (Origin or Sec-Fetch-Site), and
 *       one on a cookie session without the session's CSRF token (form field {@code _csrf} or header
 *       {@code X-CSRF-Token}): 403.
 *   <li>Requires a signed-in user for everything but the login page, the health check, the OpenAPI
 *       document and static assets: pages redirect to the login page, the API answers 401.
 * </ul>
 * What a user may change is decided by the store, by their role.
 */
final class Auth {
  static final String USER = "orebook.user";
  static final String SESSION = "orebook.session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Store store;
  private final Sessions sessions;

  Auth(Store store, Sessions sessions) {
    this.store = store;
    this.sessions = sessions;
  }

  static boolean isPublic(String path) {
    return path.equals("/login") || path.equals("/health") || path.equals("/openapi.json")
        || path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
  }

  private static boolean isStatic(String path) {
    return path.startsWith("/static/") || path.startsWith("/webjars/");
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/api");
  }

  static boolean unsafe(HandlerType method) {
    return !(method.equals(HandlerType.GET) || method.equals(HandlerType.HEAD) || method.equals(HandlerType.OPTIONS));
  }

  void before(Context ctx) throws StoreException {
    String path = ctx.path();
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (!isStatic(path)) {
      ctx.header("Cache-Control", "no-store");
    }
    boolean unsafe = unsafe(ctx.method());
    if (unsafe) {
      refuseCrossSite(ctx);
    }

    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      User u = basic(authorization.substring(6).trim())
          .orElseThrow(() -> new WebError(401, "wrong user name or password"));
      ctx.attribute(USER, u);
      return; // no cookie is involved, so no CSRF token either
    }

    Sessions.Session session = sessions.find(ctx.cookie(Sessions.COOKIE)).orElse(null);
    User user = null;
    if (session != null && session.signedIn()) {
      user = store.user(session.userName).orElse(null);
      if (user == null) { // the account is gone
        sessions.remove(session.id);
        session = null;
      }
    }
    if (session != null) {
      ctx.attribute(SESSION, session);
    }
    if (user != null) {
      ctx.attribute(USER, user);
    }
    if (user == null && !isPublic(path)) {
      if (isApi(path)) {
        throw new WebError(401, "sign in: HTTP Basic with a user of the store, or the session of the web pages");
      }
      if (ctx.method().equals(HandlerType.GET) || ctx.method().equals(HandlerType.HEAD)) {
        String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
        return;
      }
      throw new WebError(401, "your session has ended: sign in again");
    }
    if (unsafe) {
      if (session == null) {
        throw new WebError(403, "no session: reload the page and try again");
      }
      if (!session.csrfMatches(csrfToken(ctx))) {
        throw new WebError(403, "the form's security token is missing or wrong: reload the page and try again");
      }
    }
  }

  /** The CSRF token sent with a request: the header, else the form field of a form post. */
  private static String csrfToken(Context ctx) {
    String h = ctx.header(CSRF_HEADER);
    if (h != null) {
      return h;
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      return ctx.formParam(CSRF_FIELD);
    }
    return null;
  }

  /**
   * A browser says where a request comes from: a state-changing request from another site is
   * refused whatever credentials it carries (a browser may replay cached Basic credentials).
   */
  private static void refuseCrossSite(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !(site.equals("same-origin") || site.equals("none"))) {
      throw new WebError(403, "cross-site request refused");
    }
    String origin = ctx.header("Origin");
    if (origin != null) {
      String host = ctx.header("Host");
      try {
        URI o = URI.create(origin);
        String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
        if (host == null || o.getHost() == null || !authority.equalsIgnoreCase(host)) {
          throw new WebError(403, "cross-origin request refused");
        }
      } catch (IllegalArgumentException e) {
        throw new WebError(403, "cross-origin request refused");
      }
    }
  }

  private Optional<User> basic(String encoded) throws StoreException {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return store.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
  }

  /** Signs a user in: a new session under a new id replaces any session the browser had. */
  Sessions.Session signIn(Context ctx, User user) {
    Sessions.Session old = ctx.attribute(SESSION);
    if (old != null) {
      sessions.remove(old.id);
    }
    Sessions.Session s = sessions.create(user.name());
    setCookie(ctx, s);
    ctx.attribute(SESSION, s);
    ctx.attribute(USER, user);
    return s;
  }

  void signOut(Context ctx) {
    Sessions.Session s = ctx.attribute(SESSION);
    if (s != null) {
      sessions.remove(s.id);
    }
    Cookie gone = new Cookie(Sessions.COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.STRICT);
    ctx.cookie(gone);
  }

  /** The session of the request, or a new anonymous one (for the login form's CSRF token). */
  Sessions.Session sessionOrAnonymous(Context ctx) {
    Sessions.Session s = ctx.attribute(SESSION);
    if (s == null) {
      s = sessions.create(null);
      setCookie(ctx, s);
      ctx.attribute(SESSION, s);
    }
    return s;
  }

  private static void setCookie(Context ctx, Sessions.Session s) {
    ctx.cookie(new Cookie(Sessions.COOKIE, s.id, "/", -1, secure(ctx), true, null, SameSite.STRICT));
  }

  private static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme());
  }

  static User user(Context ctx) {
    return ctx.attribute(USER);
  }

  static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }
}
