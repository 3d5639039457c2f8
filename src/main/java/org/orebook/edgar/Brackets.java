package org.orebook.edgar;

/**
 * Removes bracketed spans from text in one pass: what {@code s.replaceAll("\\([^)]*\\)", with)}
 * does, in time linear in the length of {@code s} (the regular expression tries every opening
 * bracket to the end of the text when no closing one follows: the square of a run of them).
 */
public final class Brackets {
  private Brackets() {}

  /** {@code s} with every span from an {@code open} to the next {@code close} (inclusive) replaced by {@code with}. */
  public static String replace(String s, char open, char close, String with) {
    int from = s.indexOf(open);
    if (from < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int done = 0;
    while (from >= 0) {
      int to = s.indexOf(close, from + 1);
      if (to < 0) {
        break;
      }
      sb.append(s, done, from).append(with);
      done = to + 1;
      from = s.indexOf(open, done);
    }
    return sb.append(s, done, s.length()).toString();
  }
}
