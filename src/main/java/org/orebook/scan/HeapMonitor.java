package org.orebook.scan;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the peak of the heap in use while a piece of work runs, for the benchmark. Two sources,
 * of which the larger is reported: a thread sampling {@code MemoryMXBean} heap usage every
 * 2 milliseconds, and the garbage collector's notifications, whose "before" usage (summed over the
 * heap pools) is the heap at its fullest just before each collection, which sampling could miss.
 * The heap in use counts garbage not yet collected, so this is an upper bound of the live data.
 * Starting it runs a full collection first, so earlier work does not count.
 */
public final class HeapMonitor implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final Set<String> heapPools;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener;
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapMonitor() {
    heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    listener = (n, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = 0;
        for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
          if (heapPools.contains(e.getKey())) {
            before += e.getValue().getUsed();
          }
        }
        record(before);
      }
    };
    sampler = Thread.ofPlatform().daemon().name("orebook-heap-sampler").unstarted(() -> {
      var memory = ManagementFactory.getMemoryMXBean();
      while (running) {
        record(memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Collects garbage, then starts watching. */
  public static HeapMonitor start() {
    System.gc();
    HeapMonitor m = new HeapMonitor();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(m.listener, null, null);
        m.emitters.add(e);
      }
    }
    m.record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    m.sampler.start();
    return m;
  }

  private void record(long used) {
    peak.accumulateAndGet(used, Math::max);
  }

  /** The peak so far, in bytes. */
  public long peakBytes() {
    return peak.get();
  }

  /** The largest heap the JVM may use ({@code -Xmx}), in bytes. */
  public static long maxHeapBytes() {
    MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return u.getMax();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
