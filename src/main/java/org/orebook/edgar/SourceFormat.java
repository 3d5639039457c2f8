package org.orebook.edgar;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats a release is read from. {@link #detect} decides from the content; {@code check
 * --format-in} may force one.
 */
public enum SourceFormat {
  /** Plain text: fixed-width tables (EDGAR .txt exhibits, wire text), tab-separated tables. */
  TEXT,
  /** HTML: an EDGAR .htm exhibit as filing agents write it ({@code <pre>} text inside is read as text). */
  HTML,
  /** Markdown or wire-service text whose tables are pipe-separated rows. */
  MARKDOWN,
  /** The full EDGAR submission text file: {@code <DOCUMENT>} wrappers, of which the EX-99 documents are read. */
  SUBMISSION;

  /** The name used on the command line. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceFormat> parse(String code) {
    for (SourceFormat f : values()) {
      if (f.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format of a document, from its first 64 KB. */
  public static SourceFormat detect(String text) {
    String head = text.substring(0, Math.min(text.length(), 65536));
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.contains("<sec-document>") || lower.contains("<ims-document>")
        || lower.contains("<document>") && lower.contains("<type>")) {
      return SUBMISSION;
    }
    if (lower.contains("<html") || lower.contains("<body") || lower.contains("<table") || lower.contains("<div")
        || lower.contains("<p>") || lower.contains("<p ") || lower.contains("<pre")) {
      return HTML;
    }
    int pipeRows = 0;
    int separators = 0;
    int lines = 0;
    int from = 0;
    while (from < head.length() && lines < 5000) {
      int nl = head.indexOf('\n', from);
      String line = head.substring(from, nl < 0 ? head.length() : nl);
      from = nl < 0 ? head.length() : nl + 1;
      lines++;
      if (TextDocument.pipeRow(line)) {
        pipeRows++;
        if (line.trim().matches("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?")) {
          separators++;
        }
      }
    }
    return separators >= 1 || pipeRows >= 3 ? MARKDOWN : TEXT;
  }
}
