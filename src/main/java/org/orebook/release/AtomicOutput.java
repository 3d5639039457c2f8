package org.orebook.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Output written so that a run killed at any moment ({@code kill -9}) leaves what was there before
 * or what the run meant to write, and no temporary files for good. Everything is written into a
 * temporary file or folder first and moved into place by renames. A temporary name carries the
 * process id of its writer ({@code .orebook-<pid>-<n>}), so the next run that writes to the same
 * place can tell a killed run's leftovers from a run still going, and completes or removes them:
 *
 * <ul>
 *   <li>files into a folder ({@link #writeFiles}, {@code release --out}): written into
 *       {@code DIR/.orebook-<pid>-<n>/}, which is marked complete, then each file is moved in;
 *       a run killed while moving them in has the rest moved in by the next run;
 *   <li>a folder as a whole ({@link #replaceFolder}, {@code ledger --out}): the new folder is
 *       written beside it, then the old one is renamed aside and the new one into its place; a run
 *       killed between the two renames has the old folder put back by the next run;
 *   <li>one file ({@link #writeFile}, {@code grade-tonnage --out}): a temporary file beside it,
 *       renamed over it.
 * </ul>
 */
public final class AtomicOutput {
  /** The start of every temporary name. */
  public static final String PREFIX = ".orebook-";
  private static final String COMPLETE = ".complete";
  private static final Pattern OWNER = Pattern.compile(Pattern.quote(PREFIX) + "(?:old-)?(\\d+)-\\d+(?:\\.tmp)?");

  private AtomicOutput() {}

  // ------------------------------------------------------------------ files into a folder

  /**
   * Writes {@code files} (name → bytes) into {@code dir}, each replacing the file of its name; the
   * other files of {@code dir} are left alone. Returns the paths written, in order.
   */
  public static List<Path> writeFiles(Path dir, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(dir);
    recoverFiles(dir);
    Path tmp = Files.createDirectory(dir.resolve(tempName("")));
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(tmp.resolve(f.getKey()), f.getValue());
      }
      Path marker = tmp.resolve(COMPLETE + ".tmp");
      Files.writeString(marker, String.join("\n", files.keySet()), StandardCharsets.UTF_8);
      Files.move(marker, tmp.resolve(COMPLETE), StandardCopyOption.ATOMIC_MOVE);
      for (String name : files.keySet()) {
        Files.move(tmp.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(dir.resolve(name));
      }
    } finally {
      deleteTree(tmp);
    }
    return written;
  }

  /**
   * Completes what killed runs left in {@code dir}: a temporary folder marked complete has its
   * remaining files moved in; one not marked complete is removed. Folders of runs still going
   * (their process is alive) are left alone.
   */
  public static void recoverFiles(Path dir) throws IOException {
    for (Path left : leftovers(dir, "")) {
      if (Files.isDirectory(left)) {
        Path marker = left.resolve(COMPLETE);
        if (Files.isRegularFile(marker)) {
          for (String name : Files.readString(marker, StandardCharsets.UTF_8).split("\n")) {
            Path f = left.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(f)) {
              Files.move(f, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
          }
        }
        deleteTree(left);
      } else {
        Files.deleteIfExists(left);
      }
    }
  }

  // ------------------------------------------------------------------ one file

  /** Writes {@code bytes} to {@code target} through a temporary file beside it. */
  public static void writeFile(Path target, byte[] bytes) throws IOException {
    writeFile(target, out -> out.write(bytes));
  }

  /** What writes a file's content to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /** Writes what {@code content} writes to {@code target} through a temporary file beside it. */
  public static void writeFile(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    recoverFiles(dir);
    Path tmp = dir.resolve(tempName("") + ".tmp");
    try {
      try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ------------------------------------------------------------------ a folder as a whole

  /**
   * A new, empty temporary folder beside {@code out} to write its replacement into (after
   * recovering what killed runs left beside it).
   */
  public static Path tempFolder(Path out) throws IOException {
    Path abs = out.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    recoverFolder(abs);
    Path tmp = Files.createDirectory(abs.resolveSibling(tempName("." + abs.getFileName())));
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
    return tmp;
  }

  /**
   * Puts {@code tmp} (from {@link #tempFolder}) in the place of {@code out}: the old folder is
   * renamed aside, the new one renamed in, then the old one deleted.
   */
  public static void replaceFolder(Path tmp, Path out) throws IOException {
    Path abs = out.toAbsolutePath();
    Path old = null;
    if (Files.exists(abs)) {
      old = abs.resolveSibling("." + abs.getFileName() + PREFIX + "old-" + tmp.getFileName().toString()
          .substring(("." + abs.getFileName() + PREFIX).length()));
      Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  /**
   * Undoes what killed runs left beside {@code out}: an old folder renamed aside is put back when
   * {@code out} is missing (the run died between its two renames) and deleted otherwise; a
   * temporary folder is deleted.
   */
  public static void recoverFolder(Path out) throws IOException {
    Path abs = out.toAbsolutePath();
    String prefix = "." + abs.getFileName();
    for (Path left : leftovers(abs.getParent(), prefix)) {
      boolean old = left.getFileName().toString().startsWith(prefix + PREFIX + "old-");
      if (old && !Files.exists(abs)) {
        Files.move(left, abs, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteTree(left);
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String tempName(String before) {
    return before + PREFIX + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
  }

  /** The temporary files and folders in {@code dir} named {@code before + PREFIX + ...} whose writer is gone. */
  private static List<Path> leftovers(Path dir, String before) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(before + PREFIX)) {
          continue;
        }
        Matcher m = OWNER.matcher(name.substring(before.length()));
        if (m.matches() && !running(Long.parseLong(m.group(1)))) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** True when the process is alive (this one's own temporary files are in use, too). */
  private static boolean running(long pid) {
    return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Deletes a file or a folder and everything in it; what is already gone is no error. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(p)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    } catch (NoSuchFileException e) {
      return;
    }
    for (Path x : all) {
      Files.deleteIfExists(x);
    }
  }
}
