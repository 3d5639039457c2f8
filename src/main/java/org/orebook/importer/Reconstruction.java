package org.orebook.importer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.orebook.check.PublishedRelease;
import org.orebook.quantity.Period;

/**
 * Turns what the checker read from a published release ({@link PublishedRelease}: a company, its
 * statement lines and properties, and the printed figures keyed as the engine keys them) back into
 * the engine's inputs. A release prints rounded totals, not the raw inputs, so most inputs are
 * reconstructed: each rule is named in {@link DatasetReadme#RULES} and in the README written with
 * the dataset. One {@link DatasetFileWriter} per dataset file (or files written together) does the
 * work; this runs them in order, each handing the next what it needs: the units' segments, the
 * units' reconstructed costs, and the company figures the segments add up to. Nothing here knows a
 * particular company.
 */
final class Reconstruction {
  private Reconstruction() {}

  /** The dataset written, and the writers that wrote it, in the order they ran. */
  record Written(DatasetFiles files, List<DatasetFileWriter> writers) {}

  static DatasetFiles of(PublishedRelease pr, String source) {
    return run(pr, source).files();
  }

  static Written run(PublishedRelease pr, String source) {
    return run(pr, source, true);
  }

  /**
   * The dataset files; with {@code links} false, no statement line is written as a link to a company
   * figure (each keeps its printed values): for a release whose links would go round in a circle.
   */
  static Written run(PublishedRelease pr, String source, boolean links) {
    ImportContext ctx = new ImportContext(pr);
    var segmentsAndUnits = new SegmentsAndUnitsWriter(ctx);
    SegmentsAndUnitsWriter.Layout layout = segmentsAndUnits.write();
    var production = new ProductionWriter(ctx, layout);
    production.write();
    var costs = new CostsWriter(ctx);
    CostsWriter.UnitCosts unitCosts = costs.write();
    var aisc = new AiscWriter(ctx);
    aisc.write();
    var segmentFigures = new SegmentFiguresWriter(ctx, layout, unitCosts);
    Map<String, Map<Period, BigDecimal>> companyFigures = segmentFigures.write();
    var prices = new PricesWriter(ctx);
    prices.write();
    var properties = new PropertiesWriter(ctx);
    properties.write();
    var reserves = new ReservesWriter(ctx);
    reserves.write();
    var reserveChanges = new ReserveChangesWriter(ctx);
    reserveChanges.write();
    var statements = new StatementsWriter(ctx, links ? companyFigures : Map.of());
    statements.write();
    var companyFile = new CompanyWriter(ctx);
    companyFile.write();
    ctx.out().readme(DatasetReadme.text(ctx, source));
    return new Written(ctx.out(), List.of(segmentsAndUnits, production, costs, aisc, segmentFigures, prices, properties,
        reserves, reserveChanges, statements, companyFile));
  }
}
