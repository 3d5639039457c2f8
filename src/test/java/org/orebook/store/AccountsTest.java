package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsTest {
  static final char[] GOOD = "correct horse".toCharArray();

  @Test
  void aNameIsOneToAHundredLettersDigitsDotsUnderscoresAtsOrDashes() throws Exception {
    Accounts.validate("a", GOOD);
    Accounts.validate("ann.o_brien@example-co", GOOD);
    Accounts.validate("x".repeat(100), GOOD);
    for (String bad : new String[] {null, "", "x".repeat(101), "ann smith", "ann;drop", "änn"}) {
      assertThatThrownBy(() -> Accounts.validate(bad, GOOD)).isInstanceOf(StoreException.class)
          .hasMessage("a user name is 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
  }

  @Test
  void aPasswordHasAtLeastTenCharacters() throws Exception {
    Accounts.validate("ann", "0123456789".toCharArray());
    assertThatThrownBy(() -> Accounts.validate("ann", "012345678".toCharArray()))
        .isInstanceOf(StoreException.class).hasMessage("a password needs at least 10 characters")
        .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID);
    assertThatThrownBy(() -> Accounts.validate("ann", null)).isInstanceOf(StoreException.class);
  }

  Database db;
  Accounts accounts;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.open();
    accounts = new Accounts(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anAccountIsFoundByNameAndAuthenticatedByItsPasswordOnly() throws Exception {
    assertThat(accounts.add("ann", Role.APPROVER, GOOD)).isEqualTo(new User("ann", Role.APPROVER));
    accounts.add("bob", Role.VIEWER, "another password".toCharArray());
    assertThat(accounts.all()).containsExactly(new User("ann", Role.APPROVER), new User("bob", Role.VIEWER));
    assertThat(accounts.find("bob")).contains(new User("bob", Role.VIEWER));
    assertThat(accounts.find("carol")).isEmpty();

    assertThat(accounts.authenticate("ann", GOOD)).contains(new User("ann", Role.APPROVER));
    assertThat(accounts.authenticate("ann", "another password".toCharArray())).isEmpty();
    assertThat(accounts.authenticate("carol", GOOD)).isEmpty();
    assertThat(accounts.authenticate(null, GOOD)).isEmpty();
  }

  @Test
  void onlyTheHashIsStored() throws Exception {
    accounts.add("ann", Role.PREPARER, GOOD);
    String stored = db.query("SELECT password_hash FROM app_user WHERE name = ?", java.util.List.of("ann"), rs -> rs.getString(1))
        .get(0);
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
  }

  @Test
  void aNameTakenIsAConflictAndABadNameWritesNothing() throws Exception {
    accounts.add("ann", Role.PREPARER, GOOD);
    assertThatThrownBy(() -> accounts.add("ann", Role.APPROVER, GOOD))
        .isInstanceOf(StoreException.class).hasMessage("user 'ann' already exists")
        .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.CONFLICT);
    assertThatThrownBy(() -> accounts.add("b b", Role.APPROVER, GOOD)).isInstanceOf(StoreException.class);
    assertThat(accounts.all()).containsExactly(new User("ann", Role.PREPARER));
  }
}
