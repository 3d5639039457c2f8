package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;

/** prices.csv: the realised and market metal prices as printed, per metal, period and basis. */
final class PricesWriter extends DatasetFileWriter {
  PricesWriter(ImportContext ctx) {
    super(ctx, DatasetFile.PRICES);
  }

  void write() {
    var prices = rows(DatasetFile.PRICES);
    for (Fact f : pr.facts().all()) {
      if (f.key().entity().equals(Entity.MARKET) && f.key().concept().equals(PRICE)) {
        String q = f.key().qualifier();
        int colon = q.indexOf(':');
        if (colon < 0 || q.substring(colon + 1).isBlank()) {
          continue;
        }
        prices.add(q.substring(0, colon), f.key().period().code(), q.substring(colon + 1), f.value(), f.unit().code());
      }
    }
  }
}
