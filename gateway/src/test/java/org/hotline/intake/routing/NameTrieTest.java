package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.intake.routing.NameTrie.Match;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NameTrie: leftmost-longest matching")
class NameTrieTest {
  private static NameTrie<String> trie() {
    NameTrie<String> t = new NameTrie<>();
    for (String n : List.of("软件园", "软件园二期", "海沧", "海沧大桥", "湖里", "思明区", "思明")) {
      t.put(n, n);
    }
    return t;
  }

  @Test
  @DisplayName("the longest name at a position wins")
  void longest() {
    assertThat(trie().scan("软件园二期观日路").stream().map(Match::value)).containsExactly("软件园二期");
    assertThat(trie().scan("海沧大桥旁").stream().map(Match::value)).containsExactly("海沧大桥");
    assertThat(trie().scan("海沧大道").stream().map(Match::value)).containsExactly("海沧");
  }

  @Test
  @DisplayName("names are found left to right without overlapping, with their positions")
  void scan() {
    List<Match<String>> found = trie().scan("思明区软件园近湖里");
    assertThat(found)
        .containsExactly(
            new Match<>(0, 3, "思明区"), new Match<>(3, 6, "软件园"), new Match<>(7, 9, "湖里"));
  }

  @Test
  @DisplayName("exact lookup and size ignore prefixes that are not names")
  void exact() {
    NameTrie<String> t = trie();
    assertThat(t.get("海沧大")).isNull();
    assertThat(t.get("海沧大桥")).isEqualTo("海沧大桥");
    assertThat(t.size()).isEqualTo(7);
    assertThat(t.put("湖里", "again")).isEqualTo("湖里");
    assertThat(t.size()).isEqualTo(7);
  }

  @Test
  @DisplayName("text with no names yields nothing")
  void none() {
    assertThat(trie().scan("")).isEmpty();
    assertThat(trie().scan("湖滨南路88号")).isEmpty();
  }
}
