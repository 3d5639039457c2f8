package org.orebook.model;

/** A reporting segment ("Silver operations"); display order is the dataset's order. */
public record Segment(String id, String name) {}
