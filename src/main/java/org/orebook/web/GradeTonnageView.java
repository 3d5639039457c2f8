package org.orebook.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orebook.blockmodel.BlockModelException;
import org.orebook.blockmodel.GradeTonnage;
import org.orebook.blockmodel.GradeTonnageFormats;
import org.orebook.blockmodel.GradeTonnageSpec;
import org.orebook.blockmodel.GradeTonnageTable;
import org.orebook.data.DataError;
import org.orebook.scan.BadRow;
import org.orebook.scan.BadRowsException;
import org.orebook.scan.ScanSettings;

/**
 * The grade-tonnage page ({@code GET/POST /grade-tonnage}: a block-model CSV uploaded with the
 * command's options, answered with the table and {@link GradeTonnageChart}) and its API
 * ({@code POST /api/grade-tonnage}: the command's JSON). A read-only computation over the upload:
 * any signed-in user may run it, viewers included; nothing is stored. The upload goes to a
 * temporary file, scanned like the command's input, and deleted afterwards.
 */
final class GradeTonnageView {
  /** The form fields, as the command's options without the dashes. */
  static final List<String> FIELDS = List.of("tonnage", "density", "volume", "tonnage_unit", "grade", "cutoffs", "equivalent",
      "price", "recovery", "category");

  private final Pages pages;
  private final Views views;

  GradeTonnageView(Pages pages, Views views) {
    this.pages = pages;
    this.views = views;
  }

  void form(Context ctx) {
    Map<String, Object> m = pages.base(ctx, "Grade-tonnage", "gradetonnage", null);
    m.put("form", Map.of("tonnage_unit_t", true));
    Pages.html(ctx, views.render("grade_tonnage", m));
  }

  void compute(Context ctx) {
    Map<String, Object> m = pages.base(ctx, "Grade-tonnage", "gradetonnage", null);
    Map<String, Object> form = new LinkedHashMap<>();
    for (String f : FIELDS) {
      form.put(f, String.join(f.equals("grade") ? "\n" : ",", ctx.formParams(f)));
    }
    form.put("tonnage_unit_" + ("st".equals(ctx.formParam("tonnage_unit")) ? "st" : "t"), true);
    m.put("form", form);
    UploadedFile upload = ctx.uploadedFile("file");
    if (upload == null || upload.size() == 0) {
      ctx.status(400);
      m.put("errors", List.of("Choose a block-model CSV file."));
      m.put("hasErrors", true);
      Pages.html(ctx, views.render("grade_tonnage", m));
      return;
    }
    try {
      GradeTonnageTable t = run(ctx, upload, name(upload));
      List<List<String>> cells = GradeTonnageFormats.cells(t);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (List<String> c : cells.subList(1, cells.size())) {
        rows.add(Views.map("category", c.get(0), "all", c.get(0).equals("all"), "cells", c.subList(1, c.size())));
      }
      m.put("result", Views.map("description", GradeTonnageFormats.description(t).strip(), "head", cells.get(0).subList(1,
          cells.get(0).size()), "rows", rows, "svg", GradeTonnageChart.svg(t), "json", GradeTonnageFormats.render(t, "json")));
    } catch (WebError e) {
      ctx.status(e.status());
      List<String> errors = new ArrayList<>(List.of(e.getMessage()));
      e.errors().forEach(d -> errors.add(d.toString()));
      m.put("errors", errors);
      m.put("hasErrors", true);
    }
    Pages.html(ctx, views.render("grade_tonnage", m));
  }

  /** {@code POST /api/grade-tonnage}: a multipart form as the page's, or the CSV as the body with the options as query parameters. */
  void api(Context ctx) {
    GradeTonnageTable t;
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      UploadedFile upload = ctx.uploadedFile("file");
      if (upload == null || upload.size() == 0) {
        throw new WebError(400, "send the block model as the form's file field, or as the request body");
      }
      t = run(ctx, upload, name(upload));
    } else {
      byte[] body = ctx.bodyAsBytes();
      if (body.length == 0) {
        throw new WebError(400, "send the block-model CSV as the request body, the options as query parameters");
      }
      t = withTemporaryFile(in -> Files.write(in, body), "request body", spec(ctx, false), false);
    }
    ctx.contentType("application/json").result(GradeTonnageFormats.render(t, "json"));
  }

  private GradeTonnageTable run(Context ctx, UploadedFile upload, String name) {
    GradeTonnageSpec spec = spec(ctx, true);
    boolean form = !"/api/grade-tonnage".equals(ctx.path());
    return withTemporaryFile(in -> {
      try (InputStream s = upload.content()) {
        Files.copy(s, in, StandardCopyOption.REPLACE_EXISTING);
      }
    }, name, spec, form);
  }

  private static String name(UploadedFile upload) {
    return upload.filename() == null || upload.filename().isBlank() ? "uploaded file" : Path.of(upload.filename()).getFileName()
        .toString();
  }

  /** The options from the form fields (or the query parameters); malformed ones: 400. */
  private static GradeTonnageSpec spec(Context ctx, boolean form) {
    java.util.function.Function<String, List<String>> values = form ? ctx::formParams : ctx::queryParams;
    java.util.function.Function<String, String> one = f -> values.apply(f).isEmpty() ? null : values.apply(f).get(0);
    List<String> grades = new ArrayList<>();
    values.apply("grade").forEach(g -> grades.addAll(List.of(g.split("\\R"))));
    try {
      return GradeTonnageSpec.of(one.apply("tonnage"), one.apply("density"), one.apply("volume"), one.apply("tonnage_unit"),
          grades, values.apply("cutoffs"), one.apply("equivalent"), values.apply("price"), values.apply("recovery"),
          one.apply("category"));
    } catch (BlockModelException e) {
      throw new WebError(400, inWebTerms(String.join("; ", e.problems()), form));
    }
  }

  /** The form's label of each option the command line names with {@code --}. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("tonnage", "Tonnage column"), Map.entry("density", "Density column"), Map.entry("volume", "Volume column"),
      Map.entry("tonnage-unit", "Tonnage unit"), Map.entry("grade", "Grades"), Map.entry("cutoffs", "Cut-offs"),
      Map.entry("category", "Category column"), Map.entry("equivalent", "Equivalent grade of"), Map.entry("price", "Prices"),
      Map.entry("recovery", "Recoveries"));

  /**
   * A message of the grade-tonnage options in the words of where they were given: on the page, the
   * form's field labels ("Cut-offs 'abc' is not a number"), for the API its query parameters
   * ("cutoffs 'abc' …"); never the command line's {@code --cutoffs}.
   */
  static String inWebTerms(String message, boolean form) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("--([a-z][a-z-]*)").matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String option = m.group(1);
      String words = form ? "\u201c" + LABELS.getOrDefault(option, option) + "\u201d"
          : "'" + option.replace('-', '_') + "'";
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(words));
    }
    m.appendTail(out);
    return out.toString();
  }

  private interface Writer {
    void write(Path file) throws IOException;
  }

  /** Writes the upload to a temporary file, computes its table, deletes the file; refusals as {@link WebError}s. */
  private static GradeTonnageTable withTemporaryFile(Writer writer, String name, GradeTonnageSpec spec, boolean form) {
    Path in = null;
    try {
      in = Files.createTempFile("orebook-blocks-", ".csv");
      writer.write(in);
      return GradeTonnage.run(in, name, spec, ScanSettings.defaults());
    } catch (BlockModelException e) {
      throw new WebError(400, inWebTerms(String.join("; ", e.problems()), form));
    } catch (BadRowsException e) {
      List<DataError> errors = e.badRows().first().stream().map(GradeTonnageView::error).toList();
      throw new WebError(422, e.getMessage() + ": nothing was computed", errors);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new WebError(400, name + " could not be read: " + (in == null ? why : why.replace(in.getFileName().toString(), name)));
    } finally {
      if (in != null) {
        try {
          Files.deleteIfExists(in);
        } catch (IOException ignored) {
          // a temporary file left behind
        }
      }
    }
  }

  private static DataError error(BadRow r) {
    return new DataError(r.file(), r.line(), r.field(), r.reason());
  }
}
