package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.orebook.quantity.UnitSystem;
import org.orebook.release.Releases;

/**
 * {@code orebook check} reads a metric release (tonnes, g/t, dollars per tonne) as well as the
 * imperial one: it finds no failure the imperial release does not have (contained base metal is
 * computed in the unit of the tons it comes from, so lead in tonnes checks against ore in tonnes).
 */
class MetricReleaseCheckTest {
  private static CheckResult check(String dataset, UnitSystem units) throws Exception {
    String text = Releases.render(Releases.produce(Path.of(dataset), null, units), "text");
    return Check.text(dataset + " (" + units.code() + ")", text);
  }

  private static String signature(Failure f) {
    return f.relation().id() + " " + f.published().key();
  }

  private static long count(CheckResult r, ProseClaim.Status status) {
    return r.prose().stream().filter(p -> p.status() == status).count();
  }

  @Test
  void test_metricRelease_noNewFailures() throws Exception {
    for (String dataset : List.of("examples/hecla-2003", "src/test/resources/datasets/andes-copper",
        "examples/cordillera-2025", "examples/kittiwake-2025")) {
      CheckResult imperial = check(dataset, UnitSystem.IMPERIAL);
      CheckResult metric = check(dataset, UnitSystem.METRIC);
      Set<String> known = imperial.failures().stream().map(MetricReleaseCheckTest::signature).collect(Collectors.toSet());
      List<String> added = metric.failures().stream().filter(f -> !known.contains(signature(f)))
          .map(MetricReleaseCheckTest::signature).toList();
      assertThat(added).as("failures of the metric release of %s that the imperial one does not have", dataset).isEmpty();
      // the metric labels are read: as many figures mapped, and the prose claims hold as well
      assertThat(metric.release().mappedCount()).as("figures mapped in %s", dataset)
          .isEqualTo(imperial.release().mappedCount());
      assertThat(count(metric, ProseClaim.Status.FAILED)).isEqualTo(count(imperial, ProseClaim.Status.FAILED));
      assertThat(count(metric, ProseClaim.Status.PASSED)).isEqualTo(count(imperial, ProseClaim.Status.PASSED));
    }
  }
}
