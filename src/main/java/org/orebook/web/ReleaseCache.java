package org.orebook.web;

import org.orebook.quantity.UnitSystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetLoader;
import org.orebook.quantity.Period;
import org.orebook.release.HtmlRenderer;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import org.orebook.store.Version;

/**
 * Releases computed from the store, kept while the company's data is unchanged: the key includes the
 * id of the company's newest change, so any load, edit, approval or restatement (from this server or
 * the command line) computes afresh. At most a few releases are kept.
 */
final class ReleaseCache {
  /** A dataset as stored and the release computed from it; the provenance JSON is made on first use. */
  static final class Computed {
    final Dataset dataset;
    final Release release;
    private volatile String provenance;

    Computed(Dataset dataset, Release release) {
      this.dataset = dataset;
      this.release = release;
    }

    String provenanceJson() {
      String p = provenance;
      if (p == null) {
        p = compact(HtmlRenderer.provenanceJson(release));
        provenance = p;
      }
      return p;
    }
  }

  /** JSON without the indentation (a third of the size of the provenance of a release). */
  private static String compact(String json) {
    try {
      return Views.JSON.writeValueAsString(Views.JSON.readTree(json));
    } catch (java.io.IOException e) {
      return json;
    }
  }

  private record Key(String company, Version version, String period, UnitSystem units, long change) {}

  private static final int CAPACITY = 8;
  private final Store store;
  private final Map<Key, Computed> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Computed> eldest) {
      return size() > CAPACITY;
    }
  };

  ReleaseCache(Store store) {
    this.store = store;
  }

  /** The release of a company (its release period when {@code period} is null), in its own units. */
  Computed get(String companyId, Version version, Period period) throws StoreException, DatasetException {
    return get(companyId, version, period, UnitSystem.AS_STORED);
  }

  /** The release of a company in the given units (metric, imperial, or the company's own). */
  Computed get(String companyId, Version version, Period period, UnitSystem units) throws StoreException, DatasetException {
    long change = store.latestChange(companyId);
    Key key = new Key(companyId, version, period == null ? "" : period.code(), units, change);
    synchronized (cache) {
      Computed c = cache.get(key);
      if (c != null) {
        return c;
      }
    }
    Dataset dataset = DatasetLoader.load(store.source(companyId, version));
    Computed computed = new Computed(dataset, Releases.produce(dataset, period, units));
    synchronized (cache) {
      cache.put(key, computed);
    }
    return computed;
  }
}
