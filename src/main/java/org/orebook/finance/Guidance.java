package org.orebook.finance;

import java.math.BigDecimal;
import java.util.Objects;
import org.orebook.quantity.Exact;

/**
 * Guidance for a period and whether an actual figure met it. The rules of "met", per kind of
 * guidance:
 *
 * <ul>
 *   <li>{@link Kind#PRODUCTION}: more is better. Met when the actual is at least the guided value
 *       (the low end of a range) less the tolerance: {@code actual >= value x (1 - tolerance)}.
 *       "Less than" is not a production guidance.
 *   <li>{@link Kind#CASH_COST}: less is better. Met when the actual is at most the guided value
 *       plus the tolerance ({@code actual <= value x (1 + tolerance)}), at most a range's high end,
 *       or strictly below a "less than" bound.
 *   <li>{@link Kind#SPEND} (exploration, capital): on budget. Met when a range holds the actual
 *       ({@code low <= actual <= high}), within the tolerance of a value
 *       ({@code |actual - value| <= value x tolerance}), or strictly below a "less than" bound.
 * </ul>
 *
 * <p>The tolerance is a fraction (0.05 = 5%) and defaults to zero. The difference printed is
 * {@code actual - reference}, the reference being the value, the midpoint of a range, or the
 * bound of a "less than".
 */
public final class Guidance {
  private Guidance() {}

  /** What is guided. */
  public enum Kind {
    PRODUCTION("production"), CASH_COST("cash_cost"), SPEND("exploration");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** The guided figure: a value ("approximately 215,000 ounces"), a range, or an upper bound. */
  public sealed interface Target permits Value, Range, LessThan {
    /** The point the difference is measured from. */
    BigDecimal reference();

    /** The word the tables print (one word): "about", "range", "below". */
    String word();
  }

  public record Value(BigDecimal value) implements Target {
    public Value {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public BigDecimal reference() {
      return value;
    }

    @Override
    public String word() {
      return "about";
    }
  }

  public record Range(BigDecimal low, BigDecimal high) implements Target {
    public Range {
      if (low.compareTo(high) > 0) {
        throw new IllegalArgumentException("range low " + low + " above high " + high);
      }
    }

    @Override
    public BigDecimal reference() {
      return Exact.divide(low.add(high), BigDecimal.valueOf(2));
    }

    @Override
    public String word() {
      return "range";
    }
  }

  public record LessThan(BigDecimal bound) implements Target {
    public LessThan {
      Objects.requireNonNull(bound, "bound");
    }

    @Override
    public BigDecimal reference() {
      return bound;
    }

    @Override
    public String word() {
      return "below";
    }
  }

  /** The comparison of an actual with its guidance. */
  public record Assessment(BigDecimal actual, BigDecimal reference, BigDecimal difference, boolean met) {}

  /** Compares an actual with its guidance; {@code tolerance} is a fraction (0 for none). */
  public static Assessment assess(Kind kind, Target target, BigDecimal actual, BigDecimal tolerance) {
    BigDecimal up = BigDecimal.ONE.add(tolerance);
    BigDecimal down = BigDecimal.ONE.subtract(tolerance);
    boolean met = switch (kind) {
      case PRODUCTION -> switch (target) {
        case Value v -> actual.compareTo(v.value().multiply(down)) >= 0;
        case Range r -> actual.compareTo(r.low().multiply(down)) >= 0;
        case LessThan l -> throw new IllegalArgumentException("production guidance cannot be 'less than'");
      };
      case CASH_COST -> switch (target) {
        case Value v -> actual.compareTo(v.value().multiply(up)) <= 0;
        case Range r -> actual.compareTo(r.high()) <= 0;
        case LessThan l -> actual.compareTo(l.bound()) < 0;
      };
      case SPEND -> switch (target) {
        case Value v -> actual.subtract(v.value()).abs().compareTo(v.value().multiply(tolerance)) <= 0;
        case Range r -> actual.compareTo(r.low()) >= 0 && actual.compareTo(r.high()) <= 0;
        case LessThan l -> actual.compareTo(l.bound()) < 0;
      };
    };
    return new Assessment(actual, target.reference(), actual.subtract(target.reference()), met);
  }
}
