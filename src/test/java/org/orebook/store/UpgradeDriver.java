package org.orebook.store;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Runs in a JVM of its own for {@link H2FileUpgradeKillTest}. {@code URL}: opens the store, which
 * upgrades an older H2 file (the test kills it at a random moment after it has said "opening"), then
 * says "upgraded" and ends. {@code hold URL}: holds the file open as an older Orebook would (a plain
 * connection, H2's automatic server), says "holding" and waits to be ended.
 */
public final class UpgradeDriver {
  private UpgradeDriver() {}

  public static void main(String[] a) throws Exception {
    System.out.println("opening");
    System.out.flush();
    if (a[0].equals("hold")) {
      try (Connection c = DriverManager.getConnection(a[1], "sa", "")) {
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(120_000);
      }
      return;
    }
    try (Store s = Store.open(a[0])) {
      s.companies();
    }
    System.out.println("upgraded");
    System.out.flush();
  }
}
