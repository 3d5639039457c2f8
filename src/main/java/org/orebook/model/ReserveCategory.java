package org.orebook.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reserve and resource categories of both standards. Under SEC Industry Guide 7 only proven and
 * probable reserves may show contained metal; mineralized material and other resources show tons and
 * grade only. Under Regulation S-K subpart 1300 every category shows contained metal: proven and
 * probable mineral reserves, and measured, indicated and inferred mineral resources (reported
 * exclusive of reserves); proven and probable, and measured and indicated, are also combined.
 */
public enum ReserveCategory {
  PROVEN("proven", "Proven Mineral Reserves", true, Standard.SK_1300),
  PROBABLE("probable", "Probable Mineral Reserves", true, Standard.SK_1300),
  PROVEN_PROBABLE("proven_probable", "Proven and Probable", true, null),
  MEASURED("measured", "Measured Mineral Resources", true, Standard.SK_1300),
  INDICATED("indicated", "Indicated Mineral Resources", true, Standard.SK_1300),
  MEASURED_INDICATED("measured_indicated", "Measured and Indicated Mineral Resources", true, Standard.SK_1300),
  INFERRED("inferred", "Inferred Mineral Resources", true, Standard.SK_1300),
  MINERALIZED_MATERIAL("mineralized_material", "Mineralized Material", false, Standard.GUIDE_7),
  OTHER_RESOURCES("other_resources", "Other Resources", false, Standard.GUIDE_7);

  /** The disclosure rules a period's reserve tables follow. */
  public enum Standard {
    /** SEC Industry Guide 7: reserves with contained metal; mineralized material as tons and grade. */
    GUIDE_7,
    /** SEC Regulation S-K subpart 1300 (mandatory for fiscal years from 2021): reserves and resources. */
    SK_1300;

    /** The first fiscal year S-K 1300 governs when a company names no standard. */
    public static final int SK_1300_FROM = 2021;

    public static Optional<Standard> ofCode(String code) {
      return switch (code.trim()) {
        case "guide7" -> Optional.of(GUIDE_7);
        case "sk1300" -> Optional.of(SK_1300);
        default -> Optional.empty();
      };
    }

    /**
     * The standard of a fiscal year: the company's choice for that year, else its choice for every
     * year, else S-K 1300 from 2021 and Guide 7 before.
     */
    public static Standard forYear(Company company, int year) {
      Standard named = company.reserveStandardByYear().get(year);
      return named != null ? named : company.reserveStandard().orElse(year >= SK_1300_FROM ? SK_1300 : GUIDE_7);
    }
  }

  /** The S-K 1300 categories whose tonnage and grade a dataset gives, in the order tables print them. */
  public static final List<ReserveCategory> SK_INPUTS = List.of(PROVEN, PROBABLE, MEASURED, INDICATED, INFERRED);
  /** Every S-K 1300 table, in print order. */
  public static final List<ReserveCategory> SK_TABLES = List.of(PROVEN, PROBABLE, PROVEN_PROBABLE, MEASURED, INDICATED,
      MEASURED_INDICATED, INFERRED);

  private final String code;
  private final String title;
  private final boolean containedMetalAllowed;
  private final Standard only;

  ReserveCategory(String code, String title, boolean containedMetalAllowed, Standard only) {
    this.code = code;
    this.title = title;
    this.containedMetalAllowed = containedMetalAllowed;
    this.only = only;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public boolean containedMetalAllowed() {
    return containedMetalAllowed;
  }

  /** True for a category of mineral resources (not reserves). */
  public boolean resource() {
    return this == MEASURED || this == INDICATED || this == MEASURED_INDICATED || this == INFERRED
        || this == MINERALIZED_MATERIAL || this == OTHER_RESOURCES;
  }

  /** True when only S-K 1300 uses the category. */
  public boolean sk1300() {
    return only == Standard.SK_1300;
  }

  /** True when only Guide 7 uses the category. */
  public boolean guide7() {
    return only == Standard.GUIDE_7;
  }

  public static Optional<ReserveCategory> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code.trim())).findFirst();
  }
}
