package org.orebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The back-off of {@link LoginThrottle}, on a clock the test moves. */
class LoginThrottleTest {
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  @Test
  void anAccountClosesAfterFiveFailuresForTwiceAsLongEachTime() {
    MovingClock clock = new MovingClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT; i++) {
      assertThat(t.closedFor("alice", "10.0.0.1")).isZero();
      t.failed("alice", "10.0.0." + i); // from different addresses: the account counts them all
    }
    assertThat(t.closedFor("alice", "10.0.0.9")).isZero();
    t.failed("alice", "10.0.0.9");
    assertThat(t.closedFor("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.closedFor("Alice ", "10.0.0.42")).as("the account, whatever the address or case").isEqualTo(Duration.ofSeconds(1));
    assertThat(t.closedFor("bob", "10.0.0.9")).as("another account from the same address").isZero();
    clock.pass(Duration.ofSeconds(1));
    assertThat(t.closedFor("alice", "10.0.0.9")).isZero();
    t.failed("alice", "10.0.0.9");
    assertThat(t.closedFor("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
    clock.pass(Duration.ofSeconds(2));
    t.failed("alice", "10.0.0.9");
    assertThat(t.closedFor("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(4));
    for (int i = 0; i < 30; i++) {
      t.failed("alice", "10.0.0.9");
    }
    assertThat(t.closedFor("alice", "10.0.0.9")).isEqualTo(LoginThrottle.LONGEST_PAUSE);
    // a success clears the account
    clock.pass(LoginThrottle.LONGEST_PAUSE);
    t.succeeded("alice");
    t.failed("alice", "10.0.0.77");
    assertThat(t.closedFor("alice", "10.0.0.77")).isZero();
  }

  @Test
  void anAddressClosesAfterTwentyFailuresWhateverTheNames() {
    MovingClock clock = new MovingClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      t.failed("user" + i, "192.0.2.7");
    }
    assertThat(t.closedFor("someone-else", "192.0.2.7")).isZero();
    t.failed("user-21", "192.0.2.7");
    assertThat(t.closedFor("someone-else", "192.0.2.7")).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.closedFor("someone-else", "192.0.2.8")).isZero();
    // failures an hour old are forgotten
    clock.pass(LoginThrottle.FORGET_AFTER.plusSeconds(1));
    t.failed("user-22", "192.0.2.7");
    assertThat(t.closedFor("someone-else", "192.0.2.7")).isZero();
  }
}
