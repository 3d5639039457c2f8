package org.orebook.blockmodel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The categories one chunk has met, numbered in the order met, looked up on their bytes (an open
 * addressing table, no String per row; the previous row's category is tried first, as block
 * models usually come sorted). Used by one thread.
 */
final class CategoryIndex {
  private byte[][] keys = new byte[8][];
  private int[] table = new int[16];
  private final List<String> names = new ArrayList<>();
  private int last = -1;

  CategoryIndex() {
    Arrays.fill(table, -1);
  }

  /** The number of {@code b[from, to)}, added when new. */
  int find(byte[] b, int from, int to) {
    if (last >= 0 && Arrays.equals(keys[last], 0, keys[last].length, b, from, to)) {
      return last;
    }
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    int mask = table.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (table[slot] >= 0) {
      byte[] k = keys[table[slot]];
      if (Arrays.equals(k, 0, k.length, b, from, to)) {
        return last = table[slot];
      }
      slot = (slot + 1) & mask;
    }
    int id = names.size();
    if (id == keys.length) {
      keys = Arrays.copyOf(keys, id * 2);
    }
    keys[id] = Arrays.copyOfRange(b, from, to);
    names.add(new String(b, from, to - from, StandardCharsets.UTF_8));
    table[slot] = id;
    if (names.size() * 2 > table.length) {
      rehash();
    }
    return last = id;
  }

  private void rehash() {
    table = new int[table.length * 2];
    Arrays.fill(table, -1);
    int mask = table.length - 1;
    for (int id = 0; id < names.size(); id++) {
      int h = 1;
      for (byte c : keys[id]) {
        h = 31 * h + c;
      }
      int slot = (h ^ (h >>> 16)) & mask;
      while (table[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id;
    }
  }

  /** The categories in the order of their numbers. */
  List<String> names() {
    return List.copyOf(names);
  }

  int size() {
    return names.size();
  }
}
