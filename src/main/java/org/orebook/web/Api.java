package org.orebook.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.Report;
import org.orebook.data.DatasetException;
import org.orebook.edgar.UnreadableReleaseException;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.release.Formats;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import org.orebook.store.AuditEntry;
import org.orebook.store.CompanyInfo;
import org.orebook.store.PeriodState;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.User;
import org.orebook.store.Version;

/** The JSON REST API under {@code /api}, described by {@code /openapi.json}. */
final class Api {
  private final Store store;
  private final ReleaseCache releases;

  Api(Store store, ReleaseCache releases) {
    this.store = store;
    this.releases = releases;
  }

  void health(Context ctx) {
    boolean up = store.reachable();
    ctx.status(up ? 200 : 503);
    json(ctx, Views.map("status", up ? "ok" : "unavailable"));
  }

  void openapi(Context ctx) throws IOException {
    try (InputStream in = Api.class.getResourceAsStream("/web/openapi.json")) {
      if (in == null) {
        throw new WebError(404, "no OpenAPI document");
      }
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  void companies(Context ctx) throws StoreException {
    json(ctx, store.companies().stream().map(Api::company).toList());
  }

  void company(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    CompanyInfo c = store.company(id).orElseThrow(() -> new WebError(404, "no company '" + id + "' in the store"));
    Release r = releases.get(id, Version.CURRENT, null).release;
    Map<String, Object> m = company(c);
    m.put("shortName", r.company().shortName());
    m.put("currency", r.company().currency());
    m.put("columns", r.columns().describe());
    m.put("metals", r.company().metals().stream().map(Metal::name).toList());
    m.put("segments", r.company().segments().stream().map(s -> Views.map("id", s.id(), "name", s.name())).toList());
    m.put("units", r.company().units().stream().map(Api::unit).toList());
    m.put("periods", store.periods(id).stream().map(Api::period).toList());
    json(ctx, m);
  }

  void units(Context ctx) throws StoreException, DatasetException {
    Release r = releases.get(ctx.pathParam("id"), Version.CURRENT, null).release;
    json(ctx, r.company().units().stream().map(Api::unit).toList());
  }

  void projects(Context ctx) throws StoreException, DatasetException {
    ReleaseCache.Computed c = releases.get(ctx.pathParam("id"), Version.CURRENT, null);
    json(ctx, Tornado.of(c.dataset, c.release.facts()));
  }

  void periods(Context ctx) throws StoreException {
    json(ctx, store.periods(ctx.pathParam("id")).stream().map(Api::period).toList());
  }

  void figures(Context ctx) throws StoreException, DatasetException {
    ReleaseCache.Computed c = releases.get(ctx.pathParam("id"), Pages.version(ctx.queryParam("version")),
        Pages.period(ctx.queryParam("period")), Pages.units(ctx.queryParam("units")));
    c.send(ctx, "json", "application/json");
  }

  /**
   * One figure's provenance, asked for when it is clicked: its label, exact value, printed text,
   * unit and origin (input file, line and field, or relation, formula and operands, each operand
   * marked {@code known} when its own provenance can be asked for in turn).
   */
  void provenance(Context ctx) throws StoreException, DatasetException {
    String key = ctx.queryParam("key");
    if (key == null || key.isBlank()) {
      throw new WebError(400, "name the figure: ?key=ENTITY/CONCEPT@PERIOD, as the release's cells carry it");
    }
    ReleaseCache.Computed c = releases.get(ctx.pathParam("id"), Pages.version(ctx.queryParam("version")),
        Pages.period(ctx.queryParam("period")), Pages.units(ctx.queryParam("units")));
    JsonNode all = c.provenance();
    JsonNode figure = all.get(key);
    if (figure == null) {
      throw new WebError(404, "no figure '" + key + "' in this release");
    }
    com.fasterxml.jackson.databind.node.ObjectNode out = Views.JSON.createObjectNode();
    out.put("key", key);
    out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) figure.deepCopy());
    JsonNode operands = out.path("origin").path("operands");
    if (operands.isArray()) {
      for (JsonNode op : operands) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) op).put("known", all.has(op.path("key").asText()));
      }
    }
    json(ctx, out);
  }

  void release(Context ctx) throws StoreException, DatasetException {
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    String type = switch (format) {
      case "json" -> "application/json";
      case "text" -> "text/plain; charset=utf-8";
      case "csv" -> "text/csv; charset=utf-8";
      default -> throw new WebError(400, "format '" + format + "' is not json, text or csv");
    };
    ReleaseCache.Computed c = releases.get(ctx.pathParam("id"), Pages.version(ctx.queryParam("version")),
        Pages.period(ctx.queryParam("period")), Pages.units(ctx.queryParam("units")));
    c.send(ctx, format, type);
  }

  void audit(Context ctx) throws StoreException {
    String id = ctx.pathParamMap().get("id");
    if (id != null && store.company(id).isEmpty()) {
      throw new WebError(404, "no company '" + id + "' in the store");
    }
    int offset;
    try {
      offset = ctx.queryParam("offset") == null ? 0 : Math.max(0, Integer.parseInt(ctx.queryParam("offset").trim()));
    } catch (NumberFormatException e) {
      throw new WebError(400, "offset '" + ctx.queryParam("offset") + "' is not a number");
    }
    ctx.header("X-Total-Count", String.valueOf(store.auditSize(id)));
    List<AuditEntry> entries = store.audit(id, offset, Pages.limit(ctx.queryParam("limit")));
    json(ctx, entries.stream().map(a -> Views.map("changeId", a.changeId(), "company", a.companyId(), "actor", a.actor(),
        "at", a.at().toString(), "kind", a.kind(), "reason", a.reason(), "file", a.file(), "row", a.rowKey(),
        "period", a.period(), "field", a.field(), "before", a.before(), "after", a.after())).toList());
  }

  void check(Context ctx) {
    String text = Pages.decode(ctx.bodyAsBytes());
    if (text.isBlank()) {
      throw new WebError(400, "send the text of a release as the request body");
    }
    CheckResult r;
    try {
      r = Check.text("request body", text);
    } catch (UnreadableReleaseException e) {
      throw new WebError(422, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      throw new WebError(422, "the text could not be checked (" + e.getClass().getSimpleName() + ")");
    }
    ctx.contentType("application/json").result(Report.json(r));
  }

  void approve(Context ctx) throws StoreException {
    String id = ctx.pathParam("id");
    String period = ctx.pathParam("period");
    User user = Auth.user(ctx);
    long change = store.approve(id, period, user.actor());
    ctx.status(200);
    json(ctx, Views.map("company", id, "period", period, "status", "approved", "changeId", change, "by", user.name()));
  }

  void edit(Context ctx) throws StoreException, DatasetException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      throw new WebError(415, "send the change as application/json: {file, key, field, value, reason}");
    }
    Pages.requireEditor(Auth.user(ctx));
    JsonNode body;
    try {
      body = Views.JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new WebError(400, "the body is not JSON");
    }
    if (body == null || !body.isObject()) {
      throw new WebError(400, "the body must be a JSON object {file, key, field, value, reason}");
    }
    String id = ctx.pathParam("id");
    String file = text(body, "file", true);
    String key = text(body, "key", true);
    String field = text(body, "field", true);
    String value = text(body, "value", false);
    String reason = text(body, "reason", false);
    String dataset = text(body, "dataset", false);
    User user = Auth.user(ctx);
    long change = store.edit(id, dataset == null || dataset.isBlank() ? null : dataset, file, key, field,
        value == null ? "" : value, user.actor(), reason == null || reason.isBlank() ? null : reason);
    json(ctx, Views.map("company", id, "changeId", change, "file", file, "key", key, "field", field,
        "value", value == null ? "" : value.trim(), "by", user.name()));
  }

  private static String text(JsonNode body, String name, boolean required) {
    JsonNode n = body.get(name);
    if (n == null || n.isNull()) {
      if (required) {
        throw new WebError(400, "'" + name + "' is required");
      }
      return null;
    }
    if (!n.isValueNode()) {
      throw new WebError(400, "'" + name + "' must be a string");
    }
    return n.asText();
  }

  private static Map<String, Object> company(CompanyInfo c) {
    return Views.map("id", c.id(), "name", c.name(), "releasePeriod", c.releasePeriod());
  }

  private static Map<String, Object> unit(OperatingUnit u) {
    return Views.map("id", u.id(), "name", u.name(), "country", u.country(), "segment", u.segmentId(),
        "ownershipPct", Formats.plain(u.ownershipPct()), "primaryMetal", u.primaryMetal().map(Metal::name).orElse(null),
        "byproductMetals", u.byproductMetals().stream().map(Metal::name).toList(), "shownInTables", u.shownInTables());
  }

  private static Map<String, Object> period(PeriodState p) {
    return Views.map("period", p.period(), "status", p.status(), "approvedBy", p.approvedBy(),
        "approvedAt", p.approvedAt() == null ? null : p.approvedAt().toString());
  }

  private static void json(Context ctx, Object value) {
    ctx.contentType("application/json").result(Views.json(value));
  }
}
