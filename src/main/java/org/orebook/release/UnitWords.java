package org.orebook.release;

import java.util.List;
import java.util.Optional;
import org.orebook.facts.FactSet;
import org.orebook.quantity.Unit;

/**
 * The words a release prints for a unit, taken from the unit of the figures a row or sentence
 * shows, so a release reported in tonnes says "tonnes" wherever a release in short tons says
 * "tons" (docs/units.md).
 */
final class UnitWords {
  private UnitWords() {}

  /** How every conversion is described in a figure's origin. */
  static String conversion(Unit from) {
    return "exact conversion from " + from.code() + " (1 troy ounce = 31.1034768 g, 1 short ton = 907.18474 kg,"
        + " 1 lb = 0.45359237 kg)";
  }

  /** The unit of the first of {@code cells} whose figure exists. */
  static Optional<Unit> of(List<Cell> cells, FactSet facts) {
    return cells.stream().flatMap(c -> c.key().stream()).flatMap(k -> facts.find(k).stream()).map(f -> f.unit())
        .findFirst();
  }

  /** A quantity in words, plural: "tons", "tonnes", "ounces", "pounds", "kilograms", "grams". */
  static String plural(Unit u) {
    return switch (u) {
      case SHORT_TON -> "tons";
      case TONNE, METAL_TONNE -> "tonnes";
      case TROY_OUNCE -> "ounces";
      case POUND -> "pounds";
      case KILOGRAM -> "kilograms";
      case GRAM -> "grams";
      default -> u.code();
    };
  }

  /** The same, capitalised: "Tons", "Tonnes". */
  static String capitalised(Unit u) {
    String w = plural(u);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** The "ton" of a cost per ton or a tonnage: "ton" (short ton) or "tonne". */
  static String perTon(Unit u) {
    return u == Unit.TONNE || u == Unit.USD_PER_TONNE ? "tonne" : "ton";
  }

  /** A tonnage as rows print it ("tons" or "tonnes"), for a figure of short tons or tonnes (short tons when absent). */
  static String tons(Optional<Unit> u) {
    return u.filter(x -> x == Unit.TONNE).isPresent() ? "tonnes" : "tons";
  }

  /** A grade's unit as a table prints it: "oz./ton" ({@code dotted}) or "oz/ton", "g/t", "%". */
  static String grade(Unit u, boolean dotted) {
    return switch (u) {
      case OUNCES_PER_TON -> dotted ? "oz./ton" : "oz/ton";
      case GRAMS_PER_TONNE -> "g/t";
      case PERCENT -> "%";
      default -> u.code();
    };
  }

  /** A metal quantity as the production table prints it: "oz.", "tons", "tonnes", "lb", "kg". */
  static String quantityShort(Unit u) {
    return switch (u) {
      case TROY_OUNCE -> "oz.";
      case POUND -> "lb";
      case KILOGRAM -> "kg";
      default -> plural(u);
    };
  }
}
