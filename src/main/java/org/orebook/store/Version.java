package org.orebook.store;

/** Which figures to report: the latest (as restated), or as first approved (as originally reported). */
public enum Version { CURRENT, ORIGINAL }
