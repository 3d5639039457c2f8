package org.orebook.check;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.edgar.Prose.Sentence;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.ReserveCategory;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Interval;
import org.orebook.quantity.Period;

/**
 * Checks the words around the numbers: every amount, per-unit cost, quantity, percentage change and
 * ratio the running text states is linked to a table figure by the words around it (a concept
 * phrase, a unit or country, a metal, a period) and tested with the tables' rounding-aware rule: the
 * claim stands for the interval of values that print as it, the table figure for its printed
 * interval, and the claim holds when they overlap (a percentage change when some values inside both
 * printed figures give it).
 *
 * <p>Linking is conservative. A claim is not tested ("not linked") when its sentence looks forward
 * (will, expects, estimates, ...), says "respectively", names several operating units, when the
 * number is a change or a part ("added", "another", "includes", "by"), when no concept phrase stands
 * next to it, when its metal or unit is ambiguous, or when the figure it names is not printed.
 * Nothing here knows a particular company: concept phrases are the standard ones plus the labels of
 * the release's own statement lines; units and countries come from its tables.
 */
final class ProseChecker {
  /**
   * A number in the text. It starts only where a number starts (not after a digit, comma or point):
   * a claim inside a longer number is refused anyway, and without the look-behind every position of
   * a long run of digits would start a match that runs to its end (time the square of its length).
   */
  private static final String NUM = "(?<![\\d,.])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
  private static final String METALS = "(gold|silver|copper|zinc|lead|nickel|platinum|palladium|molybdenum|cobalt|uranium)";
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

  private static final Pattern FORWARD = Pattern.compile("\\b(will|expects?|expected|anticipates?|anticipated|anticipating"
      + "|estimates?|estimated|should|would|could|may|goal|budget(?:ed)?|plans?|planned|forecasts?|guidance|intends?"
      + "|projected|target(?:ed)?)\\b");
  private static final Pattern HEDGE = Pattern.compile("\\b(sold forward|forward sales?|hedg\\w*|puts? purchased|calls? sold)\\b");
  private static final Pattern CHANGE_BEFORE = Pattern.compile("\\b(added|additional|another|includes?|including|by|of which)"
      + "\\s+(?:approximately\\s+|about\\s+|nearly\\s+|some\\s+|more than\\s+)?$");
  private static final Pattern CHANGE_AFTER = Pattern.compile("^\\s*(fewer|more|less|higher|lower|above|below)\\b");
  private static final Pattern APPROX = Pattern.compile("\\b(approximately|about|nearly|almost|roughly|around|some|an approximate|approx\\.)\\s+$");
  private static final Pattern LOWER = Pattern.compile("\\b(more than|over|in excess of|exceeding|at least)\\s+$");
  private static final Pattern UPPER = Pattern.compile("\\b(less than|under|below|up to|at most)\\s+$");
  private static final Pattern UP = Pattern.compile("\\b(increases?|increased|increasing|up|higher|rose|rise|grew|growth|gain|gains)\\b");
  private static final Pattern DOWN = Pattern.compile("\\b(decreases?|decreased|decreasing|down|lower|fell|fall|declined?|declining"
      + "|reduction|reduced|drop|dropped)\\b");
  private static final Pattern CHANGE_NOUN_AFTER = Pattern.compile("^\\s*(?:increase|decrease|rise|drop|decline|gain|reduction)"
      + "\\s+(?:in|of)\\s+");
  /**
   * Periods in running text: a quarter ("the third quarter of fiscal 2025", "Q3 2024", "3Q24"), the
   * first half or six months, the first nine months, the year to date, a (fiscal) year, the same
   * period of a year, the prior year.
   */
  private static final Pattern PERIOD = Pattern.compile(
      "\\b(?<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+(?:fiscal\\s+)?quarter"
      + "(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?(?:year\\s+)?(?<oy>(?:19|20)\\d\\d))?"
      + "|\\bq(?<qn>[1-4])[\\s-]*(?:fy\\s*)?(?<qy>(?:19|20)?\\d\\d)\\b"
      + "|\\b(?<nq>[1-4])q[\\s-]*(?:fy\\s*)?(?<ny>(?:19|20)?\\d\\d)\\b"
      + "|\\b(?<half>first half|first six months|six months|h1)"
      + "(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?(?:year\\s+)?(?<hy>(?:19|20)\\d\\d))?"
      + "|\\b(?<nine>first nine months|nine months|9m)"
      + "(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?(?:year\\s+)?(?<my>(?:19|20)\\d\\d))?"
      + "|\\b(?<ytd>year[- ]to[- ]date|ytd)(?:\\s+(?<ty>(?:19|20)\\d\\d))?"
      + "|\\b(?<same>same period|a year (?:earlier|ago|before)|the year[- ]earlier (?:period|quarter))"
      + "(?:\\s+(?:of|in)\\s+(?:fiscal\\s+)?(?<sy>(?:19|20)\\d\\d))?"
      + "|\\b(?<prior>(?:previous|prior|last) (?:fiscal )?year)\\b"
      + "|\\b(?:fiscal\\s+(?:year\\s+)?|fy\\s?)(?<fy>(?:19|20)?\\d\\d)\\b"
      + "|\\b(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},\\s+(?<dy>(?:19|20)\\d\\d)\\b"
      + "|\\b(?<y>(?:19|20)\\d\\d)\\b");
  private static final Pattern PERIOD_AFTER = Pattern.compile("^(?:\\s+(?:sold|produced|payable))?\\s*,?\\s*(?:in|for|during|of|at the end of|at|as of|to)\\s+(?:the\\s+)?");

  /** What a concept phrase names. */
  private enum Family { COMPANY, STATEMENT, COST, PRODUCED, CAPITAL, PRICE, RESERVES, GRADE }

  private record Concept(Family family, String concept, String statement, boolean negate) {}

  private record Mention(int start, int end, Concept concept, Optional<Metal> metal) {}

  /** What a period mention names: a quarter, a year to date of a length, a year, the same period, the prior year. */
  private enum Span { QUARTER, HALF, NINE, TO_DATE, YEAR, SAME, PRIOR, DATE }

  /** A period named in a sentence; a date (a balance at it) carries its month in {@code quarter}. */
  private record PeriodMention(int start, int end, Span span, Integer quarter, Integer year) {}

  private record UnitMention(int start, String unitId) {}

  private enum Bound { ROUNDED, LOWER, UPPER }

  /** A number claim found in a sentence. */
  private static final class Claim {
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
    Concept concept;
    Optional<Metal> linkedMetal = Optional.empty();

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

  /** Sentences read at most (a release has a few hundred; the rest of a huge file is not read). */
  static final int MAX_SENTENCES = 20_000;

  /**
   * Longest sentence read for claims: a release's sentences run to a few hundred characters; a
   * longer "sentence" is a list or a table flattened into text, and reading it would cost the
   * square of its length (each claim looks at the words around it).
   */
  static final int MAX_SENTENCE_CHARS = 2_000;

  private final PublishedRelease pr;
  private final Function<FactKey, Optional<Checker.Valued>> values;
  private final List<Map.Entry<Pattern, Concept>> phrases = new ArrayList<>();
  private final List<Map.Entry<Pattern, String>> unitNames = new ArrayList<>();
  private final int releaseYear;
  /** The period the release reports (a claim without a period is about it). */
  private final Period release;
  /** The year end the tables' reserves are keyed at. */
  private final Period reserveYear;

  private ProseChecker(PublishedRelease pr, Function<FactKey, Optional<Checker.Valued>> values) {
    this.pr = pr;
    this.values = values;
    this.releaseYear = pr.text().latestYear().map(Period::year).orElse(0);
    this.release = pr.text().releasePeriod().orElse(new Period.Year(releaseYear, pr.text().yearEnd()));
    this.reserveYear = pr.text().latestYear().orElse(new Period.Year(releaseYear));
    standardPhrases();
    Set<String> seen = new LinkedHashSet<>();
    for (StatementLine l : pr.lines()) {
      // brackets removed in one scan (a regular expression retried from every unclosed '(': the square of a run of them)
      String label = org.orebook.edgar.Brackets.replace(ConceptDictionary.normalize(l.label()), '(', ')', " ")
          .replaceAll("\\s+", " ").trim();
      if (l.kind() == StatementLine.Kind.HEADING || l.kind() == StatementLine.Kind.BLANK || label.length() < 6
          || label.matches("(total|other|net|subtotal|other, net)") || !seen.add(label)) {
        continue;
      }
      phrases.add(Map.entry(Pattern.compile("\\b" + Pattern.quote(label) + "\\b"),
          new Concept(Family.STATEMENT, l.id(), l.statement(), false)));
    }
    for (OperatingUnit u : pr.company().units()) {
      String name = org.orebook.edgar.Brackets.replace(u.name().toLowerCase(Locale.ROOT), '(', ')', " ")
          .replaceAll("\\b(unit|mine|mines|operations?|project)\\b", " ").replaceAll("\\s+", " ").trim();
      if (name.length() >= 3) {
        unitNames.add(Map.entry(Pattern.compile("\\b" + Pattern.quote(name) + "\\b"), u.id()));
      }
      String country = u.country().toLowerCase(Locale.ROOT).trim();
      if (country.length() >= 3 && pr.company().units().stream().filter(x -> x.country().equalsIgnoreCase(u.country())).count() == 1) {
        unitNames.add(Map.entry(Pattern.compile("\\b" + Pattern.quote(country) + "\\b"), u.id()));
      }
    }
  }

  /**
   * How a claim about a concept finds its figure, for the concepts not figures of the company as a
   * whole: a unit's or metal group's cost, capital, production, grade; a market price; reserves.
   */
  private static final Map<String, Family> FAMILIES = Map.of(TOTAL_CASH, Family.COST, CASH_OPERATING, Family.COST,
      TOTAL_PRODUCTION, Family.COST, AISC, Family.COST, AIC, Family.COST, CAPITAL_ADDITIONS, Family.CAPITAL,
      PRODUCED, Family.PRODUCED, PRICE, Family.PRICE, CONTAINED, Family.RESERVES, GRADE, Family.GRADE);

  /** The words running text names each concept by: the vocabulary's declared prose phrases. */
  private void standardPhrases() {
    for (org.orebook.facts.Concept c : org.orebook.relations.Concepts.vocabulary()) {
      if (c.prose().isEmpty()) {
        continue;
      }
      Family family = FAMILIES.getOrDefault(c.name(), Family.COMPANY);
      phrase(c.prose(), new Concept(family, c.name(), "", false));
      if (!c.opposite().isEmpty()) {
        phrase(c.opposite(), new Concept(family, c.name(), "", true));
      }
    }
  }

  private void phrase(String regex, Concept c) {
    phrases.add(Map.entry(Pattern.compile("\\b(?:" + regex + ")\\b"), c));
  }

  /** Every number claim of the release's running text, tested or not. */
  /** The claims read, and the line the reading stopped at when it ran out of time (0: it did not). */
  record Read(List<ProseClaim> claims, int stoppedAtLine) {}

  static List<ProseClaim> check(PublishedRelease pr, Function<FactKey, Optional<Checker.Valued>> values) {
    return check(pr, values, Long.MAX_VALUE).claims();
  }

  /** The claims of the running text, read until {@code deadline} ({@link System#nanoTime}). */
  static Read check(PublishedRelease pr, Function<FactKey, Optional<Checker.Valued>> values, long deadline) {
    ProseChecker c = new ProseChecker(pr, values);
    List<Sentence> sentences = pr.text().sentences(MAX_SENTENCES);
    if (sentences.size() > MAX_SENTENCES) {
      sentences = sentences.subList(0, MAX_SENTENCES);
    }
    Map<Integer, List<Sentence>> paragraphs = new java.util.HashMap<>();
    sentences.forEach(x -> paragraphs.computeIfAbsent(x.paragraph(), i -> new ArrayList<>()).add(x));
    List<ProseClaim> out = new ArrayList<>();
    Map<Integer, Set<String>> paragraphUnits = new java.util.HashMap<>();
    for (Sentence s : sentences) {
      if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
        return new Read(out, s.firstLine());
      }
      if (s.text().length() > MAX_SENTENCE_CHARS) {
        continue;
      }
      Set<String> units = paragraphUnits.computeIfAbsent(s.paragraph(), p -> {
        Set<String> all = new LinkedHashSet<>();
        paragraphs.get(p).forEach(x -> all.addAll(c.units(x.text().toLowerCase(Locale.ROOT))));
        return all;
      });
      try {
        out.addAll(c.sentence(s, units));
      } catch (RuntimeException e) {
        // an odd sentence is reported as a claim that could not be tested, with the reason, never dropped and
        // never a reason for the check to fail
        out.add(new ProseClaim(s.lineAt(0), s.text(), "(the sentence)", ProseClaim.Kind.AMOUNT, ProseClaim.Status.NOT_LINKED,
            "", List.of(), "the sentence could not be evaluated: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return new Read(out, 0);
  }

  // ------------------------------------------------------------------ reading a sentence

  private List<ProseClaim> sentence(Sentence s, Set<String> paragraphUnits) {
    String text = s.text();
    String lower = text.toLowerCase(Locale.ROOT);
    List<Claim> claims = claims(text);
    if (claims.isEmpty()) {
      return List.of();
    }
    List<Mention> concepts = concepts(lower);
    List<PeriodMention> periods = periods(lower);
    Set<String> sentenceUnits = units(lower);
    List<ProseClaim> out = new ArrayList<>();
    String forward = FORWARD.matcher(lower).find() ? "the sentence looks forward" : null;
    String respectively = lower.contains("respectively") ? "the sentence lists figures 'respectively'"
        : HEDGE.matcher(lower).find() ? "a hedge position, not a reported figure" : null;
    Claim previous = null;
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      int clauseStart = Math.max(lower.lastIndexOf(';', c.start) + 1, 0);
      int clauseEnd = lower.indexOf(';', c.end);
      clauseEnd = clauseEnd < 0 ? lower.length() : clauseEnd;
      if (previous != null && previous.start < clauseStart) {
        previous = null;
      }
      int windowStart = Math.max(clauseStart, previous == null ? 0 : previous.end);
      int nextStart = i + 1 < claims.size() ? Math.min(claims.get(i + 1).start, clauseEnd) : clauseEnd;
      String before = lower.substring(windowStart, c.start);
      String after = lower.substring(c.end, Math.max(c.end, nextStart));
      String why = forward != null ? forward : respectively;
      if (why == null && c.kind != ProseClaim.Kind.PERCENT_CHANGE && c.kind != ProseClaim.Kind.PERCENT
          && (CHANGE_BEFORE.matcher(lower.substring(Math.max(0, c.start - 40), c.start)).find()
              || CHANGE_AFTER.matcher(after).find())) {
        why = "the number is a change or a part, not a level";
      }
      if (why == null && c.kind == ProseClaim.Kind.PERCENT) {
        why = "a percentage that is not a change (a share, an interest, a return)";
      }
      Concept concept = null;
      Optional<Metal> conceptMetal = Optional.empty();
      if (why == null) {
        Mention m = null;
        if (c.kind == ProseClaim.Kind.PERCENT_CHANGE && CHANGE_NOUN_AFTER.matcher(after).find()) {
          m = first(concepts, c.end, nextStart);
        }
        if (m == null) {
          m = last(concepts, windowStart, c.start);
          if (m != null && words(lower.substring(m.end(), c.start)) > 8) {
            m = null;
          }
        }
        if (m == null) {
          Mention next = first(concepts, c.end, nextStart);
          if (next != null && (c.kind == ProseClaim.Kind.PERCENT_CHANGE
              ? words(lower.substring(c.end, next.start())) <= 4
              : lower.substring(c.end, next.start()).matches("\\s*(of|in|on|for)\\s+(the\\s+)?"))) {
            m = next;
          }
        }
        if (m != null) {
          concept = m.concept();
          conceptMetal = m.metal();
        } else if (previous != null && previous.concept != null) {
          concept = previous.concept;
          conceptMetal = previous.linkedMetal;
        }
        if (concept == null) {
          why = "no concept named next to the number";
        }
      }
      c.concept = concept;
      Optional<Metal> metal = c.metal.isPresent() ? c.metal : conceptMetal;
      if (metal.isEmpty() && why == null) {
        metal = lastMetal(lower, windowStart, c.start);
      }
      if (metal.isEmpty() && previous != null) {
        metal = previous.linkedMetal;
      }
      c.linkedMetal = metal;
      ProseClaim result = why != null ? notLinked(s, c, why)
          : test(s, c, concept, metal, lower, before, after, clauseStart, periods, sentenceUnits, paragraphUnits, claims);
      out.add(result);
      previous = c;
    }
    return out;
  }

  private static int words(String s) {
    String t = s.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static Mention last(List<Mention> ms, int from, int to) {
    Mention best = null;
    for (Mention m : ms) {
      if (m.start() >= from && m.end() <= to && (best == null || m.start() > best.start())) {
        best = m;
      }
    }
    return best;
  }

  private static Mention first(List<Mention> ms, int from, int to) {
    return ms.stream().filter(m -> m.start() >= from && m.end() <= to).min(Comparator.comparingInt(Mention::start)).orElse(null);
  }

  private static final Pattern METAL_WORD = Pattern.compile("\\b" + METALS + "\\b");

  private static Optional<Metal> lastMetal(String lower, int from, int to) {
    Matcher m = METAL_WORD.matcher(lower.substring(from, to));
    Optional<Metal> found = Optional.empty();
    while (m.find()) {
      found = metal(m.group(1));
    }
    return found;
  }

  private static Optional<Metal> metal(String word) {
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

  private List<Claim> claims(String text) {
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

  private List<Mention> concepts(String lower) {
    List<Mention> all = new ArrayList<>();
    for (Map.Entry<Pattern, Concept> e : phrases) {
      Matcher m = e.getKey().matcher(lower);
      while (m.find()) {
        all.add(new Mention(m.start(), m.end(), e.getValue(), lastMetal(lower, Math.max(0, m.start() - 25), m.end())));
      }
    }
    // longest first, no overlaps
    all.sort(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed());
    List<Mention> kept = new ArrayList<>();
    for (Mention m : all) {
      if (kept.stream().noneMatch(k -> k.start() < m.end() && m.start() < k.end())) {
        kept.add(m);
      }
    }
    return kept;
  }

  private List<PeriodMention> periods(String lower) {
    List<PeriodMention> out = new ArrayList<>();
    Matcher m = PERIOD.matcher(lower);
    while (m.find()) {
      PeriodMention p;
      if (m.group("ord") != null) {
        int q = switch (m.group("ord")) {
          case "first", "1st" -> 1;
          case "second", "2nd" -> 2;
          case "third", "3rd" -> 3;
          default -> 4;
        };
        p = new PeriodMention(m.start(), m.end(), Span.QUARTER, q, year(m.group("oy")));
      } else if (m.group("qn") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.QUARTER, Integer.parseInt(m.group("qn")), year(m.group("qy")));
      } else if (m.group("nq") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.QUARTER, Integer.parseInt(m.group("nq")), year(m.group("ny")));
      } else if (m.group("half") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.HALF, null, year(m.group("hy")));
      } else if (m.group("nine") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.NINE, null, year(m.group("my")));
      } else if (m.group("ytd") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.TO_DATE, null, year(m.group("ty")));
      } else if (m.group("same") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.SAME, null, year(m.group("sy")));
      } else if (m.group("prior") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.PRIOR, null, releaseYear - 1);
      } else if (m.group("mon") != null) {
        int month = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
            .indexOf(m.group("mon")) + 1;
        p = new PeriodMention(m.start(), m.end(), Span.DATE, month, Integer.parseInt(m.group("dy")));
      } else if (m.group("fy") != null) {
        p = new PeriodMention(m.start(), m.end(), Span.YEAR, null, year(m.group("fy")));
      } else {
        p = new PeriodMention(m.start(), m.end(), Span.YEAR, null, year(m.group("y")));
      }
      out.add(p);
    }
    return out;
  }

  /** A year of four digits, or of two ("fy25"); null when absent. */
  private static Integer year(String digits) {
    if (digits == null) {
      return null;
    }
    int v = Integer.parseInt(digits);
    return digits.length() == 2 ? 2000 + v : v;
  }

  private Set<String> units(String lower) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<Pattern, String> e : unitNames) {
      if (e.getKey().matcher(lower).find()) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ linking and testing

  private Period periodOf(PeriodMention m, List<PeriodMention> all) {
    int year = m.year() == null ? releaseYear : m.year();
    org.orebook.quantity.FiscalYearEnd fye = pr.text().yearEnd();
    return switch (m.span()) {
      case QUARTER -> Period.quarter(year, m.quarter(), fye);
      case HALF -> Period.toDate(year, 2, fye);
      case NINE -> Period.toDate(year, 3, fye);
      case TO_DATE -> Period.toDate(year, release.lastQuarter(), fye);
      case SAME -> {
        // the same period as the one named before it, in the year it names (or the prior year)
        Optional<PeriodMention> before = all.stream().filter(x -> x.start() < m.start() && x.span() != Span.SAME
            && x.span() != Span.PRIOR && x.span() != Span.YEAR).reduce((a, b) -> b);
        int y = m.year() == null ? releaseYear - 1 : m.year();
        yield before.map(b -> periodOf(new PeriodMention(b.start(), b.end(), b.span(), b.quarter(), y), all))
            .orElse(new Period.Year(y, fye));
      }
      case PRIOR -> new Period.Year(releaseYear - 1, fye);
      case YEAR -> new Period.Year(year, fye);
      case DATE -> {
        // a balance at a date: the fiscal year at its end, else the quarter ending then
        java.time.YearMonth ym = java.time.YearMonth.of(m.year(), m.quarter());
        yield Period.quarter(fye.fiscalYearOf(ym), fye.quarterOf(ym), fye).asAt();
      }
    };
  }

  /** The same kind of period in the release's own year (the current period a change is stated for). */
  private Period current(Period p) {
    return p.year() == releaseYear ? p : p.isQuarter() ? Period.quarter(releaseYear, p.lastQuarter(), p.yearEnd())
        : Period.toDate(releaseYear, p.lastQuarter(), p.yearEnd());
  }

  private Period claimPeriod(Claim c, String lower, int windowStart, int clauseStart, List<PeriodMention> periods) {
    // "compared to $1.3 million a year earlier": the same period a year before, named right after it
    for (PeriodMention m : periods) {
      if (m.span() == Span.SAME && m.start() >= c.end && lower.substring(c.end, m.start()).isBlank()) {
        return periodOf(m, periods);
      }
    }
    Matcher a = PERIOD_AFTER.matcher(lower.substring(c.end));
    if (a.find()) {
      int at = c.end + a.end();
      for (PeriodMention m : periods) {
        if (m.start() == at) {
          return periodOf(m, periods);
        }
      }
    }
    PeriodMention best = null;
    for (PeriodMention m : periods) {
      if (m.end() <= c.start && m.start() >= windowStart && (best == null || m.start() > best.start())) {
        best = m;
      }
    }
    if (best == null) {
      for (PeriodMention m : periods) {
        if (m.end() <= c.start && (best == null || m.start() > best.start())) {
          best = m;
        }
      }
    }
    return best != null ? periodOf(best, periods) : release;
  }

  private ProseClaim test(Sentence s, Claim c, Concept concept, Optional<Metal> metal, String lower, String before,
      String after, int clauseStart, List<PeriodMention> periods, Set<String> sentenceUnits, Set<String> paragraphUnits,
      List<Claim> claims) {
    boolean unitLevel = switch (concept.family()) {
      case COST, PRODUCED, CAPITAL, GRADE -> true;
      default -> false;
    };
    Optional<String> unit = Optional.empty();
    if (sentenceUnits.size() > 1) {
      return notLinked(s, c, "the sentence names several operating units");
    } else if (sentenceUnits.size() == 1) {
      unit = Optional.of(sentenceUnits.iterator().next());
    } else if (unitLevel && paragraphUnits.size() > 1) {
      return notLinked(s, c, "the paragraph names several operating units");
    } else if (unitLevel && paragraphUnits.size() == 1) {
      unit = Optional.of(paragraphUnits.iterator().next());
    }
    if (unit.isPresent() && !unitLevel) {
      return notLinked(s, c, "a company figure said of one operating unit");
    }
    int windowStart = Math.max(clauseStart, claims.stream().filter(x -> x.end <= c.start).mapToInt(x -> x.end).max().orElse(0));
    if (c.kind == ProseClaim.Kind.PERCENT_CHANGE) {
      // the period the change is stated for: the nearest one named before it in the sentence, else the
      // first after it ("increased 41% quarter-on-quarter, from ... in the fourth quarter of 2002"), in
      // the release's year
      Optional<PeriodMention> named = periods.stream().filter(m -> m.end() <= c.start).reduce((a, b) -> b);
      Optional<PeriodMention> following = periods.stream().filter(m -> m.start() >= c.end).findFirst();
      Period current = current(named.or(() -> following).map(m -> periodOf(m, periods)).orElse(release));
      boolean perUnit = claims.stream().anyMatch(x -> x.kind == ProseClaim.Kind.PER_UNIT);
      Optional<FactKey> k = key(concept, perUnit ? ProseClaim.Kind.PER_UNIT : naturalKind(concept), metal, unit, current);
      if (k.isEmpty()) {
        return notLinked(s, c, "the concept needs a metal or unit the sentence does not name");
      }
      return testChange(s, c, k.get());
    }
    Period p = claimPeriod(c, lower, windowStart, clauseStart, periods);
    if (concept.family() == Family.RESERVES && (lower.contains("resource") || unit.isPresent())) {
      return notLinked(s, c, "reserves and resources together, or one property's");
    }
    if (concept.family() == Family.GRADE && before.contains("reserve")) {
      Optional<FactKey> rk = unit.flatMap(u -> pr.properties().stream().filter(x -> x.unitId().equals(Optional.of(u))
          || x.id().equals(u)).findFirst()).flatMap(x -> metal.map(m -> new FactKey(property(x.id()), GRADE,
          ReserveCategory.PROVEN_PROBABLE.code() + ":" + m.name(), reserveYear)));
      if (rk.isEmpty()) {
        return notLinked(s, c, "a reserve grade of no property the tables print");
      }
      return testLevel(s, c, concept, rk.get());
    }
    Optional<FactKey> k = key(concept, c.kind, metal, unit, p);
    if (k.isEmpty()) {
      return notLinked(s, c, "the words name no table figure of this kind (" + concept.concept() + ", " + c.kind + ")");
    }
    return testLevel(s, c, concept, k.get());
  }

  private static ProseClaim.Kind naturalKind(Concept c) {
    return switch (c.family()) {
      case PRODUCED, RESERVES -> ProseClaim.Kind.QUANTITY;
      case PRICE -> ProseClaim.Kind.PER_UNIT;
      case GRADE -> ProseClaim.Kind.GRADE;
      default -> c.concept().equals(CURRENT_RATIO) ? ProseClaim.Kind.RATIO : ProseClaim.Kind.AMOUNT;
    };
  }

  private Optional<FactKey> key(Concept c, ProseClaim.Kind kind, Optional<Metal> metal, Optional<String> unit, Period p) {
    Entity entity = unit.map(Entity::unit).orElse(COMPANY);
    switch (c.family()) {
      case COMPANY -> {
        boolean ratio = c.concept().equals(CURRENT_RATIO);
        if (ratio != (kind == ProseClaim.Kind.RATIO) || (!ratio && kind != ProseClaim.Kind.AMOUNT)) {
          return Optional.empty();
        }
        return Optional.of(new FactKey(COMPANY, c.concept(), "", p));
      }
      case STATEMENT -> {
        return kind == ProseClaim.Kind.AMOUNT ? Optional.of(new FactKey(Entity.statement(c.statement()), c.concept(), "", p)) : Optional.empty();
      }
      case COST -> {
        if (kind == ProseClaim.Kind.PER_UNIT) {
          // all-in measures are per ounce sold
          String perOz = c.concept().equals(AISC) ? AISC_PER_OZ : c.concept().equals(AIC) ? AIC_PER_OZ
              : c.concept() + "_per_oz";
          if (unit.isPresent()) {
            return Optional.of(new FactKey(entity, perOz, "", p));
          }
          return metal.map(m -> new FactKey(group(m.name()), perOz, "", p));
        }
        if (kind == ProseClaim.Kind.AMOUNT) {
          return unit.isPresent() ? Optional.of(new FactKey(entity, c.concept(), "", p))
              : metal.map(m -> new FactKey(group(m.name()), c.concept(), "", p));
        }
        return Optional.empty();
      }
      case PRODUCED -> {
        if (kind != ProseClaim.Kind.QUANTITY) {
          return Optional.empty();
        }
        Optional<Metal> m = metal.or(() -> unit.flatMap(u -> pr.company().unit(u)).flatMap(OperatingUnit::primaryMetal));
        return m.map(x -> new FactKey(entity, PRODUCED, x.name(), p));
      }
      case CAPITAL -> {
        return kind == ProseClaim.Kind.AMOUNT && unit.isPresent()
            ? Optional.of(new FactKey(entity, CAPITAL_ADDITIONS, "", p)) : Optional.empty();
      }
      case GRADE -> {
        return kind == ProseClaim.Kind.GRADE && unit.isPresent() && metal.isPresent()
            ? Optional.of(new FactKey(entity, GRADE, metal.get().name(), p)) : Optional.empty();
      }
      case PRICE -> {
        if (kind != ProseClaim.Kind.PER_UNIT && kind != ProseClaim.Kind.AMOUNT || metal.isEmpty()) {
          return Optional.empty();
        }
        List<String> bases = pr.readings().keySet().stream()
            .filter(k -> k.entity().equals(Entity.MARKET) && k.concept().equals(PRICE) && k.printing() == 0
                && k.qualifier().startsWith(metal.get().name() + ":"))
            .map(FactKey::qualifier).distinct().toList();
        return bases.size() == 1 ? Optional.of(new FactKey(Entity.MARKET, PRICE, bases.get(0), p)) : Optional.empty();
      }
      case RESERVES -> {
        if (kind != ProseClaim.Kind.QUANTITY || metal.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new FactKey(reserves(), CONTAINED, ReserveCategory.PROVEN_PROBABLE.code() + ":" + metal.get().name(),
            new Period.Year(releaseYear)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private ProseClaim testLevel(Sentence s, Claim c, Concept concept, FactKey k) {
    Optional<Checker.Valued> v = values.apply(k);
    if (v.isEmpty()) {
      return notLinked(s, c, "the figure it names is not printed (" + Report.describe(k) + ")");
    }
    Interval claim = c.interval(concept.negate());
    Interval table = v.get().interval();
    boolean holds = claim.overlaps(table);
    String arithmetic = "claim " + c.text.trim() + (concept.negate() ? " (a loss: negative)" : "") + " stands for "
        + range(claim, c.scale) + scaleWord(c.scale) + "; the table's " + Report.describe(k) + " stands for "
        + range(table, c.scale) + scaleWord(c.scale) + (holds ? ": they overlap" : ": no overlap");
    return new ProseClaim(s.lineAt(c.start), s.text(), c.text.trim(), c.kind,
        holds ? ProseClaim.Status.PASSED : ProseClaim.Status.FAILED, Report.describe(k), figures(v.get()), arithmetic);
  }

  private ProseClaim testChange(Sentence s, Claim c, FactKey current) {
    FactKey prior = current.withPeriod(current.period().priorYear());
    Optional<Checker.Valued> cur = values.apply(current);
    Optional<Checker.Valued> pri = values.apply(prior);
    if (cur.isEmpty() || pri.isEmpty()) {
      return notLinked(s, c, "the figures it compares are not printed (" + Report.describe(current) + ", "
          + prior.period().code() + ")");
    }
    Interval p = pri.get().interval();
    if (p.lo().signum() <= 0) {
      return notLinked(s, c, "a change from a figure that is not positive");
    }
    Interval claim = c.interval(false);
    Interval change = percent(cur.get().interval(), p);
    boolean holds = claim.overlaps(change);
    String how = "(" + mid(cur.get().interval()) + " - " + mid(p) + ") / " + mid(p) + " x 100 = "
        + pct(percent(Interval.exact(midValue(cur.get().interval())), Interval.exact(midValue(p))).lo()) + "% ("
        + pct(change.lo()) + "% to " + pct(change.hi()) + "% within the printed figures)";
    if (!holds) {
      // the text may have computed the change from the figures as it rounds them ("$17.1 million", "9.8 million ounces")
      Interval cr = proseRounded(cur.get().interval());
      Interval pr2 = proseRounded(p);
      if (pr2.lo().signum() > 0) {
        Interval alt = percent(cr, pr2);
        if (claim.overlaps(alt)) {
          holds = true;
          how += "; on the figures as the text rounds them (" + mid(cr) + ", " + mid(pr2) + "): " + pct(alt.lo()) + "% to "
              + pct(alt.hi()) + "%";
        }
      }
    }
    String arithmetic = Report.describe(current) + " against " + prior.period().code() + ": " + how + "; claim "
        + c.text.trim() + (c.value.signum() < 0 ? " (a decrease)" : "") + " stands for " + pct(claim.lo()) + "% to "
        + pct(claim.hi()) + "%" + (holds ? ": holds" : ": no overlap");
    List<String> figs = new ArrayList<>(figures(cur.get()));
    figs.addAll(figures(pri.get()));
    return new ProseClaim(s.lineAt(c.start), s.text(), c.text.trim(), c.kind,
        holds ? ProseClaim.Status.PASSED : ProseClaim.Status.FAILED, Report.describe(current) + " vs " + prior.period().code(),
        figs, arithmetic);
  }

  /** A figure rounded as running text rounds it (quantity.ProseNumbers): a tenth of a million at a million or more. */
  private static Interval proseRounded(Interval i) {
    BigDecimal m = midValue(i);
    if (!org.orebook.quantity.ProseNumbers.inMillions(m)) {
      return i;
    }
    BigDecimal r = org.orebook.quantity.ProseNumbers.rounded(m);
    BigDecimal half = org.orebook.quantity.ProseNumbers.MILLION_STEP.divide(BigDecimal.valueOf(2));
    return new Interval(r.subtract(half), r.add(half));
  }

  /** The catalogue's change relation (relations.Changes) evaluated on the two intervals. */
  private static Interval percent(Interval cur, Interval prior) {
    FactKey now = FactKey.of(Entity.COMPANY, "x", new Period.Year(2));
    FactKey before = FactKey.of(Entity.COMPANY, "x", new Period.Year(1));
    return org.orebook.relations.Changes.percentChange(now, before).expr()
        .evalInterval(k -> Optional.of(k.equals(now) ? cur : prior)).orElseThrow();
  }

  private static BigDecimal midValue(Interval i) {
    return i.lo().add(i.hi()).divide(BigDecimal.valueOf(2));
  }

  private static String mid(Interval i) {
    return plain(midValue(i));
  }

  private static String pct(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  private static String range(Interval i, BigDecimal scale) {
    BigDecimal big = BigDecimal.TEN.pow(29);
    String lo = i.lo().compareTo(big.negate()) < 0 ? "-inf" : plain(i.lo().divide(scale));
    String hi = i.hi().compareTo(big) > 0 ? "+inf" : plain(i.hi().divide(scale));
    return lo + " to " + hi;
  }

  private static String scaleWord(BigDecimal scale) {
    return scale.compareTo(new BigDecimal("0.01")) == 0 ? " cents" : scale.compareTo(BigDecimal.TEN.pow(6)) == 0 ? " million" : scale.compareTo(BigDecimal.TEN.pow(9)) == 0 ? " billion"
        : scale.compareTo(BigDecimal.TEN.pow(3)) == 0 ? " thousand" : "";
  }

  private static List<String> figures(Checker.Valued v) {
    return v.figures().stream().map(r -> "line " + r.figure().line() + " " + r.figure().label() + " "
        + r.figure().text().replace("$", "").trim() + " (" + r.figure().columnTitle() + ")").toList();
  }

  private static ProseClaim notLinked(Sentence s, Claim c, String why) {
    return new ProseClaim(s.lineAt(c.start), s.text(), c.text.trim(), c.kind, ProseClaim.Status.NOT_LINKED, "", List.of(), why);
  }
}
