package org.orebook.quantity;

/** A class that breaks the layering on purpose (quantity reaching into release), for the layering test only. */
public final class IllegalEdgeFixture {
  private IllegalEdgeFixture() {}

  /** The illegal edge. */
  public static Class<?> release() {
    return org.orebook.release.Release.class;
  }
}
