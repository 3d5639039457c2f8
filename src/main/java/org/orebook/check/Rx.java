package org.orebook.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link String#matches} and {@link String#replaceAll} with each regular expression compiled once:
 * the modeller tests every label of a release against many patterns, and compiling them again at
 * each call cost more than the matching. Thread-safe.
 */
final class Rx {
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Rx() {}

  static Pattern pattern(String regex) {
    return COMPILED.computeIfAbsent(regex, Pattern::compile);
  }

  static boolean matches(String s, String regex) {
    return pattern(regex).matcher(s).matches();
  }

  static String replaceAll(String s, String regex, String replacement) {
    return pattern(regex).matcher(s).replaceAll(replacement);
  }
}
