package org.orebook.importer;

import java.util.HashSet;
import java.util.Set;
import org.orebook.data.DatasetFile;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;

/** properties.csv: the properties of the reserve tables, linked to their operating unit where the release has it. */
final class PropertiesWriter extends DatasetFileWriter {
  PropertiesWriter(ImportContext ctx) {
    super(ctx, DatasetFile.PROPERTIES);
  }

  void write() {
    var props = rows(DatasetFile.PROPERTIES);
    Set<String> unitIds = new HashSet<>(company.units().stream().map(OperatingUnit::id).toList());
    for (Property p : pr.properties()) {
      props.add(p.id(), p.name(), p.country(), p.ownershipPct(), p.unitId().filter(unitIds::contains).orElse(""));
    }
  }
}
