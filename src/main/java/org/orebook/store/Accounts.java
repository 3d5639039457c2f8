package org.orebook.store;

import java.util.List;
import java.util.Optional;

/**
 * User accounts ({@code app_user}): a name, a role and an Argon2id hash of the password
 * ({@link Passwords}); the hash never leaves this class. A name is 1 to 100 letters, digits, '.',
 * '_', '@' or '-'; a password at least 10 characters. Checking an unknown name costs the same one
 * verification as a known name.
 */
final class Accounts {
  private final Database db;

  Accounts(Database db) {
    this.db = db;
  }

  /** Refuses ({@link StoreException.Kind#INVALID}) a name or password an account may not have. */
  static void validate(String name, char[] password) throws StoreException {
    if (name == null || !name.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new StoreException(StoreException.Kind.INVALID, "a user name is 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    if (password == null || password.length < 10) {
      throw new StoreException(StoreException.Kind.INVALID, "a password needs at least 10 characters");
    }
  }

  /** Creates an account; the password is kept only as an Argon2id hash. A name taken is a conflict. */
  User add(String name, Role role, char[] password) throws StoreException {
    validate(name, password);
    String hash = Passwords.hash(password);
    return db.inTransaction(true, c -> {
      if (Sql.exists(c, "SELECT 1 FROM app_user WHERE name = ?", name)) {
        throw new StoreException(StoreException.Kind.CONFLICT, "user '" + name + "' already exists");
      }
      Sql.update(c, "INSERT INTO app_user (name, user_role, password_hash, created_at) VALUES (?, ?, ?, ?)",
          name, role.code(), hash, Sql.now());
      return new User(name, role);
    });
  }

  /**
   * The account when the password is right; empty otherwise. An unknown name costs the same one
   * Argon2id verification as a known one (against a hash made once at start).
   */
  Optional<User> authenticate(String name, char[] password) throws StoreException {
    List<String[]> found = db.query("SELECT user_role, password_hash FROM app_user WHERE name = ?", List.of(name == null ? "" : name),
        rs -> new String[] {rs.getString(1), rs.getString(2)});
    if (found.isEmpty()) {
      Passwords.verify(password, Passwords.DUMMY_HASH);
      return Optional.empty();
    }
    return Passwords.verify(password, found.get(0)[1])
        ? Optional.of(new User(name, Role.parse(found.get(0)[0]).orElseThrow())) : Optional.empty();
  }

  Optional<User> find(String name) throws StoreException {
    return db.query("SELECT name, user_role FROM app_user WHERE name = ?", List.of(name),
        rs -> new User(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow())).stream().findFirst();
  }

  /** Every account, by name. */
  List<User> all() throws StoreException {
    return db.query("SELECT name, user_role FROM app_user ORDER BY name", List.of(),
        rs -> new User(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow()));
  }
}
