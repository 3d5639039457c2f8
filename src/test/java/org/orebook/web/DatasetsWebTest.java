package org.orebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.data.DatasetSource;
import org.orebook.release.Releases;
import org.orebook.store.Actor;
import org.orebook.store.Role;
import org.orebook.store.Store;

/** A company with an annual and a quarterly dataset, side by side, on the web (a server and store of its own). */
class DatasetsWebTest {
  static final Path EXAMPLE = Path.of("examples/hecla-2003");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path tmp;

  Store store;
  Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("vic:vic only reads".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachDatasetHasItsReleaseAndTheEditorNamesTheDataset() throws Exception {
    Path quarter = tmp.resolve("q4");
    Files.createDirectories(quarter);
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(p, quarter.resolve(p.getFileName()));
      }
    }
    Files.writeString(quarter.resolve("company.csv"), Files.readString(quarter.resolve("company.csv"))
        .replace("period,FY2003", "period,Q4 2003"));
    store = Store.open("jdbc:h2:mem:" + UUID.randomUUID());
    Actor loader = new Actor("loader", Role.PREPARER);
    store.load(null, DatasetSource.folder(EXAMPLE), loader, null);
    store.load(null, DatasetSource.folder(quarter), loader, null);
    store.addUser("vic", Role.VIEWER, "vic only reads".toCharArray());
    app = WebServer.start(store, "127.0.0.1", 0, WebServer.Settings.defaults().withAccessLog(false));
    String base = "http://127.0.0.1:" + app.port();

    for (String[] dataset : new String[][] {{"FY2003", EXAMPLE.toString()}, {"Q4 2003", quarter.toString()}}) {
      HttpResponse<String> r = get(base, "/api/companies/hecla/release?format=text&period="
          + URLEncoder.encode(dataset[0], StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).as(dataset[0]).isEqualTo(Releases.render(Releases.produce(Path.of(dataset[1]), null), "text"));
    }
    String page = get(base, "/companies/hecla/release").body();
    assertThat(page).contains("aria-label=\"Dataset\"").contains(">FY2003</a>").contains(">Q4 2003</a>");
    String periods = get(base, "/companies/hecla/periods?dataset=" + URLEncoder.encode("Q4 2003", StandardCharsets.UTF_8)).body();
    assertThat(periods).contains("<option value=\"Q4 2003\" selected>");
  }
}
