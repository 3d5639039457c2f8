package org.orebook.check.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CheckBenchmark} from the test class path: one fork, 5 warm-up and 5 measured
 * iterations of 2 s unless JMH options on the command line say otherwise (docs/benchmarks.md).
 */
public final class CheckBenchmarks {
  private CheckBenchmarks() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    ChainedOptionsBuilder o = new OptionsBuilder().parent(cli).include(CheckBenchmark.class.getName());
    if (!cli.getForkCount().hasValue()) {
      o.forks(1);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      o.warmupIterations(5).warmupTime(TimeValue.seconds(2));
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      o.measurementIterations(5).measurementTime(TimeValue.seconds(2));
    }
    new Runner(o.build()).run();
  }
}
