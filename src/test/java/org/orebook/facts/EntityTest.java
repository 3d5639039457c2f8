package org.orebook.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntityTest {

  @Test
  void spellingsReadBackAsTheirKind() {
    assertThat(Entity.parse("company")).isEqualTo(Entity.COMPANY);
    assertThat(Entity.parse("unit:la-camorra")).isEqualTo(Entity.unit("la-camorra"));
    assertThat(Entity.parse("group:AG")).isEqualTo(Entity.group("AG"));
    assertThat(Entity.parse("segment:gold")).isEqualTo(Entity.segment("gold"));
    assertThat(Entity.parse("property:skua")).isEqualTo(Entity.property("skua"));
    assertThat(Entity.parse("guidance:production")).isEqualTo(Entity.guidance("production"));
    assertThat(Entity.parse("project:ptarmigan-east")).isEqualTo(Entity.project("ptarmigan-east"));
    assertThat(Entity.parse("reserves")).isEqualTo(Entity.RESERVES);
    assertThat(Entity.parse("market").kind()).isEqualTo(Entity.Kind.MARKET);
  }

  @Test
  void anyOtherWordIsAStatement() {
    assertThat(Entity.parse("operations")).isEqualTo(Entity.statement("operations"));
    assertThat(Entity.parse("non_gaap").kind()).isEqualTo(Entity.Kind.STATEMENT);
    assertThat(Entity.parse("balance_sheet").id()).isEqualTo("balance_sheet");
    // a kind's word with an id it does not take is no such kind
    assertThat(Entity.parse("company:x").kind()).isEqualTo(Entity.Kind.STATEMENT);
  }

  @Test
  void kindsAreDistinctEvenWithTheSameId() {
    assertThat(Entity.unit("gold")).isNotEqualTo(Entity.segment("gold"));
    assertThat(Entity.unit("gold")).isNotEqualTo(Entity.property("gold"));
    assertThat(Entity.statement("company")).isNotEqualTo(Entity.COMPANY);
  }

  @Test
  void aKindWithoutIdsTakesNone() {
    assertThat(Entity.parse(Entity.guidance("").toString())).isEqualTo(Entity.guidance(""));
    assertThatThrownBy(() -> new Entity(Entity.Kind.COMPANY, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyEntityWrittenOutReadsBackTheSame() {
    Random r = new Random(16);
    List<Entity.Kind> kinds = List.of(Entity.Kind.values());
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 2_000; i++) {
      Entity.Kind k = kinds.get(r.nextInt(kinds.size()));
      StringBuilder id = new StringBuilder();
      if (k.hasId()) {
        int n = 1 + r.nextInt(12);
        for (int j = 0; j < n; j++) {
          id.append(letters.charAt(r.nextInt(letters.length())));
        }
      }
      if (k == Entity.Kind.STATEMENT && !id.toString().contains(":")) {
        // a statement named like another kind's word is read as that kind: the loader refuses such names
        boolean clash = kinds.stream().anyMatch(o -> o != Entity.Kind.STATEMENT && !o.hasId() && o.word().equals(id.toString()));
        if (clash) {
          continue;
        }
      }
      Entity e = new Entity(k, id.toString());
      assertThat(Entity.parse(e.toString())).as("%s", e).isEqualTo(e);
    }
  }
}
