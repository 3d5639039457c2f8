package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents of a full EDGAR submission text file ({@code <SEC-DOCUMENT>}, then one
 * {@code <DOCUMENT>} per file with its {@code <TYPE>}, {@code <FILENAME>} and {@code <TEXT>}). A
 * results release is filed as exhibit 99 ({@code EX-99}, {@code EX-99.1}, ...): those documents are
 * read, each in its own format (HTML or text), with positions in the whole file.
 */
final class Submission {
  private static final Pattern DOCUMENT = Pattern.compile("(?i)<DOCUMENT>");
  private static final Pattern END_DOCUMENT = Pattern.compile("(?i)</DOCUMENT>");
  private static final Pattern TYPE = Pattern.compile("(?im)^\\s*<TYPE>\\s*([^\\s<]+)");
  private static final Pattern FILENAME = Pattern.compile("(?im)^\\s*<FILENAME>\\s*([^\\s<]+)");
  private static final Pattern TEXT = Pattern.compile("(?i)<TEXT>");
  private static final Pattern END_TEXT = Pattern.compile("(?i)</TEXT>");

  private Submission() {}

  /** One document: its type and file name, and where its text lies in the file. */
  record Document(String type, String filename, int start, int end) {
    boolean exhibit99() {
      return type.toUpperCase(Locale.ROOT).startsWith("EX-99");
    }
  }

  static List<Document> documents(String file) {
    List<Document> out = new ArrayList<>();
    Matcher d = DOCUMENT.matcher(file);
    int from = 0;
    while (d.find(from)) {
      Matcher e = END_DOCUMENT.matcher(file);
      int end = e.find(d.end()) ? e.start() : file.length();
      String head = file.substring(d.end(), Math.min(end, d.end() + 2000));
      Matcher type = TYPE.matcher(head);
      Matcher name = FILENAME.matcher(head);
      Matcher text = TEXT.matcher(file).region(d.end(), end);
      int ts = text.find() ? text.end() : d.end();
      Matcher textEnd = END_TEXT.matcher(file).region(ts, end);
      int te = textEnd.find() ? textEnd.start() : end;
      out.add(new Document(type.find() ? type.group(1) : "", name.find() ? name.group(1) : "", ts, te));
      from = end;
      if (from >= file.length() || out.size() > 10_000) {
        break;
      }
    }
    return out;
  }

  /** Reads the EX-99 documents of a submission; the message names the documents when there is none. */
  static ReleaseReader.Part read(String source, String file) throws UnreadableReleaseException {
    List<Document> docs = documents(file);
    List<Document> picked = docs.stream().filter(Document::exhibit99).toList();
    if (picked.isEmpty()) {
      throw new UnreadableReleaseException(source + ": an EDGAR submission without an EX-99 document (a results release"
          + " is filed as exhibit 99); its documents: " + String.join(", ", docs.stream()
              .map(x -> x.type() + (x.filename().isEmpty() ? "" : " " + x.filename())).limit(20).toList()));
    }
    List<ReleaseReader.Draft> drafts = new ArrayList<>();
    List<Prose.Paragraph> paragraphs = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    List<String> notes = new ArrayList<>();
    for (Document d : picked) {
      String body = file.substring(d.start(), d.end());
      int lineOffset = lines(file, d.start());
      String lower = body.substring(0, Math.min(body.length(), 4096)).toLowerCase(Locale.ROOT);
      if (lower.contains("<pdf>") || lower.startsWith("begin ") || lower.contains("\nbegin 6")) {
        notes.add(d.type() + " " + d.filename() + ": not text (PDF or an encoded file); not read");
        continue;
      }
      ReleaseReader.Part part = SourceFormat.detect(body) == SourceFormat.HTML
          ? HtmlDocument.read(file, d.start(), d.end(), lineOffset)
          : TextDocument.read(body, lineOffset, d.start(), SourceFormat.detect(body) == SourceFormat.MARKDOWN, file);
      drafts.addAll(part.drafts());
      paragraphs.addAll(part.paragraphs());
      plain.append(part.plain()).append('\n');
      notes.addAll(part.notes());
      notes.add("read " + d.type() + (d.filename().isEmpty() ? "" : " (" + d.filename() + ")") + " of the submission");
    }
    return new ReleaseReader.Part(drafts, paragraphs, plain.toString(), notes);
  }

  /** The number of line ends before a position. */
  private static int lines(String s, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
        n++;
      }
    }
    return n;
  }
}
