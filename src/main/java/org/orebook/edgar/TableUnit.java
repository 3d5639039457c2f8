package org.orebook.edgar;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit line of a table (or a row label's unit), e.g. {@code (dollars and ounces in thousands,
 * except per ounce - unaudited)}, {@code (in thousands of U.S. dollars)}, {@code (US$000s)},
 * {@code $000}, {@code (000's)}, {@code (in millions of U.S. dollars, except per share amounts)},
 * {@code (C$ millions)}: which quantities are printed in thousands (or millions), which per-unit
 * amounts are excepted, and the currency when it is named.
 *
 * @param scaled the quantities the scale applies to: {@code dollars}, {@code ounces}, {@code shares},
 *     {@code tons}, {@code tonnes}, {@code pounds}
 * @param exponent 3 for thousands, 6 for millions, 9 for billions
 * @param except the per-unit amounts excepted: {@code share}, {@code ounce}, {@code pound}, {@code ton}
 * @param currency the ISO code of the currency named ({@code USD}, {@code CAD}, {@code AUD}), or empty
 *     when the text names none or only {@code $}
 */
public record TableUnit(String text, Set<String> scaled, int exponent, Set<String> except, String currency) {
  private static final String QUANTITIES = "dollars|ounces|shares|tons|tonnes|pounds|amounts";
  private static final Pattern SCALE = Pattern.compile(
      "((?:" + QUANTITIES + "|us\\$|c\\$|a\\$|\\$)(?:\\s*(?:,|and)\\s*(?:" + QUANTITIES + "))*)"
          + "\\s+(?:are\\s+)?(?:expressed\\s+|presented\\s+|stated\\s+)?in\\s+(thousands|millions|billions)");
  /** "in thousands of U.S. dollars", "in millions of Canadian dollars", "in thousands of US$". */
  private static final Pattern OF_DOLLARS = Pattern.compile(
      "in\\s+(thousands|millions|billions)\\s+of\\s+(u\\.?s\\.?\\s+|united states\\s+|canadian\\s+|australian\\s+|us\\s+|c\\s+)?"
          + "(dollars|\\$|us\\$|c\\$|a\\$)");
  /** "(in thousands)", "(in millions, except per share amounts)", "(unaudited, in thousands)". */
  private static final Pattern IN_SCALE = Pattern.compile("(?:^|[(,;\\s])in\\s+(thousands|millions|billions)\\b");
  /** "(US$000s)", "$000", "(000's)", "US$ 000", "(C$000)", "($ in thousands)", "(US$ millions)", "($M)", "US$m". */
  private static final Pattern SHORT = Pattern.compile(
      "(?:^|[(\\s,])((?:us|c|a|ca|cdn|au)?\\$)?\\s*(?:in\\s+)?(000'?s?|'000|thousands?|millions?|mm|m|bn)(?=$|[)\\s,;.])");
  private static final Pattern SHORT_DOLLAR_FIRST = Pattern.compile(
      "(?:^|[(\\s,])((?:us|c|a|ca|cdn|au)?\\$)\\s*(?:in\\s+)?(000'?s?|'000|thousands?|millions?|mm|m|bn)(?=$|[)\\s,;.])");

  private static final Pattern IN_QUANTITY = Pattern.compile("\\bin\\s+(thousands|millions|billions)\\s+of\\s+(ounces|tons|tonnes|pounds|shares)\\b");
  private static final Pattern EXCEPT_SHARES = Pattern.compile("except\\s+(for\\s+)?(the\\s+)?(number of\\s+)?shares?\\b");
  private static final Pattern OF_QUANTITY = Pattern.compile("in\\s+(thousands|millions)\\s+of\\s+(ounces|tons|tonnes|pounds|shares)");
  private static final Pattern THOUSANDS_PAREN = Pattern.compile("\\(\\s*(000'?s?|'000)\\s*\\)");
  private static final Pattern CAD = Pattern.compile("(\\bc\\$|\\bca\\$|\\bcdn\\$|\\bcad\\b|canadian dollars?)");
  private static final Pattern AUD = Pattern.compile("(\\ba\\$|\\bau\\$|\\baud\\b|australian dollars?)");
  private static final Pattern USD = Pattern.compile("(\\bus\\$|\\busd\\b|u\\.s\\. dollars?|us dollars?|united states dollars?)");

  public TableUnit {
    scaled = Set.copyOf(scaled);
    except = Set.copyOf(except);
  }

  public TableUnit(String text, Set<String> scaled, int exponent, Set<String> except) {
    this(text, scaled, exponent, except, "");
  }

  /** Reads a unit line; empty when it names no scale. */
  public static Optional<TableUnit> parse(String text) {
    if (text.length() > 400) {
      return Optional.empty();
    }
    String t = text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replace('\u2019', '\'').replaceAll("\\s+", " ");
    String currency = currency(t);
    Matcher m = SCALE.matcher(t);
    if (m.find()) {
      Set<String> scaled = new LinkedHashSet<>();
      for (String q : m.group(1).split("\\s*(?:,|and)\\s*")) {
        String s = q.trim();
        if (s.equals("amounts") || s.endsWith("$")) {
          s = "dollars";
        }
        if (!s.isEmpty()) {
          scaled.add(s);
        }
      }
      return Optional.of(new TableUnit(text.trim(), scaled, exponent(m.group(2)), excepts(t), currency));
    }
    Matcher of = OF_DOLLARS.matcher(t);
    if (of.find()) {
      return Optional.of(new TableUnit(text.trim(), Set.of("dollars"), exponent(of.group(1)), excepts(t), currency));
    }
    Matcher in = IN_SCALE.matcher(t);
    if (in.find() && !IN_QUANTITY.matcher(t).find()) {
      // a bare scale: money, and shares unless excepted ("in thousands, except share data")
      Set<String> scaled = new LinkedHashSet<>(Set.of("dollars"));
      if (!EXCEPT_SHARES.matcher(t).find()) {
        scaled.add("shares");
      }
      return Optional.of(new TableUnit(text.trim(), scaled, exponent(in.group(1)), excepts(t), currency));
    }
    Matcher ofQuantity = OF_QUANTITY.matcher(t);
    if (ofQuantity.find()) {
      return Optional.of(new TableUnit(text.trim(), Set.of(ofQuantity.group(2)), exponent(ofQuantity.group(1)), excepts(t),
          currency));
    }
    // short forms: a parenthesis (or the whole text) naming only a currency and a scale
    Matcher sh = SHORT_DOLLAR_FIRST.matcher(t);
    boolean dollarFirst = sh.find();
    if (!dollarFirst) {
      sh = SHORT.matcher(t);
      if (!sh.find()) {
        return Optional.empty();
      }
      String s = sh.group(2);
      // a bare "m" or "thousands" without a currency sign is no unit ("m" of metres, "thousands of tonnes")
      if (s.equals("m") || s.equals("mm") || s.equals("bn") || s.startsWith("thousand") || s.startsWith("million")) {
        return Optional.empty();
      }
      // "(000's)", "(000s)": only as a parenthesis or the whole text
      if (!THOUSANDS_PAREN.matcher(t).find() && !t.trim().matches("(000'?s?|'000)")) {
        return Optional.empty();
      }
    }
    String s = sh.group(2);
    int exp = s.startsWith("000") || s.equals("'000") || s.startsWith("thousand") ? 3
        : s.equals("bn") ? 9 : 6;
    return Optional.of(new TableUnit(text.trim(), Set.of("dollars"), exp, excepts(t), currency));
  }

  private static int exponent(String word) {
    return switch (word) {
      case "millions" -> 6;
      case "billions" -> 9;
      default -> 3;
    };
  }

  /** The currency a unit text names: US$, U.S. dollars, USD; C$, Canadian dollars, CAD; A$, AUD. */
  static String currency(String t) {
    if (CAD.matcher(t).find()) {
      return "CAD";
    }
    if (AUD.matcher(t).find()) {
      return "AUD";
    }
    if (USD.matcher(t).find()) {
      return "USD";
    }
    return "";
  }

  private static Set<String> excepts(String t) {
    Set<String> except = new LinkedHashSet<>();
    int ex = t.indexOf("except");
    if (ex >= 0) {
      String rest = t.substring(ex);
      for (String u : new String[] {"share", "ounce", "pound", "ton"}) {
        if (rest.matches(".*\\bper\\s+" + u + ".*") || rest.matches(".*\\b" + u + "s?\\b.*")) {
          except.add(u);
        }
      }
    }
    return except;
  }
}
