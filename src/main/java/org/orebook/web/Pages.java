package org.orebook.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetFile;
import org.orebook.edgar.UnreadableReleaseException;
import org.orebook.facts.Entity;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.quantity.Period;
import org.orebook.relations.Concepts;
import org.orebook.release.HtmlRenderer;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import org.orebook.store.AuditEntry;
import org.orebook.store.CompanyInfo;
import org.orebook.store.PeriodState;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.StoredRow;
import org.orebook.store.User;
import org.orebook.store.Version;

/** The HTML pages: each handler reads the store, builds a model and renders its Mustache template. */
final class Pages {
  /** Download extensions: the release format and the content type. */
  static final Map<String, String[]> DOWNLOADS = new LinkedHashMap<>();

  static {
    DOWNLOADS.put("txt", new String[] {"text", "text/plain; charset=utf-8"});
    DOWNLOADS.put("csv", new String[] {"csv", "text/csv; charset=utf-8"});
    DOWNLOADS.put("json", new String[] {"json", "application/json"});
    DOWNLOADS.put("xlsx", new String[] {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"});
    DOWNLOADS.put("html", new String[] {"html", "text/html; charset=utf-8"});
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final int MAX_ROWS_SHOWN = 400;

  private final Store store;
  private final Auth auth;
  private final Views views;
  private final ReleaseCache releases;

  Pages(Store store, Auth auth, Views views, ReleaseCache releases) {
    this.store = store;
    this.auth = auth;
    this.views = views;
    this.releases = releases;
  }

  // ---------------------------------------------------------------- sign in and out

  void loginForm(Context ctx) {
    String next = safeNext(ctx.queryParam("next"));
    if (Auth.user(ctx) != null) {
      ctx.redirect(next, HttpStatus.SEE_OTHER);
      return;
    }
    Sessions.Session s = auth.sessionOrAnonymous(ctx);
    html(ctx, views.render("login", Views.map("title", "Sign in", "csrf", s.csrf, "next", next)));
  }

  void login(Context ctx) throws StoreException {
    String name = ctx.formParam("username");
    String password = ctx.formParam("password");
    String next = safeNext(ctx.formParam("next"));
    User user;
    try {
      user = name == null || password == null ? null
          : auth.authenticate(ctx, name.trim(), password.toCharArray(), "sign-in form").orElse(null);
    } catch (WebError e) {
      if (e.status() != 429) {
        throw e;
      }
      Sessions.Session s = auth.sessionOrAnonymous(ctx);
      ctx.status(429);
      html(ctx, views.render("login", Views.map("title", "Sign in", "csrf", s.csrf, "next", next,
          "username", name, "error", "Too many failed sign-ins: " + e.getMessage().replaceFirst("^too many failed sign-ins: ", "")
              + ".")));
      return;
    }
    if (user == null) {
      Sessions.Session s = auth.sessionOrAnonymous(ctx);
      ctx.status(401);
      html(ctx, views.render("login", Views.map("title", "Sign in", "csrf", s.csrf, "next", next,
          "username", name, "error", "Wrong user name or password.")));
      return;
    }
    auth.signIn(ctx, user);
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    auth.signOut(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** Only a path on this server: "/companies/x", never "//elsewhere" or "https://...". */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\r")
        || next.contains("\n")) {
      return "/";
    }
    return next;
  }

  void releaseCss(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").result(HtmlRenderer.STYLESHEET);
  }

  // ---------------------------------------------------------------- companies

  void home(Context ctx) throws StoreException {
    List<CompanyInfo> companies = store.companies();
    if (companies.size() == 1) {
      ctx.redirect(companyPath(companies.get(0).id()), HttpStatus.FOUND);
      return;
    }
    Map<String, Object> m = base(ctx, "Companies", null, null);
    m.put("companies", companies.stream().map(c -> Views.map("id", c.id(), "name", c.name(),
        "period", c.releasePeriod(), "href", companyPath(c.id()))).toList());
    m.put("empty", companies.isEmpty());
    html(ctx, views.render("home", m));
  }

  void overview(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    ReleaseCache.Computed c = releases.get(id, Version.CURRENT, null);
    Release r = c.release;
    Map<String, Object> m = base(ctx, r.company().name(), "overview", id);
    m.put("period", r.company().releasePeriod().code());
    m.put("columns", r.columns().describe());
    m.put("pairs", ReleaseViews.pairHeaders(r));
    m.put("groups", ReleaseViews.overview(r));
    m.put("units", ReleaseViews.unitSummaries(companyPath(id), r));
    m.put("mainPeriod", ReleaseViews.mainPeriod(r).code());
    List<Map<String, Object>> charts = new ArrayList<>(ReleaseViews.costCharts(r, "chart-cost"));
    charts.addAll(ReleaseViews.productionCharts(r, "chart-production"));
    m.put("chartJson", Views.scriptJson(Views.json(charts)));
    m.put("charts", true);
    m.put("provenanceSrc", provenanceSrc(id, Version.CURRENT, null, null));
    html(ctx, views.render("overview", m));
  }

  void unit(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    String unitId = ctx.pathParam("unit");
    ReleaseCache.Computed c = releases.get(id, Version.CURRENT, null);
    Release r = c.release;
    OperatingUnit u = r.company().unit(unitId).orElseThrow(() -> new WebError(404, "no unit '" + unitId + "' in " + id));
    Entity entity = Concepts.unit(u.id());
    Set<Entity> properties = new TreeSet<>();
    for (Property p : c.dataset.properties()) {
      if (p.unitId().isPresent() && p.unitId().get().equals(u.id())) {
        properties.add(Concepts.property(p.id()));
      }
    }
    Set<Entity> about = Set.of(entity);
    Map<String, Object> m = base(ctx, u.name(), "units", id);
    m.put("unit", Views.map("id", u.id(), "name", u.name(), "country", u.country(),
        "segment", r.company().segment(u.segmentId()).map(s -> s.name()).orElse(u.segmentId()),
        "ownership", org.orebook.release.Formats.plain(u.ownershipPct()) + "%",
        "primary", u.primaryMetal().map(Metal::displayName).orElse("\u2014"),
        "byproducts", u.byproductMetals().isEmpty() ? null
            : String.join(", ", u.byproductMetals().stream().map(Metal::displayName).toList())));
    m.put("columns", r.columns().describe());
    // the unit's production, costs and reconciliation first, then the reserves of its properties
    String tables = HtmlRenderer.fragment(ReleaseViews.rowsAbout(r, entity::equals))
        + HtmlRenderer.fragment(ReleaseViews.rowsAbout(r, properties::contains));
    m.put("tablesHtml", tables);
    m.put("hasTables", !tables.isBlank());
    m.put("periods", r.columns().all().stream().map(Period::code).toList());
    m.put("figures", ReleaseViews.figuresOf(r, entity));
    List<Map<String, Object>> waterfalls = ReleaseViews.waterfalls(r, about::contains, false);
    m.put("hasWaterfall", !waterfalls.isEmpty());
    m.put("waterfallJson", Views.scriptJson(Views.json(waterfalls)));
    m.put("charts", !waterfalls.isEmpty());
    m.put("provenanceSrc", provenanceSrc(id, Version.CURRENT, null, null));
    html(ctx, views.render("unit", m));
  }

  void release(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    Version version = version(ctx.queryParam("version"));
    Period period = period(ctx.queryParam("period"));
    String unitsParam = ctx.queryParam("units");
    ReleaseCache.Computed c = releases.get(id, version, period, units(unitsParam));
    Release r = c.release;
    Map<String, Object> m = base(ctx, r.company().name() + " \u2014 release", "release", id);
    boolean original = version == Version.ORIGINAL;
    m.put("original", original);
    m.put("period", ReleaseViews.mainPeriod(r).code());
    m.put("columns", r.columns().describe());
    List<String> params = new ArrayList<>();
    if (original) {
      params.add("version=original");
    }
    if (period != null) {
      params.add("period=" + URLEncoder.encode(period.code(), StandardCharsets.UTF_8));
    }
    String unitsQuery = unitsParam == null || unitsParam.isBlank() ? "" : "units=" + units(unitsParam).code();
    if (!unitsQuery.isEmpty()) {
      params.add(unitsQuery);
    }
    String query = params.isEmpty() ? "" : "?" + String.join("&", params);
    String base = companyPath(id) + "/release" + (original ? "?version=original&" : "?");
    m.put("unitLinks", List.of(
        Views.map("label", "As reported", "href", base.substring(0, base.length() - 1), "current", unitsQuery.isEmpty()),
        Views.map("label", "Metric", "href", base + "units=metric", "current", unitsQuery.equals("units=metric")),
        Views.map("label", "Imperial", "href", base + "units=imperial", "current", unitsQuery.equals("units=imperial"))));
    List<Map<String, Object>> downloads = new ArrayList<>();
    for (String ext : DOWNLOADS.keySet()) {
      downloads.add(Views.map("ext", ext, "href", companyPath(id) + "/release." + ext + query));
    }
    m.put("downloads", downloads);
    m.put("currentHref", companyPath(id) + "/release");
    m.put("originalHref", companyPath(id) + "/release?version=original");
    List<String> datasets = store.datasets(id);
    m.put("manyDatasets", datasets.size() > 1);
    m.put("datasetLinks", datasets.stream().map(d -> Views.map("label", d, "href", companyPath(id) + "/release?period="
        + enc(d) + (original ? "&version=original" : ""), "current", d.equals(c.datasetName))).toList());
    m.put("releaseHtml", c.memo("html-fragment", () -> HtmlRenderer.fragment(r)));
    List<Map<String, Object>> waterfalls = c.memo("waterfalls", () -> ReleaseViews.waterfalls(r, e -> true, true));
    m.put("hasWaterfall", !waterfalls.isEmpty());
    m.put("waterfallJson", c.memo("waterfall-json", () -> Views.scriptJson(Views.json(waterfalls))));
    m.put("charts", !waterfalls.isEmpty());
    m.put("provenanceSrc", provenanceSrc(id, version, period, unitsParam == null || unitsParam.isBlank() ? null : units(unitsParam)));
    html(ctx, views.render("release", m));
  }

  void reserves(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    ReleaseCache.Computed c = releases.get(id, Version.CURRENT, null);
    Release r = c.release;
    Map<String, Object> m = base(ctx, r.company().name() + " \u2014 reserves", "reserves", id);
    Release part = ReleaseViews.sectionsAbout(r, e -> e.is(Entity.Kind.PROPERTY) || e.is(Entity.Kind.RESERVES));
    m.put("hasReserves", !part.sections().isEmpty());
    m.put("reservesHtml", HtmlRenderer.fragment(part));
    List<Map<String, Object>> charts = ReleaseViews.reserveCharts(r, c.dataset, "chart-reserves");
    m.put("chartJson", Views.scriptJson(Views.json(charts)));
    m.put("charts", !charts.isEmpty());
    m.put("provenanceSrc", provenanceSrc(id, Version.CURRENT, null, null));
    html(ctx, views.render("reserves", m));
  }

  void projects(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    ReleaseCache.Computed c = releases.get(id, Version.CURRENT, null);
    Release r = c.release;
    Map<String, Object> m = base(ctx, r.company().name() + " \u2014 projects", "projects", id);
    Release part = ReleaseViews.sectionsAbout(r, e -> e.is(Entity.Kind.PROJECT));
    List<Map<String, Object>> tornados = Tornado.of(c.dataset, r.facts());
    m.put("hasProjects", !part.sections().isEmpty());
    m.put("projectsHtml", HtmlRenderer.fragment(part));
    m.put("tornados", tornados);
    m.put("hasTornados", !tornados.isEmpty());
    m.put("charts", !tornados.isEmpty());
    m.put("tornadoJson", Views.scriptJson(Views.json(tornados)));
    m.put("provenanceSrc", provenanceSrc(id, Version.CURRENT, null, null));
    html(ctx, views.render("projects", m));
  }

  void download(Context ctx, String ext) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    Version version = version(ctx.queryParam("version"));
    Period period = period(ctx.queryParam("period"));
    ReleaseCache.Computed c = releases.get(id, version, period, units(ctx.queryParam("units")));
    Release r = c.release;
    String[] f = DOWNLOADS.get(ext);
    String name = (id + "-" + ReleaseViews.mainPeriod(r).code() + (version == Version.ORIGINAL ? "-original" : "")
        + "." + ext).replaceAll("[^A-Za-z0-9._-]", "");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    c.send(ctx, f[0], f[1]);
  }

  // ---------------------------------------------------------------- periods and inputs

  void periods(Context ctx) throws StoreException {
    periodsPage(ctx, null);
  }

  /**
   * The periods page; with {@code refused}, the change the user just asked for and the store
   * refused is said at the top of the page (its status the refusal's), the page as it is below it.
   * The page offers only what the user may do: Approve only to an approver who made no change to
   * the period (the four-eyes rule), a change of an approved period only to an approver.
   */
  private void periodsPage(Context ctx, WebError refused) throws StoreException {
    String id = ctx.pathParam("id");
    CompanyInfo company = store.company(id).orElseThrow(() -> new WebError(404, "no company '" + id + "' in the store"));
    User user = Auth.user(ctx);
    List<PeriodState> states = store.periods(id);
    Set<String> approved = states.stream().filter(PeriodState::isApproved).map(PeriodState::period)
        .collect(Collectors.toSet());
    Set<String> mine = user.role().canApprove() ? store.periodsChangedBy(id, user.name()) : Set.of();
    Map<String, Object> m = base(ctx, company.name() + " \u2014 periods", "periods", id);
    if (refused != null) {
      ctx.status(refused.status());
      m.put("refused", refused.getMessage());
      m.put("refusedErrors", refused.errors().stream().map(DataError::toString).toList());
    }
    m.put("periods", states.stream().map(p -> Views.map("period", p.period(), "status", p.status(),
        "draft", !p.isApproved(), "approvedBy", p.approvedBy(),
        "approvedAt", p.approvedAt() == null ? null : WHEN.format(p.approvedAt()),
        "canApprove", !p.isApproved() && user.role().canApprove() && !mine.contains(p.period()),
        "ownChanges", !p.isApproved() && user.role().canApprove() && mine.contains(p.period()),
        "approveAction", companyPath(id) + "/periods/" + pathSegment(p.period()) + "/approve")).toList());
    m.put("currentHref", companyPath(id) + "/release");
    m.put("originalHref", companyPath(id) + "/release?version=original");
    m.put("anyApproved", !approved.isEmpty());

    List<String> datasets = store.datasets(id);
    String datasetParam = ctx.queryParam("dataset") != null ? ctx.queryParam("dataset")
        : refused != null ? ctx.formParam("dataset") : null;
    String dataset = datasetParam != null && datasets.contains(datasetParam) ? datasetParam
        : datasets.isEmpty() ? null : datasets.get(0);
    m.put("datasets", datasets.stream().map(d -> Views.map("name", d, "selected", d.equals(dataset))).toList());
    m.put("manyDatasets", datasets.size() > 1);
    m.put("dataset", dataset);
    List<StoredRow> all = dataset == null ? List.of() : store.rows(id, dataset, null);
    List<String> files = all.stream().map(StoredRow::file).distinct().toList();
    String file = ctx.queryParam("file") != null ? ctx.queryParam("file") : refused != null ? ctx.formParam("file") : null;
    if (file == null || !files.contains(file)) {
      file = files.stream().filter(f -> DatasetFile.named(f).map(DatasetFile::hasPeriod).orElse(false)).findFirst()
          .orElse(files.isEmpty() ? null : files.get(0));
    }
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
    String periodFilter = ctx.queryParam("period") == null ? "" : ctx.queryParam("period").trim();
    String selected = file;
    m.put("files", files.stream().map(f -> Views.map("name", f, "selected", f.equals(selected))).toList());
    m.put("periodOptions", states.stream().map(p -> Views.map("name", p.period(),
        "selected", p.period().equals(periodFilter))).toList());
    m.put("q", q);
    m.put("file", file);
    m.put("canEdit", user.role().canEditDrafts());
    if (file != null) {
      DatasetFile df = DatasetFile.named(file).orElseThrow();
      List<StoredRow> rows = all.stream().filter(r -> r.file().equals(selected))
          .filter(r -> q.isEmpty() || r.key().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))
              || r.fields().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))))
          .filter(r -> periodFilter.isEmpty() || r.period().equals(periodFilter))
          .toList();
      List<String> columns = new ArrayList<>(rows.isEmpty() ? df.columns() : rows.get(0).fields().keySet());
      List<String> editable = columns.stream().filter(col -> !df.key().contains(col)).toList();
      m.put("columns", columns);
      m.put("rowCount", rows.size());
      m.put("truncated", rows.size() > MAX_ROWS_SHOWN);
      m.put("shown", Math.min(rows.size(), MAX_ROWS_SHOWN));
      boolean mayRestate = user.role().canApprove();
      m.put("rows", rows.stream().limit(MAX_ROWS_SHOWN).map(r -> Views.map("key", r.key(), "period", r.period(),
          "line", r.line(), "approved", approved.contains(r.period()),
          "mayChange", user.role().canEditDrafts() && (mayRestate || !approved.contains(r.period())),
          "values", columns.stream().map(col -> Views.map("v", r.fields().getOrDefault(col, ""))).toList(),
          "fields", editable.stream().map(col -> Views.map("name", col)).toList())).toList());
      m.put("editAction", companyPath(id) + "/rows");
      m.put("back", companyPath(id) + "/periods?file=" + enc(file) + (dataset == null ? "" : "&dataset=" + enc(dataset))
          + (q.isEmpty() ? "" : "&q=" + enc(q))
          + (periodFilter.isEmpty() ? "" : "&period=" + enc(periodFilter)));
    }
    html(ctx, views.render("periods", m));
  }

  void approve(Context ctx) throws StoreException {
    String id = ctx.pathParam("id");
    String period = ctx.pathParam("period");
    User user = Auth.user(ctx);
    long change;
    try {
      change = store.approve(id, period, user.actor());
    } catch (StoreException e) {
      if (e.kind() == StoreException.Kind.FAILED || e.kind() == StoreException.Kind.BUSY || store.company(id).isEmpty()) {
        throw e;
      }
      periodsPage(ctx, WebError.of(e)); // refused: said on the periods page, not on a bare error page
      return;
    }
    flash(ctx, "Approved " + period + " (change #" + change + ").");
    ctx.redirect(companyPath(id) + "/periods", HttpStatus.SEE_OTHER);
  }

  void edit(Context ctx) throws StoreException, DatasetException {
    String id = ctx.pathParam("id");
    User user = Auth.user(ctx);
    if (!user.role().canEditDrafts()) {
      periodsPage(ctx, new WebError(403, user.name() + " is a " + user.role().code() + " and cannot change figures"));
      return;
    }
    String file = required(ctx.formParam("file"), "file");
    String key = required(ctx.formParam("key"), "key");
    String field = required(ctx.formParam("field"), "field");
    String value = ctx.formParam("value") == null ? "" : ctx.formParam("value");
    String reason = ctx.formParam("reason");
    if (reason != null && reason.isBlank()) {
      reason = null;
    }
    if (DatasetFile.named(file).isEmpty()) {
      throw new WebError(400, "no dataset file '" + file + "'");
    }
    long change;
    try {
      String dataset = ctx.formParam("dataset");
      change = store.edit(id, dataset == null || dataset.isBlank() ? null : dataset, file, key, field, value, user.actor(),
          reason);
    } catch (StoreException e) {
      if (e.kind() == StoreException.Kind.FAILED || e.kind() == StoreException.Kind.BUSY) {
        throw e;
      }
      periodsPage(ctx, WebError.of(e)); // refused: said on the periods page, with the inputs below
      return;
    }
    flash(ctx, "Saved change #" + change + ": " + file + " " + key + " " + field + " = " + value.trim() + ".");
    String back = safeNext(ctx.formParam("back"));
    ctx.redirect(back.equals("/") ? companyPath(id) + "/periods?file=" + enc(file) : back, HttpStatus.SEE_OTHER);
  }

  // ---------------------------------------------------------------- audit

  /** Lines of the audit trail a page shows. */
  static final int AUDIT_PAGE = 100;

  void audit(Context ctx) throws StoreException {
    String id = ctx.pathParamMap().get("id");
    if (id != null && store.company(id).isEmpty()) {
      throw new WebError(404, "no company '" + id + "' in the store");
    }
    int size = ctx.queryParam("limit") == null ? AUDIT_PAGE : limit(ctx.queryParam("limit"));
    long total = store.auditSize(id);
    int pages = (int) Math.max(1, (total + size - 1) / size);
    int page = Math.min(pages, pageNumber(ctx.queryParam("page")));
    List<AuditEntry> entries = store.audit(id, (page - 1) * size, size);
    Map<String, Object> m = base(ctx, "Audit trail", "audit", id);
    m.put("scope", id == null ? "all companies" : id);
    m.put("allCompanies", id == null);
    m.put("total", total);
    m.put("first", total == 0 ? 0 : (long) (page - 1) * size + 1);
    m.put("last", (long) (page - 1) * size + entries.size());
    m.put("page", page);
    m.put("pages", pages);
    String here = id == null ? "/audit" : companyPath(id) + "/audit";
    String sizeQuery = size == AUDIT_PAGE ? "" : "&limit=" + size;
    if (page > 1) {
      m.put("newerHref", here + "?page=" + (page - 1) + sizeQuery);
      m.put("newestHref", here + "?page=1" + sizeQuery);
    }
    if (page < pages) {
      m.put("olderHref", here + "?page=" + (page + 1) + sizeQuery);
      m.put("oldestHref", here + "?page=" + pages + sizeQuery);
    }
    m.put("paged", pages > 1);
    m.put("entries", entries.stream().map(a -> Views.map("change", a.changeId(), "company", a.companyId(),
        "actor", a.actor(), "at", WHEN.format(a.at()), "kind", a.kind(), "reason", a.reason(), "file", a.file(),
        "row", a.rowKey(), "period", a.period(), "field", a.field(), "before", shorten(a.before()),
        "beforeFull", a.before(), "after", shorten(a.after()), "afterFull", a.after())).toList());
    m.put("empty", entries.isEmpty());
    html(ctx, views.render("audit", m));
  }

  private static int pageNumber(String text) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new WebError(400, "page '" + text + "' is not a page number");
    }
  }

  static int limit(String text) {
    if (text == null || text.isBlank()) {
      return 500;
    }
    try {
      return Math.max(1, Math.min(10_000, Integer.parseInt(text.trim())));
    } catch (NumberFormatException e) {
      throw new WebError(400, "limit '" + text + "' is not a number");
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return null;
    }
    return s.length() <= 120 ? s : s.substring(0, 117) + "\u2026";
  }

  // ---------------------------------------------------------------- check

  void checkForm(Context ctx) {
    html(ctx, views.render("check", base(ctx, "Check a published release", "check", null)));
  }

  void check(Context ctx) {
    String text = null;
    String source = "pasted text";
    UploadedFile upload = ctx.uploadedFile("file");
    if (upload != null && upload.size() > 0) {
      try (InputStream in = upload.content()) {
        text = decode(in.readAllBytes());
      } catch (IOException e) {
        throw new WebError(400, "the upload could not be read");
      }
      source = upload.filename() == null || upload.filename().isBlank() ? "uploaded file" : upload.filename();
    } else if (ctx.formParam("text") != null && !ctx.formParam("text").isBlank()) {
      text = ctx.formParam("text");
    }
    Map<String, Object> m = base(ctx, "Check a published release", "check", null);
    if (text == null) {
      ctx.status(400);
      m.put("error", "Choose a file or paste the text of a release.");
      html(ctx, views.render("check", m));
      return;
    }
    CheckResult result;
    try {
      result = Check.text(source, text);
    } catch (UnreadableReleaseException e) {
      ctx.status(400);
      m.put("error", e.getMessage());
      html(ctx, views.render("check", m));
      return;
    } catch (RuntimeException | StackOverflowError e) {
      ctx.status(400);
      m.put("error", source + ": could not be checked (" + e.getClass().getSimpleName() + ")");
      html(ctx, views.render("check", m));
      return;
    }
    m.putAll(CheckView.model(result));
    html(ctx, views.render("check_result", m));
  }

  /** Text from bytes: UTF-8, or Latin-1 when it is not valid UTF-8 (older EDGAR filings). */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  // ---------------------------------------------------------------- errors and the frame

  String errorPage(Context ctx, WebError e) {
    Map<String, Object> m = base(ctx, "Error " + e.status(), null, null);
    m.put("status", e.status());
    m.put("message", e.getMessage());
    m.put("errors", e.errors().stream().map(DataError::toString).toList());
    m.put("hasErrors", !e.errors().isEmpty());
    m.put("signIn", e.status() == 401);
    return views.render("error", m);
  }

  /** The model every page shares: user, CSRF token, navigation, the one-shot message. */
  Map<String, Object> base(Context ctx, String title, String active, String companyId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("maxUpload", WebServer.MAX_REQUEST_BYTES / (1024 * 1024) + " MB");
    User user = Auth.user(ctx);
    Sessions.Session session = Auth.session(ctx);
    if (user != null) {
      m.put("user", Views.map("name", user.name(), "role", user.role().code(), "canApprove", user.role().canApprove(),
          "canEdit", user.role().canEditDrafts()));
    }
    if (session != null) {
      m.put("csrf", session.csrf);
      String flash = session.takeFlash();
      if (flash != null) {
        m.put("flash", flash);
      }
    }
    if (active != null) {
      m.put("nav_" + active, true);
    }
    if (user != null && companyId == null) {
      try {
        List<CompanyInfo> all = store.companies();
        if (all.size() == 1) {
          companyId = all.get(0).id(); // pages about no company still show the only one's navigation
        }
      } catch (StoreException e) {
        // no navigation to a company
      }
    }
    if (user != null && companyId != null) {
      try {
        store.company(companyId).ifPresent(c -> {
          List<Map<String, Object>> units = new ArrayList<>();
          try {
            for (StoredRow u : store.rows(c.id(), DatasetFile.UNITS.name())) {
              units.add(Views.map("name", u.fields().getOrDefault("name", u.key()),
                  "href", companyPath(c.id()) + "/units/" + u.fields().getOrDefault("id", u.key())));
            }
          } catch (StoreException e) {
            // the navigation goes without the unit list
          }
          m.put("company", Views.map("id", c.id(), "name", c.name(), "href", companyPath(c.id()), "units", units,
              "hasUnits", !units.isEmpty()));
        });
      } catch (StoreException e) {
        // the navigation goes without the company
      }
    }
    return m;
  }

  private void flash(Context ctx, String message) {
    Sessions.Session s = Auth.session(ctx);
    if (s != null) {
      s.flash = message;
    }
  }

  /** Sends a page, declaring its encoding. */
  static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /**
   * Where the provenance panel of a page asks for a clicked figure's provenance: the API, for the
   * same release as the page shows (version, period, units); the page adds {@code &key=}.
   */
  static String provenanceSrc(String id, Version version, Period period, org.orebook.quantity.UnitSystem units) {
    StringBuilder b = new StringBuilder("/api/companies/").append(pathSegment(id)).append("/provenance?version=")
        .append(version == Version.ORIGINAL ? "original" : "current");
    if (period != null) {
      b.append("&period=").append(enc(period.code()));
    }
    if (units != null) {
      b.append("&units=").append(units.code());
    }
    return b.toString();
  }

  static String companyPath(String id) {
    return "/companies/" + pathSegment(id);
  }

  /** A path segment percent-encoded ("Q4 2003" gives "Q4%202003"). */
  static String pathSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Version version(String v) {
    if (v == null || v.isBlank() || v.equals("current")) {
      return Version.CURRENT;
    }
    if (v.equals("original")) {
      return Version.ORIGINAL;
    }
    throw new WebError(400, "version '" + v + "' is not current or original");
  }

  /** The units a release page is shown in: metric, imperial, or (absent) the company's own. */
  static org.orebook.quantity.UnitSystem units(String u) {
    if (u == null || u.isBlank()) {
      return org.orebook.quantity.UnitSystem.AS_STORED;
    }
    return org.orebook.quantity.UnitSystem.ofCode(u).filter(x -> x != org.orebook.quantity.UnitSystem.AS_STORED)
        .orElseThrow(() -> new WebError(400, "units '" + u + "' is not metric or imperial"));
  }

  static Period period(String p) {
    if (p == null || p.isBlank()) {
      return null;
    }
    return Period.parse(p).orElseThrow(() -> new WebError(400, "period '" + p + "' is not a period (a quarter Q3 2011, nine months 9M 2011 or a year FY2011)"));
  }

  /** A viewer may not change figures (the store refuses it too, after validating the change). */
  static void requireEditor(User user) {
    if (!user.role().canEditDrafts()) {
      throw new WebError(403, user.name() + " is a " + user.role().code() + " and cannot change figures");
    }
  }

  private static String required(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new WebError(400, "the form has no " + name);
    }
    return v;
  }
}
