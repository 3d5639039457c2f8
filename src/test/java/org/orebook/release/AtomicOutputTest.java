package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves is completed or removed by the next run; a run still going is left alone. */
class AtomicOutputTest {
  @TempDir
  Path dir;

  /** The id of a process that has ended (its temporary files are leftovers). */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static Map<String, byte[]> files(String... nameAndText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameAndText.length; i += 2) {
      m.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  @Test
  void filesAreWrittenIntoTheFolderAndNothingElseIsLeft() throws Exception {
    Files.writeString(dir.resolve("notes.md"), "mine");
    Files.writeString(dir.resolve("release.txt"), "old");
    List<Path> written = AtomicOutput.writeFiles(dir, files("release.txt", "new", "release.json", "{}"));
    assertThat(written).containsExactly(dir.resolve("release.txt"), dir.resolve("release.json"));
    assertThat(names(dir)).containsExactly("notes.md", "release.json", "release.txt");
    assertThat(dir.resolve("release.txt")).hasContent("new");
  }

  @Test
  void aKilledRunsCompleteFolderIsMovedInAndAnIncompleteOneRemoved() throws Exception {
    long dead = deadPid();
    Files.writeString(dir.resolve("release.txt"), "version 1");
    Files.writeString(dir.resolve("release.json"), "version 2"); // moved in before the kill
    Path complete = Files.createDirectory(dir.resolve(".orebook-" + dead + "-7"));
    Files.writeString(complete.resolve("release.txt"), "version 2");
    Files.writeString(complete.resolve(".complete"), "release.json\nrelease.txt");
    Path incomplete = Files.createDirectory(dir.resolve(".orebook-" + dead + "-8"));
    Files.writeString(incomplete.resolve("release.txt"), "version 3, half writ");
    Path tmpFile = Files.writeString(dir.resolve(".orebook-" + dead + "-9.tmp"), "half a file");
    Path running = Files.createDirectory(dir.resolve(".orebook-" + ProcessHandle.current().pid() + "-1"));
    AtomicOutput.recoverFiles(dir);
    assertThat(dir.resolve("release.txt")).hasContent("version 2");
    assertThat(dir.resolve("release.json")).hasContent("version 2");
    assertThat(complete).doesNotExist();
    assertThat(incomplete).doesNotExist();
    assertThat(tmpFile).doesNotExist();
    assertThat(running).exists();
  }

  @Test
  void aFolderKilledBetweenItsRenamesIsPutBack() throws Exception {
    long dead = deadPid();
    Path out = dir.resolve("out");
    Path old = Files.createDirectory(dir.resolve(".out.orebook-old-" + dead + "-3"));
    Files.writeString(old.resolve("release.txt"), "before");
    Path fresh = Files.createDirectory(dir.resolve(".out.orebook-" + dead + "-3"));
    Files.writeString(fresh.resolve("release.txt"), "after");
    AtomicOutput.recoverFolder(out);
    assertThat(out.resolve("release.txt")).hasContent("before");
    assertThat(names(dir)).containsExactly("out");
  }

  @Test
  void aFolderIsReplacedWholeAndAnOldOneLeftOverIsRemoved() throws Exception {
    long dead = deadPid();
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("stale.csv"), "from an earlier run");
    Path old = Files.createDirectory(dir.resolve(".out.orebook-old-" + dead + "-4"));
    Files.writeString(old.resolve("x"), "x");
    Path tmp = AtomicOutput.tempFolder(out);
    assertThat(old).doesNotExist();
    Files.writeString(tmp.resolve("release.txt"), "new");
    AtomicOutput.replaceFolder(tmp, out);
    assertThat(names(out)).containsExactly("release.txt");
    assertThat(names(dir)).containsExactly("out");
  }

  @Test
  void oneFileIsReplacedThroughATemporaryFile() throws Exception {
    Path target = dir.resolve("table.json");
    Files.writeString(target, "old");
    AtomicOutput.writeFile(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(target).hasContent("new");
    assertThat(names(dir)).containsExactly("table.json");
  }
}
