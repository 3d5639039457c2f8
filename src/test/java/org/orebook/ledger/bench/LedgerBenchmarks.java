package org.orebook.ledger.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the ledger JMH suite ({@link LedgerScanBenchmark}, {@link FieldParseBenchmark}) from the
 * test class path: one fork, 3 warm-up and 5 measured iterations of 1 s unless JMH options on the
 * command line say otherwise (docs/benchmarks.md).
 */
public final class LedgerBenchmarks {
  private LedgerBenchmarks() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    ChainedOptionsBuilder o = new OptionsBuilder().parent(cli).include(LedgerBenchmarks.class.getPackageName() + ".*Benchmark");
    if (!cli.getForkCount().hasValue()) {
      o.forks(1);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      o.warmupIterations(3).warmupTime(TimeValue.seconds(1));
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      o.measurementIterations(5).measurementTime(TimeValue.seconds(1));
    }
    new Runner(o.build()).run();
  }
}
