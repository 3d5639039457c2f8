package org.orebook.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions held in memory, keyed by a random 256-bit id that travels only in an
 * HttpOnly, SameSite=Strict cookie. Each session carries its own CSRF token. A visitor of the login
 * page gets an anonymous session (so the login form has a token too); a successful login replaces
 * it with a new session under a new id, so an id known before login is worthless after it.
 */
final class Sessions {
  /** The cookie that carries the session id. */
  static final String COOKIE = "orebook_session";

  static final Duration IDLE_USER = Duration.ofHours(8);
  static final Duration IDLE_ANONYMOUS = Duration.ofMinutes(30);
  static final Duration ABSOLUTE = Duration.ofHours(12);
  private static final int MAX_SESSIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One session: its id, CSRF token, the signed-in user's name (null before login) and a one-shot message. */
  static final class Session {
    final String id;
    final String csrf;
    final String userName;
    final Instant created;
    volatile Instant lastSeen;
    volatile String flash;

    Session(String id, String csrf, String userName, Instant created) {
      this.id = id;
      this.csrf = csrf;
      this.userName = userName;
      this.created = created;
      this.lastSeen = created;
    }

    boolean signedIn() {
      return userName != null;
    }

    /** True when {@code token} is this session's CSRF token (compared in constant time). */
    boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
          token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The message to show once, then forget. */
    String takeFlash() {
      String f = flash;
      flash = null;
      return f;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** A new session, anonymous when {@code userName} is null. */
  Session create(String userName) {
    if (sessions.size() >= MAX_SESSIONS) {
      purge();
      while (sessions.size() >= MAX_SESSIONS) {
        sessions.values().stream().min(Comparator.comparing((Session s) -> s.lastSeen))
            .ifPresent(s -> sessions.remove(s.id));
      }
    }
    Session s = new Session(randomToken(), randomToken(), userName, Instant.now());
    sessions.put(s.id, s);
    return s;
  }

  /** The live session with this id; an expired one is removed. */
  Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    if (expired(s, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    s.lastSeen = now;
    return Optional.of(s);
  }

  void remove(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private static boolean expired(Session s, Instant now) {
    Duration idle = s.signedIn() ? IDLE_USER : IDLE_ANONYMOUS;
    return s.lastSeen.plus(idle).isBefore(now) || s.created.plus(ABSOLUTE).isBefore(now);
  }

  private void purge() {
    Instant now = Instant.now();
    sessions.values().removeIf(s -> expired(s, now));
  }
}
