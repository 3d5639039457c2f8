package org.orebook.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.Origin;

/**
 * Renders every figure of a release as JSON: concept, entity, qualifier, unit, period, the exact
 * value, the value as printed (when a table prints it) and its origin — the input file, line and
 * field, or the relation with its formula and operands.
 */
public final class JsonRenderer {
  private JsonRenderer() {}

  public static String render(Release release) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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
    ObjectNode root = mapper.createObjectNode();
    root.put("company", release.company().name());
    root.put("period", release.company().releasePeriod().code());
    root.put("columns", release.columns().describe());
    ArrayNode figures = root.putArray("figures");
    for (Fact f : release.facts().all()) {
      ObjectNode n = figures.addObject();
      n.put("concept", f.key().concept());
      n.put("entity", f.key().entity().toString());
      if (!f.key().qualifier().isEmpty()) {
        n.put("qualifier", f.key().qualifier());
      }
      n.put("period", f.key().period().code());
      n.put("unit", f.unit().code());
      n.put("value", Formats.plain(f.value()));
      if (printed.containsKey(f.key())) {
        n.put("printed", printed.get(f.key()));
      }
      ObjectNode o = n.putObject("origin");
      putOrigin(o, f.origin());
      if (f.origin().unconverted() instanceof Origin.Derived d) {
        ArrayNode ops = o.putArray("operands");
        d.operands().forEach(k -> ops.add(k.toString()));
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes where a figure came from: {@code type} and the input's file, line and field; or the
   * relation's id, words and formula (the caller adds the operands in its own shape); or the
   * published table, label and line. A converted figure is described by its source's fields, plus
   * {@code conversion}: the unit and value it was converted from and the exact factor.
   */
  static void putOrigin(ObjectNode o, Origin origin) {
    switch (origin) {
      case Origin.Converted c -> {
        putOrigin(o, c.source());
        ObjectNode cv = o.putObject("conversion");
        cv.put("from", c.from().code());
        cv.put("value", Formats.plain(c.value()));
        cv.put("description", UnitWords.conversion(c.from()));
      }
      case Origin.Input in -> {
        o.put("type", "input");
        o.put("file", in.file());
        o.put("line", in.line());
        o.put("field", in.field());
      }
      case Origin.Derived d -> {
        o.put("type", "relation");
        o.put("relation", d.relation());
        o.put("description", d.description());
        o.put("formula", d.formula());
      }
      case Origin.Published p -> {
        o.put("type", "published");
        o.put("table", p.table());
        o.put("label", p.label());
        o.put("line", p.line());
      }
    }
  }
}
