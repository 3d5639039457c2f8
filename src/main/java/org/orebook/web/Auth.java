package org.orebook.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking, and whether they may: runs before every request.
 *
 * <ul>
 *   <li>Sets the security headers (nosniff, no framing, a Content-Security-Policy allowing only this
 *       server's scripts and styles, no caching of pages).
 *   <li>Authenticates by the session cookie ({@link Sessions}) or, for REST clients, by HTTP Basic
 *       against the store (checked on each request; no cookie is set). Password checks, of the
 *       sign-in form and of HTTP Basic alike, go through {@link LoginThrottle}.
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

  private static final Logger SECURITY = LoggerFactory.getLogger("org.orebook.web.security");

  private final Store store;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final boolean secureCookies;

  Auth(Store store, Sessions sessions, LoginThrottle throttle, boolean secureCookies) {
    this.store = store;
    this.sessions = sessions;
    this.throttle = throttle;
    this.secureCookies = secureCookies;
  }

  /** The security headers every answer carries (pages, API, static files and error pages alike). */
  static final Map<String, String> HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Content-Security-Policy", CSP,
      "Referrer-Policy", "same-origin",
      "Cross-Origin-Opener-Policy", "same-origin");

  static void securityHeaders(Context ctx) {
    HEADERS.forEach(ctx::header);
    if (!isStatic(ctx.path())) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  /**
   * Checks a user name and password, unless sign-in is closed for the name or the address after
   * too many failures ({@link LoginThrottle}): then 429, without looking at the password. A failure
   * is logged (the name and the address, never the password).
   */
  Optional<User> authenticate(Context ctx, String name, char[] password, String how) throws StoreException {
    String address = ctx.ip();
    Duration closed = throttle.closedFor(name, address);
    if (!closed.isZero()) {
      long seconds = Math.max(1, (closed.toMillis() + 999) / 1000);
      SECURITY.warn("sign-in refused (too many failures) for '{}' from {} ({}), {} s left", printable(name), address, how, seconds);
      ctx.header("Retry-After", String.valueOf(seconds));
      throw new WebError(429, "too many failed sign-ins: try again in " + seconds + " s");
    }
    Optional<User> u = store.authenticate(name, password);
    if (u.isEmpty()) {
      throttle.failed(name, address);
      SECURITY.warn("failed sign-in for '{}' from {} ({})", printable(name), address, how);
    } else {
      throttle.succeeded(name);
    }
    return u;
  }

  /** A user name as typed, safe for one log line (no line breaks or control characters, at most 100 characters). */
  private static String printable(String name) {
    if (name == null) {
      return "";
    }
    String s = name.replaceAll("\\p{Cntrl}", "?");
    return s.length() > 100 ? s.substring(0, 100) + "\u2026" : s;
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
    securityHeaders(ctx);
    if (path.equals("/health") && !unsafe(ctx.method())) {
      return; // nobody needs to be signed in for it: no session or account is looked up
    }
    boolean unsafe = unsafe(ctx.method());
    if (unsafe) {
      refuseCrossSite(ctx);
    }

    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      User u = basic(ctx, authorization.substring(6).trim())
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

  private Optional<User> basic(Context ctx, String encoded) throws StoreException {
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
    return authenticate(ctx, decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(), "HTTP Basic");
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

  private void setCookie(Context ctx, Sessions.Session s) {
    ctx.cookie(new Cookie(Sessions.COOKIE, s.id, "/", -1, secure(ctx), true, null, SameSite.STRICT));
  }

  /**
   * The session cookie is Secure when the server is told it is reached over HTTPS ({@code serve
   * --secure-cookies}, for a TLS-terminating proxy in front), when the request came over HTTPS, or
   * when a proxy says it did ({@code X-Forwarded-Proto: https}; trusting it can only add the flag).
   */
  private boolean secure(Context ctx) {
    return secureCookies || "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  static User user(Context ctx) {
    return ctx.attribute(USER);
  }

  static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }
}
