package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** The store contract on embedded H2, the default database. */
class H2StoreTest extends StoreContract {
  private String url;

  @Override
  Store freshStore() throws Exception {
    url = "jdbc:h2:mem:" + UUID.randomUUID();
    return Store.open(url);
  }

  @Override
  Store anotherClient() throws Exception {
    return Store.open(url);
  }

  @org.junit.jupiter.api.Test
  void anInMemoryDatabaseLastsWhileItsStoreIsOpen() throws Exception {
    // no DB_CLOSE_DELAY: the store holds the database open between its operations
    try (Store s = Store.open("jdbc:h2:mem:x-" + UUID.randomUUID())) {
      assertThat(s.companies()).isEmpty();
      s.load(null, org.orebook.data.DatasetSource.folder(EXAMPLE), LOADER, null);
      assertThat(s.companies()).extracting(CompanyInfo::id).containsExactly("hecla");
    }
  }
}
