package org.orebook.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The store's way of waiting for what passes (a lock held by another writer, a file another process
 * has open): a pause a little longer each time (20 ms doubling to 500 ms, with jitter) until the
 * store's wait has passed, and one message once a second has gone by. Not thread-safe: one per wait.
 */
final class Backoff {
  private final long start = System.nanoTime();
  private final long deadline;
  private final Duration limit;
  private final Consumer<String> onWait;
  private long pauseMs = 20;
  private boolean told;

  Backoff(Store.Settings settings) {
    this.limit = settings.waitLimit();
    this.onWait = settings.onWait();
    this.deadline = start + limit.toNanos();
  }

  /** True when the next pause would end after the store's wait. */
  boolean expired() {
    return System.nanoTime() + pauseMs * 1_000_000L > deadline;
  }

  /** Whole seconds waited so far. */
  long waitedSeconds() {
    return Duration.ofNanos(System.nanoTime() - start).toSeconds();
  }

  /**
   * Pauses; the first time a second has gone by, says {@code message} with how long it waits at most
   * ("; waiting up to 120 s" appended). {@code interrupted} is the message of the BUSY failure an
   * interrupt ends the wait with.
   */
  void pause(String message, String interrupted, Throwable cause) throws StoreException {
    if (!told && Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1_000) {
      told = true;
      onWait.accept(message + "; waiting up to " + limit.toSeconds() + " s");
    }
    try {
      Thread.sleep(pauseMs + ThreadLocalRandom.current().nextLong(pauseMs));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new StoreException(StoreException.Kind.BUSY, interrupted, List.of(), cause);
    }
    pauseMs = Math.min(500, pauseMs * 2);
  }
}
