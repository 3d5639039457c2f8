package org.orebook.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side HTML from the Mustache templates under {@code web/templates} (double braces escape
 * HTML; triple braces are used only for markup this server produced itself and for JSON made safe by
 * {@link #scriptJson}), and JSON through one Jackson mapper.
 */
final class Views {
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  private final MustacheFactory mustache = new DefaultMustacheFactory("web/templates");

  /** Renders {@code name}.mustache with the model. */
  String render(String name, Map<String, Object> model) {
    Mustache m = mustache.compile(name + ".mustache");
    StringWriter out = new StringWriter();
    m.execute(out, model);
    return out.toString();
  }

  /** A value as JSON text. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JSON text made safe inside {@code <script type="application/json">}: the characters that could
   * close the element or open a comment are written as JSON escapes, which parse to the same value.
   */
  static String scriptJson(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A map from alternating keys and values, in order; null values are left out. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }
}
