package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML download of the example: readers' section titles, and figure cells that do not pretend to be clickable. */
class HtmlExportTest {
  @Test
  void sectionsHaveTitlesAndFigureCellsDoNotLookClickable() throws Exception {
    String html = HtmlRenderer.document(Releases.produce(Path.of("examples/hecla-2003"), null));
    List<String> headings = new ArrayList<>();
    Matcher h2 = Pattern.compile("<h2>([^<]*)</h2>").matcher(html);
    while (h2.find()) {
      headings.add(h2.group(1));
    }
    assertThat(headings).contains("Headline", "Summary", "Highlights", "Operations", "Financial results")
        .doesNotContain("headline", "lead", "highlights", "operations", "reserves", "financial", "cautionary");
    assertThat(html).contains("data-key=\"").doesNotContain("tabindex").doesNotContain("cursor: pointer");
  }
}
