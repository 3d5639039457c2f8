package org.orebook.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetLoader;
import org.orebook.quantity.Period;
import org.orebook.quantity.UnitSystem;
import org.orebook.release.HtmlRenderer;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.Version;

/**
 * Releases computed from the store, one per company version: the key holds the id of the company's
 * newest change, so any load, edit, approval or restatement (from this server or the command line)
 * computes afresh, while unchanged data is computed once however many requests ask for it at the
 * same moment (they wait for the one computation). What the pages and the API send of a release
 * (its rendered formats, its HTML, the provenance of its figures) is made once per release too. At
 * most {@link #CAPACITY} releases are kept, the least recently used leaving first, which bounds the
 * memory the cache holds.
 */
final class ReleaseCache {
  /** A dataset as stored, the release computed from it, and what is made from the release on first use. */
  static final class Computed {
    final Dataset dataset;
    final Release release;
    final String datasetName;
    private final Map<String, Object> made = new ConcurrentHashMap<>();

    Computed(Dataset dataset, Release release, String datasetName) {
      this.dataset = dataset;
      this.release = release;
      this.datasetName = datasetName;
    }

    /** Something made from the release, once: {@code make} runs on first use of {@code name}. */
    @SuppressWarnings("unchecked")
    <T> T memo(String name, Supplier<T> make) {
      return (T) made.computeIfAbsent(name, k -> make.get());
    }

    /**
     * The release rendered in a format (text, json, csv, html, xlsx), as bytes, made once; JSON
     * without the indentation (the same values, a fifth smaller).
     */
    byte[] rendered(String format) {
      return memo("render:" + format, () -> {
        byte[] b = Releases.renderBytes(release, format);
        if (!format.equals("json")) {
          return b;
        }
        try {
          return Views.JSON.writeValueAsBytes(Views.JSON.readTree(b));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    /** {@link #rendered} gzipped, made once: sent as it is to a client that accepts gzip. */
    byte[] gzipped(String format) {
      byte[] plain = rendered(format);
      return memo("gzip:" + format, () -> {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plain.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
          z.write(plain);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return out.toByteArray();
      });
    }

    /**
     * Sends the release in a format: its gzipped bytes, made once, to a client that accepts gzip
     * (as browsers do), else its plain bytes; never compressed again per request.
     */
    void send(io.javalin.http.Context ctx, String format, String contentType) {
      ctx.contentType(contentType);
      ctx.header("Vary", "Accept-Encoding");
      String accept = ctx.header("Accept-Encoding");
      if (!format.equals("xlsx") && accept != null && java.util.Arrays.stream(accept.split(","))
          .map(e -> e.split(";")[0].trim()).anyMatch(e -> e.equalsIgnoreCase("gzip"))) {
        ctx.header("Content-Encoding", "gzip");
        ctx.result(gzipped(format));
      } else {
        ctx.result(rendered(format));
      }
    }

    /**
     * Every figure's provenance, keyed by its figure key ({@link HtmlRenderer#provenanceJson}): read
     * by {@code /api/companies/{id}/provenance} one figure at a time, when a figure is clicked.
     */
    JsonNode provenance() {
      return memo("provenance", () -> {
        try {
          return Views.JSON.readTree(HtmlRenderer.provenanceJson(release));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private record Key(String company, String dataset, Version version, String period, UnitSystem units, long change) {}

  /** A company's datasets as of one change. */
  private record Datasets(long change, List<String> names) {}

  static final int CAPACITY = 8;
  private final Store store;
  private final Map<Key, CompletableFuture<Computed>> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Computed>> eldest) {
      return size() > CAPACITY;
    }
  };
  private final Map<String, Datasets> datasets = new ConcurrentHashMap<>();

  ReleaseCache(Store store) {
    this.store = store;
  }

  /** The release of a company (its release period when {@code period} is null), in its own units. */
  Computed get(String companyId, Version version, Period period) throws StoreException, DatasetException {
    return get(companyId, version, period, UnitSystem.AS_STORED);
  }

  /**
   * The release of a company in the given units (metric, imperial, or the company's own), from the
   * company's dataset of {@code period} when it has one, else from its newest dataset.
   */
  Computed get(String companyId, Version version, Period period, UnitSystem units) throws StoreException, DatasetException {
    long change = store.latestChange(companyId);
    String dataset = dataset(companyId, change, period);
    Key key = new Key(companyId, dataset, version, period == null ? "" : period.code(), units, change);
    CompletableFuture<Computed> mine = new CompletableFuture<>();
    CompletableFuture<Computed> existing;
    synchronized (cache) {
      existing = cache.get(key);
      if (existing == null) {
        cache.put(key, mine);
      }
    }
    if (existing != null) {
      return await(existing);
    }
    try {
      Dataset data = DatasetLoader.load(store.source(companyId, dataset, version));
      Computed computed = new Computed(data, Releases.produce(data, period, units), dataset);
      mine.complete(computed);
      return computed;
    } catch (StoreException | DatasetException | RuntimeException e) {
      synchronized (cache) {
        cache.remove(key, mine); // the next request tries again
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private String dataset(String companyId, long change, Period period) throws StoreException {
    Datasets d = datasets.get(companyId);
    if (d == null || d.change() != change) {
      d = new Datasets(change, store.datasets(companyId));
      datasets.put(companyId, d);
    }
    if (d.names().isEmpty()) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " holds no dataset");
    }
    return period != null && d.names().contains(period.code()) ? period.code() : d.names().get(0);
  }

  private static Computed await(CompletableFuture<Computed> f) throws StoreException, DatasetException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebError(503, "interrupted while the release was computed");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof StoreException s) {
        throw s;
      }
      if (c instanceof DatasetException d) {
        throw d;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(c);
    }
  }
}
