package org.orebook.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orebook.edgar.Figure;
import org.orebook.facts.FactKey;

/** The check report as text (for a reader) or JSON (for a program). */
public final class Report {
  private Report() {}

  public static String text(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    PublishedRelease pr = r.release();
    sb.append("Orebook check of ").append(pr.text().source()).append('\n');
    sb.append("Company: ").append(pr.company().name()).append("; ").append(pr.text().tables().size()).append(" tables; units: ")
        .append(String.join(", ", pr.company().units().stream().map(u -> u.name()).toList())).append("\n\n");
    if (r.nothingChecked()) {
      sb.append("NOTHING CHECKED: no relation and no claim of the text could be tested.\n");
      for (String reason : Check.reasons(r)) {
        sb.append("   ").append(reason).append('\n');
      }
      sb.append('\n');
    } else if (r.failures().isEmpty()) {
      sb.append("Every tested relation ties (").append(r.tested()).append(" tested).\n\n");
    } else {
      sb.append("FAILURES (").append(r.failures().size()).append(")\n\n");
      int n = 0;
      for (Failure f : r.failures()) {
        n++;
        Figure pub = f.published().figure();
        sb.append(n).append(". ").append(f.relation().description()).append("  [").append(f.relation().id()).append("]\n");
        sb.append("   figure     ").append(describe(f.published().key())).append('\n');
        sb.append("   published  ").append(pub.text().replace("$", "").trim()).append(" at ").append(pub.at().describe())
            .append(" (").append(pub.table()).append(": \"").append(pub.label()).append("\", ").append(pub.columnTitle())
            .append(")\n");
        sb.append("   expected   ").append(plain(f.expectedPrinted())).append(" +/- ").append(plain(f.tolerancePrinted()))
            .append("   difference ").append(plain(f.differencePrinted())).append('\n');
        sb.append("   from       ");
        List<String> ops = new ArrayList<>();
        for (Reading o : f.operands()) {
          ops.add("line " + o.figure().line() + " " + o.figure().label() + " " + o.figure().text().replace("$", "").trim());
        }
        sb.append(String.join("; ", ops)).append("\n\n");
      }
    }
    prose(sb, r);
    coverage(sb, r);
    sb.append("Figures read: ").append(pr.figureCount()).append("; mapped: ").append(pr.mappedCount()).append("; unmapped: ")
        .append(pr.unmapped().size()).append("; in tested relations: ").append(r.inRelations()).append('\n');
    sb.append("Relations tested: ").append(r.tested()).append(" (").append(r.passed()).append(" hold, ").append(r.failures().size())
        .append(" fail); untested: ").append(r.untested()).append(" (a figure they need is not printed)\n");
    if (!r.unevaluated().isEmpty()) {
      sb.append("Not evaluated (").append(r.unevaluated().size()).append("): ");
      sb.append(String.join("; ", r.unevaluated().stream().limit(20)
          .map(u -> u.relationId() + " of " + u.figure() + " (" + u.reason() + ")").toList()));
      sb.append('\n');
    }
    if (!pr.unmapped().isEmpty()) {
      sb.append("Unmapped labels: ");
      sb.append(String.join("; ", pr.unmapped().stream().map(f -> "\"" + f.label() + "\" (line " + f.line() + ")").distinct()
          .limit(30).toList()));
      sb.append('\n');
    }
    sb.append("Prose claims: ").append(r.prose().size()).append(" found; tested: ").append(r.proseTested().size()).append(" (")
        .append(r.proseTested().size() - r.proseFailures().size()).append(" hold, ").append(r.proseFailures().size())
        .append(" fail); not linked (not tested): ").append(r.proseNotLinked().size()).append('\n');
    for (String note : pr.notes()) {
      sb.append("Note: ").append(note).append('\n');
    }
    for (String note : pr.text().notes()) {
      sb.append("Note: ").append(note).append('\n');
    }
    return sb.toString();
  }

  /** Per table: what it was read as, its figures read, keyed and taken into tested relations. */
  private static void coverage(StringBuilder sb, CheckResult r) {
    List<CheckResult.Coverage> cov = r.coverage();
    if (cov.isEmpty()) {
      return;
    }
    sb.append("TABLES (figures read / keyed / in tested relations)\n");
    for (CheckResult.Coverage c : cov) {
      String name = c.table().name().length() > 60 ? c.table().name().substring(0, 57) + "..." : c.table().name();
      sb.append(String.format("  line %5d  %-60s %-14s %4d / %4d / %4d%n", c.table().firstLine(), name,
          c.kind().isEmpty() ? "" : "(" + c.kind() + ")", c.figures(), c.mapped(), c.inRelations()));
      if (!c.unmappedLabels().isEmpty()) {
        sb.append("              not keyed: ").append(String.join("; ", c.unmappedLabels().stream().limit(8)
            .map(l -> "\"" + l + "\"").toList())).append(c.unmappedLabels().size() > 8 ? "; ..." : "").append('\n');
      }
    }
    sb.append('\n');
  }

  private static void prose(StringBuilder sb, CheckResult r) {
    if (r.proseFailures().isEmpty()) {
      if (!r.proseTested().isEmpty()) {
        sb.append("Every tested prose claim holds.\n\n");
      }
      return;
    }
    sb.append("PROSE FAILURES (").append(r.proseFailures().size()).append(")\n\n");
    int n = 0;
    for (ProseClaim c : r.proseFailures()) {
      n++;
      sb.append(n).append(". \"").append(c.claim()).append("\" at line ").append(c.line()).append('\n');
      sb.append("   sentence   ").append(c.excerpt(160)).append('\n');
      sb.append("   figure     ").append(c.figure()).append('\n');
      sb.append("   table      ").append(String.join("; ", c.figures())).append('\n');
      sb.append("   arithmetic ").append(c.arithmetic()).append("\n\n");
    }
  }

  private static Map<String, Object> proseJson(ProseClaim c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", c.line());
    m.put("claim", c.claim());
    m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("sentence", c.excerpt(200));
    if (c.status() != ProseClaim.Status.NOT_LINKED) {
      m.put("figure", c.figure());
      m.put("figures", c.figures());
      m.put("arithmetic", c.arithmetic());
    } else {
      m.put("reason", c.arithmetic());
    }
    return m;
  }

  public static String json(CheckResult r) {
    PublishedRelease pr = r.release();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("source", pr.text().source());
    root.put("company", pr.company().name());
    root.put("figures", pr.figureCount());
    root.put("mapped", pr.mappedCount());
    root.put("unmapped", pr.unmapped().size());
    root.put("relations", r.tested());
    root.put("untested", r.untested());
    root.put("inRelations", r.inRelations());
    root.put("nothingChecked", r.nothingChecked());
    if (r.nothingChecked()) {
      root.put("reasons", Check.reasons(r));
    }
    root.put("format", pr.text().format().code());
    root.put("unevaluated", r.unevaluated().stream().map(u -> Map.of("relation", u.relationId(), "figure", u.figure(),
        "reason", u.reason())).toList());
    List<Map<String, Object>> failures = new ArrayList<>();
    for (Failure f : r.failures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("relation", f.relation().description());
      m.put("id", f.relation().id());
      m.put("figure", describe(f.published().key()));
      m.put("period", f.published().key().period().code());
      m.put("lines", f.lines());
      m.put("at", f.published().figure().at().describe());
      m.put("published", f.publishedPrinted());
      m.put("expected", f.expectedPrinted());
      m.put("tolerance", f.tolerancePrinted());
      m.put("difference", f.differencePrinted());
      failures.add(m);
    }
    root.put("failures", failures);
    Map<String, Object> prose = new LinkedHashMap<>();
    prose.put("found", r.prose().size());
    prose.put("tested", r.proseTested().size());
    prose.put("passed", r.proseTested().size() - r.proseFailures().size());
    prose.put("failed", r.proseFailures().size());
    prose.put("notLinked", r.proseNotLinked().size());
    prose.put("failures", r.proseFailures().stream().map(Report::proseJson).toList());
    prose.put("claims", r.prose().stream().map(Report::proseJson).toList());
    root.put("prose", prose);
    root.put("unmappedLabels", pr.unmapped().stream().map(f -> Map.of("label", f.label(), "line", f.line())).distinct().toList());
    List<Map<String, Object>> tables = new ArrayList<>();
    for (CheckResult.Coverage c : r.coverage()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.table().name());
      m.put("line", c.table().firstLine());
      m.put("kind", c.kind());
      m.put("figures", c.figures());
      m.put("mapped", c.mapped());
      m.put("inRelations", c.inRelations());
      m.put("unmappedLabels", c.unmappedLabels());
      tables.add(m);
    }
    root.put("tables", tables);
    try {
      return Json.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Widest number written in plain digits; a longer one is written with an exponent (still a JSON number). */
  static final int MAX_PLAIN_DIGITS = 200;

  /** The JSON writer, made when first used (the text report needs no Jackson). */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addSerializer(BigDecimal.class,
          new com.fasterxml.jackson.databind.ser.std.StdSerializer<BigDecimal>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal v, com.fasterxml.jackson.core.JsonGenerator g,
                com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
              g.writeNumber(plainOrExponent(v));
            }
          }));
  }

  /** A number as JSON: plain digits, unless that would take more than {@link #MAX_PLAIN_DIGITS} characters. */
  public static String plainOrExponent(BigDecimal v) {
    long integerDigits = (long) v.precision() - v.scale();
    return Math.abs(integerDigits) > MAX_PLAIN_DIGITS || v.scale() > MAX_PLAIN_DIGITS ? v.toString() : v.toPlainString();
  }

  static String describe(FactKey k) {
    String q = k.qualifier().isEmpty() ? "" : "[" + k.qualifier() + "]";
    return k.entity() + "/" + k.concept() + q + " @ " + k.period().code();
  }

  static String plain(BigDecimal v) {
    return plainOrExponent(v);
  }
}
