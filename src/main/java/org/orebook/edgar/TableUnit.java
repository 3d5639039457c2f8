package org.orebook.edgar;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit line of a table, e.g. {@code (dollars and ounces in thousands, except per ounce - unaudited)}:
 * which quantities are printed in thousands (or millions) and which are excepted.
 *
 * @param scaled the quantities the scale applies to: {@code dollars}, {@code ounces}, {@code shares}, {@code tons}
 * @param exponent 3 for thousands, 6 for millions
 * @param except the per-unit amounts excepted: {@code share}, {@code ounce}, {@code pound}, {@code ton}
 */
public record TableUnit(String text, Set<String> scaled, int exponent, Set<String> except) {
  private static final Pattern SCALE = Pattern.compile(
      "((?:dollars|ounces|shares|tons|tonnes|pounds|amounts|us\\$|\\$)(?:\\s*(?:,|and)\\s*(?:dollars|ounces|shares|tons|tonnes|pounds|amounts))*)"
          + "\\s+(?:are\\s+)?(?:expressed\\s+)?in\\s+(thousands|millions)");

  private static final Pattern OF_DOLLARS = Pattern.compile(
      "in\\s+(thousands|millions)\\s+of\\s+(?:u\\.?s\\.?\\s+|canadian\\s+|us\\s+)?(?:dollars|\\$)");

  public TableUnit {
    scaled = Set.copyOf(scaled);
    except = Set.copyOf(except);
  }

  /** Reads a unit line; empty when it names no scale. */
  public static Optional<TableUnit> parse(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m = SCALE.matcher(t);
    if (!m.find()) {
      Matcher of = OF_DOLLARS.matcher(t);
      if (!of.find()) {
        return Optional.empty();
      }
      return Optional.of(new TableUnit(text.trim(), Set.of("dollars"), of.group(1).equals("millions") ? 6 : 3, excepts(t)));
    }
    Set<String> scaled = new LinkedHashSet<>();
    for (String q : m.group(1).split("\\s*(?:,|and)\\s*")) {
      String s = q.trim();
      if (s.equals("amounts") || s.equals("us$") || s.equals("$")) {
        s = "dollars";
      }
      if (!s.isEmpty()) {
        scaled.add(s);
      }
    }
    int exp = m.group(2).equals("millions") ? 6 : 3;
    return Optional.of(new TableUnit(text.trim(), scaled, exp, excepts(t)));
  }

  private static Set<String> excepts(String t) {
    Set<String> except = new LinkedHashSet<>();
    int ex = t.indexOf("except");
    if (ex >= 0) {
      String rest = t.substring(ex);
      for (String u : new String[] {"share", "ounce", "pound", "ton"}) {
        if (rest.matches(".*\\bper\\s+" + u + ".*") || rest.matches(".*\\b" + u + "\\b.*")) {
          except.add(u);
        }
      }
    }
    return except;
  }
}
