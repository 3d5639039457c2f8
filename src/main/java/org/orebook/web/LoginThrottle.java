package org.orebook.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing, per account and per client address, with exponential back-off: after
 * {@link #FREE_PER_ACCOUNT} failed sign-ins of one account name (known or not: the same rule, so
 * the answer tells nothing about which names exist), or {@link #FREE_PER_ADDRESS} from one address,
 * each further failure closes sign-in for that account or address for {@link #FIRST_PAUSE}, then
 * twice as long after each further failure, up to {@link #LONGEST_PAUSE}. While closed, a sign-in
 * is refused before its password is looked at: the right password does not open it either. A
 * successful sign-in clears its account's count; failures are forgotten after {@link #FORGET_AFTER}
 * without one. Held in memory, at most {@link #MAX_ENTRIES} accounts and addresses each (the
 * oldest forgotten first).
 */
final class LoginThrottle {
  static final int FREE_PER_ACCOUNT = 5;
  static final int FREE_PER_ADDRESS = 20;
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);
  static final int MAX_ENTRIES = 10_000;

  private static final class Failures {
    int count;
    Instant last;
    Instant closedUntil = Instant.EPOCH;
  }

  private final Clock clock;
  private final Map<String, Failures> accounts = lru();
  private final Map<String, Failures> addresses = lru();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  LoginThrottle() {
    this(Clock.systemUTC());
  }

  private static Map<String, Failures> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }

  /** How long sign-in stays closed for this account from this address: zero when it is open. */
  synchronized Duration closedFor(String account, String address) {
    Instant now = clock.instant();
    Duration a = remaining(accounts.get(key(account)), now);
    Duration b = remaining(addresses.get(address), now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Records a failed sign-in of {@code account} from {@code address}. */
  synchronized void failed(String account, String address) {
    Instant now = clock.instant();
    count(accounts, key(account), FREE_PER_ACCOUNT, now);
    count(addresses, address, FREE_PER_ADDRESS, now);
  }

  /** A successful sign-in: the account's failures are cleared (the address's are not). */
  synchronized void succeeded(String account) {
    accounts.remove(key(account));
  }

  private static void count(Map<String, Failures> map, String key, int free, Instant now) {
    Failures f = map.computeIfAbsent(key, k -> new Failures());
    if (f.last != null && f.last.plus(FORGET_AFTER).isBefore(now)) {
      f.count = 0;
    }
    f.count++;
    f.last = now;
    int beyond = f.count - free;
    if (beyond > 0) {
      Duration pause = beyond >= 20 ? LONGEST_PAUSE : FIRST_PAUSE.multipliedBy(1L << (beyond - 1));
      if (pause.compareTo(LONGEST_PAUSE) > 0) {
        pause = LONGEST_PAUSE;
      }
      f.closedUntil = now.plus(pause);
    }
  }

  private static Duration remaining(Failures f, Instant now) {
    if (f == null || !f.closedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.closedUntil);
  }

  private static String key(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
