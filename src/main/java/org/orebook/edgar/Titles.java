package org.orebook.edgar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The title lines above a table, in any format: the company name (a title repeated over two or more
 * tables), the table's own name, and its unit line ({@code (dollars in thousands, except per share
 * amounts - unaudited)}, {@code (in thousands of U.S. dollars)}, {@code (US$000s)}), also when the
 * unit line is wrapped over two lines.
 */
final class Titles {
  private static final Pattern COMPANY_WORDS = Pattern.compile(
      "(?i)\\b(inc|incorporated|corp|corporation|company|co|ltd|limited|plc|llc|lp|s\\.a|n\\.v|ag|mining|mines|resources|gold|"
          + "silver|copper|metals|minerals|holdings|group)\\b\\.?");
  private static final Pattern COMPANY_SUFFIX = Pattern.compile(
      "(?i)\\b(inc|incorporated|corp|corporation|company|co|ltd|limited|plc|llc|s\\.a|n\\.v|ag)\\.?\\s*$");
  private static final Pattern NOT_A_NAME = Pattern.compile(
      "(?i)\\b(statements?|balance|sheets?|quarterly|quarter|months|year|ended|reconciliation|highlights|data|summary|"
          + "results|table|thousands|millions|unaudited|note|notes)\\b");

  private static final Pattern INTRODUCES = Pattern.compile(
      "(?i)\\b(following table|table below|tables below|table sets out|set out below|sets out|summari[sz]ed below|"
          + "reconciles?|reconciled|as follows|presented below|shown below)\\b");

  private Titles() {}

  /** What the title lines of one table say. */
  record Parsed(String name, Optional<TableUnit> unit) {}

  static Parsed parse(List<String> titles, Optional<String> company) {
    Optional<TableUnit> unit = Optional.empty();
    List<String> nameParts = new ArrayList<>();
    StringBuilder unitText = null;
    for (String raw : titles) {
      String t = raw.trim();
      if (t.isEmpty()) {
        continue;
      }
      if (unitText != null) {
        unitText.append(' ').append(t);
        if (t.endsWith(")")) {
          unit = TableUnit.parse(unitText.toString());
          unitText = null;
        }
        continue;
      }
      String lower = t.toLowerCase(Locale.ROOT);
      if (t.startsWith("(") && TableUnit.parse(t).isPresent()
          || t.startsWith("(") && !t.endsWith(")") && lower.matches(".*(thousand|million|dollar|000).*")) {
        if (t.endsWith(")")) {
          unit = TableUnit.parse(t);
        } else {
          unitText = new StringBuilder(t);
        }
        continue;
      }
      if (TableUnit.parse(t).isPresent() && (lower.contains("in thousands") || lower.contains("in millions")
          || t.length() <= 60 && !lower.contains("statement"))) {
        unit = TableUnit.parse(t);
        continue;
      }
      if (company.isPresent() && t.equals(company.get())) {
        continue;
      }
      if (lower.matches("\\(?(unaudited|audited|continued|cont'd)\\)?\\.?")) {
        continue;
      }
      nameParts.add(t);
    }
    if (unitText != null) {
      unit = TableUnit.parse(unitText.toString());
    }
    // a company's name above a table's own title ("WREN MINING INC." over "Statements of Operations")
    if (nameParts.size() >= 2 && companyLike(nameParts.get(0))) {
      nameParts.remove(0);
    }
    return new Parsed(String.join(" ", nameParts).trim(), unit);
  }

  /** A line that reads as a company's name: "Wren Mining Inc.", "KESTREL COPPER LTD.". */
  static boolean companyLike(String line) {
    String s = line.trim();
    return s.split("\\s+").length <= 6 && COMPANY_SUFFIX.matcher(s).find() && !NOT_A_NAME.matcher(s).find();
  }

  /**
   * A line that may be a table's title: short, and not a sentence (a full stop ends only a company's
   * abbreviation: "Inc.", "Corp.", "Ltd."), not a bullet.
   */
  static boolean titleLike(String text, int maxLength) {
    String s = text.trim();
    if (s.length() > maxLength || s.matches("^([*\u2022-]|--)\\s.*")) {
      return false;
    }
    return !s.endsWith(".") || s.matches("(?i).*\\b(inc|corp|co|ltd|plc|s\\.a|n\\.v|l\\.p|llc)\\.$");
  }

  /** A name for a table without a title, from the sentence that introduces it: its first words. */
  static String fromContext(String context) {
    String c = context.trim();
    if (!INTRODUCES.matcher(c).find() && !c.endsWith(":")) {
      return "";
    }
    String[] words = c.split("\\s+");
    if (words.length <= 12) {
      return context.trim().replaceAll("[:.]$", "");
    }
    return String.join(" ", java.util.Arrays.copyOf(words, 12)) + " ...";
  }

  /**
   * The company name: a title line printed over two or more tables, not a unit line nor a table's
   * name; one that reads like a company's name ({@code ... Mining Corp.}) before any other.
   */
  static Optional<String> company(List<List<String>> titlesOfTables) {
    Map<String, Integer> count = new HashMap<>();
    for (List<String> titles : titlesOfTables) {
      titles.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().forEach(t -> count.merge(t, 1, Integer::sum));
    }
    return count.entrySet().stream().filter(e -> e.getValue() >= 2).filter(e -> !e.getKey().startsWith("("))
        .filter(e -> TableUnit.parse(e.getKey()).isEmpty())
        .filter(e -> e.getKey().length() <= 80 && !NOT_A_NAME.matcher(e.getKey()).find())
        .max(java.util.Comparator.<Map.Entry<String, Integer>>comparingInt(e -> COMPANY_WORDS.matcher(e.getKey()).find() ? 1 : 0)
            .thenComparing(Map.Entry.comparingByValue()).thenComparing(e -> -e.getKey().length()))
        .map(Map.Entry::getKey);
  }
}
