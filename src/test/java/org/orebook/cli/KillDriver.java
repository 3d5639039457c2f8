package org.orebook.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs one command over and over in a JVM of its own, alternating between two inputs, until it is
 * killed ({@link KillTest}): {@code release A B OUT DB}, {@code ledger A B OUT} or {@code load A B DB}.
 * Says "ready" once the first run is done; exits 3 if a run fails.
 */
public final class KillDriver {
  private KillDriver() {}

  public static void main(String[] a) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    for (long i = 0; ; i++) {
      String in = i % 2 == 0 ? a[1] : a[2];
      String[] args = switch (a[0]) {
        case "release" -> new String[] {"release", in, "--out", a[3], "--db", a[4]};
        case "ledger" -> new String[] {"ledger", in, "--out", a[3], "--threads", "1"};
        case "load" -> new String[] {"load", in, "--db", a[3], "--company", "k"};
        default -> throw new IllegalArgumentException(a[0]);
      };
      int code = Main.execute(args, quiet, System.err);
      if (code != 0) {
        System.exit(3);
      }
      if (i == 0) {
        System.out.println("ready");
        System.out.flush();
      }
    }
  }
}
