package org.orebook;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A guard against a hang or a path that takes time the square of its input, for tests on a shared
 * machine: the work fails when the JVM has spent more than a budget of CPU time on it, or when it is
 * still going after {@link #WALL} of wall time (a wait that never ends). CPU time is what the work
 * costs whatever else the machine is doing; wall time under other builds' load is not, and a test
 * bounded by it is flaky. The JVM's CPU time (every thread) is counted, not the worker's alone,
 * because the reader and the scanners work on threads of their own; the tests run one at a time. A
 * guard is no speed claim: budgets are many times what the work takes, and the time per input is
 * measured by the benchmarks ({@code orebook bench ...}).
 */
public final class HangGuard {
  /** Wall time after which the work is a hang whatever its CPU time: minutes, only a real hang reaches it. */
  public static final Duration WALL = Duration.ofMinutes(10);

  private HangGuard() {}

  /** Runs {@code work} on a thread of its own and returns its result, or fails when it runs over its budget. */
  public static <T> T within(Duration cpu, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread t = new Thread(task, "hang-guarded");
    t.setDaemon(true);
    long cpu0 = processCpuNanos();
    long wall0 = System.nanoTime();
    t.start();
    while (true) {
      try {
        return task.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long used = processCpuNanos() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (used > cpu.toNanos() || wall > WALL.toNanos()) {
          t.interrupt();
          return fail("still going after %.1f s of CPU time (budget %.1f s) and %.1f s of wall time (hang guard %d s): a"
              + " hang or time the square of the input", used / 1e9, cpu.toMillis() / 1e3, wall / 1e9, WALL.toSeconds());
        }
      } catch (InterruptedException e) {
        t.interrupt();
        Thread.currentThread().interrupt();
        return fail("interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error r) {
          throw r;
        }
        throw new AssertionError(e.getCause());
      }
    }
  }

  /** CPU time of the whole JVM so far, or the wall clock where the platform does not say (a stricter guard). */
  static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        && os.getProcessCpuTime() >= 0) {
      return os.getProcessCpuTime();
    }
    return System.nanoTime();
  }
}
