package org.orebook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orebook.web.WebServerTest.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grade-tonnage page and API over HTTP, as a viewer: the small block model of
 * {@code src/test/resources/blockmodel} uploaded, its figures against the hand-computed table
 * ({@code EXPECTED.md}, section A), and the SVG curve.
 */
class GradeTonnageWebTest {
  static final Path MODEL = Path.of("src/test/resources/blockmodel/small_model.csv");
  static final String BOUNDARY = "----orebook-test-boundary";

  @BeforeAll
  static void start() throws Exception {
    WebServerTest.start();
  }

  static byte[] multipart(Map<String, String> fields, String fileName, byte[] file) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    fields.forEach((k, v) -> b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
        + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(file);
    b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  static HttpResponse<String> postPage(WebServerTest.Client c, Map<String, String> fields, byte[] file) throws Exception {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("_csrf", c.csrf);
    HttpRequest r = HttpRequest.newBuilder(URI.create(WebServerTest.base + "/grade-tonnage"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Cookie", c.cookie)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(f, "small_model.csv", file))).build();
    return WebServerTest.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }

  static final Map<String, String> OPTIONS = Map.of("tonnage", "tonnes", "grade", "au=au_gpt:g/t\ncu=cu_pct:%", "cutoffs",
      "0.5,1,2", "category", "rock", "tonnage_unit", "t");

  /** The cells of the HTML table's rows, without tags. */
  static List<String> tableRows(String html) {
    List<String> out = new ArrayList<>();
    Matcher row = Pattern.compile("<tr(?: class=\"gt-all\")?><td class=\"label\">(.*?)</tr>").matcher(html);
    while (row.find()) {
      out.add(row.group(1).replaceAll("</td><td class=\"num\">", " ").replaceAll("</td>", "").strip());
    }
    return out;
  }

  @Test
  void aViewerUploadsTheSmallModelAndGetsTheHandComputedTableAndTheCurve() throws Exception {
    WebServerTest.Client vic = WebServerTest.signedIn("vic");
    HttpResponse<String> form = vic.get("/grade-tonnage");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("id=\"gt-form\"", "enctype=\"multipart/form-data\"");

    HttpResponse<String> r = postPage(vic, OPTIONS, Files.readAllBytes(MODEL));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String html = r.body();
    // EXPECTED.md, section A: tonnes, au g/t and cu % to 3 decimals, au oz and cu t to whole units
    assertThat(tableRows(html)).containsExactly(
        "oxide 0.5 6 7,500 1.280 0.260 309 20",
        "oxide 1 4 4,500 1.689 0.322 244 15",
        "oxide 2 2 1,500 2.400 0.433 116 7",
        "sulphide 0.5 6 6,600 1.733 1.202 368 79",
        "sulphide 1 4 4,500 2.185 1.327 316 60",
        "sulphide 2 2 1,800 3.267 1.667 189 30",
        "all 0.5 12 14,100 1.492 0.701 676 99",
        "all 1 8 9,000 1.937 0.824 560 74",
        "all 2 4 3,300 2.873 1.106 305 37");
    assertThat(html).contains("Grade-tonnage of small_model.csv: 14 blocks; cut-off on au (g/t)");
    // the curve: an SVG with the tonnage and the grade lines through the three all-rocks points
    assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"gt-chart\"");
    Matcher tonnage = Pattern.compile("<polyline id=\"gt-tonnage\"[^>]* points=\"([^\"]+)\"").matcher(html);
    Matcher grade = Pattern.compile("<polyline id=\"gt-grade\"[^>]* points=\"([^\"]+)\"").matcher(html);
    assertThat(tonnage.find()).isTrue();
    assertThat(grade.find()).isTrue();
    List<double[]> t = points(tonnage.group(1));
    List<double[]> g = points(grade.group(1));
    assertThat(t).hasSize(3);
    assertThat(g).hasSize(3);
    // tonnage falls and grade rises with the cut-off (SVG y grows downwards); x in cut-off order
    assertThat(t.get(0)[0]).isLessThan(t.get(1)[0]);
    assertThat(t.get(1)[0]).isLessThan(t.get(2)[0]);
    assertThat(t.get(0)[1]).isLessThan(t.get(1)[1]);
    assertThat(t.get(1)[1]).isLessThan(t.get(2)[1]);
    assertThat(g.get(0)[1]).isGreaterThan(g.get(1)[1]);
    assertThat(g.get(1)[1]).isGreaterThan(g.get(2)[1]);
    assertThat(html).contains("<title>cut-off 0.5: 14,100 t</title>", "<title>cut-off 2: 2.873 g/t</title>");
  }

  static List<double[]> points(String s) {
    List<double[]> out = new ArrayList<>();
    for (String p : s.trim().split(" ")) {
      String[] xy = p.split(",");
      out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return out;
  }

  @Test
  void thePageSpeaksOfItsFieldsNotOfCommandLineOptionsAndStatesTheUploadLimit() throws Exception {
    WebServerTest.Client vic = WebServerTest.signedIn("vic");
    assertThat(vic.get("/grade-tonnage").body()).contains("Block model (CSV, at most 5 MB)");
    assertThat(vic.get("/check").body()).contains("at most 5 MB");
    for (Map<String, String> wrong : List.of(Map.of("cutoffs", "abc"), Map.of("grade", "au=au_gpt:furlongs"),
        Map.of("tonnage", "", "density", "density"), Map.of("price", "au=1900"))) {
      Map<String, String> fields = new LinkedHashMap<>(OPTIONS);
      fields.putAll(wrong);
      HttpResponse<String> r = postPage(vic, fields, Files.readAllBytes(MODEL));
      assertThat(r.statusCode()).as(wrong.toString()).isEqualTo(400);
      Matcher error = Pattern.compile("<div class=\"alert error\" role=\"alert\" id=\"gt-error\">(.*?)</div>\\s*<form",
          Pattern.DOTALL).matcher(r.body());
      assertThat(error.find()).as(wrong.toString()).isTrue();
      assertThat(error.group(1)).as(wrong.toString()).doesNotContain("--").containsPattern("\u201c[A-Z][a-z-]+( [a-z]+)*\u201d");
    }
  }

  @Test
  void badRowsOnThePageAreListedWithTheirLines() throws Exception {
    WebServerTest.Client vic = WebServerTest.signedIn("vic");
    byte[] bad = "block,rock,tonnes,au_gpt,cu_pct\n1,oxide,100,1.0,0.1\n2,oxide,-5,1.0,0.1\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = postPage(vic, OPTIONS, bad);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("small_model.csv, line 3, field &#39;tonnes&#39;: negative tonnage &#39;-5&#39;")
        .doesNotContain("id=\"gt-chart\"");
  }

  @Test
  void theApiAnswersTheCommandsJson() throws Exception {
    String query = "?tonnage=tonnes&grade=" + WebServerTest.enc("au=au_gpt:g/t") + "&grade=" + WebServerTest.enc("cu=cu_pct:%")
        + "&cutoffs=0.5,1,2&category=rock";
    HttpResponse<String> r = WebServerTest.api("POST", "/api/grade-tonnage" + query, "vic", "text/csv",
        Files.readString(MODEL));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.path("blocks").asLong()).isEqualTo(14);
    JsonNode all1 = j.path("rows").get(7);
    assertThat(all1.path("category").isNull()).isTrue();
    assertThat(all1.path("cutoff").decimalValue()).isEqualByComparingTo("1");
    assertThat(all1.path("blocks").asLong()).isEqualTo(8);
    assertThat(all1.path("tonnage").decimalValue()).isEqualByComparingTo("9000");
    assertThat(all1.path("grade").path("au").decimalValue()).isEqualByComparingTo("1.9368");
    assertThat(all1.path("grade").path("cu").decimalValue()).isEqualByComparingTo("0.8244");
    assertThat(all1.path("contained").path("au").decimalValue()).isEqualByComparingTo("560.42");
    assertThat(all1.path("contained").path("cu").decimalValue()).isEqualByComparingTo("74.20");

    HttpResponse<String> bad = WebServerTest.api("POST", "/api/grade-tonnage" + query, "vic", "text/csv",
        "block,rock,tonnes,au_gpt,cu_pct\n1,oxide,100,,0.1\n");
    assertThat(bad.statusCode()).isEqualTo(422);
    JsonNode e = JSON.readTree(bad.body()).path("errors").get(0);
    assertThat(e.path("line").asLong()).isEqualTo(2);
    assertThat(e.path("field").asText()).isEqualTo("au_gpt");
    assertThat(WebServerTest.api("POST", "/api/grade-tonnage?tonnage=t&grade=x", "vic", "text/csv", "a\n1\n").statusCode())
        .isEqualTo(400);
    assertThat(WebServerTest.api("POST", "/api/grade-tonnage" + query, null, "text/csv", Files.readString(MODEL)).statusCode())
        .isEqualTo(401);
    assertThat(new WebServerTest.Client().get("/grade-tonnage").statusCode()).isIn(302, 303);
  }
}
