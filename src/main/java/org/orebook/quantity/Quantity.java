package org.orebook.quantity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact value with its unit. A quantity converted from another remembers the one it was written
 * in ({@link #written}): converting it again starts from that, and converting it back to the written
 * unit gives the written value itself, so a round trip never drifts (a tonne is not a terminating
 * number of short tons). This class is immutable and thread-safe.
 */
public record Quantity(BigDecimal value, Unit unit, Quantity written) {
  public Quantity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    if (written != null && written.written != null) {
      written = written.written;
    }
  }

  /** A quantity as written. */
  public Quantity(BigDecimal value, Unit unit) {
    this(value, unit, null);
  }

  /** The quantity as it was written: itself unless it was converted. */
  public Quantity asWritten() {
    return written == null ? this : written;
  }

  public static Quantity of(String value, Unit unit) {
    return new Quantity(new BigDecimal(value), unit);
  }

  /** This quantity in {@code target}: converted once, exactly, from the written value. */
  public Quantity to(Unit target) {
    Quantity source = asWritten();
    if (source.unit == target) {
      return source;
    }
    return new Quantity(source.unit.convert(source.value, target), target, source);
  }

  public Quantity plus(Quantity other) {
    return new Quantity(value.add(other.to(unit).value), unit);
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + unit.code();
  }
}
