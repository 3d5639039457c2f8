package org.orebook.edgar;

import java.time.Month;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;

/**
 * The periods of a release's column headings, in the document's fiscal calendar.
 *
 * <p>A heading is read in two steps. {@link #parse} takes the words over one column (the group
 * heading spanning several columns and the column's own) and says what they state: a length
 * ("Three Months Ended", "Nine Months Ended", "Fourth Quarter Ended", "Year Ended", "First Half",
 * "YTD"), a month and year ("Sept. 30, 2024"), or a named period ("Q3 2024", "3Q24", "Q3 FY2025",
 * "H1 2024", "FY2024", "Fiscal 2025"). {@link #period} then turns that into a {@link Period} of the
 * fiscal year the document uses, which {@link #yearEnd} works out from the whole text: nine months
 * ended March 31 mean a year that ends in June; a third quarter ended March 31 too. A date alone (a
 * balance sheet's column) is the balance at that date: keyed by the year when it is the fiscal year
 * end, else by the quarter ending then. This class is stateless and thread-safe.
 */
public final class PeriodHeadings {
  private static final String MONTH_NAMES = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
  private static final Pattern DATE = Pattern.compile("\\b" + MONTH_NAMES + "\\s*(\\d{1,2})?,?\\s*((?:19|20)\\d\\d)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");
  private static final Pattern LENGTH = Pattern.compile(
      "\\b(three|six|nine|twelve|3|6|9|12|thirteen|twenty[- ]six|thirty[- ]nine|fifty[- ]two|13|26|39|52)[- ]?(months?|weeks?|mos\\.?)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDINAL_QUARTER = Pattern.compile("\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\b",
      Pattern.CASE_INSENSITIVE);
  /** Q3 2024, Q3 FY2025, Q3 FY25, Q3-24, 3Q24, 3Q 2024, 3Q FY25. */
  private static final Pattern NAMED_QUARTER = Pattern.compile(
      "\\b(?:Q([1-4])[\\s\\-']*(FY|F)?[\\s']*((?:19|20)?\\d\\d)|([1-4])Q[\\s\\-']*(FY|F)?[\\s']*((?:19|20)?\\d\\d))\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HALF = Pattern.compile("\\b(?:H1|1H|first[- ]half|first six months)\\b[\\s,]*(FY|fiscal)?[\\s']*((?:19|20)?\\d\\d)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NINE = Pattern.compile("\\b(?:9M|first nine months)\\b[\\s,]*(FY|fiscal)?[\\s']*((?:19|20)?\\d\\d)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern YTD = Pattern.compile("\\b(?:YTD|year[- ]to[- ]date)\\b[\\s,]*(FY|fiscal)?[\\s']*((?:19|20)?\\d\\d)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FISCAL_YEAR = Pattern.compile("\\b(?:FY|F|fiscal(?:\\s+year)?)[\\s']*((?:19|20)?\\d\\d)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR_WORDS = Pattern.compile("\\b(years?|annual|full[- ]year|twelve months|12 months)\\b",
      Pattern.CASE_INSENSITIVE);

  /** Characters of a document read for its fiscal year end. */
  private static final int HEAD = 1 << 20;

  private PeriodHeadings() {}

  /**
   * What the words over a column state.
   *
   * @param months the length: 3, 6, 9, 12, or 0 for a date alone (a balance) or unknown
   * @param end the month the period ends (or the balance's date), when a date is given
   * @param quarter a quarter named by its number or ordinal (1 to 4), when given
   * @param year a year given without a month (a calendar or fiscal year), when given
   * @param fiscal true when the year is marked as fiscal ("FY2025", "fiscal 2025")
   * @param toDate true for "YTD" without a stated length: as long as the document's quarter
   */
  public record Heading(int months, Optional<YearMonth> end, Optional<Integer> quarter, Optional<Integer> year,
      boolean fiscal, boolean toDate) {}

  /** The statement of a column's heading words, or empty when they name no period. */
  public static Optional<Heading> parse(String group, String own) {
    String all = ((group == null ? "" : group) + " " + (own == null ? "" : own)).replaceAll("\\s+", " ").trim();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    Optional<YearMonth> end = Optional.empty();
    Optional<Integer> bareYear = Optional.empty();
    // the month and year: the last date of the heading; a year on its own line belongs to it
    Matcher d = DATE.matcher(all);
    Month month = null;
    Integer dateYear = null;
    while (d.find()) {
      if (d.group(2) == null && d.group(3) == null && !all.toLowerCase(Locale.ROOT).contains("ended")
          && !all.toLowerCase(Locale.ROOT).contains("ending") && !all.toLowerCase(Locale.ROOT).contains("as of")
          && !all.toLowerCase(Locale.ROOT).contains("as at")) {
        continue; // a bare month word (say "Mar" in a label) is no date
      }
      month = month(d.group(1));
      if (d.group(3) != null) {
        dateYear = Integer.parseInt(d.group(3));
      }
    }
    Matcher named = NAMED_QUARTER.matcher(all);
    if (named.find()) {
      boolean first = named.group(1) != null;
      int q = Integer.parseInt(first ? named.group(1) : named.group(4));
      int y = year(first ? named.group(3) : named.group(6));
      boolean fiscal = (first ? named.group(2) : named.group(5)) != null;
      return Optional.of(new Heading(3, Optional.empty(), Optional.of(q), Optional.of(y), fiscal, false));
    }
    Matcher half = HALF.matcher(all);
    if (half.find() && (half.group(2) != null || dateYear != null || yearOf(all).isPresent())) {
      int y = half.group(2) != null ? year(half.group(2)) : dateYear != null ? dateYear : yearOf(all).get();
      Optional<YearMonth> e = month == null || dateYear == null ? Optional.empty() : Optional.of(YearMonth.of(dateYear, month));
      return Optional.of(new Heading(6, e, Optional.empty(), e.isPresent() ? Optional.empty() : Optional.of(y),
          half.group(1) != null, false));
    }
    Matcher nine = NINE.matcher(all);
    if (nine.find() && (nine.group(2) != null || dateYear != null || yearOf(all).isPresent())) {
      int y = nine.group(2) != null ? year(nine.group(2)) : dateYear != null ? dateYear : yearOf(all).get();
      Optional<YearMonth> e = month == null || dateYear == null ? Optional.empty() : Optional.of(YearMonth.of(dateYear, month));
      return Optional.of(new Heading(9, e, Optional.empty(), e.isPresent() ? Optional.empty() : Optional.of(y),
          nine.group(1) != null, false));
    }
    Matcher ytd = YTD.matcher(all);
    if (ytd.find()) {
      Optional<Integer> y = ytd.group(2) != null ? Optional.of(year(ytd.group(2))) : Optional.ofNullable(dateYear)
          .or(() -> yearOf(all));
      if (y.isEmpty()) {
        return Optional.empty();
      }
      Optional<YearMonth> e = month == null || dateYear == null ? Optional.empty() : Optional.of(YearMonth.of(dateYear, month));
      return Optional.of(new Heading(0, e, Optional.empty(), e.isPresent() ? Optional.empty() : y, ytd.group(1) != null,
          true));
    }
    if (dateYear == null) {
      bareYear = yearOf(all);
    }
    if (month != null && (dateYear != null || bareYear.isPresent())) {
      end = Optional.of(YearMonth.of(dateYear != null ? dateYear : bareYear.get(), month));
      bareYear = Optional.empty();
    }
    int months = 0;
    Matcher len = LENGTH.matcher(all);
    if (len.find()) {
      months = months(len.group(1), len.group(2));
    }
    Optional<Integer> quarter = Optional.empty();
    Matcher ord = ORDINAL_QUARTER.matcher(all);
    if (ord.find()) {
      quarter = Optional.of(ordinal(ord.group(1)));
      months = 3;
    } else if (months == 0 && all.toLowerCase(Locale.ROOT).matches(".*\\bquarters?\\b.*")) {
      months = 3;
    }
    Matcher fy = FISCAL_YEAR.matcher(all);
    boolean fiscal = false;
    if (fy.find() && end.isEmpty()) {
      bareYear = Optional.of(year(fy.group(1)));
      fiscal = true;
      if (months == 0) {
        months = 12;
      }
    }
    if (months == 0 && YEAR_WORDS.matcher(all).find()) {
      months = 12;
    }
    if (end.isEmpty() && bareYear.isEmpty()) {
      return Optional.empty();
    }
    if (months == 0 && end.isEmpty()) {
      // a year alone under no length ("2024" over a column of a yearly table)
      months = 12;
    }
    return Optional.of(new Heading(months, end, quarter, bareYear, fiscal, false));
  }

  /**
   * The fiscal year end a release's text implies: six or nine months ended in a month, a quarter
   * named by its ordinal ended in a month, a (fiscal) year ended in a month, a named fiscal
   * quarter beside its date. Votes; December when nothing says otherwise.
   */
  public static FiscalYearEnd yearEnd(String document) {
    // a release states its periods early; the rest of a huge file adds nothing but time
    String text = document.length() > HEAD ? document.substring(0, HEAD) : document;
    Map<Month, Integer> votes = new HashMap<>();
    Matcher m = Pattern.compile("\\b(six|nine|twelve|6|9|12|twenty[- ]six|thirty[- ]nine|fifty[- ]two|26|39|52)[- ](months?|weeks?)"
        + "(?:\\s+and\\s+\\w+\\s+months?)?\\s+(?:ended|ending)\\s*:?\\s*" + MONTH_NAMES, Pattern.CASE_INSENSITIVE).matcher(text);
    while (m.find()) {
      int months = months(m.group(1), m.group(2));
      Month end = month(m.group(3));
      votes.merge(end.minus(months % 12), 1, Integer::sum);
    }
    Matcher y = Pattern.compile("\\b(?:fiscal\\s+)?years?\\s+(?:ended|ending)\\s*:?\\s*" + MONTH_NAMES, Pattern.CASE_INSENSITIVE)
        .matcher(text);
    while (y.find()) {
      votes.merge(month(y.group(1)), 1, Integer::sum);
    }
    Matcher q = Pattern.compile("\\b(first|second|third|fourth)\\s+(?:fiscal\\s+)?quarter\\s+(?:ended|ending)\\s*:?\\s*"
        + MONTH_NAMES, Pattern.CASE_INSENSITIVE).matcher(text);
    while (q.find()) {
      int n = ordinal(q.group(1));
      votes.merge(month(q.group(2)).plus(3L * (4 - n)), 1, Integer::sum);
    }
    Matcher f = Pattern.compile("\\bfiscal\\s+(?:year\\s+)?((?:19|20)\\d\\d)\\s+(?:ended|ending)\\s*:?\\s*" + MONTH_NAMES,
        Pattern.CASE_INSENSITIVE).matcher(text);
    while (f.find()) {
      votes.merge(month(f.group(2)), 3, Integer::sum);
    }
    return votes.entrySet().stream()
        .max(Map.Entry.<Month, Integer>comparingByValue().thenComparing(e -> e.getKey() == Month.DECEMBER ? 1 : 0))
        .map(e -> new FiscalYearEnd(e.getKey())).orElse(FiscalYearEnd.DECEMBER);
  }

  /**
   * The period a heading names in a fiscal year ending at {@code fye}; {@code toDateQuarter} is the
   * quarter a bare "YTD" runs to (the latest quarter of the document). Empty when the heading names
   * a span the fiscal year has no period for (the second half, a stub period).
   */
  public static Optional<Period> period(Heading h, FiscalYearEnd fye, int toDateQuarter) {
    if (h.quarter().isPresent() && h.year().isPresent() && h.end().isEmpty()) {
      return Optional.of(Period.quarter(h.year().get(), h.quarter().get(), fye));
    }
    if (h.end().isPresent()) {
      YearMonth end = h.end().get();
      int fy = fye.fiscalYearOf(end);
      int q = fye.quarterOf(end);
      boolean quarterEnd = fye.quarterEnd(fy, q).getMonth() == end.getMonth();
      if (!quarterEnd) {
        return Optional.empty();
      }
      return switch (h.months()) {
        case 0 -> h.toDate() ? Optional.of(Period.toDate(fy, q, fye)) : Optional.of(Period.quarter(fy, q, fye).asAt());
        case 3 -> Optional.of(Period.quarter(fy, q, fye));
        case 6, 9, 12 -> h.months() / 3 == q ? Optional.of(Period.toDate(fy, q, fye)) : Optional.empty();
        default -> Optional.empty();
      };
    }
    int y = h.year().orElseThrow();
    return switch (h.months()) {
      case 3 -> h.quarter().map(q -> Period.quarter(y, q, fye));
      case 6 -> Optional.of(Period.toDate(y, 2, fye));
      case 9 -> Optional.of(Period.toDate(y, 3, fye));
      case 12 -> Optional.of(new Period.Year(y, fye));
      case 0 -> h.toDate() && toDateQuarter >= 1 ? Optional.of(Period.toDate(y, toDateQuarter, fye)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * The periods of a table's columns (group and own heading words of each), in a fiscal year ending
   * at {@code fye}: a bare "YTD" runs to the latest quarter the table names.
   */
  public static List<Optional<Period>> periods(List<String> groups, List<String> owns, FiscalYearEnd fye) {
    List<Optional<Heading>> headings = new java.util.ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      headings.add(parse(groups.get(i), owns.get(i)));
    }
    int toDateQuarter = 0;
    Period latest = null;
    for (Optional<Heading> h : headings) {
      if (h.isPresent() && h.get().months() == 3) {
        Optional<Period> p = period(h.get(), fye, 0);
        if (p.isPresent() && (latest == null || p.get().compareTo(latest) > 0)) {
          latest = p.get();
          toDateQuarter = p.get().lastQuarter();
        }
      }
    }
    List<Optional<Period>> out = new java.util.ArrayList<>();
    for (Optional<Heading> h : headings) {
      final int q = toDateQuarter;
      out.add(h.flatMap(x -> period(x, fye, q)));
    }
    return out;
  }

  private static Optional<Integer> yearOf(String text) {
    Matcher y = YEAR.matcher(text);
    Integer last = null;
    while (y.find()) {
      last = Integer.parseInt(y.group());
    }
    return Optional.ofNullable(last);
  }

  /** A year of four digits, or of two ("FY25" is 2025). */
  private static int year(String digits) {
    int v = Integer.parseInt(digits);
    return digits.length() == 2 ? 2000 + v : v;
  }

  private static int months(String number, String unit) {
    String n = number.toLowerCase(Locale.ROOT).replace('-', ' ');
    boolean weeks = unit.toLowerCase(Locale.ROOT).startsWith("week");
    return switch (n) {
      case "three", "3", "thirteen", "13" -> 3;
      case "six", "6", "twenty six", "26" -> 6;
      case "nine", "9", "thirty nine", "39" -> 9;
      case "twelve", "12", "fifty two", "52" -> weeks && n.equals("12") ? 3 : 12;
      default -> 0;
    };
  }

  private static int ordinal(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "first", "1st" -> 1;
      case "second", "2nd" -> 2;
      case "third", "3rd" -> 3;
      default -> 4;
    };
  }

  private static Month month(String name) {
    String k = name.toLowerCase(Locale.ROOT).substring(0, 3);
    List<String> names = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    return Month.of(names.indexOf(k) + 1);
  }
}
