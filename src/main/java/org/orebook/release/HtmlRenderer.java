package org.orebook.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.ReserveCategory;
import org.orebook.model.Segment;
import org.orebook.quantity.Period;
import org.orebook.relations.Concepts;

/**
 * Renders a release as HTML: each section a {@code <section>} with its title, its text as
 * paragraphs (or preformatted when the text is laid out in columns), each table a real
 * {@code <table class="release-table">}. Every cell prints exactly the text {@link Formats} prints
 * for it (the text rendering's figures); a dollar sign is drawn by the stylesheet from the cell's
 * {@code data-cur} attribute so the cell's text stays the printed number.
 *
 * <p>Every cell showing a figure of {@link Release#facts()} is
 * {@code <td class="fig" data-key="KEY" tabindex="0" id="fig-N">}, where KEY is the figure's
 * {@link FactKey#toString()}; {@link #provenanceJson(Release)} maps the same keys to the figure's
 * exact value and origin, for a page that explains a figure when it is clicked.
 */
public final class HtmlRenderer {
  /**
   * The stylesheet of {@link #document(Release)}; a page embedding {@link #fragment(Release)} can
   * include it as is.
   */
  public static final String STYLESHEET = """
      .release { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
      .release section { margin: 2rem 0; }
      .release pre { font-family: ui-monospace, monospace; }
      .release p.center { text-align: center; }
      table.release-table { border-collapse: collapse; margin: 1rem 0; }
      table.release-table caption { font-weight: bold; padding-bottom: 0.5rem; }
      table.release-table th, table.release-table td { padding: 0.1rem 0.5rem; vertical-align: bottom; }
      table.release-table thead th { font-weight: normal; text-align: right; }
      table.release-table thead th.label, table.release-table th.label { text-align: left; font-weight: normal; }
      table.release-table thead th.group { text-align: center; border-bottom: 1px solid currentColor; }
      table.release-table tr.heading th { text-align: left; font-weight: bold; padding-top: 0.6rem; }
      table.release-table tr.blank td { height: 0.8rem; }
      table.release-table td.num, table.release-table td.fig {
        text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      table.release-table td[data-cur]::before { content: attr(data-cur); float: left; padding-right: 0.3rem; }
      table.release-table td.fig:focus { outline: 2px solid #1a66c2; }
      table.release-table tr.rule td { padding: 0; height: 0; }
      table.release-table tr.rule-single td.col { border-top: 1px solid currentColor; }
      table.release-table tr.rule-double td.col { border-top: 3px double currentColor; }
      table.release-table th.indent-1 { padding-left: 1rem; }
      table.release-table th.indent-2 { padding-left: 1.5rem; }
      table.release-table th.indent-3 { padding-left: 2rem; }
      table.release-table th.indent-4 { padding-left: 2.5rem; }
      """;

  private HtmlRenderer() {}

  /** The release as an HTML fragment: one {@code <section>} per section, no {@code <html>} or head. */
  public static String fragment(Release release) {
    return fragment(release, false);
  }

  /**
   * The fragment; with {@code standalone}, each indented label and each rule also carries its
   * indentation or border in its own style attribute (the web page's policy allows only the style
   * sheet's classes), as filing agents write them: a reader without the style sheet (orebook check and
   * import) sees which rows stand under a sub-heading and where a subtotal is ruled off.
   */
  private static String fragment(Release release, boolean standalone) {
    StringBuilder out = new StringBuilder();
    int[] figures = {0};
    for (Section s : release.sections()) {
      out.append("<section class=\"release-section\" id=\"section-").append(escape(s.id())).append("\">\n");
      out.append("<h2>").append(escape(s.title())).append("</h2>\n");
      for (Section.Block b : s.blocks()) {
        switch (b) {
          case Section.TextBlock t -> text(t.lines(), s.title(), out);
          case Section.TableBlock t -> table(t.table(), release.facts(), figures, standalone, out);
        }
      }
      out.append("</section>\n");
    }
    return out.toString();
  }

  /**
   * A complete standalone HTML5 page of the release: the "HTML" download. Its figure cells keep their
   * keys but are not focusable and do not look clickable: nothing in the file answers a click (the
   * web app's release page does, with the figure's provenance).
   */
  public static String document(Release release) {
    Company c = release.company();
    String title = c.name() + " \u2014 results release, " + periodWords(c.releasePeriod());
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + STYLESHEET + "</style>\n</head>\n<body>\n"
        + "<main class=\"release\">\n<h1>" + escape(title) + "</h1>\n" + fragment(release, true).replace(" tabindex=\"0\"", "")
        + "</main>\n</body>\n</html>\n";
  }

  /**
   * Every figure of the release as a JSON object keyed by {@link FactKey#toString()}: its label,
   * exact value, printed text (when a table prints it), unit and origin — the input file, line and
   * field, or the relation with its operands and their values.
   */
  public static String provenanceJson(Release release) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    FactSet facts = release.facts();
    Map<FactKey, String> printed = printedTexts(release);
    ObjectNode root = mapper.createObjectNode();
    for (Fact f : facts.all()) {
      ObjectNode n = root.putObject(f.key().toString());
      n.put("label", label(f.key(), release.company()));
      n.put("value", Formats.plain(f.value()));
      if (printed.containsKey(f.key())) {
        n.put("printed", printed.get(f.key()));
      }
      n.put("unit", f.unit().code());
      ObjectNode o = n.putObject("origin");
      JsonRenderer.putOrigin(o, f.origin());
      if (f.origin().unconverted() instanceof Origin.Derived d) {
        ArrayNode ops = o.putArray("operands");
        for (FactKey k : d.operands()) {
          ObjectNode op = ops.addObject();
          op.put("key", k.toString());
          op.put("label", label(k, release.company()));
          Optional<Fact> operand = facts.find(k);
          if (operand.isPresent()) {
            op.put("value", Formats.plain(operand.get().value()));
            op.put("unit", operand.get().unit().code());
          } else {
            op.putNull("value");
            op.put("absent", true);
          }
        }
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- text

  /**
   * Text lines as paragraphs split at blank lines: a paragraph laid out in columns (two spaces
   * inside a line) is preformatted; indented (centered) lines keep their line breaks; flush-left
   * lines are wrapped prose. A line repeating the section title is left out.
   */
  private static void text(List<String> lines, String sectionTitle, StringBuilder out) {
    List<String> paragraph = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        paragraph(paragraph, out);
        paragraph.clear();
      } else if (!line.strip().equalsIgnoreCase(sectionTitle)) {
        paragraph.add(line.stripTrailing());
      }
    }
    paragraph(paragraph, out);
  }

  private static void paragraph(List<String> lines, StringBuilder out) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.stream().anyMatch(l -> l.strip().contains("  "))) {
      out.append("<pre>").append(escape(String.join("\n", lines))).append("</pre>\n");
    } else if (lines.stream().allMatch(l -> l.startsWith("     "))) {
      out.append("<p class=\"center\">")
          .append(String.join("<br>", lines.stream().map(l -> escape(l.strip())).toList())).append("</p>\n");
    } else {
      out.append("<p>").append(escape(String.join(" ", lines.stream().map(String::strip).toList()))).append("</p>\n");
    }
  }

  // ---------------------------------------------------------------- tables

  /** Number of figure columns of a table: its headers, or its widest row when it has none. */
  static int columns(Table t) {
    int cols = t.headers().size();
    for (Row r : t.rows()) {
      if (r instanceof Row.Values v) {
        cols = Math.max(cols, v.cells().size());
      }
    }
    return cols;
  }

  private static void table(Table t, FactSet facts, int[] figures, boolean standalone, StringBuilder out) {
    int cols = columns(t);
    out.append("<table class=\"release-table\" data-table=\"").append(escape(t.id())).append("\">\n");
    if (!t.titleLines().isEmpty()) {
      out.append("<caption>")
          .append(String.join("<br>", t.titleLines().stream().map(l -> escape(l.strip())).toList()))
          .append("</caption>\n");
    }
    int headerLines = t.headers().stream().mapToInt(List::size).max().orElse(0);
    if (!t.groups().isEmpty() || headerLines > 0) {
      out.append("<thead>\n");
      if (!t.groups().isEmpty()) {
        out.append("<tr><td></td>");
        int spanned = 0;
        for (Table.Group g : t.groups()) {
          out.append("<th scope=\"colgroup\" class=\"group\" colspan=\"").append(g.span()).append("\">")
              .append(escape(g.label())).append("</th>");
          spanned += g.span();
        }
        out.append("<td></td>".repeat(Math.max(0, cols - spanned))).append("</tr>\n");
      }
      // one row, each column's heading lines in its own cell: a heading of fewer lines leaves no empty
      // cell beside another that a reader could take as spanned by it ("High" over "Actual")
      if (headerLines > 0) {
        out.append("<tr><th scope=\"col\" class=\"label\">").append(escape(t.labelHeader())).append("</th>");
        for (List<String> col : t.headers()) {
          out.append("<th scope=\"col\">").append(String.join("<br>", col.stream().map(HtmlRenderer::escape).toList()))
              .append("</th>");
        }
        out.append("<th></th>".repeat(cols - t.headers().size())).append("</tr>\n");
      }
      out.append("</thead>\n");
    }
    out.append("<tbody>\n");
    for (Row row : t.rows()) {
      switch (row) {
        case Row.Heading h -> out.append("<tr class=\"heading\"><th scope=\"rowgroup\" colspan=\"").append(cols + 1)
            .append("\">").append(escape(h.text())).append("</th></tr>\n");
        case Row.Blank b -> out.append("<tr class=\"blank\"><td colspan=\"").append(cols + 1).append("\"></td></tr>\n");
        case Row.Rule r -> {
          String kind = r.ch() == '=' ? "rule-double" : r.ch() == '-' ? "rule-single" : "rule-none";
          // standalone, the rule in the cells' own style too (under the empty row: the same line on the page)
          String style = !standalone || kind.equals("rule-none") ? ""
              : " style=\"border-top:none;border-bottom:" + (r.ch() == '=' ? "3px double" : "1px solid") + " currentColor\"";
          out.append("<tr class=\"rule ").append(kind).append("\" aria-hidden=\"true\"><td></td>")
              .append(("<td class=\"col\"" + style + "></td>").repeat(cols)).append("</tr>\n");
        }
        case Row.Values v -> values(v, cols, facts, figures, standalone, out);
      }
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void values(Row.Values v, int cols, FactSet facts, int[] figures, boolean standalone, StringBuilder out) {
    out.append("<tr><th scope=\"row\" class=\"label");
    if (v.indent() > 0) {
      int level = Math.min(4, v.indent());
      out.append(" indent-").append(level);
      if (standalone) {
        // the style sheet's padding of indent-N
        out.append("\" style=\"padding-left:").append(new String[] {"1", "1.5", "2", "2.5"}[level - 1]).append("em");
      }
    }
    out.append("\">").append(escape(v.label())).append("</th>");
    for (Cell c : v.cells()) {
      String text = escape(Formats.text(c, facts));
      String cur = c.dollar() ? " data-cur=\"$\"" : "";
      if (c.key().isPresent() && facts.has(c.key().get())) {
        figures[0]++;
        out.append("<td class=\"fig\" data-key=\"").append(escape(c.key().get().toString()))
            .append("\" tabindex=\"0\" id=\"fig-").append(figures[0]).append('"').append(cur).append('>')
            .append(text).append("</td>");
      } else {
        out.append("<td class=\"num\"").append(cur).append('>').append(text).append("</td>");
      }
    }
    out.append("<td></td>".repeat(Math.max(0, cols - v.cells().size()))).append("</tr>\n");
  }

  /** HTML-escapes text for element content and double- or single-quoted attribute values. */
  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- provenance

  /** The printed text of each figure a table prints unnegated, as the JSON rendering reports it. */
  private static Map<FactKey, String> printedTexts(Release release) {
    Map<FactKey, String> printed = new HashMap<>();
    for (Table t : release.tables()) {
      for (Row r : t.rows()) {
        if (r instanceof Row.Values v) {
          for (Cell c : v.cells()) {
            if (c.key().isPresent() && !c.negate() && release.facts().has(c.key().get())) {
              printed.putIfAbsent(c.key().get(), Formats.text(c, release.facts())
                  + (c.scale() == 3 ? " (thousands)" : ""));
            }
          }
        }
      }
    }
    return printed;
  }



  /** A figure in words: concept (qualifier) — entity — period. */
  static String label(FactKey k, Company company) {
    String concept = Concepts.declared(k.concept()).map(org.orebook.facts.Concept::label).orElse(words(k.concept()));
    concept = concept.isEmpty() ? concept : Character.toUpperCase(concept.charAt(0)) + concept.substring(1);
    String q = k.qualifier().isEmpty() ? "" : " (" + qualifierWords(k.qualifier()) + ")";
    return concept + q + " \u2014 " + entityWords(k.entity(), company) + " \u2014 " + periodWords(k.period());
  }

  private static String entityWords(Entity entity, Company company) {
    String id = entity.id();
    return switch (entity.kind()) {
      case COMPANY -> company.name();
      case UNIT -> company.unit(id).map(OperatingUnit::name).orElse(titleWords(id)) + " unit";
      case SEGMENT -> company.segment(id).map(Segment::name).orElse(titleWords(id) + " segment");
      case GROUP -> "combined " + Metal.ofCode(id).map(m -> m.displayName().toLowerCase(Locale.ROOT)).orElse(id)
          + " properties";
      case PROPERTY -> company.unit(id).map(OperatingUnit::name).orElse(titleWords(id)) + " property";
      case STATEMENT -> switch (id) {
        case "operations" -> "statement of operations";
        case "balance_sheet" -> "balance sheet";
        case "cash_flows" -> "statement of cash flows";
        case "non_gaap" -> "non-GAAP reconciliation";
        default -> words(id);
      };
      default -> words(entity.toString().replace(':', ' '));
    };
  }

  private static String qualifierWords(String qualifier) {
    List<String> parts = new ArrayList<>();
    for (String part : qualifier.split(":")) {
      Optional<Metal> metal = part.length() == 2 ? Metal.ofCode(part) : Optional.empty();
      Optional<ReserveCategory> category = ReserveCategory.ofCode(part);
      parts.add(metal.map(Metal::displayName).or(() -> category.map(ReserveCategory::title)).orElse(words(part)));
    }
    return String.join(", ", parts);
  }

  static String periodWords(Period p) {
    return PeriodWords.label(p);
  }

  private static String words(String code) {
    return code.replace('_', ' ').replace('-', ' ').strip();
  }

  private static String titleWords(String id) {
    StringBuilder b = new StringBuilder();
    for (String w : words(id).split(" ")) {
      if (!w.isEmpty()) {
        b.append(b.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return b.toString();
  }
}
