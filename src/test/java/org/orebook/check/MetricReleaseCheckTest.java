package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.orebook.model.Metal;
import org.orebook.quantity.UnitSystem;
import org.orebook.release.Releases;

/**
 * {@code orebook check} reads a metric release (tonnes, g/t, dollars per tonne) as well as the
 * imperial one: it finds no failure the imperial release does not have, except one known gap.
 * The catalogue (relations.Catalogue, res.contained_metal) computes base-metal contained metal in
 * short tons whatever the unit of the tons, so a contained lead or zinc figure printed in tonnes
 * is compared with short tons (docs/units.md).
 */
class MetricReleaseCheckTest {
  private static CheckResult check(String dataset, UnitSystem units) throws Exception {
    String text = Releases.render(Releases.produce(Path.of(dataset), null, units), "text");
    return Check.text(dataset + " (" + units.code() + ")", text);
  }

  private static String signature(Failure f) {
    return f.relation().id() + " " + f.published().key();
  }

  private static boolean baseMetalContained(Failure f) {
    String q = f.published().key().qualifier();
    return f.relation().id().equals("res.contained_metal") && Metal.ofCode(q.substring(q.indexOf(':') + 1))
        .map(m -> !m.precious()).orElse(false);
  }

  private static long count(CheckResult r, ProseClaim.Status status) {
    return r.prose().stream().filter(p -> p.status() == status).count();
  }

  @Test
  void test_metricRelease_noNewFailuresButBaseMetalContained() throws Exception {
    for (String dataset : List.of("examples/hecla-2003", "src/test/resources/datasets/andes-copper")) {
      CheckResult imperial = check(dataset, UnitSystem.IMPERIAL);
      CheckResult metric = check(dataset, UnitSystem.METRIC);
      Set<String> known = imperial.failures().stream().map(MetricReleaseCheckTest::signature).collect(Collectors.toSet());
      List<String> added = metric.failures().stream().filter(f -> !known.contains(signature(f)))
          .filter(f -> !baseMetalContained(f)).map(MetricReleaseCheckTest::signature).toList();
      assertThat(added).as("failures of the metric release of %s that the imperial one does not have", dataset).isEmpty();
      // the metric labels are read: as many figures mapped, and the prose claims hold as well
      assertThat(metric.release().mappedCount()).as("figures mapped in %s", dataset)
          .isEqualTo(imperial.release().mappedCount());
      assertThat(count(metric, ProseClaim.Status.FAILED)).isEqualTo(count(imperial, ProseClaim.Status.FAILED));
      assertThat(count(metric, ProseClaim.Status.PASSED)).isEqualTo(count(imperial, ProseClaim.Status.PASSED));
    }
  }
}
