package org.orebook.store;

import java.util.UUID;

/** The store contract on embedded H2, the default database. */
class H2StoreTest extends StoreContract {
  @Override
  Store freshStore() throws Exception {
    return Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
