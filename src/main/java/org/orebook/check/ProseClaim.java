package org.orebook.check;

import java.util.List;

/**
 * A number the running text of a release states ("$17.1 million", "9.8 million ounces", "$1.43 per
 * ounce", "a 48% increase", "4.7:1"), and what became of it: tested against the table figure its
 * words name and held or failed, or not linked to any figure unambiguously (not tested).
 *
 * @param line the source line of the number
 * @param sentence the sentence, as printed (lines joined)
 * @param claim the claim as printed ("a 48% increase", "$1.43 per ounce")
 * @param figure the table figure it was linked to ({@code company/gross_profit @ FY2003}), empty when not linked
 * @param figures the printed table figures involved, as "line N label printed"
 * @param arithmetic how the claim was tested, in words and numbers; for a claim not linked, why
 */
public record ProseClaim(int line, String sentence, String claim, Kind kind, Status status, String figure,
    List<String> figures, String arithmetic) {
  public ProseClaim {
    figures = List.copyOf(figures);
  }

  /** What a claim states. */
  public enum Kind { AMOUNT, PER_UNIT, QUANTITY, PERCENT_CHANGE, PERCENT, RATIO, GRADE }

  /** What became of a claim. */
  public enum Status { PASSED, FAILED, NOT_LINKED }

  /** The sentence cut to at most {@code max} characters around the claim. */
  public String excerpt(int max) {
    if (sentence.length() <= max) {
      return sentence;
    }
    int at = Math.max(0, sentence.indexOf(claim));
    int from = Math.max(0, Math.min(at - max / 2, sentence.length() - max));
    String s = sentence.substring(from, Math.min(sentence.length(), from + max));
    return (from > 0 ? "..." : "") + s + (from + max < sentence.length() ? "..." : "");
  }
}
