package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.util.List;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;

/** reserve_changes.csv (only when the release prints them): the year's movements of each property's reserves, as printed. */
final class ReserveChangesWriter extends DatasetFileWriter {
  ReserveChangesWriter(ImportContext ctx) {
    super(ctx, DatasetFile.RESERVE_CHANGES);
  }

  void write() {
    for (Fact f : pr.facts().all()) {
      FactKey k = f.key();
      if (!k.entity().is(Entity.Kind.PROPERTY)) {
        continue;
      }
      String prop = k.entity().id();
      if (List.of(RES_DEPLETED, RES_ADDED, RES_REVISED).contains(k.concept())) {
        rows(DatasetFile.RESERVE_CHANGES)
            .add(prop, k.period().code(), k.qualifier(), k.concept(), f.value(), f.unit().code());
      }
    }
  }
}
