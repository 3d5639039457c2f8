package org.orebook.importer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.orebook.check.PublishedRelease;
import org.orebook.check.Reading;
import org.orebook.data.DatasetFile;
import org.orebook.facts.Entity;
import org.orebook.model.Company;
import org.orebook.quantity.Period;

/**
 * One writer of an imported dataset: the rows of the dataset files it declares (one file, or a few
 * written together), with the columns {@link DatasetFile} declares for them, from what the checker
 * read. A writer writes only its own files; {@link Reconstruction} runs them in order.
 */
abstract class DatasetFileWriter {
  protected final ImportContext ctx;
  protected final PublishedRelease pr;
  protected final Company company;
  protected final Set<Period> periods;
  protected final List<String> notes;
  private final List<DatasetFile> files;

  protected DatasetFileWriter(ImportContext ctx, DatasetFile... files) {
    this.ctx = ctx;
    this.pr = ctx.release();
    this.company = ctx.company();
    this.periods = ctx.periods();
    this.notes = ctx.notes();
    this.files = List.of(files);
  }

  /** The dataset files this writer writes, and no other writer. */
  final List<DatasetFile> files() {
    return files;
  }

  /** The rows of {@code file}, one of this writer's files; the file exists from the first call. */
  protected final DatasetFiles.CsvTable rows(DatasetFile file) {
    if (!files.contains(file)) {
      throw new IllegalStateException(getClass().getSimpleName() + " writes " + files.stream().map(DatasetFile::name).toList()
          + ", not " + file.name());
    }
    return ctx.out().file(file);
  }

  // ------------------------------------------------------------------ the context's lookups

  protected final Optional<BigDecimal> v(Entity entity, String concept, String qualifier, Period p) {
    return ctx.v(entity, concept, qualifier, p);
  }

  protected final Optional<BigDecimal> v(Entity entity, String concept, Period p) {
    return ctx.v(entity, concept, p);
  }

  protected final Optional<Reading> reading(Entity entity, String concept, String qualifier) {
    return ctx.reading(entity, concept, qualifier);
  }

  protected final Optional<BigDecimal> companyFigure(String concept, Period p) {
    return ctx.companyFigure(concept, p);
  }

  protected static BigDecimal z(BigDecimal b) {
    return b == null ? BigDecimal.ZERO : b;
  }
}
