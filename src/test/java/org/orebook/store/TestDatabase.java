package org.orebook.store;

import java.util.UUID;

/** A fresh, migrated in-memory H2 database for the tests of one part of the store. */
final class TestDatabase {
  private TestDatabase() {}

  static Database open(Store.Settings settings) throws StoreException {
    return Database.open("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", settings);
  }

  static Database open() throws StoreException {
    return open(Store.Settings.defaults());
  }
}
