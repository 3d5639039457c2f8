package org.orebook.edgar;

/** The input cannot be read as a plain-text release; the message says why, for the user. */
public final class UnreadableReleaseException extends Exception {
  public UnreadableReleaseException(String message) {
    super(message);
  }
}
