package org.orebook.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orebook.data.DatasetSource;
import org.orebook.scan.HeapMonitor;
import org.orebook.store.Actor;
import org.orebook.store.Role;
import org.orebook.store.Store;
import org.orebook.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orebook bench web}: starts the server on a temporary store holding the bundled example,
 * signs in one session per client thread, then drives each endpoint from N threads with
 * {@code java.net.http} for a fixed time (after a warm-up) and prints one line per endpoint and
 * concurrency: requests per second, median and 99th percentile latency (the whole answer read),
 * errors (any answer but 200, an empty body, or no answer), and the peak heap of the whole JVM (server and clients) while it ran
 * ({@link HeapMonitor}). The access log is on, written to a file of the temporary store.
 */
@Command(name = "web", mixinStandardHelpOptions = true,
    description = "Time the web server: requests per second and latency per endpoint and concurrency (docs/benchmarks.md).")
final class WebBench implements Callable<Integer> {
  /** The endpoints timed: name and path (the bundled example's company is hecla). */
  static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("health", "/health");
    ENDPOINTS.put("release-json", "/api/companies/hecla/release?format=json");
    ENDPOINTS.put("release-page", "/companies/hecla/release");
    ENDPOINTS.put("overview-page", "/companies/hecla");
    ENDPOINTS.put("provenance", "/api/companies/hecla/provenance?version=current&key="
        + URLEncoder.encode("unit:la-camorra/total_cash_costs_per_oz@FY2003", StandardCharsets.UTF_8));
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", paramLabel = "S", description = "timed seconds per endpoint and concurrency (default: ${DEFAULT-VALUE})")
  int seconds = 5;

  @Option(names = "--warmup", paramLabel = "S", description = "untimed seconds per endpoint before the runs (default: ${DEFAULT-VALUE})")
  int warmup = 3;

  @Option(names = "--concurrency", paramLabel = "N[,N...]", split = ",", description = "client threads (default: ${DEFAULT-VALUE})")
  List<Integer> concurrency = List.of(1, 16, 64);

  @Option(names = "--encoding", paramLabel = "ENC", description = "gzip (the clients accept gzip, as browsers do, and"
      + " inflate each answer) or identity (they do not ask for it) (default: ${DEFAULT-VALUE})")
  String encoding = "gzip";

  @Option(names = "--endpoints", paramLabel = "NAME[,NAME...]", split = ",",
      description = "health, release-json, release-page, overview-page, provenance (default: all)")
  List<String> endpoints = new ArrayList<>(ENDPOINTS.keySet());

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (seconds < 1 || warmup < 0 || concurrency.isEmpty() || concurrency.stream().anyMatch(n -> n < 1)) {
      err.println("orebook: --seconds and every --concurrency must be at least 1, --warmup at least 0");
      return Main.BAD_INPUT;
    }
    if (!encoding.equals("gzip") && !encoding.equals("identity")) {
      err.println("orebook: --encoding '" + encoding + "' is not gzip or identity");
      return Main.BAD_INPUT;
    }
    boolean gzip = encoding.equals("gzip");
    for (String e : endpoints) {
      if (!ENDPOINTS.containsKey(e)) {
        err.println("orebook: --endpoints '" + e + "' is not one of " + String.join(", ", ENDPOINTS.keySet()));
        return Main.BAD_INPUT;
      }
    }
    Path dir = Files.createTempDirectory("orebook-bench-web-");
    PrintStream stderr = System.err;
    Path accessLog = dir.resolve("access.log");
    try (OutputStream logFile = Files.newOutputStream(accessLog);
        Store store = Store.open("jdbc:h2:file:" + dir.resolve("store"), Store.Settings.defaults().withPoolSize(16))) {
      store.load(null, DatasetSource.resources(ServeCommand.BUNDLED), new Actor("orebook", Role.PREPARER), "bench web");
      String password = "bench-" + Long.toHexString(System.nanoTime()) + "-password";
      store.addUser("bench", Role.VIEWER, password.toCharArray());
      System.setErr(new PrintStream(logFile, true, StandardCharsets.UTF_8)); // the server's log, not the bench's output
      Javalin app = WebServer.start(store, "127.0.0.1", 0, WebServer.Settings.defaults());
      try {
        String base = "http://127.0.0.1:" + app.port();
        int most = concurrency.stream().max(Integer::compare).orElse(1);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < most; i++) {
          cookies.add(signIn(http, base, "bench", password));
        }
        o.printf("orebook bench web: %d cores (%s), %s %s, max heap %d MB; server on 127.0.0.1 (Javalin, H2 file store,"
                + " access log on), clients in the same JVM (java.net.http, HTTP/1.1, one session each, %s); %d s warm-up,"
                + " %d s per run; load average %.2f%n", Runtime.getRuntime().availableProcessors(), BenchCommand.Ledger.cpuModel(),
            System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), HeapMonitor.maxHeapBytes() >> 20,
            gzip ? "accepting gzip and inflating it" : "no compression asked", warmup, seconds, BenchCommand.Ledger.loadAverage());
        o.flush();
        boolean clean = true;
        if (warmup > 0) { // every endpoint first, so that the first one timed is not the one that warms the JIT
          for (String name : endpoints) {
            run(http, base + ENDPOINTS.get(name), cookies, Math.min(4, most), Duration.ofSeconds(warmup), gzip);
          }
        }
        for (String name : endpoints) {
          String path = ENDPOINTS.get(name);
          for (int n : concurrency) {
            Result r;
            try (HeapMonitor heap = HeapMonitor.start()) {
              r = run(http, base + path, cookies, n, Duration.ofSeconds(seconds), gzip);
              heap.close();
              r = r.withPeak(heap.peakBytes());
            }
            clean &= r.errors == 0;
            o.printf("endpoint=%s conc=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d peak_heap_mb=%d%n", name, n, r.rps(),
                r.percentileMs(50), r.percentileMs(99), r.errors, r.peakBytes >> 20);
            o.flush();
          }
        }
        o.printf("load average %.2f (the machine's other work competes with the server and the clients)%n",
            BenchCommand.Ledger.loadAverage());
        o.flush();
        return clean ? 0 : 1;
      } finally {
        app.stop();
        System.setErr(stderr);
      }
    } finally {
      System.setErr(stderr);
      BenchCommand.Ledger.deleteTree(dir);
    }
  }

  /** Signs in through the form (the login page's session and token), as a browser does: the session cookie. */
  static String signIn(HttpClient http, String base, String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    if (!m.find()) {
      throw new IOException("the login page has no form token");
    }
    String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 303) {
      throw new IOException("sign-in answered " + r.statusCode());
    }
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("orebook_session=")).findFirst()
        .orElseThrow(() -> new IOException("sign-in set no session cookie")).split(";", 2)[0];
  }

  /** What one run measured: requests, errors, latencies (nanoseconds), wall time and peak heap. */
  record Result(long requests, long errors, long[] latencies, double seconds, long peakBytes) {
    double rps() {
      return requests / seconds;
    }

    double percentileMs(int p) {
      if (latencies.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
    }

    Result withPeak(long peak) {
      return new Result(requests, errors, latencies, seconds, peak);
    }
  }

  /** {@code threads} clients sending GET {@code url} one after another for {@code time}, each with its own session. */
  static Result run(HttpClient http, String url, List<String> cookies, int threads, Duration time, boolean gzip)
      throws Exception {
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    long[] errors = new long[threads];
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    long[] window = new long[2];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies.get(t % cookies.size()))
          .timeout(Duration.ofSeconds(30)).GET();
      if (gzip) {
        rb.header("Accept-Encoding", "gzip");
      }
      HttpRequest request = rb.build();
      workers.add(Thread.ofPlatform().name("bench-client-" + t).start(() -> {
        long[] mine = new long[4096];
        byte[] sink = new byte[64 * 1024]; // each answer is read whole, into one buffer per client
        int n = 0;
        try {
          start.await();
        } catch (Exception e) {
          return;
        }
        long end = window[1];
        while (true) {
          long t0 = System.nanoTime();
          if (t0 >= end) {
            break;
          }
          try {
            HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            boolean inflate = r.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
            try (java.io.InputStream in = inflate ? new java.util.zip.GZIPInputStream(r.body(), 16 * 1024) : r.body()) {
              for (int k; (k = in.read(sink)) >= 0; ) {
                bytes += k;
              }
            }
            if (r.statusCode() != 200 || bytes == 0) {
              errors[me]++;
            }
          } catch (IOException e) {
            errors[me]++;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
          if (n == mine.length) {
            mine = Arrays.copyOf(mine, n * 2);
          }
          mine[n++] = System.nanoTime() - t0;
        }
        latencies[me] = Arrays.copyOf(mine, n);
        counts[me] = n;
      }));
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + time.toNanos();
    start.await();
    for (Thread w : workers) {
      w.join();
    }
    double wall = (System.nanoTime() - window[0]) / 1e9;
    long total = 0;
    long errs = 0;
    for (int t = 0; t < threads; t++) {
      total += counts[t];
      errs += errors[t];
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] l : latencies) {
      if (l != null) {
        System.arraycopy(l, 0, all, at, l.length);
        at += l.length;
      }
    }
    Arrays.sort(all);
    return new Result(total, errs, all, wall, 0);
  }
}
