package org.orebook.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle), in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so parameters can be raised later without
 * invalidating stored hashes. The parameters follow OWASP's minimum for Argon2id.
 */
public final class Passwords {
  private static final int MEMORY_KB = 19456;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong VERIFICATIONS = new AtomicLong();

  /**
   * A hash of a random password, made once: an unknown user name is verified against it, so that it
   * costs the same one Argon2id computation as a known name.
   */
  static final String DUMMY_HASH = hash(randomPassword());

  private Passwords() {}

  /** How many Argon2id verifications this JVM has run (tests: an unknown name costs one, like a known name). */
  static long verifications() {
    return VERIFICATIONS.get();
  }

  private static char[] randomPassword() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b).toCharArray();
  }

  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] h = derive(password, salt, MEMORY_KB, ITERATIONS, PARALLELISM, 32);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + MEMORY_KB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
  }

  public static boolean verify(char[] password, String stored) {
    VERIFICATIONS.incrementAndGet();
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] e = kv.split("=");
      int v = Integer.parseInt(e[1]);
      switch (e[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> { return false; }
      }
    }
    byte[] salt = Base64.getDecoder().decode(parts[4]);
    byte[] expected = Base64.getDecoder().decode(parts[5]);
    byte[] actual = derive(password, salt, m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKb, int iterations, int parallelism, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
        .withMemoryAsKB(memoryKb).withIterations(iterations).withParallelism(parallelism).build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[length];
    gen.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
