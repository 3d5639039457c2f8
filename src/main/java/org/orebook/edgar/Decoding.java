package org.orebook.edgar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes to text: a file no larger than a release can be, not binary, decoded as UTF-8 (a byte-order
 * mark dropped) or, when it is not valid UTF-8, as Windows-1252 (EDGAR's older exhibits).
 */
final class Decoding {
  private Decoding() {}

  static byte[] bytes(Path file) throws UnreadableReleaseException {
    try {
      if (Files.isDirectory(file)) {
        throw new UnreadableReleaseException(file + ": a folder; give the release's text file");
      }
      if (!Files.exists(file)) {
        throw new UnreadableReleaseException(file + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new UnreadableReleaseException(file + ": not a regular file (a device or a pipe); give the release's text file");
      }
      long size = Files.size(file);
      if (size > ReleaseReader.MAX_BYTES) {
        throw new UnreadableReleaseException(file + ": " + size / (1024 * 1024) + " MB is larger than the "
            + ReleaseReader.MAX_BYTES / (1024 * 1024) + " MB a results release can be; give the exhibit itself, not a whole"
            + " filing archive");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UnreadableReleaseException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  static String text(String source, byte[] bytes) throws UnreadableReleaseException {
    if (bytes.length == 0) {
      throw new UnreadableReleaseException(source + ": the file is empty");
    }
    int sample = Math.min(bytes.length, 65536);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        throw new UnreadableReleaseException(source + ": a binary file (it holds NUL bytes), not the text of a release");
      }
      if (b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    if (control * 100 > sample) {
      throw new UnreadableReleaseException(source + ": a binary file (" + control + " control bytes in the first "
          + sample + "), not the text of a release");
    }
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      s = new String(bytes, Charset.forName("windows-1252"));
    }
    return s.startsWith("\ufeff") ? s.substring(1) : s;
  }
}
