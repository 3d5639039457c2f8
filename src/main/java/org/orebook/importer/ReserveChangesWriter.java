package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;

/**
 * reserve_changes.csv (only when the release prints them): the year's movements of each property's
 * reserves, as printed. The opening reserves are the prior year end's contained metal; where the
 * release prints no estimate of that year end for the property, the printed opening is written as an
 * input, and the revisions are then left to the roll-forward (closing - opening + depleted - added):
 * the closing is computed again from the written tonnage and rounded grades, so printed revisions
 * would not tie with it exactly.
 */
final class ReserveChangesWriter extends DatasetFileWriter {
  ReserveChangesWriter(ImportContext ctx) {
    super(ctx, DatasetFile.RESERVE_CHANGES);
  }

  private static final List<String> MOVEMENTS = List.of(RES_OPENING, RES_DEPLETED, RES_ADDED, RES_REVISED, RES_CLOSING);

  void write() {
    // the properties and year ends the release prints an estimate of (a figure other than a movement)
    Set<List<Object>> estimated = new HashSet<>();
    for (Fact f : pr.facts().all()) {
      if (f.key().entity().is(Entity.Kind.PROPERTY) && !MOVEMENTS.contains(f.key().concept())) {
        estimated.add(List.of(f.key().entity(), f.key().period()));
      }
    }
    for (Fact f : pr.facts().all()) {
      FactKey k = f.key();
      if (!k.entity().is(Entity.Kind.PROPERTY)) {
        continue;
      }
      // the printed opening, where no estimate of the prior year end gives it
      boolean opening = pr.facts().has(new FactKey(k.entity(), RES_OPENING, k.qualifier(), k.period()))
          && !estimated.contains(List.of(k.entity(), k.period().priorYear()));
      if (k.concept().equals(RES_OPENING) ? opening
          : List.of(RES_DEPLETED, RES_ADDED).contains(k.concept()) || k.concept().equals(RES_REVISED) && !opening) {
        rows(DatasetFile.RESERVE_CHANGES)
            .add(k.entity().id(), k.period().code(), k.qualifier(), k.concept().equals(RES_OPENING) ? "opening" : k.concept(),
                f.value(), f.unit().code());
      }
    }
  }
}
