package org.orebook.bench;

import org.orebook.ledger.LedgerInput;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a raw input folder for the ledger path ({@code orebook synth}): the structure files
 * of a made-up miner, a chart of accounts, a general-ledger extract of exactly the requested number
 * of lines and a mill shift log, plus, in {@code expected/}, the same company as a dataset whose
 * {@code production.csv} and {@code costs.csv} hold the per-period totals the generator computed
 * itself, in exact integers, while writing each row: a test or the benchmark compares the ledger
 * path's output with them.
 *
 * <p>The data are deterministic for a seed (one {@link SplittableRandom}, one thread, no hash
 * ordering, no clock) and realistic in shape: gold, silver and base-metal mines with by-products,
 * joint ventures with an ownership share (the ledger and the log are on a 100% basis), a minor
 * source with no primary metal, amounts scaled to tons milled so that unit costs are plausible
 * whatever the number of lines, ledger lines in posting-date order with credit notes (negative
 * adjustments) and reversals (a journal and its negation posted up to three weeks later, sometimes
 * in the next quarter), by-product revenue posted as credits, and maintenance shifts that mill
 * nothing. No floating point: amounts, tons and grades are drawn as integers.
 */
public final class LedgerSynth {
  /** What to generate. */
  public record Spec(int units, int years, long ledgerLines, long seed, int lastYear) {
    public Spec {
      if (units < 1 || units > 999 || years < 1 || years > 50 || ledgerLines < 0 || lastYear - years + 1 < 1900) {
        throw new IllegalArgumentException("units 1..999, years 1..50, ledger lines >= 0");
      }
    }

    public Spec(int units, int years, long ledgerLines, long seed) {
      this(units, years, ledgerLines, seed, 2025);
    }
  }

  /** Changes whenever the same spec would generate different files (caches key on it). */
  public static final int VERSION = 2;

  /** The folder holding the expected dataset. */
  public static final String EXPECTED = "expected";
  public static final String LOG_HEADER =
      "date,shift,unit,tons_milled,grade_AU,grade_AG,grade_CU,grade_PB,grade_ZN,produced_AU,produced_AG,produced_CU,produced_PB,produced_ZN";
  // metals of the log, in the order of its columns, and their Metal ordinals
  private static final String[] LOG_METALS = {"AU", "AG", "CU", "PB", "ZN"};
  private static final int AU = 0;
  private static final int AG = 1;
  private static final int CU = 2;
  private static final int PB = 3;
  private static final int ZN = 4;
  /** Decimals of each metal's grade in the log: AU oz/ton 3, AG oz/ton 2, base metals % 2. */
  private static final int[] GRADE_DECIMALS = {3, 2, 2, 2, 2};

  /** Categories: code, ledger accounts (number, name), $/ton x100 (cents per ton), share of lines (per mille). */
  private record Category(String code, String[][] accounts, long centsPerTon, int perMille, boolean credit) {}

  private static final List<Category> CATEGORIES = List.of(
      new Category("mining", accounts("5100", "Mining - labour", "Mining - explosives", "Mining - diesel",
          "Mining - equipment maintenance", "Mining - contractors", "Mining - ground support"), 2800, 300, false),
      new Category("milling", accounts("5200", "Milling - labour", "Milling - reagents", "Milling - grinding media",
          "Milling - power", "Milling - maintenance"), 1400, 220, false),
      new Category("site_other", accounts("5300", "Site G&A - salaries", "Site G&A - camp", "Site G&A - insurance",
          "Site G&A - IT and communications"), 700, 140, false),
      new Category("treatment_freight", accounts("5400", "Smelting and refining charges", "Concentrate freight",
          "Dore transport and security"), 400, 60, false),
      new Category("byproduct_credits", accounts("4100", "By-product revenue - silver", "By-product revenue - gold",
          "By-product revenue - base metals"), 1200, 50, true),
      new Category("royalties", accounts("5500", "Net smelter return royalty", "Government royalty"), 200, 30, false),
      new Category("production_taxes", accounts("5600", "Mining taxes", "Severance taxes"), 120, 30, false),
      new Category("inventory_change", accounts("5700", "Change in metal inventory", "Stockpile adjustment"), 50, 30, false),
      new Category("reclamation_other", accounts("5800", "Reclamation accretion", "Reclamation - other costs"), 60, 20, false),
      new Category("dda", accounts("6100", "Depreciation", "Depletion", "Amortization"), 1100, 60, false),
      new Category("capital_additions", accounts("1700", "Capital - mine development", "Capital - plant and equipment",
          "Capital - sustaining"), 900, 60, false));

  private static final String[] NAMES = {"Aurora", "Baldy Peak", "Cerro Rico", "Dome Lake", "Eagle Creek", "Falcon Ridge",
      "Granite Hill", "Hidden Valley", "Iron Mask", "Juniper", "Kestrel", "Lone Pine", "Mesa Verde", "North Star", "Oro Blanco",
      "Pinnacle", "Quartz Hill", "Red Rock", "Silver Bell", "Timberline", "Union", "Vista", "Whitehorse", "Yellow Jacket"};
  private static final String[] COUNTRIES = {"Canada", "USA", "Mexico", "Peru", "Chile", "Australia"};
  private static final String[] JV_SHARES = {"50", "29.73", "70", "37.5"};

  /** One operating unit of the made-up company. */
  private record Unit(String id, String name, String country, String segment, String ownershipPct, String primary,
      String byproducts, boolean shown, int tonsPerDay, int[] baseGrade, long[] centsPerTon) {
    boolean has(int metal) {
      return baseGrade[metal] > 0;
    }
  }

  private final Spec spec;
  private final SplittableRandom random;
  private final List<Unit> units = new ArrayList<>();
  private final int firstYear;
  private final List<LocalDate> days = new ArrayList<>();

  // expected totals, 100% basis, by unit and quarter index
  private final long[][][] cents; // [unit][quarter][category], ledger orientation
  private final long[][] tonsCenti; // hundredths of a ton
  private final long[][][] gradeTonsCenti; // [unit][quarter][metal]: tons (hundredths) of shifts with a grade
  private final long[][][] gradeProduct; // [unit][quarter][metal]: sum of tons(hundredths) x grade(raw integer)
  private final long[][][] producedMilli; // [unit][quarter][metal]: thousandths of an ounce or ton
  private final int[][] daysMilled; // [unit][quarter]

  private LedgerSynth(Spec spec) {
    this.spec = spec;
    this.random = new SplittableRandom(spec.seed());
    this.firstYear = spec.lastYear() - spec.years() + 1;
    for (LocalDate d = LocalDate.of(firstYear, 1, 1); d.getYear() <= spec.lastYear(); d = d.plusDays(1)) {
      days.add(d);
    }
    int q = spec.years() * 4;
    cents = new long[spec.units()][q][CATEGORIES.size()];
    tonsCenti = new long[spec.units()][q];
    gradeTonsCenti = new long[spec.units()][q][LOG_METALS.length];
    gradeProduct = new long[spec.units()][q][LOG_METALS.length];
    producedMilli = new long[spec.units()][q][LOG_METALS.length];
    daysMilled = new int[spec.units()][q];
  }

  /** Writes the raw folder and {@code expected/} into {@code out} (created if needed). */
  public static void generate(Spec spec, Path out) throws IOException {
    new LedgerSynth(spec).run(out);
  }

  private void run(Path out) throws IOException {
    Files.createDirectories(out.resolve(EXPECTED));
    makeUnits();
    writeChart(out);
    writeYears(out);
    writeLog(out.resolve(LedgerInput.LOG));
    writeLedger(out.resolve(LedgerInput.LEDGER));
    writeStructure(out);
    writeStructure(out.resolve(EXPECTED));
    writeExpected(out.resolve(EXPECTED));
    write(out.resolve("README.md"), "# Generated ledger-path input\n\n"
        + "Written by `orebook synth --units " + spec.units() + " --years " + spec.years() + " --ledger-lines "
        + spec.ledgerLines() + " --seed " + spec.seed() + "`: a made-up company (no relation to any real issuer).\n"
        + "Raw files: chart_of_accounts.csv, fiscal_years.csv, ledger.csv, production_log.csv (100% basis);\n"
        + "structure: company.csv, segments.csv, units.csv. `expected/` is the same company as a dataset whose\n"
        + "production.csv and costs.csv are the generator's own totals (company's share). See docs/input-format.md.\n");
  }

  private static String[][] accounts(String prefix, String... names) {
    String[][] a = new String[names.length][];
    for (int i = 0; i < names.length; i++) {
      a[i] = new String[] {prefix + String.format("%02d", (i + 1) * 10), names[i]};
    }
    return a;
  }

  // ---------------------------------------------------------------- structure

  private void makeUnits() {
    int jv = 0;
    for (int i = 0; i < spec.units(); i++) {
      String id = String.format("mine-%02d", i + 1);
      String name = NAMES[i % NAMES.length] + (i >= NAMES.length ? " " + (i / NAMES.length + 1) : "");
      int kind = i % 6;
      int[] grade = new int[LOG_METALS.length];
      String segment;
      String primary;
      String byproducts;
      boolean shown = true;
      switch (kind) {
        case 0, 4 -> {
          segment = "gold";
          primary = "AU";
          byproducts = "";
          grade[AU] = 60 + random.nextInt(200); // 0.060..0.260 oz/ton
        }
        case 1 -> {
          segment = "silver";
          primary = "AG";
          byproducts = "PB ZN";
          grade[AG] = 300 + random.nextInt(700); // 3.00..10.00 oz/ton
          grade[PB] = 200 + random.nextInt(400); // 2.00..6.00 %
          grade[ZN] = 300 + random.nextInt(600);
        }
        case 2 -> {
          segment = "gold";
          primary = "AU";
          byproducts = "CU AG";
          grade[AU] = 30 + random.nextInt(60);
          grade[CU] = 30 + random.nextInt(120); // 0.30..1.50 %
          grade[AG] = 50 + random.nextInt(150);
        }
        case 3 -> {
          segment = "silver";
          primary = "AG";
          byproducts = "AU";
          grade[AG] = 300 + random.nextInt(1000);
          grade[AU] = 10 + random.nextInt(30);
        }
        default -> {
          segment = "other";
          primary = "";
          byproducts = "ZN PB";
          // shown in the tables like every unit: the company's production totals count its zinc and
          // lead, and a total the tables do not show the parts of cannot be checked
          grade[ZN] = 400 + random.nextInt(500);
          grade[PB] = 200 + random.nextInt(300);
        }
      }
      String share = kind == 2 || kind == 3 && i % 4 == 3 ? JV_SHARES[jv++ % JV_SHARES.length] : "100";
      int tpd = kind == 5 ? 300 + random.nextInt(500) : 1500 + random.nextInt(7500);
      long[] rates = new long[CATEGORIES.size()];
      for (int c = 0; c < rates.length; c++) {
        boolean credit = CATEGORIES.get(c).credit();
        rates[c] = credit && byproducts.isEmpty() ? 0 : CATEGORIES.get(c).centsPerTon() * (80 + random.nextInt(46)) / 100;
      }
      units.add(new Unit(id, name, COUNTRIES[i % COUNTRIES.length], segment, share, primary, byproducts, shown, tpd,
          grade, rates));
    }
  }

  private void writeStructure(Path dir) throws IOException {
    write(dir.resolve("company.csv"), "field,value\n"
        + "# a made-up company generated by orebook synth (no relation to any real issuer)\n"
        + "name,Synthetic Mining Corporation\nshort_name,Synthetic\ncurrency,USD\nperiod,FY" + spec.lastYear() + "\n"
        + "metals,AU AG CU PB ZN\n");
    write(dir.resolve("segments.csv"), "id,name\ngold,Gold operations\nsilver,Silver operations\nother,Other\n");
    StringBuilder s = new StringBuilder(
        "id,name,country,segment,ownership_pct,primary_metal,byproduct_metals,ore_term,grade_term,show_in_tables\n");
    for (Unit u : units) {
      boolean pit = u.primary().equals("AU") && u.byproducts().isEmpty();
      s.append(u.id()).append(',').append(u.name()).append(',').append(u.country()).append(',').append(u.segment())
          .append(',').append(u.ownershipPct()).append(',').append(u.primary()).append(',').append(u.byproducts())
          .append(',').append(pit ? "processed" : "milled").append(',').append(pit ? "crushed" : "milled").append(',')
          .append(u.shown() ? "yes" : "no").append('\n');
    }
    write(dir.resolve("units.csv"), s.toString());
    writePricesAndSales(dir);
  }

  /** Average prices: USD/oz for AU AG, cents/lb for CU PB ZN, rising a little each year. */
  private long priceCents(int metal, int year) {
    int k = year - firstYear;
    return switch (metal) {
      case AU -> 180_000 + 20_000L * k;
      case AG -> 2_400 + 200L * k;
      case CU -> 400 + 10L * k;
      case PB -> 95 + 2L * k;
      default -> 125 + 3L * k;
    };
  }

  /**
   * {@code prices.csv} and the sales of each segment ({@code segment_figures.csv}): the company's
   * share of the metal each unit produced, at the year's price, in whole dollars (each quarter rounded
   * down, the year the sum of its quarters).
   * Sales are not a ledger category; they are part of the structure the generator makes up.
   */
  private void writePricesAndSales(Path dir) throws IOException {
    StringBuilder p = new StringBuilder("metal,period,basis,value,uom\n");
    StringBuilder f = new StringBuilder("segment,period,item,value,uom\n");
    for (int y = firstYear; y <= spec.lastYear(); y++) {
      for (int m = 0; m < LOG_METALS.length; m++) {
        long c = priceCents(m, y);
        p.append(LOG_METALS[m]).append(",FY").append(y).append(m <= AG ? ",London Final," : ",LME Cash,")
            .append(m <= AG ? plain(BigDecimal.valueOf(c, 2)) + ",USD/oz" : c + ",cents/lb").append('\n');
      }
    }
    for (String segment : List.of("gold", "silver", "other")) {
      for (int y = 0; y < spec.years(); y++) {
        BigDecimal year = BigDecimal.ZERO;
        for (int qq = 0; qq <= 4; qq++) {
          int from = qq < 4 ? y * 4 + qq : y * 4;
          int to = qq < 4 ? from + 1 : y * 4 + 4;
          BigDecimal sales = BigDecimal.ZERO;
          for (int u = 0; u < units.size(); u++) {
            if (!units.get(u).segment().equals(segment)) {
              continue;
            }
            BigDecimal pct = new BigDecimal(units.get(u).ownershipPct());
            for (int m = 0; m < LOG_METALS.length; m++) {
              long milli = 0;
              for (int q = from; q < to; q++) {
                milli += producedMilli[u][q][m];
              }
              // precious: oz x USD/oz; base: short tons x 2000 lb x cents/lb / 100
              BigDecimal price = m <= AG ? BigDecimal.valueOf(priceCents(m, firstYear + y), 2)
                  : BigDecimal.valueOf(priceCents(m, firstYear + y) * 2000, 2);
              sales = sales.add(ofShare(BigDecimal.valueOf(milli, 3), pct).multiply(price));
            }
          }
          String period = qq < 4 ? "Q" + (qq + 1) + " " + (firstYear + y) : "FY" + (firstYear + y);
          // each quarter in whole dollars (rounded down); the year is the sum of its quarters, as a
          // year's figure given beside its quarters must be
          BigDecimal dollars = qq < 4 ? sales.setScale(0, java.math.RoundingMode.DOWN) : year;
          year = year.add(qq < 4 ? dollars : BigDecimal.ZERO);
          f.append(segment).append(',').append(period).append(",sales,").append(dollars.toPlainString()).append(",USD\n");
        }
      }
    }
    write(dir.resolve("prices.csv"), p.toString());
    write(dir.resolve("segment_figures.csv"), f.toString());
  }

  private void writeChart(Path dir) throws IOException {
    StringBuilder s = new StringBuilder("account,category,name\n");
    for (Category c : CATEGORIES) {
      for (String[] a : c.accounts()) {
        s.append(a[0]).append(',').append(c.code()).append(',').append(a[1]).append('\n');
      }
    }
    write(dir.resolve(LedgerInput.CHART), s.toString());
  }

  private void writeYears(Path dir) throws IOException {
    StringBuilder s = new StringBuilder("year\n");
    for (int y = firstYear; y <= spec.lastYear(); y++) {
      s.append(y).append('\n');
    }
    write(dir.resolve(LedgerInput.YEARS), s.toString());
  }

  private int quarterIndex(LocalDate d) {
    return (d.getYear() - firstYear) * 4 + (d.getMonthValue() - 1) / 3;
  }

  // ---------------------------------------------------------------- production log

  private void writeLog(Path file) throws IOException {
    try (Out out = new Out(file)) {
      out.ascii(LOG_HEADER).nl();
      long[] grade = new long[LOG_METALS.length];
      for (LocalDate d : days) {
        byte[] date = d.toString().getBytes(StandardCharsets.US_ASCII);
        int q = quarterIndex(d);
        for (int u = 0; u < units.size(); u++) {
          Unit unit = units.get(u);
          boolean milled = false;
          for (int shift = 0; shift < 3; shift++) {
            boolean down = random.nextInt(100) < 3;
            long tons = down ? 0 : unit.tonsPerDay() * (2_700L + random.nextInt(800)) / 90; // hundredths of a ton
            out.bytes(date).ascii(',').ascii((char) ('A' + shift)).ascii(',').ascii(unit.id()).ascii(',').fixed(tons, 2);
            tonsCenti[u][q] += tons;
            milled |= tons > 0;
            for (int m = 0; m < LOG_METALS.length; m++) {
              out.ascii(',');
              if (unit.has(m) && !down) {
                grade[m] = unit.baseGrade()[m] * (80 + random.nextInt(41)) / 100;
                out.fixed(grade[m], GRADE_DECIMALS[m]);
                gradeTonsCenti[u][q][m] += tons;
                gradeProduct[u][q][m] = Math.addExact(gradeProduct[u][q][m], tons * grade[m]);
              }
            }
            for (int m = 0; m < LOG_METALS.length; m++) {
              out.ascii(',');
              if (unit.has(m)) {
                long milli = 0;
                if (!down) {
                  int recovery = 85 + random.nextInt(10); // percent
                  // precious: tons x oz/ton; base: tons x % / 100; in thousandths
                  long raw = tons * grade[m] * recovery; // hundredths of ton x grade units x percent
                  long scale = m == AU ? 100L * 1000 * 100 : m == AG ? 100L * 100 * 100 : 100L * 100 * 100 * 100;
                  milli = raw * 1000 / scale;
                }
                out.fixed(milli, 3);
                producedMilli[u][q][m] += milli;
              }
            }
            out.nl();
          }
          if (milled) {
            daysMilled[u][q]++;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- ledger

  private void writeLedger(Path file) throws IOException {
    int nc = CATEGORIES.size();
    int quarters = spec.years() * 4;
    // unit weights: tons per day; category weights per unit (no by-product revenue without by-products)
    long[] unitCum = new long[units.size()];
    long totalTons = 0;
    for (int u = 0; u < units.size(); u++) {
      totalTons += units.get(u).tonsPerDay();
      unitCum[u] = totalTons;
    }
    int[][] catCum = new int[units.size()][nc];
    long[][] meanCents = new long[units.size()][nc];
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      int sum = 0;
      for (int c = 0; c < nc; c++) {
        sum += unit.centsPerTon()[c] == 0 ? 0 : CATEGORIES.get(c).perMille();
        catCum[u][c] = sum;
      }
      for (int c = 0; c < nc; c++) {
        int w = unit.centsPerTon()[c] == 0 ? 0 : CATEGORIES.get(c).perMille();
        // lines expected in one quarter of this unit and category, and the cost of that quarter
        long lines = spec.ledgerLines() * unit.tonsPerDay() / totalTons * w / sum / quarters;
        long quarterCents = unit.centsPerTon()[c] * unit.tonsPerDay() * 91;
        meanCents[u][c] = quarterCents / Math.max(1, lines);
      }
    }
    byte[][] unitBytes = new byte[units.size()][];
    for (int u = 0; u < units.size(); u++) {
      unitBytes[u] = units.get(u).id().getBytes(StandardCharsets.US_ASCII);
    }
    long written = 0;
    long total = spec.ledgerLines();
    try (Out out = new Out(file)) {
      out.ascii("date,unit,account,amount,journal").nl();
      for (int d = 0; d < days.size() && written < total; d++) {
        LocalDate date = days.get(d);
        byte[] dateBytes = date.toString().getBytes(StandardCharsets.US_ASCII);
        String journalDay = String.format("%02d%02d%02d-", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
        int q = quarterIndex(date);
        long until = d == days.size() - 1 ? total : total * (d + 1) / days.size();
        int seq = 0;
        while (written < until) {
          int u = pick(unitCum, random.nextLong(totalTons));
          int c = pick(catCum[u], random.nextInt(catCum[u][nc - 1]));
          Category cat = CATEGORIES.get(c);
          String account = cat.accounts()[random.nextInt(cat.accounts().length)][0];
          long amount = Math.max(1, meanCents[u][c] * (10 + random.nextInt(181)) / 100);
          int kind = random.nextInt(100);
          if (cat.code().equals("inventory_change") ? random.nextBoolean() : cat.credit()) {
            amount = -amount;
          }
          if (kind < 2) {
            amount = -amount / (2 + random.nextInt(8)); // a credit note or other negative adjustment
          }
          seq++;
          String journal = "JE" + journalDay + seq;
          line(out, dateBytes, unitBytes[u], account, amount, journal);
          cents[u][q][c] = Math.addExact(cents[u][q][c], amount);
          written++;
          if (kind == 99 && written < total) {
            // a reversal of the same journal, posted up to three weeks later (possibly next quarter)
            int later = Math.min(days.size() - 1, d + 1 + random.nextInt(21));
            LocalDate rd = days.get(later);
            line(out, rd.toString().getBytes(StandardCharsets.US_ASCII), unitBytes[u], account, -amount, "RV-" + journal);
            cents[u][quarterIndex(rd)][c] = Math.addExact(cents[u][quarterIndex(rd)][c], -amount);
            written++;
          }
        }
      }
    }
  }

  private static void line(Out out, byte[] date, byte[] unit, String account, long cents, String journal) throws IOException {
    // as ledger extracts often print them: no trailing zeros after the point (12.5, 12)
    int decimals = cents % 100 == 0 ? 0 : cents % 10 == 0 ? 1 : 2;
    long scaled = decimals == 0 ? cents / 100 : decimals == 1 ? cents / 10 : cents;
    out.bytes(date).ascii(',').bytes(unit).ascii(',').ascii(account).ascii(',').fixed(scaled, decimals).ascii(',')
        .ascii(journal).nl();
  }

  private static int pick(long[] cumulative, long r) {
    int i = 0;
    while (cumulative[i] <= r) {
      i++;
    }
    return i;
  }

  private static int pick(int[] cumulative, int r) {
    int i = 0;
    while (cumulative[i] <= r) {
      i++;
    }
    return i;
  }

  // ---------------------------------------------------------------- expected totals

  private void writeExpected(Path dir) throws IOException {
    StringBuilder prod = new StringBuilder("unit,period,item,metal,value,uom\n");
    StringBuilder cost = new StringBuilder("unit,period,item,value,uom\n");
    // the engine's Metal order is AU AG CU PB ZN for these five
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      BigDecimal pct = new BigDecimal(unit.ownershipPct());
      final int u2 = u;
      for (int y = 0; y < spec.years(); y++) {
        final int y2 = y;
        for (int qq = 0; qq <= 4; qq++) {
          int from = qq < 4 ? y * 4 + qq : y * 4;
          int to = qq < 4 ? from + 1 : y * 4 + 4;
          String period = qq < 4 ? "Q" + (qq + 1) + " " + (firstYear + y) : "FY" + (firstYear + y);
          long tons = 0;
          int daysRun = 0;
          long[] gTons = new long[LOG_METALS.length];
          long[] gProd = new long[LOG_METALS.length];
          long[] produced = new long[LOG_METALS.length];
          for (int q = from; q < to; q++) {
            tons += tonsCenti[u][q];
            daysRun += daysMilled[u][q];
            for (int m = 0; m < LOG_METALS.length; m++) {
              gTons[m] += gradeTonsCenti[u][q][m];
              gProd[m] = Math.addExact(gProd[m], gradeProduct[u][q][m]);
              produced[m] += producedMilli[u][q][m];
            }
          }
          String head = unit.id() + "," + period + ",";
          prod.append(head).append("ore_milled,,").append(plain(ofShare(BigDecimal.valueOf(tons, 2), pct))).append(",st\n");
          prod.append(head).append("days,,").append(daysRun).append(",days\n");
          // a year with all its quarters gets its grade from theirs (the catalogue's period relation)
          boolean quarters = qq == 4 && java.util.stream.IntStream.range(y2 * 4, y2 * 4 + 4).allMatch(q -> tonsCenti[u2][q] > 0);
          for (int m = 0; m < LOG_METALS.length; m++) {
            if (unit.has(m) && gTons[m] > 0 && !quarters) {
              BigDecimal grade = BigDecimal.valueOf(gProd[m], 2 + GRADE_DECIMALS[m])
                  .divide(BigDecimal.valueOf(gTons[m], 2), MathContext.DECIMAL128);
              prod.append(head).append("grade,").append(LOG_METALS[m]).append(',').append(plain(grade))
                  .append(m <= AG ? ",oz/ton\n" : ",%\n");
            }
          }
          for (int m = 0; m < LOG_METALS.length; m++) {
            if (unit.has(m)) {
              prod.append(head).append("produced,").append(LOG_METALS[m]).append(',')
                  .append(plain(ofShare(BigDecimal.valueOf(produced[m], 3), pct))).append(m <= AG ? ",oz\n" : ",st\n");
            }
          }
          for (int c = 0; c < CATEGORIES.size(); c++) {
            long sum = 0;
            for (int q = from; q < to; q++) {
              sum = Math.addExact(sum, cents[u][q][c]);
            }
            // the dataset carries by-product revenue as a positive credit: the ledger's credits negated
            BigDecimal v = ofShare(BigDecimal.valueOf(CATEGORIES.get(c).credit() ? -sum : sum, 2), pct);
            cost.append(head).append(CATEGORIES.get(c).code()).append(',').append(plain(v)).append(",USD\n");
          }
        }
      }
    }
    write(dir.resolve("production.csv"), prod.toString());
    write(dir.resolve("costs.csv"), cost.toString());
  }

  private static BigDecimal ofShare(BigDecimal whole, BigDecimal pct) {
    return whole.multiply(pct).divide(BigDecimal.valueOf(100));
  }

  private static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  private static void write(Path file, String text) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }

  /** A byte sink with number formatting that makes no String per value. */
  private static final class Out implements AutoCloseable {
    private final OutputStream out;
    private final byte[] digits = new byte[24];

    Out(Path file) throws IOException {
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }

    Out ascii(char c) throws IOException {
      out.write(c);
      return this;
    }

    Out ascii(String s) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        out.write(s.charAt(i));
      }
      return this;
    }

    Out bytes(byte[] b) throws IOException {
      out.write(b);
      return this;
    }

    Out nl() throws IOException {
      out.write('\n');
      return this;
    }

    /** {@code value / 10^decimals} written with exactly {@code decimals} decimals. */
    Out fixed(long value, int decimals) throws IOException {
      if (value < 0) {
        out.write('-');
        value = -value;
      }
      int n = 0;
      do {
        digits[n++] = (byte) ('0' + value % 10);
        value /= 10;
      } while (value > 0 || n <= decimals);
      for (int i = n - 1; i >= 0; i--) {
        out.write(digits[i]);
        if (i == decimals && decimals > 0) {
          out.write('.');
        }
      }
      return this;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
