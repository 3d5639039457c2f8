package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words around the numbers of the seed: each expectation below was worked by hand from the seed
 * text and its tables (line numbers are the seed's).
 */
class ProseCheckTest {
  @TempDir
  Path dir;

  private static ProseClaim claim(CheckResult r, int line, String text) {
    return r.prose().stream().filter(c -> c.line() == line && c.claim().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no claim '" + text + "' at line " + line + " among "
            + r.prose().stream().map(c -> c.line() + " " + c.claim()).toList()));
  }

  @Test
  void knownClaimsOfTheSeedAreTestedAndHold() throws Exception {
    CheckResult r = Check.file(CheckTestSupport.SEED);
    // line 9: "a 48% increase in gross profit": (35,035 - 23,715) / 23,715 = 47.73%
    ProseClaim gp = claim(r, 9, "48%");
    assertThat(gp.status()).isEqualTo(ProseClaim.Status.PASSED);
    assertThat(gp.figure()).isEqualTo("company/gross_profit @ FY2003 vs FY2002");
    assertThat(gp.arithmetic()).contains("47.73%");
    // line 39: "9.8 million ounces" of silver: 9,817,324 oz (highlights, line 389)
    ProseClaim ag = claim(r, 39, "9.8 million ounces");
    assertThat(ag.status()).isEqualTo(ProseClaim.Status.PASSED);
    assertThat(ag.figure()).isEqualTo("company/produced[AG] @ FY2003");
    // line 40: "$1.43 per ounce": combined silver total cash cost per ounce, 1.43 (line 399 and the reconciliation)
    assertThat(claim(r, 40, "$1.43 per ounce").figure()).isEqualTo("group:AG/total_cash_costs_per_oz @ FY2003");
    assertThat(claim(r, 40, "$1.43 per ounce").status()).isEqualTo(ProseClaim.Status.PASSED);
    // line 4 (headline) and 11: "90% increase": 17,091 / 8,960 - 1 = 90.75% on the tables, 90% on $17.1 and $9.0 million
    ProseClaim ninety = claim(r, 11, "90%");
    assertThat(ninety.status()).isEqualTo(ProseClaim.Status.PASSED);
    assertThat(ninety.arithmetic()).contains("90.75%", "as the text rounds them");
    // line 92: San Sebastian "negative 25 cents per ounce of silver" = (0.25) in its production data
    assertThat(claim(r, 92, "negative 25 cents per ounce of silver").figure())
        .isEqualTo("unit:san-sebastian/total_cash_costs_per_oz @ FY2003");
    // line 114: Greens Creek "by 35% from $1.81": 1.18 / 1.81 - 1 = -34.8%
    assertThat(claim(r, 114, "35%").status()).isEqualTo(ProseClaim.Status.PASSED);
    assertThat(claim(r, 114, "$1.81 per ounce of silver").figure()).isEqualTo("unit:greens-creek/total_cash_costs_per_oz @ FY2002");
    // line 127: Venezuela names La Camorra's unit: 126,567 oz
    assertThat(claim(r, 127, "126,567 ounces of gold").figure()).isEqualTo("unit:la-camorra/produced[AU] @ FY2003");
    // line 314: current ratio 4.7:1 = 161,245 / 34,079 = 4.73
    assertThat(claim(r, 314, "4.7:1").status()).isEqualTo(ProseClaim.Status.PASSED);
    // line 312: cash and short-term investments $123 million = 105,387 + 18,003
    assertThat(claim(r, 312, "$123 million").status()).isEqualTo(ProseClaim.Status.PASSED);
    assertThat(r.proseTested().size()).isGreaterThanOrEqualTo(45);
  }

  @Test
  void theSeedsFailingClaimsAreTheLongTermDebt() throws Exception {
    CheckResult r = Check.file(CheckTestSupport.SEED);
    // "long-term debt ... $4.7 million" (lines 61, 312): the balance sheet's long-term debt is 2,341;
    // 4.7 million is long-term debt plus its current portion (2,341 + 2,332 = 4,673)
    assertThat(r.proseFailures()).extracting(c -> c.line() + " " + c.claim() + " " + c.figure())
        .containsExactly("61 $4.7 million balance_sheet/long_term_debt @ FY2003",
            "312 $4.7 million balance_sheet/long_term_debt @ FY2003");
    assertThat(r.proseFailures().get(0).arithmetic()).contains("4.65 to 4.75 million", "2.3405 to 2.3415 million");
  }

  @Test
  void forwardLookingAndRespectivelyAreNotLinked() throws Exception {
    CheckResult r = Check.file(CheckTestSupport.SEED);
    assertThat(claim(r, 85, "215,000 ounces of gold").status()).isEqualTo(ProseClaim.Status.NOT_LINKED);
    assertThat(claim(r, 163, "$12 million").status()).isEqualTo(ProseClaim.Status.NOT_LINKED);
    assertThat(claim(r, 426, "$10.2 million").status()).isEqualTo(ProseClaim.Status.NOT_LINKED);
    // gold has two price series (realized, London Final): the text's gold price is ambiguous
    assertThat(claim(r, 98, "$310").status()).isEqualTo(ProseClaim.Status.NOT_LINKED);
    assertThat(r.proseNotLinked()).hasSizeGreaterThan(20);
  }

  @Test
  void changingOneProseNumberFailsThatSentence() throws Exception {
    String text = CheckTestSupport.mutate(CheckTestSupport.seed(), 39, "9.8 million ounces", 1, "9.6 million ounces");
    Path f = dir.resolve("mutated.txt");
    Files.writeString(f, text, StandardCharsets.US_ASCII);
    CheckTestSupport.Run run = CheckTestSupport.run("check", f.toString(), "--format", "json");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode prose = new ObjectMapper().readTree(run.out()).get("prose");
    assertThat(prose.get("failed").asInt()).isEqualTo(3);
    JsonNode first = prose.get("failures").get(0);
    assertThat(first.get("line").asInt()).isEqualTo(39);
    assertThat(first.get("claim").asText()).isEqualTo("9.6 million ounces");
    assertThat(first.get("arithmetic").asText()).contains("9.55 to 9.65 million", "9.8173235 to 9.8173245 million");
    CheckTestSupport.Run textRun = CheckTestSupport.run("check", f.toString());
    assertThat(textRun.out()).contains("PROSE FAILURES (3)", "\"9.6 million ounces\" at line 39", "Prose claims: ");
  }

  @Test
  void jsonReportCountsTheClaims() throws Exception {
    CheckTestSupport.Run run = CheckTestSupport.run("check", CheckTestSupport.SEED.toString(), "--format", "json");
    JsonNode prose = new ObjectMapper().readTree(run.out()).get("prose");
    int tested = prose.get("tested").asInt();
    assertThat(tested).isEqualTo(prose.get("passed").asInt() + prose.get("failed").asInt());
    assertThat(prose.get("found").asInt()).isEqualTo(tested + prose.get("notLinked").asInt());
    assertThat(List.of("line", "claim", "sentence", "figure", "figures", "arithmetic"))
        .allMatch(prose.get("failures").get(0)::has);
  }
}
