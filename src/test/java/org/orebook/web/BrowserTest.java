package org.orebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orebook.data.DatasetSource;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.Origin;
import org.orebook.release.Release;
import org.orebook.release.Releases;

/**
 * The pages in a real browser (headless Chromium through Selenium, one browser for the class):
 * signing in, the provenance panel of a cost per ounce, a chart drawn, and the check page marking
 * the figure of a published release that was changed. Skipped only when OREBOOK_SKIP_BROWSER=1.
 */
class BrowserTest {
  static final Path EXAMPLE = TestServer.EXAMPLE;
  static final Path PUBLISHED = TestServer.PUBLISHED;

  static ChromeDriver driver;
  static WebDriverWait wait;
  static String base;
  static String company;
  static Path profile;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeFalse("1".equals(System.getenv("OREBOOK_SKIP_BROWSER")), "OREBOOK_SKIP_BROWSER=1");
    TestServer server = TestServer.get();
    base = server.base;
    company = server.company;

    profile = Files.createTempDirectory("orebook-chromium-");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));

    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("alice");
    driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORDS.get("alice"));
    driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who .user-name")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void clickingACostPerOunceShowsItsOperandsAndFollowsThem() throws Exception {
    driver.get(base + "/companies/" + company + "/release");
    WebElement cell = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("td.fig[data-key*='/total_cash_costs_per_oz@']")));
    String key = cell.getAttribute("data-key");

    // what the figure is computed from, by the engine from the example's files
    Release release = Releases.produce(DatasetSource.folder(EXAMPLE), null);
    Fact fact = release.facts().all().stream().filter(f -> f.key().toString().equals(key)).findFirst().orElseThrow();
    assertThat(fact.origin()).isInstanceOf(Origin.Derived.class);
    List<FactKey> operands = ((Origin.Derived) fact.origin()).operands();
    Set<String> expected = operands.stream().map(FactKey::toString).collect(Collectors.toCollection(TreeSet::new));

    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
    cell.click();
    wait.until(d -> key.equals(d.findElement(By.id("prov-body")).getAttribute("data-shown")));
    assertThat(driver.findElement(By.id("prov-panel")).isDisplayed()).isTrue();
    List<WebElement> shown = driver.findElements(By.cssSelector("#prov-body button.operand"));
    Set<String> shownKeys = shown.stream().map(b -> b.getAttribute("data-key")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(shownKeys).isEqualTo(expected);
    assertThat(driver.findElement(By.id("prov-body")).getText()).contains(((Origin.Derived) fact.origin()).description());

    // an operand leads to its own origin, and back returns
    String first = operands.get(0).toString();
    driver.findElement(By.cssSelector("#prov-body button.operand[data-key='" + first + "']")).click();
    wait.until(d -> first.equals(d.findElement(By.id("prov-body")).getAttribute("data-shown")));
    driver.findElement(By.id("prov-back")).click();
    wait.until(d -> key.equals(d.findElement(By.id("prov-body")).getAttribute("data-shown")));
  }

  @Test
  void theChartsAreDrawn() {
    driver.get(base + "/companies/" + company + "/release");
    assertCanvasDrawn("#chart-waterfall");
    driver.get(base + "/companies/" + company);
    assertCanvasDrawn("#chart-cost");
    assertCanvasDrawn("#chart-production");
    driver.get(base + "/companies/" + company + "/projects");
    assertCanvasDrawn("#tornado-mina-isidora");
  }

  /**
   * The charts at common screen widths: no two texts of a chart (legend, unit names on the axis,
   * axis values, the axis's unit, bar labels) may overlap, nor stick out of the chart. Each text's
   * box is read from the chart's own display list (ECharts draws on a canvas), as it was drawn.
   * Screenshots of each chart go to target/screenshots, to be looked at.
   */
  @Test
  void theChartsFitAtCommonWidths() throws Exception {
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    try {
      for (int width : new int[] {1024, 1400, 1920}) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
        for (String[] page : new String[][] {{"overview", "/companies/" + company, "#chart-cost,#chart-production"},
            {"release", "/companies/" + company + "/release", "#chart-waterfall"},
            {"projects", "/companies/" + company + "/projects", "#tornado-mina-isidora"}}) {
          driver.get(base + page[1]);
          for (String container : page[2].split(",")) {
            wait.until(d -> !d.findElements(By.cssSelector(container + " canvas")).isEmpty());
          }
          Thread.sleep(400); // the charts' animation ends
          for (String container : page[2].split(",")) {
            WebElement box = driver.findElement(By.cssSelector(container));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            Files.write(shots.resolve(page[0] + "-" + container.substring(1) + "-" + width + ".png"),
                box.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            @SuppressWarnings("unchecked")
            List<String> overlaps = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                var out = [];
                document.querySelectorAll(arguments[0] + ' [_echarts_instance_]').forEach(function (dom) {
                  var chart = echarts.getInstanceByDom(dom);
                  var texts = [];
                  chart.getZr().storage.getDisplayList(true).forEach(function (e) {
                    var label = (e.type === 'tspan' || e.type === 'text') ? e : null;
                    if (label && !label.ignore && !label.invisible && label.style && String(label.style.text || '').trim()) {
                      var box = label.getBoundingRect().clone();
                      box.applyTransform(label.getComputedTransform());
                      texts.push({ text: String(label.style.text).replace(/\\n/g, ' '), box: box });
                    }
                  });
                  var w = dom.clientWidth, h = dom.clientHeight;
                  texts.forEach(function (t) {
                    if (t.box.x < -1 || t.box.y < -1 || t.box.x + t.box.width > w + 1 || t.box.y + t.box.height > h + 1) {
                      out.push(t.text + ' sticks out of the chart');
                    }
                  });
                  for (var i = 0; i < texts.length; i++) {
                    for (var j = i + 1; j < texts.length; j++) {
                      var a = texts[i].box, b = texts[j].box;
                      var ow = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
                      var oh = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
                      if (ow > 1 && oh > 1) { out.push(texts[i].text + ' / ' + texts[j].text); }
                    }
                  }
                });
                return out;""", container);
            assertThat(overlaps).as("labels overlapping in %s of %s at %d px", container, page[0], width).isEmpty();
          }
        }
      }
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }
  }

  private static void assertCanvasDrawn(String container) {
    WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(container + " canvas")));
    wait.until(d -> canvas.getSize().getWidth() > 0 && canvas.getSize().getHeight() > 0);
    assertThat(canvas.getSize().getWidth()).as(container).isGreaterThan(100);
    assertThat(canvas.getSize().getHeight()).as(container).isGreaterThan(100);
  }

  @Test
  void theCheckPageMarksAChangedTotal(@TempDir Path dir) throws Exception {
    // change the first figure of a printed total, so that the total no longer ties
    List<String> lines = new ArrayList<>(Files.readAllLines(PUBLISHED));
    int at = -1;
    String original = null;
    String changed = null;
    Pattern number = Pattern.compile("\\d{1,3}(,\\d{3})+");
    for (int i = 0; i < lines.size() && at < 0; i++) {
      if (lines.get(i).trim().startsWith("Total gross profit")) {
        Matcher m = number.matcher(lines.get(i));
        if (m.find()) {
          original = m.group();
          long v = Long.parseLong(original.replace(",", "")) + 100;
          changed = String.format(java.util.Locale.US, "%,d", v);
          lines.set(i, lines.get(i).substring(0, m.start()) + changed + lines.get(i).substring(m.end()));
          at = i + 1;
        }
      }
    }
    assertThat(at).as("a printed total in the published release").isPositive();
    Path file = dir.resolve("changed-ex99.txt");
    Files.write(file, lines);

    driver.get(base + "/check");
    driver.findElement(By.id("check-file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.id("check-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-summary")));

    int line = at;
    String text = changed;
    List<WebElement> failing = driver.findElements(By.cssSelector("tr[data-line='" + line + "'] td.fail"));
    assertThat(failing).as("failing figures on line " + line).isNotEmpty();
    WebElement cell = failing.get(0);
    assertThat(cell.getText()).startsWith(text);
    assertThat(cell.getAttribute("title")).contains("expected");
    assertThat(driver.findElement(By.id("findings")).getText()).contains(text);
    assertThat(Integer.parseInt(driver.findElement(By.id("stat-failed")).getText())).isPositive();
  }
}
