package org.orebook.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.orebook.model.Metal;

/**
 * The dictionary from printed row labels to the catalogue's concepts, read from data: the standard
 * entries in the resource {@code org/orebook/check/dictionary.csv} (the synonyms other filers print:
 * "Costs applicable to sales", "Cash costs per ounce sold", "Tonnes processed", "Revenue", "AISC"),
 * and a company's own wording from a file given with {@code check --dictionary}, tried first. Labels
 * are normalised first ({@link #normalize}): lower case, footnote markers and unit parentheses
 * removed. Immutable and thread-safe.
 */
public final class ConceptDictionary {
  /** Where a label is read. */
  enum Scope { UNIT, COMPANY, ALL_IN, GAAP_LINE, COPRODUCT, OPERATIONS, NON_GAAP, BALANCE_SHEET, CASH_FLOWS, SUBTRACT }

  /** The metal of an entry: none, the label's (required), the label's or the table's, the sub-heading's or the label's. */
  enum MetalFrom { NONE, LABEL, LABEL_OR_TABLE, SUBHEADING }

  /** A condition on the row's context. */
  enum When { ALWAYS, PER_OUNCE, PER_POUND, PER_TONNE, AMOUNT, FIRST }

  /** One entry: a pattern over normalised labels and what it means. */
  record Entry(Scope scope, Pattern label, String concept, MetalFrom metal, String measure, boolean negate, When when,
      String origin) {}

  /** A row's context: its block sub-heading, the table's main metal, whether it is a statement's first line. */
  record Context(String subheading, Optional<Metal> tableMetal, boolean first) {
    static final Context NONE = new Context("", Optional.empty(), false);
  }

  private static final Set<String> MEASURES = Set.of("money", "ounces", "tons", "tonnes", "pounds", "quantity", "mass",
      "per_ounce", "per_ton", "per_tonne", "per_pound", "per_unit", "cents_per_pound", "grade", "percent", "ratio", "shares", "per_share",
      "days", "");
  private static final Pattern CONCEPT = Pattern.compile("[a-z][a-z0-9_]*");
  /** Footnote markers: (1), (a), (iv), [1], *, daggers, superscript digits, a digit glued to a word ("EBITDA1"). */
  private static final Pattern FOOTNOTE = Pattern.compile(
      "\\((\\d{1,2}|[a-z]|[ivx]{1,4})\\)|\\[(\\d{1,2}|[a-z])\\]|\\*+|[\u2020\u2021\u00a7\u00b9\u00b2\u00b3\u2070-\u2079]+"
          + "|(?<=[a-z\\)]{3})\\d{1,2}(?=\\s|$|[,:;.])");
  private static final Pattern UNIT_PAREN = Pattern.compile(
      "\\((in )?((us|c|a)?\\$|usd|cad)?\\s*(/\\s*)?(oz\\.?|ounces?|tons?|tonnes?|lbs?\\.?|pounds?|cents/pound|cents/lb\\.?|%|g/t|oz\\.?/ton|"
          + "oz/ton|\\$/oz\\.?|\\$/ounce|\\$/ton|\\$/tonne|\\$/t|\\$/lb|us\\$/oz|us\\$/lb|us\\$/t|000'?s?|'000|thousands|millions|"
          + "gpt|t|kt|mt|koz|moz|mlb|klb|000 oz|000 tonnes|000 t|000 lbs?|m|mm|\\$m|\\$000|us\\$000|us\\$m|\\$ millions|"
          + "\\$ thousands|per ounce|per oz|per tonne|per ton|per pound|per lb|ratio|x|days|dmt|wmt|tpd|(us )?cents|c|us\u00a2|\u00a2)\\)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static volatile ConceptDictionary standard;

  private final Map<Scope, List<Entry>> entries;
  /** Lookups already made, for a dictionary used by one modelling run (see {@link #forOneRun}); else null. */
  private final Map<String, Optional<Mapping>> memo;
  /** {@link #matches} answers already given, likewise; else null. */
  private final Map<String, Boolean> matched;

  private ConceptDictionary(Map<Scope, List<Entry>> entries) {
    this(entries, null, null);
  }

  private ConceptDictionary(Map<Scope, List<Entry>> entries, Map<String, Optional<Mapping>> memo, Map<String, Boolean> matched) {
    this.entries = entries;
    this.memo = memo;
    this.matched = matched;
  }

  /**
   * The same dictionary remembering its lookups, for one modelling run on one thread: a release
   * looks the same labels up many times (to classify its tables, then to key their rows).
   */
  ConceptDictionary forOneRun() {
    return new ConceptDictionary(entries, new java.util.HashMap<>(), new java.util.HashMap<>());
  }

  /** The standard dictionary (the resource file). */
  public static ConceptDictionary standard() {
    ConceptDictionary d = standard;
    if (d == null) {
      try (InputStream in = ConceptDictionary.class.getResourceAsStream("dictionary.csv")) {
        if (in == null) {
          throw new IllegalStateException("the resource org/orebook/check/dictionary.csv is missing");
        }
        d = new ConceptDictionary(parse("dictionary.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException | InvalidDictionaryException e) {
        throw new IllegalStateException("the standard dictionary cannot be read: " + e.getMessage(), e);
      }
      standard = d;
    }
    return d;
  }

  /** The standard dictionary with a company's own entries from a file, tried before the standard ones. */
  public static ConceptDictionary withFile(Path file) throws InvalidDictionaryException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidDictionaryException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return standard().with(parse(file.toString(), text));
  }

  private ConceptDictionary with(Map<Scope, List<Entry>> first) {
    Map<Scope, List<Entry>> all = new EnumMap<>(Scope.class);
    for (Scope s : Scope.values()) {
      List<Entry> l = new ArrayList<>(first.getOrDefault(s, List.of()));
      l.addAll(entries.getOrDefault(s, List.of()));
      all.put(s, List.copyOf(l));
    }
    return new ConceptDictionary(all);
  }

  /** Every entry, scope by scope, in the order tried. */
  List<Entry> entries() {
    return entries.values().stream().flatMap(List::stream).toList();
  }

  /** A dictionary file that cannot be used; the message names the file, line and field. */
  public static final class InvalidDictionaryException extends Exception {
    public InvalidDictionaryException(String message) {
      super(message);
    }
  }

  static Map<Scope, List<Entry>> parse(String source, String text) throws InvalidDictionaryException {
    Map<Scope, List<Entry>> out = new EnumMap<>(Scope.class);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    try (Reader r = new StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
      List<String> header = p.getHeaderNames();
      for (String col : List.of("scope", "label", "concept")) {
        if (!header.contains(col)) {
          throw new InvalidDictionaryException(source + ": the header must name the columns scope,label,concept"
              + " (and optionally metal,measure,sign,when); found " + String.join(",", header));
        }
      }
      for (CSVRecord rec : p) {
        long line = rec.getParser().getCurrentLineNumber();
        String where = source + " line " + line;
        String scopeText = get(rec, "scope");
        Scope scope;
        try {
          scope = Scope.valueOf(scopeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new InvalidDictionaryException(where + ", field scope: '" + scopeText + "' is not one of "
              + String.join(", ", java.util.Arrays.stream(Scope.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
        }
        String labelText = get(rec, "label");
        if (labelText.isEmpty()) {
          throw new InvalidDictionaryException(where + ", field label: empty");
        }
        Pattern label;
        try {
          label = Pattern.compile(labelText, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
          throw new InvalidDictionaryException(where + ", field label: not a regular expression (" + e.getDescription() + ")");
        }
        String concept = get(rec, "concept");
        if (scope != Scope.SUBTRACT && !CONCEPT.matcher(concept).matches()) {
          throw new InvalidDictionaryException(where + ", field concept: '" + concept
              + "' is not a concept name (lower case letters, digits and _)");
        }
        String metalText = get(rec, "metal");
        MetalFrom metal = switch (metalText) {
          case "" -> MetalFrom.NONE;
          case "label" -> MetalFrom.LABEL;
          case "label?" -> MetalFrom.LABEL_OR_TABLE;
          case "subheading" -> MetalFrom.SUBHEADING;
          default -> throw new InvalidDictionaryException(where + ", field metal: '" + metalText
              + "' is not one of (empty), label, label?, subheading");
        };
        String measure = get(rec, "measure");
        if (!MEASURES.contains(measure)) {
          throw new InvalidDictionaryException(where + ", field measure: '" + measure + "' is not one of "
              + String.join(", ", MEASURES.stream().filter(m -> !m.isEmpty()).sorted().toList()));
        }
        if (measure.isEmpty() && scope != Scope.SUBTRACT) {
          measure = "money";
        }
        String sign = get(rec, "sign");
        if (!sign.isEmpty() && !sign.equals("-") && !sign.equals("+")) {
          throw new InvalidDictionaryException(where + ", field sign: '" + sign + "' is not - or empty");
        }
        String whenText = get(rec, "when");
        When when = switch (whenText) {
          case "" -> When.ALWAYS;
          case "per_ounce" -> When.PER_OUNCE;
          case "per_pound" -> When.PER_POUND;
          case "per_tonne" -> When.PER_TONNE;
          case "amount" -> When.AMOUNT;
          case "first" -> When.FIRST;
          default -> throw new InvalidDictionaryException(where + ", field when: '" + whenText
              + "' is not one of (empty), per_ounce, per_pound, per_tonne, amount, first");
        };
        out.computeIfAbsent(scope, s -> new ArrayList<>())
            .add(new Entry(scope, label, concept, metal, measure, sign.equals("-"), when, where));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidDictionaryException(source + ": not a CSV file the dictionary can read (" + e.getMessage() + ")");
    }
    return out;
  }

  private static String get(CSVRecord rec, String column) {
    return rec.isMapped(column) && rec.isSet(column) ? rec.get(column).trim() : "";
  }

  // ------------------------------------------------------------------ normalising labels

  /**
   * Lower case, no footnote markers ({@code (1)}, {@code *}, {@code †}, a digit glued to a word as
   * in {@code EBITDA1}), no unit parentheticals ({@code (oz)}, {@code ($000)}), single spaces, no
   * trailing colon or full stop.
   */
  public static String normalize(String label) {
    String cached = NORMALIZED.get(label);
    if (cached != null) {
      return cached;
    }
    String n = normalizeNow(label);
    if (NORMALIZED.size() > 50_000) {
      NORMALIZED.clear();
    }
    NORMALIZED.put(label, n);
    return n;
  }

  /** Labels already normalised (a pure function of the label; bounded). */
  private static final Map<String, String> NORMALIZED = new java.util.concurrent.ConcurrentHashMap<>();

  private static String normalizeNow(String label) {
    String l = label.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2013', '-').replace('\u2014', '-')
        .replace('\u00a0', ' ');
    l = FOOTNOTE.matcher(l).replaceAll(" ");
    l = UNIT_PAREN.matcher(l).replaceAll(" ");
    l = SPACES.matcher(l).replaceAll(" ").trim();
    while (l.endsWith(":") || l.endsWith(".") || l.endsWith(",")) {
      l = l.substring(0, l.length() - 1).trim();
    }
    return l;
  }

  /** The unit parenthetical of a label, lower case ({@code $/oz.}, {@code oz./ton}, {@code %}), or empty. */
  static String unitHint(String label) {
    Matcher m = UNIT_PAREN.matcher(label.toLowerCase(Locale.ROOT));
    return m.find() ? Rx.replaceAll(m.group(), "[()\\s]", "") : "";
  }

  /** The first metal named in a text ({@code gold} → AU). */
  static Optional<Metal> metalIn(String text) {
    String t = " " + Rx.replaceAll(text.toLowerCase(Locale.ROOT), "[^a-z]+", " ") + " ";
    Metal best = null;
    int at = Integer.MAX_VALUE;
    for (Metal m : Metal.values()) {
      int i = t.indexOf(" " + m.displayName().toLowerCase(Locale.ROOT) + " ");
      if (i >= 0 && i < at) {
        at = i;
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean perOunceContext(String label, String subheading) {
    String s = subheading.toLowerCase(Locale.ROOT);
    String l = label.toLowerCase(Locale.ROOT);
    return Rx.matches(s, ".*per (\\w+ )?(ounce|oz).*") || l.contains("$/oz") || Rx.matches(l, ".*per (\\w+ )?(ounce|oz).*")
        || l.contains("/ounce") || Rx.matches(l, ".*\\(\\s*(us)?\\$\\s*/\\s*oz.*");
  }

  private static boolean perPoundContext(String label, String subheading) {
    String s = (subheading + " " + label).toLowerCase(Locale.ROOT);
    return Rx.matches(s, ".*per (\\w+ )?(pound|lb).*") || s.contains("$/lb") || s.contains("/pound");
  }

  /** A cost per tonne of metal (a base-metal miner that costs per tonne): not a cost per tonne of ore. */
  private static boolean perTonneContext(String label, String subheading) {
    String s = (subheading + " " + label).toLowerCase(Locale.ROOT);
    return Rx.matches(s, ".*per (payable )?tonnes? (of \\w+)?(produced|sold)?.*") && !Rx.matches(label.toLowerCase(Locale.ROOT),
        ".*(mining|milling|processing|ore|mined|milled|processed).*") || label.contains("$/t)");
  }

  // ------------------------------------------------------------------ looking up

  /** The first entry of a scope that matches a row: its mapping. */
  Optional<Mapping> lookup(Scope scope, String label, Context ctx) {
    if (memo == null) {
      return find(scope, label, ctx);
    }
    String key = scope.ordinal() + "\u0000" + label + "\u0000" + ctx.subheading() + "\u0000"
        + ctx.tableMetal().map(Enum::name).orElse("") + "\u0000" + ctx.first();
    Optional<Mapping> m = memo.get(key);
    if (m == null) {
      m = find(scope, label, ctx);
      memo.put(key, m);
    }
    return m;
  }

  private Optional<Mapping> find(Scope scope, String label, Context ctx) {
    String l = normalize(label);
    if ((l.equals("basic") || l.equals("diluted")) && !ctx.subheading().isEmpty()) {
      l = normalize(ctx.subheading()) + " " + l;
    }
    String hint = unitHint(label);
    boolean perOz = perOunceContext(label, ctx.subheading());
    boolean perLb = perPoundContext(label, ctx.subheading());
    boolean perT = perTonneContext(label, ctx.subheading());
    for (Entry e : entries.getOrDefault(scope, List.of())) {
      switch (e.when()) {
        case PER_OUNCE -> {
          if (!perOz) {
            continue;
          }
        }
        case PER_POUND -> {
          if (!perLb) {
            continue;
          }
        }
        case PER_TONNE -> {
          if (!perT) {
            continue;
          }
        }
        case AMOUNT -> {
          if (perOz || perLb || perT) {
            continue;
          }
        }
        case FIRST -> {
          if (!ctx.first()) {
            continue;
          }
        }
        case ALWAYS -> { }
      }
      if (!e.label().matcher(l).matches()) {
        continue;
      }
      String norm = l;
      Optional<Metal> metal = switch (e.metal()) {
        case NONE -> Optional.empty();
        case LABEL -> metalIn(norm);
        case LABEL_OR_TABLE -> metalIn(norm).or(ctx::tableMetal);
        case SUBHEADING -> metalIn(ctx.subheading()).or(() -> metalIn(norm));
      };
      if (e.metal() != MetalFrom.NONE && metal.isEmpty()) {
        continue;
      }
      Measure m = measure(e.measure(), metal, l, hint);
      Mapping mp = new Mapping(e.concept(), metal.map(Metal::name).orElse(""), m, false);
      return Optional.of(e.negate() ? mp.negated() : mp);
    }
    return Optional.empty();
  }

  /** True when some entry of a scope matches the label (for the subtract scope: a line statements usually subtract). */
  boolean matches(Scope scope, String label) {
    if (matched == null) {
      return matchesNow(scope, label);
    }
    return matched.computeIfAbsent(scope.ordinal() + "\u0000" + label, k -> matchesNow(scope, label));
  }

  private boolean matchesNow(Scope scope, String label) {
    String l = normalize(label);
    for (Entry e : entries.getOrDefault(scope, List.of())) {
      if (e.label().matcher(l).matches()) {
        return true;
      }
    }
    return false;
  }

  /** What a row of measure {@code name} holds, given its metal, normalised label and the table's unit hint. */
  static Measure measure(String name, Optional<Metal> metal, String l, String hint) {
    return switch (name) {
      case "ounces" -> Measure.OUNCES;
      case "tons" -> Measure.TONS;
      case "tonnes" -> Measure.TONNES;
      case "pounds" -> Measure.POUNDS;
      case "quantity" -> metal.map(m -> quantityMeasure(m, hint + " " + (Rx.matches(l, ".* - (tonnes|pounds)$")
              || Rx.matches(l, ".*\\b(tonnes|pounds|lbs)\\b.*") ? l : "")))
          .orElse(Measure.OUNCES);
      case "mass" -> l.contains("tonne") || hint.contains("tonne") || hint.equals("t") || hint.equals("kt")
          || hint.equals("mt") || hint.equals("dmt") || hint.equals("wmt") ? Measure.TONNES : Measure.TONS;
      case "per_ounce" -> Measure.PER_OUNCE;
      case "per_unit" -> Rx.matches(l, ".*\\b(pounds?|lbs?)\\b.*") || hint.contains("lb") || hint.contains("pound") ? Measure.PER_POUND
          : Rx.matches(l, ".*\\btonnes?\\b.*") || hint.contains("/t") ? Measure.PER_TONNE : Measure.PER_OUNCE;
      case "per_ton" -> Measure.PER_TON;
      case "per_tonne" -> Measure.PER_TONNE;
      case "per_pound" -> Measure.PER_POUND;
      case "cents_per_pound" -> Measure.CENTS_PER_POUND;
      case "grade" -> hint.contains("g/t") || l.contains("g/t") || hint.contains("gpt") ? Measure.GRADE_G_T
          : hint.contains("%") || metal.map(m -> !m.precious()).orElse(false) ? Measure.PERCENT : Measure.GRADE_OZ_TON;
      case "percent" -> Measure.PERCENT;
      case "ratio" -> Measure.RATIO;
      case "shares" -> Measure.SHARES;
      case "per_share" -> Measure.PER_SHARE;
      case "days" -> Measure.DAYS;
      default -> Measure.MONEY;
    };
  }

  static Measure quantityMeasure(Metal m, String hint) {
    if (hint.contains("tonne") || Rx.matches(hint, ".*\\b(t|kt|mt)\\b.*")) {
      return Measure.TONNES;
    }
    if (hint.contains("lb") || hint.contains("pound")) {
      return Measure.POUNDS;
    }
    return m.precious() ? Measure.OUNCES : Measure.TONS;
  }

  // ------------------------------------------------------------------ the standard dictionary by scope

  /** A row of a unit's or a metal group's block (production data, reconciliation to GAAP). */
  static Optional<Mapping> unitRow(String label, String subheading) {
    return standard().lookup(Scope.UNIT, label, new Context(subheading, Optional.empty(), false));
  }

  /** A row of an all-in sustaining costs table (World Gold Council). */
  static Optional<Mapping> allInRow(String label) {
    return standard().lookup(Scope.ALL_IN, label, Context.NONE);
  }

  /** A row of a block that ties all-in items to the GAAP line they are drawn from. */
  static Optional<Mapping> gaapLineRow(String label) {
    return standard().lookup(Scope.GAAP_LINE, Rx.replaceAll(label, "(?i)\\(gaap\\)", " "), Context.NONE);
  }

  /** A row of a co-product cost table; the metal comes from the label or the block's "Gold:" subheading. */
  static Optional<Mapping> coProductRow(String label, String subheading) {
    return standard().lookup(Scope.COPRODUCT, label, new Context(subheading, Optional.empty(), false));
  }

  /** A company figure of a highlights table. */
  static Optional<Mapping> companyRow(String label) {
    return standard().lookup(Scope.COMPANY, label, Context.NONE);
  }
}
