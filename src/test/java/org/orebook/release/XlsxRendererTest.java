package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The XLSX rendering of the Hecla example, read back with POI: a sheet per table, figures as
 * numbers rounded as printed with the printed look, labels as text. Expected figures come from the
 * dataset's files and the published release, not from the renderer.
 */
class XlsxRendererTest {
  static final Path EXAMPLE = Path.of("examples/hecla-2003");

  static Release release;
  static XSSFWorkbook workbook;
  static final DataFormatter FORMATTER = new DataFormatter(Locale.US);

  @BeforeAll
  static void render() throws Exception {
    release = Releases.produce(EXAMPLE, null);
    byte[] bytes = XlsxRenderer.render(release);
    workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  @AfterAll
  static void close() throws IOException {
    workbook.close();
  }

  /** A value of production.csv read directly from the file. */
  static BigDecimal production(String unit, String period, String item, String metal) throws IOException {
    for (String line : Files.readAllLines(EXAMPLE.resolve("production.csv"), StandardCharsets.UTF_8)) {
      String[] f = line.split(",", -1);
      if (f[0].equals(unit) && f[1].equals(period) && f[2].equals(item) && f[3].equals(metal)) {
        return new BigDecimal(f[4]);
      }
    }
    throw new AssertionError("no " + unit + " " + period + " " + item + " in production.csv");
  }

  /** The numeric cells of a sheet holding {@code value}. */
  static List<XSSFCell> numericCells(XSSFSheet sheet, BigDecimal value) {
    List<XSSFCell> found = new ArrayList<>();
    for (org.apache.poi.ss.usermodel.Row row : sheet) {
      for (org.apache.poi.ss.usermodel.Cell c : row) {
        // POI hands back the double Excel stores; compared exactly after the decimal conversion
        if (c.getCellType() == CellType.NUMERIC && BigDecimal.valueOf(c.getNumericCellValue()).compareTo(value) == 0) {
          found.add((XSSFCell) c);
        }
      }
    }
    return found;
  }

  static String label(XSSFCell c) {
    XSSFRow row = c.getRow();
    return row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
  }

  @Test
  void oneSheetPerTableWithLegalUniqueNames() {
    assertThat(workbook.getNumberOfSheets()).isEqualTo(release.tables().size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      String name = workbook.getSheetName(i);
      assertThat(name.length()).isBetween(1, 31);
      assertThatCode(() -> WorkbookUtil.validateSheetName(name)).doesNotThrowAnyException();
      assertThat(names.add(name.toLowerCase(Locale.ROOT))).as("unique sheet name %s", name).isTrue();
    }
    assertThat(workbook.getSheet("production")).isNotNull();
    assertThat(workbook.getSheet("production").getRow(0).getCell(0).getStringCellValue())
        .isEqualTo("HECLA MINING COMPANY");
  }

  @Test
  void sheetNamesAreMadeLegalAndUnique() {
    Set<String> taken = new HashSet<>();
    assertThat(XlsxRenderer.sheetName("reserves-contained", taken)).isEqualTo("reserves-contained");
    assertThat(XlsxRenderer.sheetName("Reserves-Contained", taken)).isEqualTo("Reserves-Contained (2)");
    String long1 = XlsxRenderer.sheetName("a:very/long*table?name[with]illegal\\characters", taken);
    String long2 = XlsxRenderer.sheetName("a:very/long*table?name[with]illegal\\characters", taken);
    assertThat(long1).hasSize(31).doesNotContain(":", "/", "*", "?", "[", "]", "\\");
    assertThat(long2).hasSizeLessThanOrEqualTo(31).endsWith(" (2)").isNotEqualTo(long1);
  }

  @Test
  void tonsMilledAreANumericCellOnTheirRow() throws IOException {
    BigDecimal ore = production("la-camorra", "FY2003", "ore_milled", "");
    List<XSSFCell> cells = numericCells(workbook.getSheet("production"), ore);
    assertThat(cells).as("a numeric cell holding %s", ore).isNotEmpty();
    XSSFCell c = cells.get(0);
    // the published Production Data: "Tons of ore processed        52,552    44,461     197,591     194,960"
    assertThat(label(c)).isEqualTo("Tons of ore processed");
    assertThat(c.getCellStyle().getDataFormatString()).contains("#,##0");
    assertThat(FORMATTER.formatCellValue(c).strip()).isEqualTo("197,591");

    BigDecimal silver = production("san-sebastian", "FY2003", "produced", "AG");
    List<XSSFCell> ag = numericCells(workbook.getSheet("production"), silver);
    assertThat(ag).isNotEmpty();
    assertThat(label(ag.get(0))).isEqualTo("Silver produced (oz.)");
    assertThat(FORMATTER.formatCellValue(ag.get(0)).strip()).isEqualTo("4,085,038");
  }

  @Test
  void figuresAreRoundedAsPrintedAfterScaleAndSign() {
    XSSFSheet production = workbook.getSheet("production");
    // La Camorra 2003 total cash costs: $19,498,000 / 126,567 oz = $154.05..., printed "$ 154"
    List<XSSFCell> perOz = numericCells(production, new BigDecimal("154"));
    assertThat(perOz).extracting(XlsxRendererTest::label).contains("Total cash costs (1)");
    XSSFCell tcc = perOz.stream().filter(c -> label(c).equals("Total cash costs (1)")).findFirst().orElseThrow();
    assertThat(FORMATTER.formatCellValue(tcc).strip()).isEqualTo("$154");

    // San Sebastian 2003 total cash costs per ounce, printed "$ (0.25)"
    List<XSSFCell> negative = numericCells(production, new BigDecimal("-0.25"));
    assertThat(negative).extracting(XlsxRendererTest::label).contains("Total cash costs (1)");
    XSSFCell ss = negative.stream().filter(c -> label(c).equals("Total cash costs (1)")).findFirst().orElseThrow();
    assertThat(FORMATTER.formatCellValue(ss)).isEqualTo("$(0.25)");

    // highlights print sales in thousands: "Sales of products       $   31,630  $   25,864  $  116,353  $  105,700"
    List<XSSFCell> sales = numericCells(workbook.getSheet("highlights"), new BigDecimal("116353"));
    assertThat(sales).extracting(XlsxRendererTest::label).contains("Sales of products");
  }

  @Test
  void labelsAndAbsentFiguresAreText() {
    XSSFSheet reserves = workbook.getSheetAt(0);
    boolean dash = false;
    boolean greensCreek = false;
    for (org.apache.poi.ss.usermodel.Row row : reserves) {
      for (org.apache.poi.ss.usermodel.Cell c : row) {
        if (c.getCellType() == CellType.STRING && c.getColumnIndex() > 0 && c.getStringCellValue().equals("-")) {
          dash = true;
        }
        if (c.getColumnIndex() == 0 && c.getCellType() == CellType.STRING
            && c.getStringCellValue().equals("Greens Creek (29.73%), USA")) {
          greensCreek = true;
        }
      }
    }
    assertThat(dash).as("an absent grade printed '-'").isTrue();
    assertThat(greensCreek).as("the Greens Creek row label").isTrue();
  }

  @Test
  void renderBytesGivesEveryFormat() throws IOException {
    assertThat(Releases.FORMATS).containsExactly("text", "json", "csv", "html", "xlsx");
    byte[] xlsx = Releases.renderBytes(release, "xlsx");
    assertThat(xlsx).startsWith('P', 'K');
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(release.tables().size());
    }
    assertThat(new String(Releases.renderBytes(release, "text"), StandardCharsets.UTF_8))
        .isEqualTo(Releases.render(release, "text"));
    assertThat(new String(Releases.renderBytes(release, "csv"), StandardCharsets.UTF_8))
        .isEqualTo(Releases.render(release, "csv"));
  }
}
