package org.orebook.store;

/** An account: name and role (the password hash never leaves the store). */
public record User(String name, Role role) {
  public Actor actor() {
    return new Actor(name, role);
  }
}
