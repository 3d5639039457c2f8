package org.orebook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.model.Metal;
import org.orebook.quantity.Interval;

/**
 * The numbers of running text as claims (docs/checking.md, "The words"): amounts ("$17.1 million"),
 * per-unit figures ("$1.43 per ounce", "negative 25 cents per ounce of silver"), quantities
 * ("9.8 million ounces"), grades ("0.68 ounce of gold per ton"), percentages (a change when
 * "increase", "down", ... stands next to one) and ratios ("4.7:1"), each with the interval its
 * rounding allows ("approximately 215,000": 214,500 to 215,500) or a bound ("more than"). What a
 * claim is about is the {@link ProseChecker}'s to find.
 */
final class NumberClaims {
  private NumberClaims() {}

  /**
   * A number in the text. It starts only where a number starts (not after a digit, comma or point):
   * a claim inside a longer number is refused anyway, and without the look-behind every position of
   * a long run of digits would start a match that runs to its end (time the square of its length).
   */
  static final String NUM = "(?<![\\d,.])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
  static final String METALS = "(gold|silver|copper|zinc|lead|nickel|platinum|palladium|molybdenum|cobalt|uranium)";

  private static final Pattern RATIO = Pattern.compile(NUM + "\\s*:\\s*1\\b");

  private static final Pattern PERCENT = Pattern.compile(NUM + "\\s*(?:%|percent\\b)");

  private static final Pattern PER_UNIT = Pattern.compile("(negative\\s+)?(?:\\$\\s?" + NUM + "|" + NUM + "\\s+cents)"
      + "\\s+(?:per|an|a)\\s+(?:payable\\s+|recovered\\s+|produced\\s+|sold\\s+)?(ounce|oz\\.?|tonne|ton|pound|lb\\.?)(?:\\s+of\\s+" + METALS + ")?", Pattern.CASE_INSENSITIVE);

  private static final Pattern GRADE_CLAIM = Pattern.compile(NUM + "\\s+(?:ounces?|oz\\.?)\\s+(?:of\\s+" + METALS
      + "\\s+)?per\\s+(?:short\\s+)?ton", Pattern.CASE_INSENSITIVE);

  private static final Pattern MONEY = Pattern.compile("(negative\\s+)?\\$\\s?" + NUM + "(?:\\s+(million|billion|thousand)\\b)?",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern QUANTITY = Pattern.compile(NUM + "(?:\\s+(million|thousand)\\b)?\\s+(?:" + METALS
      + "\\s+)?(ounces|ounce|oz\\.?|tons|tonnes|pounds)\\b(?:\\s+of\\s+" + METALS + ")?", Pattern.CASE_INSENSITIVE);

  private static final Pattern APPROX = Pattern.compile("\\b(approximately|about|nearly|almost|roughly|around|some|an approximate|approx\\.)\\s+$");

  private static final Pattern LOWER = Pattern.compile("\\b(more than|over|in excess of|exceeding|at least)\\s+$");

  private static final Pattern UPPER = Pattern.compile("\\b(less than|under|below|up to|at most)\\s+$");

  private static final Pattern UP = Pattern.compile("\\b(increases?|increased|increasing|up|higher|rose|rise|grew|growth|gain|gains)\\b");

  private static final Pattern DOWN = Pattern.compile("\\b(decreases?|decreased|decreasing|down|lower|fell|fall|declined?|declining"
      + "|reduction|reduced|drop|dropped)\\b");

  enum Bound { ROUNDED, LOWER, UPPER }

  /** A number claim found in a sentence; the checker links it to a concept and a figure. */
  static final class Claim {
    ProseClaim.Kind kind;
    int start;
    int end;
    String text;
    BigDecimal value;
    BigDecimal half;
    BigDecimal scale = BigDecimal.ONE;
    Bound bound = Bound.ROUNDED;
    Optional<Metal> metal = Optional.empty();
    boolean perOunce;

    Interval interval(boolean negate) {
      BigDecimal v = negate ? value.negate() : value;
      BigDecimal big = BigDecimal.TEN.pow(30);
      Interval i = switch (bound) {
        case ROUNDED -> new Interval(v.subtract(half), v.add(half));
        case LOWER -> negate ? new Interval(big.negate(), v) : new Interval(v, big);
        case UPPER -> negate ? new Interval(v, big) : new Interval(big.negate(), v);
      };
      return i;
    }
  }

  static Optional<Metal> metal(String word) {
    if (word == null) {
      return Optional.empty();
    }
    for (Metal m : Metal.values()) {
      if (m.displayName().equalsIgnoreCase(word)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The number claims of a sentence, in order: each with its kind, value, rounding and bound, and the metal its own words name. */
  static List<Claim> in(String text) {
    List<Claim> out = new ArrayList<>();
    boolean[] taken = new boolean[text.length()];
    String lower = text.toLowerCase(Locale.ROOT);
    find(RATIO, text, taken, out, (m, c) -> {
      c.kind = ProseClaim.Kind.RATIO;
      number(c, m.group(1), BigDecimal.ONE);
    });
    find(PERCENT, text, taken, out, (m, c) -> {
      String around = lower.substring(Math.max(0, m.start() - 70), m.start()) + " "
          + lower.substring(m.end(), Math.min(lower.length(), m.end() + 25));
      boolean up = UP.matcher(around).find();
      boolean down = DOWN.matcher(around).find();
      c.kind = up || down ? ProseClaim.Kind.PERCENT_CHANGE : ProseClaim.Kind.PERCENT;
      number(c, m.group(1), BigDecimal.ONE);
      if (down && !up) {
        c.value = c.value.negate();
      } else if (down) {
        // both words around the number: the nearer one says
        int u = lastIndex(UP, lower.substring(0, m.start()));
        int d = lastIndex(DOWN, lower.substring(0, m.start()));
        if (d > u) {
          c.value = c.value.negate();
        }
      }
    });
    find(GRADE_CLAIM, text, taken, out, (m, c) -> {
      c.kind = ProseClaim.Kind.GRADE;
      number(c, m.group(1), BigDecimal.ONE);
      c.metal = metal(m.group(2));
    });
    find(PER_UNIT, text, taken, out, (m, c) -> {
      c.kind = ProseClaim.Kind.PER_UNIT;
      c.perOunce = m.group(4).toLowerCase(Locale.ROOT).startsWith("o");
      if (m.group(2) != null) {
        number(c, m.group(2), BigDecimal.ONE);
      } else {
        number(c, m.group(3), new BigDecimal("0.01"));
      }
      if (m.group(1) != null) {
        c.value = c.value.negate();
      }
      c.metal = metal(m.group(5));
    });
    find(MONEY, text, taken, out, (m, c) -> {
      c.kind = ProseClaim.Kind.AMOUNT;
      number(c, m.group(2), scale(m.group(3)));
      if (m.group(1) != null) {
        c.value = c.value.negate();
      }
    });
    find(QUANTITY, text, taken, out, (m, c) -> {
      c.kind = ProseClaim.Kind.QUANTITY;
      number(c, m.group(1), scale(m.group(2)));
      c.metal = metal(m.group(3)).or(() -> metal(m.group(5)));
      c.perOunce = m.group(4).toLowerCase(Locale.ROOT).startsWith("o");
    });
    out.sort(Comparator.comparingInt(c -> c.start));
    for (Claim c : out) {
      String before = lower.substring(Math.max(0, c.start - 30), c.start);
      boolean approx = APPROX.matcher(before).find();
      if (LOWER.matcher(before).find()) {
        c.bound = Bound.LOWER;
      } else if (UPPER.matcher(before).find()) {
        c.bound = Bound.UPPER;
      }
      if (approx && c.value.scale() <= 0) {
        // "approximately 215,000 ounces": the trailing zeros are rounding, too
        BigDecimal unscaled = c.value.divide(c.scale).stripTrailingZeros();
        if (unscaled.scale() < 0) {
          c.half = BigDecimal.ONE.movePointLeft(unscaled.scale()).divide(BigDecimal.valueOf(2)).multiply(c.scale);
        }
      }
    }
    return out;
  }

  private static int lastIndex(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int at = -1;
    while (m.find()) {
      at = m.start();
    }
    return at;
  }

  private static BigDecimal scale(String word) {
    if (word == null) {
      return BigDecimal.ONE;
    }
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "million" -> BigDecimal.TEN.pow(6);
      case "billion" -> BigDecimal.TEN.pow(9);
      case "thousand" -> BigDecimal.TEN.pow(3);
      default -> BigDecimal.ONE;
    };
  }

  private static void number(Claim c, String digits, BigDecimal scale) {
    BigDecimal printed = new BigDecimal(digits.replace(",", ""));
    int decimals = Math.max(0, printed.scale());
    c.scale = scale;
    c.value = printed.multiply(scale);
    c.half = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2)).multiply(scale);
  }

  private interface Fill {
    void fill(Matcher m, Claim c);
  }

  /** Longest claim read ("$1,234.5 million per ounce of gold" is 35 characters): a longer number is not a figure. */
  static final int MAX_CLAIM_CHARS = 80;

  /** "$000", "($000s)", "US$000": a unit of thousands of dollars written in a label, not an amount. */
  static boolean scaleMarker(String text, int start, int end) {
    String t = text.substring(start, end).replaceAll("[^0-9]", "");
    boolean zeros = !t.isEmpty() && t.chars().allMatch(ch -> ch == '0') && t.length() >= 3;
    return zeros && (end >= text.length() || text.charAt(end) == ')' || text.charAt(end) == 's' || text.charAt(end) == '\'');
  }

  private static void find(Pattern p, String text, boolean[] taken, List<Claim> out, Fill fill) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      if (m.end() - m.start() > MAX_CLAIM_CHARS) {
        continue;
      }
      boolean free = true;
      for (int i = m.start(); i < m.end(); i++) {
        free &= !taken[i];
      }
      if (!free || (m.start() > 0 && (Character.isLetterOrDigit(text.charAt(m.start() - 1)) || text.charAt(m.start() - 1) == '-'))
          || (m.end() < text.length() && text.charAt(m.end()) == '-') || scaleMarker(text, m.start(), m.end())) {
        continue;
      }
      Claim c = new Claim();
      c.start = m.start();
      c.end = m.end();
      c.text = text.substring(m.start(), m.end());
      fill.fill(m, c);
      for (int i = m.start(); i < m.end(); i++) {
        taken[i] = true;
      }
      out.add(c);
    }
  }
}
