package org.orebook.facts;

import java.util.Objects;

/**
 * What a figure is about, typed: the kind of entity and, for the kinds that have many, its id.
 * Written as text the way the dataset files and reports spell it ({@code unit:la-camorra},
 * {@code company}, a statement's id such as {@code income}); {@link #parse} reads that spelling back.
 * The id of a kind that has ids may be empty (a heading whose words give none still names an entity
 * of its kind); a kind without ids takes none.
 */
public record Entity(Kind kind, String id) implements Comparable<Entity> {

  /** The kinds of entity a figure can be about. */
  public enum Kind {
    /** The reporting company as a whole. */
    COMPANY("company", false),
    /** An operating unit (a mine, a mill): id from units.csv. */
    UNIT("unit", true),
    /** A reporting segment: id from segments.csv. */
    SEGMENT("segment", true),
    /** The combined figures of the units whose primary metal is the id (a metal code). */
    GROUP("group", true),
    /** A mineral property with reserves or resources: id from properties.csv. */
    PROPERTY("property", true),
    /** The company's total reserves and resources. */
    RESERVES("reserves", false),
    /** Market prices of metals. */
    MARKET("market", false),
    /** Corporate costs, carried by the business of one metal (the metal is the qualifier). */
    CORPORATE("corporate", false),
    /** Where the GAAP ties of all-in cost items live (qualifier: the statement line). */
    GAAP("gaap", false),
    /** Earlier years' production, as the history file gives it. */
    HISTORY("history", false),
    /** The hedge book. */
    HEDGES("hedges", false),
    /** An exchange offer of the company's securities. */
    OFFER("offer", false),
    /** Guidance of one kind (production, costs, capital): id the kind's code. */
    GUIDANCE("guidance", true),
    /** A development project's economics: id the project's id. */
    PROJECT("project", true),
    /**
     * A financial statement or statement-like table: id the statement's id (statement_lines.csv:
     * {@code operations}, {@code balance_sheet}, {@code cash_flows}, {@code non_gaap}, or any other),
     * written without a prefix.
     */
    STATEMENT("", true);

    private final String word;
    private final boolean hasId;

    Kind(String word, boolean hasId) {
      this.word = word;
      this.hasId = hasId;
    }

    /** The word that starts the entity's spelling ({@code unit} of {@code unit:la-camorra}). */
    public String word() {
      return word;
    }

    public boolean hasId() {
      return hasId;
    }
  }

  public static final Entity COMPANY = new Entity(Kind.COMPANY, "");
  public static final Entity RESERVES = new Entity(Kind.RESERVES, "");
  public static final Entity MARKET = new Entity(Kind.MARKET, "");
  public static final Entity CORPORATE = new Entity(Kind.CORPORATE, "");
  public static final Entity GAAP = new Entity(Kind.GAAP, "");
  public static final Entity HISTORY = new Entity(Kind.HISTORY, "");
  public static final Entity HEDGES = new Entity(Kind.HEDGES, "");
  public static final Entity OFFER = new Entity(Kind.OFFER, "");

  public Entity {
    Objects.requireNonNull(kind, "kind");
    id = id == null ? "" : id;
    if (!kind.hasId && !id.isEmpty()) {
      throw new IllegalArgumentException("an entity of kind " + kind + " has no id: " + id);
    }
  }

  public static Entity unit(String id) {
    return new Entity(Kind.UNIT, id);
  }

  public static Entity segment(String id) {
    return new Entity(Kind.SEGMENT, id);
  }

  public static Entity group(String metal) {
    return new Entity(Kind.GROUP, metal);
  }

  public static Entity property(String id) {
    return new Entity(Kind.PROPERTY, id);
  }

  public static Entity guidance(String kind) {
    return new Entity(Kind.GUIDANCE, kind);
  }

  public static Entity project(String id) {
    return new Entity(Kind.PROJECT, id);
  }

  public static Entity statement(String id) {
    return new Entity(Kind.STATEMENT, id);
  }

  public boolean is(Kind k) {
    return kind == k;
  }

  /**
   * Reads an entity's spelling: a kind's word, a kind's word, a colon and an id, or any other word
   * (a statement's id).
   */
  public static Entity parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    String head = colon < 0 ? text : text.substring(0, colon);
    for (Kind k : Kind.values()) {
      if (k != Kind.STATEMENT && k.word.equals(head) && k.hasId == (colon >= 0)) {
        return new Entity(k, colon < 0 ? "" : text.substring(colon + 1));
      }
    }
    return statement(text);
  }

  @Override
  public String toString() {
    if (kind == Kind.STATEMENT) {
      return id;
    }
    return kind.hasId ? kind.word + ":" + id : kind.word;
  }

  @Override
  public int compareTo(Entity o) {
    return toString().compareTo(o.toString());
  }
}
