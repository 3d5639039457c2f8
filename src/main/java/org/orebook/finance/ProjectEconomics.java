package org.orebook.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orebook.model.Metal;

/**
 * The economics of a development project from its schedule, year by year:
 *
 * <pre>
 * metal produced   = ore mined x grade x recovery
 * revenue          = metal produced x price
 * royalties        = revenue x royalty rate
 * cash costs       = metal produced x cash cost per unit
 * depreciation     = each year's capital straight-line over the depreciation years, starting the
 *                    year after it is spent; what is left is written off in the schedule's last year
 * taxable income   = revenue - royalties - cash costs - depreciation
 * income taxes     = taxable income x tax rate when positive, else 0 (no loss carried forward)
 * after-tax cash flow = revenue - royalties - cash costs - income taxes - capital
 * </pre>
 *
 * <p>Discounting is end of year with the schedule's first year undiscounted: the cash flow of year
 * index t (0 for the first year) is divided by (1 + r)^t, each factor carried to
 * {@link MathContext#DECIMAL128}. The IRR is found by bisection to {@link #IRR_TOLERANCE}.
 * Payback counts whole years before the year in which the cumulative cash flow turns
 * non-negative, plus the fraction of that year's cash flow needed (cash flows spread evenly
 * through a year). Life-of-mine cash cost per unit = cash costs / metal produced; all-in cost per
 * unit = (cash costs + royalties + capital) / metal produced. This class is immutable.
 */
public final class ProjectEconomics {
  public static final MathContext MC = MathContext.DECIMAL128;
  /** Width of the final bisection interval of an IRR (a fraction: 1e-10 = 0.00000001%). */
  public static final BigDecimal IRR_TOLERANCE = new BigDecimal("1E-10");
  /** The changes of the sensitivity table: -30% to +30% in steps of 10%. */
  public static final List<BigDecimal> CHANGES = List.of(new BigDecimal("-0.30"), new BigDecimal("-0.20"),
      new BigDecimal("-0.10"), new BigDecimal("0.10"), new BigDecimal("0.20"), new BigDecimal("0.30"));

  private ProjectEconomics() {}

  /**
   * One year of the schedule. Units follow the metal: ore in short tons, grade in oz/ton (or %),
   * cash cost and price per troy ounce (or per pound for base metals, see {@link Project#unitsPerGradeTon}).
   */
  public record Year(int year, BigDecimal capital, BigDecimal ore, BigDecimal grade, BigDecimal cashCost,
      BigDecimal price) {
    public Year {
      Objects.requireNonNull(capital, "capital");
      Objects.requireNonNull(ore, "ore");
      Objects.requireNonNull(grade, "grade");
      Objects.requireNonNull(cashCost, "cashCost");
      Objects.requireNonNull(price, "price");
    }
  }

  /**
   * A project: its terms and its schedule in consecutive years.
   *
   * @param recovery metallurgical recovery, a fraction
   * @param royaltyRate royalty on revenue, a fraction
   * @param taxRate income tax rate, a fraction
   * @param discountRates the rates NPV is reported at (fractions); the first is the base of the sensitivities
   */
  public record Project(String id, String name, Metal metal, BigDecimal recovery, BigDecimal royaltyRate,
      BigDecimal taxRate, int depreciationYears, List<BigDecimal> discountRates, List<Year> years) {
    public Project {
      years = List.copyOf(years);
      discountRates = List.copyOf(discountRates);
      if (years.isEmpty()) {
        throw new IllegalArgumentException("project " + id + " has no schedule");
      }
      if (depreciationYears < 1) {
        throw new IllegalArgumentException("depreciation years must be at least 1");
      }
      for (int i = 1; i < years.size(); i++) {
        if (years.get(i).year() != years.get(0).year() + i) {
          throw new IllegalArgumentException("project " + id + " schedule years are not consecutive");
        }
      }
    }

    /** Metal per unit of grade per ton: 1 for oz/ton, 20 lb per short ton for a grade in %. */
    public BigDecimal unitsPerGradeTon() {
      return metal.precious() ? BigDecimal.ONE : BigDecimal.valueOf(20);
    }
  }

  /** One year's results. */
  public record YearResult(int year, BigDecimal produced, BigDecimal revenue, BigDecimal royalties,
      BigDecimal cashCosts, BigDecimal depreciation, BigDecimal taxableIncome, BigDecimal taxes, BigDecimal capital,
      BigDecimal cashFlow, BigDecimal cumulative) {}

  /** The project's results. */
  public record Result(List<YearResult> years, List<BigDecimal> npvs, Optional<BigDecimal> irr,
      Optional<BigDecimal> payback, BigDecimal produced, BigDecimal cashCostPerUnit, BigDecimal allInCostPerUnit) {
    public List<BigDecimal> cashFlows() {
      return years.stream().map(YearResult::cashFlow).toList();
    }

    /** Sum of one column over the years. */
    public BigDecimal total(java.util.function.Function<YearResult, BigDecimal> column) {
      return years.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** The drivers of the sensitivity table. */
  public enum Driver {
    PRICE("Metal price"), GRADE("Grade"), CAPITAL("Capital"), CASH_COST("Cash cost");

    private final String label;

    Driver(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A row of the sensitivity table: NPV at the base rate with the driver changed by each of {@link #CHANGES}. */
  public record Sensitivity(Driver driver, List<BigDecimal> changes, List<BigDecimal> npvs) {
    /** NPV at the largest decrease of the driver (one end of its tornado bar). */
    public BigDecimal atLowest() {
      return npvs.get(0);
    }

    /** NPV at the largest increase of the driver (the other end of its tornado bar). */
    public BigDecimal atHighest() {
      return npvs.get(npvs.size() - 1);
    }
  }

  public static Result evaluate(Project p) {
    List<Year> ys = p.years();
    int n = ys.size();
    BigDecimal[] depreciation = new BigDecimal[n];
    java.util.Arrays.fill(depreciation, BigDecimal.ZERO);
    for (int i = 0; i < n; i++) {
      BigDecimal capital = ys.get(i).capital();
      if (capital.signum() == 0) {
        continue;
      }
      BigDecimal annual = capital.divide(BigDecimal.valueOf(p.depreciationYears()), MC);
      BigDecimal left = capital;
      for (int k = 1; k <= p.depreciationYears() && i + k < n; k++) {
        BigDecimal d = k == p.depreciationYears() ? left : annual;
        depreciation[i + k] = depreciation[i + k].add(d);
        left = left.subtract(d);
      }
      depreciation[n - 1] = depreciation[n - 1].add(left);
    }
    List<YearResult> out = new ArrayList<>();
    BigDecimal cumulative = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      Year y = ys.get(i);
      BigDecimal produced = y.ore().multiply(y.grade()).multiply(p.unitsPerGradeTon()).multiply(p.recovery());
      BigDecimal revenue = produced.multiply(y.price());
      BigDecimal royalties = revenue.multiply(p.royaltyRate());
      BigDecimal cash = produced.multiply(y.cashCost());
      BigDecimal taxable = revenue.subtract(royalties).subtract(cash).subtract(depreciation[i]);
      BigDecimal taxes = taxable.signum() > 0 ? taxable.multiply(p.taxRate()) : BigDecimal.ZERO;
      BigDecimal flow = revenue.subtract(royalties).subtract(cash).subtract(taxes).subtract(y.capital());
      cumulative = cumulative.add(flow);
      out.add(new YearResult(y.year(), produced, revenue, royalties, cash, depreciation[i], taxable, taxes, y.capital(),
          flow, cumulative));
    }
    List<BigDecimal> flows = out.stream().map(YearResult::cashFlow).toList();
    BigDecimal produced = out.stream().map(YearResult::produced).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal cash = out.stream().map(YearResult::cashCosts).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal royalties = out.stream().map(YearResult::royalties).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal capital = out.stream().map(YearResult::capital).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal cashPerUnit = produced.signum() == 0 ? BigDecimal.ZERO : cash.divide(produced, MC);
    BigDecimal allIn = produced.signum() == 0 ? BigDecimal.ZERO : cash.add(royalties).add(capital).divide(produced, MC);
    return new Result(out, p.discountRates().stream().map(r -> npv(flows, r)).toList(), irr(flows), payback(flows),
        produced, cashPerUnit, allIn);
  }

  /** Net present value: {@code sum of flow[t] / (1 + rate)^t}, t = 0 for the first flow. */
  public static BigDecimal npv(List<BigDecimal> flows, BigDecimal rate) {
    BigDecimal growth = BigDecimal.ONE.add(rate);
    if (growth.signum() <= 0) {
      throw new IllegalArgumentException("rate must be above -100%");
    }
    BigDecimal factor = BigDecimal.ONE;
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal f : flows) {
      total = total.add(f.multiply(factor, MC), MC);
      factor = factor.divide(growth, MC);
    }
    return total;
  }

  /**
   * The internal rate of return: the rate at which the NPV is zero, by bisection between -99% and
   * 1,000% until the bracket is narrower than {@link #IRR_TOLERANCE}. Empty when the NPV has the
   * same sign at both ends (no sign change: no IRR in that range).
   */
  public static Optional<BigDecimal> irr(List<BigDecimal> flows) {
    BigDecimal lo = new BigDecimal("-0.99");
    BigDecimal hi = BigDecimal.TEN;
    int loSign = npv(flows, lo).signum();
    int hiSign = npv(flows, hi).signum();
    if (loSign == 0) {
      return Optional.of(lo);
    }
    if (hiSign == 0) {
      return Optional.of(hi);
    }
    if (loSign == hiSign) {
      return Optional.empty();
    }
    BigDecimal two = BigDecimal.valueOf(2);
    while (hi.subtract(lo).compareTo(IRR_TOLERANCE) > 0) {
      BigDecimal mid = lo.add(hi).divide(two, MC);
      int s = npv(flows, mid).signum();
      if (s == 0) {
        return Optional.of(mid);
      }
      if (s == loSign) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Optional.of(lo.add(hi).divide(two, MC));
  }

  /**
   * Payback in years from the start of the schedule: empty when the cumulative cash flow never
   * turns non-negative after having been negative (or is never negative: then 0).
   */
  public static Optional<BigDecimal> payback(List<BigDecimal> flows) {
    BigDecimal cumulative = BigDecimal.ZERO;
    boolean negative = false;
    for (int t = 0; t < flows.size(); t++) {
      BigDecimal before = cumulative;
      cumulative = cumulative.add(flows.get(t));
      if (cumulative.signum() < 0) {
        negative = true;
        continue;
      }
      if (!negative) {
        continue;
      }
      return Optional.of(BigDecimal.valueOf(t).add(before.negate().divide(flows.get(t), MC)));
    }
    return negative ? Optional.empty() : Optional.of(BigDecimal.ZERO);
  }

  /** The project with one driver scaled by {@code 1 + change} in every year. */
  public static Project flex(Project p, Driver d, BigDecimal change) {
    BigDecimal f = BigDecimal.ONE.add(change);
    List<Year> ys = p.years().stream().map(y -> switch (d) {
      case PRICE -> new Year(y.year(), y.capital(), y.ore(), y.grade(), y.cashCost(), y.price().multiply(f));
      case GRADE -> new Year(y.year(), y.capital(), y.ore(), y.grade().multiply(f), y.cashCost(), y.price());
      case CAPITAL -> new Year(y.year(), y.capital().multiply(f), y.ore(), y.grade(), y.cashCost(), y.price());
      case CASH_COST -> new Year(y.year(), y.capital(), y.ore(), y.grade(), y.cashCost().multiply(f), y.price());
    }).toList();
    return new Project(p.id(), p.name(), p.metal(), p.recovery(), p.royaltyRate(), p.taxRate(), p.depreciationYears(),
        p.discountRates(), ys);
  }

  /** NPV at {@code rate} for each driver changed by each of {@code changes}: the data of a tornado chart. */
  public static List<Sensitivity> sensitivity(Project p, BigDecimal rate, List<BigDecimal> changes) {
    List<Sensitivity> rows = new ArrayList<>();
    for (Driver d : Driver.values()) {
      List<BigDecimal> npvs = changes.stream().map(c -> npv(evaluate(flex(p, d, c)).cashFlows(), rate)).toList();
      rows.add(new Sensitivity(d, changes, npvs));
    }
    return rows;
  }
}
