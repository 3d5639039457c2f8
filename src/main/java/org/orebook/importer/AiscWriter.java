package org.orebook.importer;

import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.List;
import org.orebook.check.Reading;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * aisc.csv (only when the release prints all-in costs): the all-in cost items a release prints per
 * unit become unit rows; what a metal's block prints beyond its units' sum (beyond their rounding)
 * becomes a corporate row of that metal.
 */
final class AiscWriter extends DatasetFileWriter {
  AiscWriter(ImportContext ctx) {
    super(ctx, DatasetFile.AISC);
  }

  void write() {
    for (Period p : periods) {
      for (OperatingUnit u : company.units()) {
        Entity e = unit(u.id());
        for (String item : AISC_ITEMS) {
          v(e, item, p).ifPresent(x -> rows(DatasetFile.AISC)
              .add(u.id(), "", p.code(), item, x, Unit.USD.code(), ""));
        }
      }
      for (Metal m : Metal.values()) {
        List<Entity> members = company.unitsWithPrimary(m).stream().map(u -> unit(u.id())).toList();
        for (String item : AISC_ITEMS) {
          FactKey g = new FactKey(group(m.name()), item, "", p);
          Reading whole = pr.readings().get(g);
          if (whole == null) {
            continue;
          }
          BigDecimal rest = whole.value();
          BigDecimal slack = halfWidth(whole);
          for (Entity e : members) {
            Reading part = pr.readings().get(new FactKey(e, item, "", p));
            if (part != null) {
              rest = rest.subtract(part.value());
              slack = slack.add(halfWidth(part));
            }
          }
          if (rest.abs().compareTo(slack) > 0) {
            rows(DatasetFile.AISC)
                .add(CORPORATE, m.name(), p.code(), item, rest, Unit.USD.code(), "");
          }
        }
      }
    }
  }

  private static BigDecimal halfWidth(Reading r) {
    return r.interval().hi().subtract(r.interval().lo()).divide(BigDecimal.valueOf(2));
  }
}
