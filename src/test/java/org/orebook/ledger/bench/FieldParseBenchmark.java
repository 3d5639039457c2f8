package org.orebook.ledger.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.orebook.scan.Fields;

/**
 * Parsing one field of a row: an amount to exact cents and an ISO date, on bytes
 * ({@link Fields}), against the obvious alternative of a String and {@code new BigDecimal}.
 * Each operation parses the same 64 amounts or dates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldParseBenchmark {
  byte[] amounts;
  int[] amountStart;
  byte[] dates;

  @Setup
  public void make() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    StringBuilder a = new StringBuilder();
    StringBuilder d = new StringBuilder();
    amountStart = new int[65];
    for (int i = 0; i < 64; i++) {
      amountStart[i] = a.length();
      long cents = r.nextLong(100_000_000L) - 5_000_000L;
      a.append(cents / 100).append('.').append(String.format("%02d", Math.abs(cents % 100)));
      d.append(String.format("2025-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)));
    }
    amountStart[64] = a.length();
    amounts = a.toString().getBytes(StandardCharsets.US_ASCII);
    dates = d.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Benchmark
  public long amountsToCents() {
    long sum = 0;
    for (int i = 0; i < 64; i++) {
      sum += Fields.cents(amounts, amountStart[i], amountStart[i + 1]);
    }
    return sum;
  }

  @Benchmark
  public BigDecimal amountsToBigDecimal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < 64; i++) {
      sum = sum.add(new BigDecimal(new String(amounts, amountStart[i], amountStart[i + 1] - amountStart[i],
          StandardCharsets.US_ASCII)));
    }
    return sum;
  }

  @Benchmark
  public void datesToPackedInts(Blackhole bh) {
    for (int i = 0; i < 64; i++) {
      bh.consume(Fields.date(dates, i * 10, i * 10 + 10));
    }
  }
}
