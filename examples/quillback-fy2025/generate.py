#!/usr/bin/env python3
"""Write the CSV files of examples/quillback-fy2025, a made-up miner with a June fiscal year.

    python3 examples/quillback-fy2025/generate.py

Quillback Mining Corp. is invented (no relation to any real issuer). Its figures are assumptions
chosen here, quarter by quarter, for fiscal 2024 (July 2023 - June 2024) and fiscal 2025 (July 2024
- June 2025): two mines, statements of operations and cash flows per quarter, a balance sheet at
every quarter end and at the end of fiscal 2023. Only quarters are given for flows: Orebook builds
the six months, nine months and years from them. Balance sheets are built so that they balance and
so that each quarter's cash flow statement ends at the next balance sheet's cash (the checks the
release must pass): retained earnings move by net income, properties by additions less
depreciation, debt by repayments, and cash by the three activities.

Standard library only; integers only (dollars, ounces, hundredths of a ton); no randomness: each
figure is a base times a small quarterly pattern, written out below.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = [2024, 2025]
QUARTERS = [(y, q) for y in YEARS for q in (1, 2, 3, 4)]


def code(y, q):
    return "Q%d FY%d" % (q, y)


# quarterly pattern (x1000): winter quarters (Q3: Jan-Mar) are slower at the northern mines
PATTERN = {1: 1000, 2: 980, 3: 930, 4: 1020}
GROWTH = {2024: 1000, 2025: 1040}


def scaled(base, y, q, extra=1000):
    return base * PATTERN[q] * GROWTH[y] * extra // 1000 // 1000 // 1000


# metal prices per quarter (USD/oz), made up
GOLD = {(2024, 1): 1930, (2024, 2): 1975, (2024, 3): 2070, (2024, 4): 2340,
        (2025, 1): 2475, (2025, 2): 2660, (2025, 3): 2860, (2025, 4): 3280}
SILVER = {(2024, 1): 2350, (2024, 2): 2320, (2024, 3): 2340, (2024, 4): 2880,      # cents/oz
          (2025, 1): 2940, (2025, 2): 3130, (2025, 3): 3190, (2025, 4): 3360}

# units: id, primary metal, by-products
#   ptarmigan: open-pit gold mine, 100%, silver by-product
#   silvertip: underground silver mine, 70% share, gold and lead by-products
production = []   # unit, period, item, metal, value, uom
costs = []        # unit, period, item, value, uom
segment = []      # segment, period, item, value, uom
unit_cos = {}     # (unit, y, q) -> cost of sales
unit_dda = {}
unit_capex = {}
sales = {}        # (segment, y, q) -> sales

for (y, q) in QUARTERS:
    p = code(y, q)
    days = {1: 92, 2: 92, 3: 90 if y != 2024 else 91, 4: 91}[q]
    # Ptarmigan: ore in short tons, gold 0.030-0.033 oz/ton, 88% recovery
    ore = scaled(1_250_000, y, q)
    grade_thou = {1: 32, 2: 31, 3: 30, 4: 33}[q]        # thousandths of an oz/ton
    au = ore * grade_thou * 88 // 100 // 1000
    ag = au * 3 // 2
    production += [("ptarmigan", p, "ore_milled", "", ore, "st"), ("ptarmigan", p, "days", "", days, "days"),
                   ("ptarmigan", p, "grade", "AU", "0.%03d" % grade_thou, "oz/ton"),
                   ("ptarmigan", p, "produced", "AU", au, "oz"), ("ptarmigan", p, "produced", "AG", ag, "oz")]
    c = {"mining": ore * 9, "milling": ore * 7, "site_other": scaled(3_100_000, y, q),
         "treatment_freight": au * 6, "byproduct_credits": ag * SILVER[(y, q)] // 100,
         "royalties": au * GOLD[(y, q)] * 2 // 100, "production_taxes": scaled(900_000, y, q),
         "inventory_change": {1: -350_000, 2: 420_000, 3: 610_000, 4: -280_000}[q],
         "reclamation_other": 240_000, "dda": ore * 5, "capital_additions": scaled(6_400_000, y, q)}
    for item, v in c.items():
        costs.append(("ptarmigan", p, item, v, "USD"))
    unit_cos[("ptarmigan", y, q)] = (c["mining"] + c["milling"] + c["site_other"] + c["royalties"]
                                     + c["production_taxes"] + c["inventory_change"] + c["reclamation_other"])
    unit_dda[("ptarmigan", y, q)] = c["dda"]
    unit_capex[("ptarmigan", y, q)] = c["capital_additions"]
    sales[("gold", y, q)] = au * GOLD[(y, q)]

    # Silvertip (70% share): ore in short tons, silver 11-12 oz/ton, 90% recovery, lead 4%
    ore = scaled(98_000, y, q)
    ag_hund = {1: 1180, 2: 1150, 3: 1120, 4: 1210}[q]   # hundredths of an oz/ton
    ag = ore * ag_hund * 90 // 100 // 100
    au = ore * 6 // 1000
    pb = ore * 4 * 92 // 100 // 100
    production += [("silvertip", p, "ore_milled", "", ore, "st"), ("silvertip", p, "days", "", days, "days"),
                   ("silvertip", p, "grade", "AG", "%d.%02d" % divmod(ag_hund, 100), "oz/ton"),
                   ("silvertip", p, "grade", "PB", "4.00", "%"),
                   ("silvertip", p, "produced", "AG", ag, "oz"), ("silvertip", p, "produced", "AU", au, "oz"),
                   ("silvertip", p, "produced", "PB", pb, "st")]
    c = {"mining": ore * 95, "milling": ore * 34, "site_other": scaled(1_450_000, y, q),
         "treatment_freight": ore * 21, "byproduct_credits": au * GOLD[(y, q)] + pb * 1_900,
         "royalties": 0, "production_taxes": scaled(310_000, y, q),
         "inventory_change": {1: 120_000, 2: -95_000, 3: 60_000, 4: -40_000}[q],
         "reclamation_other": 85_000, "dda": ore * 31, "capital_additions": scaled(2_900_000, y, q)}
    for item, v in c.items():
        costs.append(("silvertip", p, item, v, "USD"))
    unit_cos[("silvertip", y, q)] = (c["mining"] + c["milling"] + c["site_other"] + c["royalties"]
                                     + c["production_taxes"] + c["inventory_change"] + c["reclamation_other"])
    unit_dda[("silvertip", y, q)] = c["dda"]
    unit_capex[("silvertip", y, q)] = c["capital_additions"]
    sales[("silver", y, q)] = ag * SILVER[(y, q)] // 100

for (y, q) in QUARTERS:
    for s in ("gold", "silver"):
        segment.append((s, code(y, q), "sales", sales[(s, y, q)], "USD"))

# ---------------------------------------------------------------- statements
values = []   # statement, line, period, value, uom
BS = ["cash", "receivables", "inventories", "ppe", "other_assets", "payables", "accrued", "ltd", "reclamation",
      "common", "retained"]
balance = {"cash": 84_600_000, "receivables": 11_200_000, "inventories": 23_900_000, "ppe": 412_000_000,
           "other_assets": 6_100_000, "payables": 21_400_000, "accrued": 8_300_000, "ltd": 60_000_000,
           "reclamation": 31_700_000, "common": 298_000_000}
balance["retained"] = (balance["cash"] + balance["receivables"] + balance["inventories"] + balance["ppe"]
                       + balance["other_assets"] - balance["payables"] - balance["accrued"] - balance["ltd"]
                       - balance["reclamation"] - balance["common"])


def write_balance(period, b):
    for k in BS:
        values.append(("balance_sheet", k, period, b[k], "USD"))


write_balance("FY2023", balance)
SHARES = {2024: [151_200_000, 151_400_000, 151_500_000, 151_900_000],
          2025: [152_300_000, 152_600_000, 153_000_000, 153_400_000]}
for (y, q) in QUARTERS:
    p = code(y, q)
    company_sales = sales[("gold", y, q)] + sales[("silver", y, q)]
    cos = unit_cos[("ptarmigan", y, q)] + unit_cos[("silvertip", y, q)]
    dda = unit_dda[("ptarmigan", y, q)] + unit_dda[("silvertip", y, q)]
    ga = scaled(4_800_000, y, q)
    exploration = {1: 2_100_000, 2: 2_600_000, 3: 1_400_000, 4: 3_300_000}[q]
    interest = -(balance["ltd"] * 6 // 100 // 4)
    pretax = company_sales - cos - dda - ga - exploration + interest
    tax = -(max(pretax, 0) * 27 // 100)
    ni = pretax + tax
    values += [("operations", "ga", p, ga, "USD"), ("operations", "exploration", p, exploration, "USD"),
               ("operations", "interest", p, interest, "USD"), ("operations", "tax", p, tax, "USD"),
               ("operations", "shares", p, SHARES[y][q - 1], "shares")]
    capex = unit_capex[("ptarmigan", y, q)] + unit_capex[("silvertip", y, q)]
    repay = 5_000_000 if q in (2, 4) else 0
    new = dict(balance)
    new["receivables"] = balance["receivables"] + {1: 900_000, 2: -400_000, 3: 1_300_000, 4: -600_000}[q]
    new["inventories"] = balance["inventories"] + {1: 700_000, 2: -1_100_000, 3: 500_000, 4: 300_000}[q]
    new["payables"] = balance["payables"] + {1: -800_000, 2: 1_200_000, 3: -300_000, 4: 700_000}[q]
    new["accrued"] = balance["accrued"] + {1: 200_000, 2: -150_000, 3: 400_000, 4: -250_000}[q]
    new["ppe"] = balance["ppe"] + capex - dda
    new["ltd"] = balance["ltd"] - repay
    new["retained"] = balance["retained"] + ni
    d_ar = -(new["receivables"] - balance["receivables"])
    d_inv = -(new["inventories"] - balance["inventories"])
    d_ap = (new["payables"] - balance["payables"]) + (new["accrued"] - balance["accrued"])
    operating = ni + dda + d_ar + d_inv + d_ap
    new["cash"] = balance["cash"] + operating - capex - repay
    values += [("cash_flows", "receivables", p, d_ar, "USD"), ("cash_flows", "inventories", p, d_inv, "USD"),
               ("cash_flows", "payables", p, d_ap, "USD"), ("cash_flows", "additions", p, -capex, "USD"),
               ("cash_flows", "repayments", p, -repay, "USD")]
    balance = new
    write_balance("FY%d" % y if q == 4 else p, balance)

# weighted average shares of the six and nine months and the year (not sums: averages over the days)
for y in YEARS:
    s = SHARES[y]
    values += [("operations", "shares", "6M FY%d" % y, (s[0] + s[1]) // 2, "shares"),
               ("operations", "shares", "9M FY%d" % y, (s[0] + s[1] + s[2]) // 3, "shares"),
               ("operations", "shares", "FY%d" % y, sum(s) // 4, "shares")]

# average metal prices of each quarter and of each year to date (a simple mean of the quarters)
prices = []


def dollars(cents):
    return "%d.%02d" % divmod(cents, 100)


for metal, series, basis in (("AU", {k: v * 100 for k, v in GOLD.items()}, "London PM"), ("AG", SILVER, "LBMA")):
    for y in YEARS:
        for q in (1, 2, 3, 4):
            prices.append((metal, code(y, q), basis, dollars(series[(y, q)]), "USD/oz"))
        for n, period in ((2, "6M FY%d" % y), (3, "9M FY%d" % y), (4, "FY%d" % y)):
            total = sum(series[(y, q)] for q in range(1, n + 1))
            prices.append((metal, period, basis, dollars((2 * total + n) // (2 * n)), "USD/oz"))


def write(name, header, rows, comment=None):
    with open(os.path.join(HERE, name), "w", newline="\n") as f:
        f.write(header + "\n")
        if comment:
            f.write("# " + comment + "\n")
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")


NOTE = "Made-up figures (examples/quillback-fy2025/generate.py); fiscal years end June 30."
write("production.csv", "unit,period,item,metal,value,uom", production, NOTE)
write("costs.csv", "unit,period,item,value,uom", costs, NOTE)
write("segment_figures.csv", "segment,period,item,value,uom", segment, NOTE)
write("statement_values.csv", "statement,line,period,value,uom", values, NOTE)
write("prices.csv", "metal,period,basis,value,uom", prices, NOTE)
print("wrote production.csv costs.csv segment_figures.csv statement_values.csv prices.csv")
