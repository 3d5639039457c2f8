package org.orebook.release;

import java.util.List;

/** A section of a release: a block of text lines and tables, in print order. */
public record Section(String id, String title, List<Block> blocks) {
  public Section {
    blocks = List.copyOf(blocks);
  }

  /** A block: a table or literal text lines. */
  public sealed interface Block permits TableBlock, TextBlock {}

  public record TableBlock(Table table) implements Block {}

  public record TextBlock(List<String> lines) implements Block {
    public TextBlock {
      lines = List.copyOf(lines);
    }
  }
}
