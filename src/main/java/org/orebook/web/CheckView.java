package org.orebook.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.check.CheckResult;
import org.orebook.check.Failure;
import org.orebook.check.ProseClaim;
import org.orebook.check.PublishedRelease;
import org.orebook.check.Reading;
import org.orebook.edgar.Figure;
import org.orebook.edgar.TableRow;
import org.orebook.edgar.Table;

/**
 * The check result page's model: every table the checker read, with each figure a failing relation
 * computes marked {@code fail} (its tooltip says what the other figures give) and each figure such a
 * relation reads marked {@code operand}; the findings with their arithmetic; the summary counts.
 */
final class CheckView {
  private CheckView() {}

  /** Where a figure sits: table, line and column (a figure is printed once at each place). */
  private record Place(String table, int line, int column) {
    static Place of(Figure f) {
      return new Place(f.table(), f.line(), f.column());
    }
  }

  static Map<String, Object> model(CheckResult r) {
    PublishedRelease pr = r.release();
    Map<Place, List<Integer>> failing = new HashMap<>();
    Map<Place, List<Integer>> operands = new HashMap<>();
    List<Map<String, Object>> findings = new ArrayList<>();
    int n = 0;
    for (Failure f : r.failures()) {
      n++;
      failing.computeIfAbsent(Place.of(f.published().figure()), k -> new ArrayList<>()).add(n);
      List<Map<String, Object>> ops = new ArrayList<>();
      for (Reading o : f.operands()) {
        operands.computeIfAbsent(Place.of(o.figure()), k -> new ArrayList<>()).add(n);
        ops.add(Views.map("line", o.figure().line(), "label", o.figure().label(), "column", o.figure().columnTitle(),
            "printed", printed(o.figure()), "anchor", anchor(o.figure()), "key", o.key().toString()));
      }
      Figure pub = f.published().figure();
      findings.add(Views.map("n", n, "relation", f.relation().description(), "id", f.relation().id(),
          "formula", f.relation().result() + " = " + f.relation().expr().text(),
          "figure", f.published().key().toString(), "label", pub.label(), "column", pub.columnTitle(),
          "table", pub.table(), "line", pub.line(), "anchor", anchor(pub),
          "published", printed(pub), "expected", plain(f.expectedPrinted()), "tolerance", plain(f.tolerancePrinted()),
          "difference", plain(f.differencePrinted()), "operands", ops));
    }
    List<Map<String, Object>> tables = new ArrayList<>();
    int t = 0;
    for (Table table : pr.text().tables()) {
      t++;
      tables.add(table(table, t, failing, operands, findings));
    }
    return Views.map(
        "source", pr.text().source(),
        "checkedCompany", pr.company().name(),
        "tableCount", pr.text().tables().size(),
        "figures", pr.figureCount(),
        "mapped", pr.mappedCount(),
        "unmapped", pr.unmapped().size(),
        "relations", r.relations(),
        "tested", r.tested(),
        "passed", r.passed(),
        "failed", r.failures().size(),
        "untested", r.untested(),
        "ok", r.failures().isEmpty(),
        "findings", findings,
        "tables", tables,
        "unmappedLabels", pr.unmapped().stream().map(f -> f.label() + " (line " + f.line() + ")").distinct().limit(50).toList(),
        "notes", concat(pr.notes(), pr.text().notes()),
        "prose", prose(r));
  }

  /**
   * The numbers in the running text, as the command line's report and {@code /api/check} give them:
   * how many were found, tested against the tables, hold, fail, or could not be linked to a table
   * figure; each failing claim with its sentence, figure and arithmetic; every claim in a list.
   */
  private static Map<String, Object> prose(CheckResult r) {
    List<Map<String, Object>> failures = new ArrayList<>();
    int n = 0;
    for (ProseClaim c : r.proseFailures()) {
      n++;
      failures.add(Views.map("n", n, "claim", c.claim(), "line", c.line(), "sentence", c.excerpt(200), "figure", c.figure(),
          "figures", String.join("; ", c.figures()), "arithmetic", c.arithmetic()));
    }
    List<Map<String, Object>> claims = r.prose().stream().map(c -> Views.map("line", c.line(), "claim", c.claim(),
        "status", switch (c.status()) {
          case PASSED -> "holds";
          case FAILED -> "fails";
          case NOT_LINKED -> "not tested";
        },
        "cls", c.status() == ProseClaim.Status.FAILED ? "fail" : c.status() == ProseClaim.Status.PASSED ? "ok" : "muted",
        "sentence", c.excerpt(160),
        "detail", c.arithmetic())).toList();
    return Views.map("found", r.prose().size(), "tested", r.proseTested().size(),
        "hold", r.proseTested().size() - r.proseFailures().size(), "failed", r.proseFailures().size(),
        "notLinked", r.proseNotLinked().size(), "any", !r.prose().isEmpty(), "ok", r.proseFailures().isEmpty(),
        "failures", failures, "hasFailures", !failures.isEmpty(), "claims", claims);
  }

  private static Map<String, Object> table(Table table, int index, Map<Place, List<Integer>> failing,
      Map<Place, List<Integer>> operands, List<Map<String, Object>> findings) {
    int cols = table.columns().size();
    for (TableRow.Values v : table.valueRows()) {
      cols = Math.max(cols, v.cells().size());
    }
    List<String> headers = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      headers.add(c < table.columns().size() ? table.columns().get(c).title() : "");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean hasFailure = false;
    for (TableRow row : table.rows()) {
      switch (row) {
        case TableRow.Heading h -> rows.add(Views.map("isHeading", true, "isRule", false, "isValues", false,
            "heading", h.text(), "span", cols + 1));
        case TableRow.Values v -> {
          List<Map<String, Object>> cells = new ArrayList<>();
          for (int c = 0; c < cols; c++) {
            Optional<Figure> f = c < v.cells().size() ? v.cells().get(c) : Optional.empty();
            if (f.isEmpty()) {
              cells.add(Views.map("text", "", "cls", "", "title", "", "anchor", "", "findings", List.of()));
              continue;
            }
            Place p = Place.of(f.get());
            List<Integer> fails = failing.getOrDefault(p, List.of());
            List<Integer> uses = operands.getOrDefault(p, List.of());
            hasFailure |= !fails.isEmpty();
            String cls = !fails.isEmpty() ? "fail" : !uses.isEmpty() ? "operand" : "";
            String title = "";
            if (!fails.isEmpty()) {
              List<String> why = new ArrayList<>();
              for (int k : fails) {
                Map<String, Object> fd = findings.get(k - 1);
                why.add("#" + k + " " + fd.get("relation") + ": expected " + fd.get("expected") + " \u00b1 "
                    + fd.get("tolerance") + ", difference " + fd.get("difference"));
              }
              title = String.join("\n", why);
            } else if (!uses.isEmpty()) {
              title = "read by failing relation " + String.join(", ", uses.stream().map(k -> "#" + k).toList());
            }
            cells.add(Views.map("text", f.get().text().strip(), "cls", cls, "title", title, "anchor", anchor(f.get()),
                "findings", fails.stream().map(k -> Views.map("n", k)).toList()));
          }
          rows.add(Views.map("isHeading", false, "isRule", false, "isValues", true, "label", v.label(), "line", v.line(),
              "cells", cells));
        }
        case TableRow.Rule ru -> rows.add(Views.map("isHeading", false, "isRule", true, "isValues", false,
            "double", ru.isDouble(), "span", cols + 1));
        case TableRow.Blank b -> { }
      }
    }
    return Views.map("index", index, "name", table.name(), "titleLines", table.titleLines().stream().map(String::strip)
        .filter(s -> !s.isEmpty()).toList(), "unit", table.unit().map(u -> u.text()).orElse(""), "stub", table.stub(),
        "headers", headers, "rows", rows, "firstLine", table.firstLine(), "lastLine", table.lastLine(),
        "hasFailure", hasFailure);
  }

  static String anchor(Figure f) {
    return "fig-" + f.line() + "-" + f.column();
  }

  private static String printed(Figure f) {
    return f.text().replace("$", "").strip();
  }

  private static String plain(BigDecimal v) {
    return v.toPlainString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
