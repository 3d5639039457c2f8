package org.orebook.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reserve and resource categories. Under SEC Industry Guide 7 only proven and probable reserves may
 * show contained metal; mineralized material and other resources show tons and grade only.
 */
public enum ReserveCategory {
  PROVEN_PROBABLE("proven_probable", "Proven and Probable", true),
  MINERALIZED_MATERIAL("mineralized_material", "Mineralized Material", false),
  OTHER_RESOURCES("other_resources", "Other Resources", false);

  private final String code;
  private final String title;
  private final boolean containedMetalAllowed;

  ReserveCategory(String code, String title, boolean containedMetalAllowed) {
    this.code = code;
    this.title = title;
    this.containedMetalAllowed = containedMetalAllowed;
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

  public static Optional<ReserveCategory> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code.trim())).findFirst();
  }
}
