#!/usr/bin/env python3
"""Write the derived CSV files of examples/kittiwake-2025 and print its hand-worked figures.

    python3 examples/kittiwake-2025/generate.py            # writes the files, prints the figures
    python3 examples/kittiwake-2025/generate.py --figures  # prints the figures only

Kittiwake Metals Inc. is invented (no relation to any real issuer): a copper-zinc-silver miner
reporting in metric, fiscal years 2024 and 2025 (December year end). Every input below is an
assumption written out by hand; this script only derives what must tie with them:

- each by-product credit (costs.csv) = the revenue of the unit's by-product metals (production.csv);
- base-metal revenue = tonnes sold x 2,204.62... lb/t x the realised price, to the nearest $1,000;
- each unit's capital additions (costs.csv) = its aisc.csv items drawn from the cash flow line;
- segment sales = the units' metal revenue less their treatment, refining and freight charges
  (concentrate sales are recorded net of them: the GAAP cost of sales leaves them out);
- the statements: cost of sales and DD&A from the units, G&A, exploration and additions from the
  aisc.csv items plus the excluded parts, taxes at 30%, and balance sheets built from an (unwritten)
  Dec. 31, 2023 balance sheet so that they balance and the cash flows end at the balance sheet's cash;
- the 2025 reserve movements that must tie (closing = opening - depleted + added + revised).

The hand-worked figures (C1, total cash cost, AISC per pound) are computed with exact fractions
(Fraction) and printed with Decimal to the cent; README.md quotes them. Standard library only.
"""

import os
import sys
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = (2024, 2025)
LB_PER_T = Fraction(1000) / Fraction("0.45359237")   # 2,204.62262184878... lb per tonne, exact

# ---------------------------------------------------------------------------------------- inputs
# Realised prices (USD per oz or per lb); the market averages of prices.csv are beside them.
REALISED = {
    2025: {"CU": Fraction("4.32"), "ZN": Fraction("1.26"), "PB": Fraction("0.89"), "AU": Fraction(3010),
           "AG": Fraction("30.20")},
    2024: {"CU": Fraction("4.18"), "ZN": Fraction("1.24"), "PB": Fraction("0.93"), "AU": Fraction(2400),
           "AG": Fraction("28.40")},
}
BASE = ("CU", "ZN", "PB")

# Per unit and year: production (ore and base metals in tonnes, precious metals in oz, grades in % and
# g/t), the payable basis of the primary metal, metal sold, and the cost lines other than the
# by-product credits (derived). Gannet's figures are Kittiwake's 60% share.
UNITS = {
    "skua": {
        "primary": "CU", "byproducts": ("AU", "AG"),
        2025: {"ore": 32_000_000, "days": 365, "grade": {"CU": "0.52", "AU": "0.06", "AG": "1.9"},
               "produced": {"CU": 146_400, "AU": 37_500, "AG": 1_220_000},
               "payable": ("t", 140_900),
               "sold": {"CU": 139_800, "AU": 37_000, "AG": 1_200_000},
               "costs": {"mining": 368_000_000, "milling": 272_000_000, "site_other": 95_000_000,
                         "treatment_freight": 96_500_000, "royalties": 13_250_000, "production_taxes": 6_400_000,
                         "inventory_change": -2_100_000, "reclamation_other": 4_800_000, "dda": 182_000_000}},
        2024: {"ore": 31_000_000, "days": 366, "grade": {"CU": "0.54", "AU": "0.065", "AG": "2.0"},
               "produced": {"CU": 147_300, "AU": 38_900, "AG": 1_250_000},
               "payable": ("t", 141_700),
               "sold": {"CU": 142_300, "AU": 39_200, "AG": 1_260_000},
               "costs": {"mining": 351_000_000, "milling": 260_000_000, "site_other": 91_000_000,
                         "treatment_freight": 101_200_000, "royalties": 12_900_000, "production_taxes": 6_100_000,
                         "inventory_change": 3_400_000, "reclamation_other": 4_500_000, "dda": 175_000_000}},
    },
    "fulmar": {
        "primary": "ZN", "byproducts": ("PB", "AG"),
        2025: {"ore": 1_800_000, "days": 358, "grade": {"ZN": "7.5", "PB": "2.4", "AG": "55"},
               "produced": {"ZN": 124_000, "PB": 36_500, "AG": 2_540_000},
               "payable": ("%", 85),
               "sold": {"ZN": 104_800, "PB": 36_000, "AG": 2_500_000},
               "costs": {"mining": 135_000_000, "milling": 50_400_000, "site_other": 38_000_000,
                         "treatment_freight": 104_000_000, "royalties": 4_200_000, "production_taxes": 2_900_000,
                         "inventory_change": 1_200_000, "reclamation_other": 2_600_000, "dda": 62_000_000}},
        2024: {"ore": 1_750_000, "days": 360, "grade": {"ZN": "7.7", "PB": "2.5", "AG": "57"},
               "produced": {"ZN": 123_600, "PB": 37_000, "AG": 2_560_000},
               "payable": ("%", 85),
               "sold": {"ZN": 105_500, "PB": 37_200, "AG": 2_580_000},
               "costs": {"mining": 128_500_000, "milling": 48_100_000, "site_other": 36_500_000,
                         "treatment_freight": 121_000_000, "royalties": 4_000_000, "production_taxes": 2_700_000,
                         "inventory_change": -900_000, "reclamation_other": 2_500_000, "dda": 59_000_000}},
    },
    "gannet": {
        "primary": "CU", "byproducts": ("AG",),
        2025: {"ore": 9_000_000, "days": 365, "grade": {"CU": "0.62", "AG": "4.5"},
               "produced": {"CU": 48_500, "AG": 910_000},
               "payable": None,
               "sold": {"CU": 48_000, "AG": 905_000},
               "costs": {"mining": 117_000_000, "milling": 85_500_000, "site_other": 30_000_000,
                         "treatment_freight": 52_000_000, "royalties": 9_200_000, "production_taxes": 4_100_000,
                         "inventory_change": -800_000, "reclamation_other": 1_400_000, "dda": 56_000_000}},
        2024: {"ore": 8_700_000, "days": 366, "grade": {"CU": "0.64", "AG": "4.7"},
               "produced": {"CU": 48_400, "AG": 890_000},
               "payable": None,
               "sold": {"CU": 48_900, "AG": 900_000},
               "costs": {"mining": 110_000_000, "milling": 81_000_000, "site_other": 28_800_000,
                         "treatment_freight": 55_500_000, "royalties": 8_600_000, "production_taxes": 3_900_000,
                         "inventory_change": 600_000, "reclamation_other": 1_300_000, "dda": 53_000_000}},
    },
}
COMMENTS = {
    "skua": "Skua (Chile): open-pit copper, gold and silver by-products; copper concentrate sold to smelters",
    "fulmar": "Fulmar (Canada): underground zinc, lead and silver by-products; zinc payable at 85% of the metal in concentrate",
    "gannet": "Gannet (Peru): Kittiwake's 60% share of a copper joint venture, silver by-product; no payable basis given",
}

# aisc.csv: (item, value, gaap_line) per unit and year; corporate rows (metal, item, value, gaap_line)
ADD = "-cash_flows:additions"
EXPL = "operations:exploration"
GA = "operations:ga"
AISC = {
    ("skua", 2025): [("community_current", 3_200_000, ""), ("site_share_based", 1_800_000, ""),
                     ("reclamation_accretion", 3_500_000, ""), ("sustaining_exploration", 4_000_000, EXPL),
                     ("sustaining_stripping_development", 48_000_000, ADD), ("sustaining_capital", 135_000_000, ADD),
                     ("sustaining_leases", 6_500_000, ""), ("nonsustaining_capital", 60_000_000, ADD)],
    ("skua", 2024): [("community_current", 3_000_000, ""), ("site_share_based", 1_700_000, ""),
                     ("reclamation_accretion", 3_300_000, ""), ("sustaining_exploration", 3_500_000, EXPL),
                     ("sustaining_stripping_development", 52_000_000, ADD), ("sustaining_capital", 128_000_000, ADD),
                     ("sustaining_leases", 6_200_000, ""), ("nonsustaining_capital", 35_000_000, ADD)],
    ("fulmar", 2025): [("site_share_based", 900_000, ""), ("reclamation_accretion", 1_600_000, ""),
                       ("sustaining_exploration", 5_500_000, EXPL),
                       ("sustaining_stripping_development", 22_000_000, ADD), ("sustaining_capital", 31_000_000, ADD),
                       ("sustaining_leases", 2_400_000, "")],
    ("fulmar", 2024): [("site_share_based", 850_000, ""), ("reclamation_accretion", 1_550_000, ""),
                       ("sustaining_exploration", 5_000_000, EXPL),
                       ("sustaining_stripping_development", 20_500_000, ADD), ("sustaining_capital", 29_000_000, ADD),
                       ("sustaining_leases", 2_300_000, "")],
    ("gannet", 2025): [("hedge_costs", -300_000, ""), ("community_current", 1_900_000, ""),
                       ("reclamation_accretion", 1_100_000, ""), ("sustaining_exploration", 1_500_000, EXPL),
                       ("sustaining_stripping_development", 14_000_000, ADD), ("sustaining_capital", 38_000_000, ADD),
                       ("sustaining_leases", 1_800_000, "")],
    ("gannet", 2024): [("hedge_costs", 200_000, ""), ("community_current", 1_800_000, ""),
                       ("reclamation_accretion", 1_050_000, ""), ("sustaining_exploration", 1_400_000, EXPL),
                       ("sustaining_stripping_development", 12_500_000, ADD), ("sustaining_capital", 35_000_000, ADD),
                       ("sustaining_leases", 1_700_000, "")],
}
CORPORATE = {
    2025: [("CU", "corporate_ga", 30_000_000, GA), ("ZN", "corporate_ga", 10_000_000, GA),
           ("CU", "community_other", 1_200_000, ""), ("CU", "nonsustaining_exploration", 18_000_000, EXPL),
           ("CU", "nonsustaining_capital", 12_000_000, ADD)],
    2024: [("CU", "corporate_ga", 28_000_000, GA), ("ZN", "corporate_ga", 9_500_000, GA),
           ("CU", "community_other", 1_000_000, ""), ("CU", "nonsustaining_exploration", 14_000_000, EXPL),
           ("CU", "nonsustaining_capital", 8_000_000, ADD)],
}
EXCLUDED = {2025: {GA: 0, EXPL: 9_000_000, ADD: 4_500_000}, 2024: {GA: 0, EXPL: 8_000_000, ADD: 3_800_000}}
SEGMENT_OF = {"skua": "copper", "gannet": "copper", "fulmar": "zinc"}

# statements: interest, working-capital movements, financing; the Dec. 31, 2023 balance sheet
INTEREST = {2024: -33_000_000, 2025: -28_000_000}
WORKING = {2024: {"receivables": 6_000_000, "inventories": -4_000_000, "other_assets": 2_500_000, "payables": 7_000_000},
           2025: {"receivables": 14_000_000, "inventories": 9_000_000, "other_assets": 3_000_000, "payables": 11_000_000}}
REPAY = {2024: 60_000_000, 2025: 90_000_000}
DIVIDENDS = {2024: 42_000_000, 2025: 63_000_000}
SHARES = {2024: 418_500_000, 2025: 420_200_000}
OPENING = {"cash": 310_000_000, "receivables": 152_000_000, "inventories": 214_000_000, "ppe": 3_960_000_000,
           "other_assets": 128_000_000, "payables": 176_000_000, "accrued": 64_000_000, "ltd": 620_000_000,
           "reclamation": 238_000_000, "common": 2_450_000_000}


# ------------------------------------------------------------------------------------- derived
def lb(tonnes):
    return Fraction(tonnes) * LB_PER_T


def revenue(unit, y, metal):
    qty = UNITS[unit][y]["sold"][metal]
    price = REALISED[y][metal]
    value = lb(qty) * price if metal in BASE else qty * price
    if metal in BASE:
        return int((value / 1000 + Fraction(1, 2)) // 1) * 1000      # nearest $1,000
    assert value.denominator == 1, (unit, y, metal)
    return int(value)


def credits(unit, y):
    return sum(revenue(unit, y, m) for m in UNITS[unit]["byproducts"])


def capital(unit, y):
    return sum(v for item, v, g in AISC[(unit, y)] if g == ADD)


def cost(unit, y, item):
    if item == "byproduct_credits":
        return credits(unit, y)
    if item == "capital_additions":
        return capital(unit, y)
    return UNITS[unit][y]["costs"][item]


def gaap_cos(unit, y):
    c = UNITS[unit][y]["costs"]
    return (c["mining"] + c["milling"] + c["site_other"] + c["royalties"] + c["production_taxes"]
            + c["inventory_change"] + c["reclamation_other"])


def sales(segment, y):
    return sum(sum(revenue(u, y, m) for m in UNITS[u][y]["sold"]) - UNITS[u][y]["costs"]["treatment_freight"]
               for u in UNITS if SEGMENT_OF[u] == segment)


def line_total(y, line):
    units = sum(v for (u, yy), rows in AISC.items() if yy == y for item, v, g in rows if g == line)
    corp = sum(v for m, item, v, g in CORPORATE[y] if g == line)
    return units + corp + EXCLUDED[y][line]


COST_ITEMS = ("mining", "milling", "site_other", "treatment_freight", "byproduct_credits", "royalties",
              "production_taxes", "inventory_change", "reclamation_other", "dda", "capital_additions")


def statements():
    values = []
    bs = dict(OPENING)
    bs["retained"] = (bs["cash"] + bs["receivables"] + bs["inventories"] + bs["ppe"] + bs["other_assets"]
                      - bs["payables"] - bs["accrued"] - bs["ltd"] - bs["reclamation"] - bs["common"])
    cash_begin = bs["cash"]
    figures = {}
    for y in YEARS:
        p = "FY%d" % y
        s = sales("copper", y) + sales("zinc", y)
        cos = sum(gaap_cos(u, y) for u in UNITS)
        dda = sum(UNITS[u][y]["costs"]["dda"] for u in UNITS)
        ga, expl = line_total(y, GA), line_total(y, EXPL)
        additions = line_total(y, ADD)
        pretax = s - cos - dda - ga - expl + INTEREST[y]
        tax = -(pretax * 30 // 100 // 1000 * 1000)
        ni = pretax + tax
        w = WORKING[y]
        operating = ni + dda - w["receivables"] - w["inventories"] - w["other_assets"] + w["payables"]
        net = operating - additions - REPAY[y] - DIVIDENDS[y]
        new = dict(bs)
        new["cash"] = bs["cash"] + net
        new["receivables"] += w["receivables"]
        new["inventories"] += w["inventories"]
        new["other_assets"] += w["other_assets"]
        new["payables"] += w["payables"] * 7 // 10
        new["accrued"] += w["payables"] - w["payables"] * 7 // 10
        new["ppe"] += additions - dda
        new["ltd"] -= REPAY[y]
        new["retained"] += ni - DIVIDENDS[y]
        assets = new["cash"] + new["receivables"] + new["inventories"] + new["ppe"] + new["other_assets"]
        le = (new["payables"] + new["accrued"] + new["ltd"] + new["reclamation"] + new["common"] + new["retained"])
        assert assets == le, (y, assets, le)
        values += [("operations", "ga", p, ga), ("operations", "exploration", p, expl),
                   ("operations", "interest", p, INTEREST[y]), ("operations", "tax", p, tax),
                   ("operations", "shares", p, SHARES[y])]
        values += [("balance_sheet", k, p, new[k]) for k in
                   ("cash", "receivables", "inventories", "ppe", "other_assets", "payables", "accrued", "ltd",
                    "reclamation", "common", "retained")]
        values += [("cash_flows", "receivables", p, -w["receivables"]), ("cash_flows", "inventories", p, -w["inventories"]),
                   ("cash_flows", "other_assets", p, -w["other_assets"]), ("cash_flows", "payables", p, w["payables"]),
                   ("cash_flows", "additions", p, -additions), ("cash_flows", "repayments", p, -REPAY[y]),
                   ("cash_flows", "dividends", p, -DIVIDENDS[y]), ("cash_flows", "cash_begin", p, cash_begin)]
        figures[y] = {"sales": s, "cos": cos, "dda": dda, "ga": ga, "exploration": expl, "pretax": pretax, "tax": tax,
                      "net_income": ni, "operating": operating, "additions": additions, "net_change": net,
                      "cash_end": new["cash"], "total_assets": assets, "eps": Fraction(ni, SHARES[y])}
        cash_begin = new["cash"]
        bs = new
    return values, figures


# ------------------------------------------------------------------------------------ reserves
# (property, year) -> category -> (tonnes, {metal: grade}); Gannet on a 100% basis (Kittiwake 60%)
RESERVES = {
    ("skua", 2024): {"proven": (620_000_000, {"CU": "0.50", "AU": "0.05", "AG": "1.8"}),
                     "probable": (480_000_000, {"CU": "0.44", "AU": "0.04", "AG": "1.6"})},
    ("skua", 2025): {"proven": (600_000_000, {"CU": "0.50", "AU": "0.05", "AG": "1.8"}),
                     "probable": (505_000_000, {"CU": "0.43", "AU": "0.04", "AG": "1.6"})},
    ("fulmar", 2024): {"proven": (6_500_000, {"ZN": "7.8", "PB": "2.5", "AG": "58"}),
                       "probable": (9_200_000, {"ZN": "7.1", "PB": "2.2", "AG": "52"})},
    ("fulmar", 2025): {"proven": (6_200_000, {"ZN": "7.7", "PB": "2.4", "AG": "57"}),
                       "probable": (9_600_000, {"ZN": "7.0", "PB": "2.2", "AG": "51"})},
    ("gannet", 2024): {"proven": (210_000_000, {"CU": "0.60", "AG": "4.6"}),
                       "probable": (340_000_000, {"CU": "0.55", "AG": "4.2"})},
    ("gannet", 2025): {"proven": (200_000_000, {"CU": "0.60", "AG": "4.6"}),
                       "probable": (345_000_000, {"CU": "0.55", "AG": "4.2"})},
}
# resources, exclusive of reserves (same basis as the property's reserves); Petrel is an exploration property
RESOURCES = {
    ("skua", 2025): {"measured": (180_000_000, {"CU": "0.38", "AU": "0.04", "AG": "1.5"}),
                     "indicated": (420_000_000, {"CU": "0.35", "AU": "0.03", "AG": "1.4"}),
                     "inferred": (650_000_000, {"CU": "0.31", "AU": "0.03", "AG": "1.2"})},
    ("skua", 2024): {"measured": (170_000_000, {"CU": "0.38", "AU": "0.04", "AG": "1.5"}),
                     "indicated": (430_000_000, {"CU": "0.35", "AU": "0.03", "AG": "1.4"}),
                     "inferred": (640_000_000, {"CU": "0.31", "AU": "0.03", "AG": "1.2"})},
    ("fulmar", 2025): {"measured": (1_400_000, {"ZN": "6.1", "PB": "1.9", "AG": "45"}),
                       "indicated": (3_800_000, {"ZN": "5.8", "PB": "1.7", "AG": "42"}),
                       "inferred": (6_500_000, {"ZN": "6.4", "PB": "1.8", "AG": "40"})},
    ("fulmar", 2024): {"measured": (1_500_000, {"ZN": "6.0", "PB": "1.9", "AG": "44"}),
                       "indicated": (3_600_000, {"ZN": "5.8", "PB": "1.7", "AG": "42"}),
                       "inferred": (6_800_000, {"ZN": "6.3", "PB": "1.8", "AG": "40"})},
    ("gannet", 2025): {"measured": (60_000_000, {"CU": "0.45", "AG": "3.8"}),
                       "indicated": (150_000_000, {"CU": "0.42", "AG": "3.5"}),
                       "inferred": (280_000_000, {"CU": "0.38", "AG": "3.0"})},
    ("gannet", 2024): {"measured": (55_000_000, {"CU": "0.45", "AG": "3.8"}),
                       "indicated": (160_000_000, {"CU": "0.42", "AG": "3.5"}),
                       "inferred": (290_000_000, {"CU": "0.38", "AG": "3.0"})},
    ("petrel", 2025): {"indicated": (400_000_000, {"CU": "0.41", "AU": "0.08"}),
                       "inferred": (900_000_000, {"CU": "0.36", "AU": "0.06"})},
    ("petrel", 2024): {"inferred": (1_100_000_000, {"CU": "0.35", "AU": "0.06"})},
}
# estimation parameters: (category, item, metal, value, uom) per property and year end
PARAMETERS = {
    "skua": {2025: [("reserves", "cut_off", "CU", "0.20", "%"), ("reserves", "recovery", "CU", "88", "%"),
                    ("reserves", "recovery", "AU", "60", "%"), ("reserves", "recovery", "AG", "63", "%"),
                    ("reserves", "price_assumption", "CU", "3.75", "USD/lb"),
                    ("reserves", "price_assumption", "AU", "1900", "USD/oz"),
                    ("reserves", "price_assumption", "AG", "24", "USD/oz"),
                    ("resources", "cut_off", "CU", "0.15", "%"), ("resources", "price_assumption", "CU", "4.25", "USD/lb"),
                    ("resources", "price_assumption", "AU", "2200", "USD/oz"),
                    ("resources", "price_assumption", "AG", "27", "USD/oz")],
             2024: [("reserves", "cut_off", "CU", "0.20", "%"), ("reserves", "recovery", "CU", "88", "%"),
                    ("reserves", "recovery", "AU", "60", "%"), ("reserves", "recovery", "AG", "63", "%"),
                    ("reserves", "price_assumption", "CU", "3.60", "USD/lb"),
                    ("reserves", "price_assumption", "AU", "1800", "USD/oz"),
                    ("reserves", "price_assumption", "AG", "23", "USD/oz"),
                    ("resources", "cut_off", "CU", "0.15", "%"), ("resources", "price_assumption", "CU", "4.00", "USD/lb"),
                    ("resources", "price_assumption", "AU", "2000", "USD/oz"),
                    ("resources", "price_assumption", "AG", "25", "USD/oz")]},
    # a net-smelter-return cut-off: dollars per tonne of ore, no metal
    "fulmar": {2025: [("reserves", "cut_off", "", "115", "USD/t"), ("reserves", "recovery", "ZN", "92", "%"),
                      ("reserves", "recovery", "PB", "85", "%"), ("reserves", "recovery", "AG", "80", "%"),
                      ("reserves", "price_assumption", "ZN", "1.15", "USD/lb"),
                      ("reserves", "price_assumption", "PB", "0.95", "USD/lb"),
                      ("reserves", "price_assumption", "AG", "24", "USD/oz"),
                      ("resources", "cut_off", "", "95", "USD/t"),
                      ("resources", "price_assumption", "ZN", "1.30", "USD/lb"),
                      ("resources", "price_assumption", "PB", "1.00", "USD/lb"),
                      ("resources", "price_assumption", "AG", "27", "USD/oz")],
               2024: [("reserves", "cut_off", "", "110", "USD/t"), ("reserves", "recovery", "ZN", "92", "%"),
                      ("reserves", "recovery", "PB", "85", "%"), ("reserves", "recovery", "AG", "80", "%"),
                      ("reserves", "price_assumption", "ZN", "1.10", "USD/lb"),
                      ("reserves", "price_assumption", "PB", "0.95", "USD/lb"),
                      ("reserves", "price_assumption", "AG", "23", "USD/oz"),
                      ("resources", "cut_off", "", "90", "USD/t"),
                      ("resources", "price_assumption", "ZN", "1.25", "USD/lb"),
                      ("resources", "price_assumption", "PB", "1.00", "USD/lb"),
                      ("resources", "price_assumption", "AG", "25", "USD/oz")]},
    "gannet": {2025: [("reserves", "cut_off", "CU", "0.25", "%"), ("reserves", "recovery", "CU", "87", "%"),
                      ("reserves", "recovery", "AG", "70", "%"),
                      ("reserves", "price_assumption", "CU", "3.75", "USD/lb"),
                      ("reserves", "price_assumption", "AG", "24", "USD/oz"),
                      ("resources", "cut_off", "CU", "0.20", "%"),
                      ("resources", "price_assumption", "CU", "4.25", "USD/lb"),
                      ("resources", "price_assumption", "AG", "27", "USD/oz")],
               2024: [("reserves", "cut_off", "CU", "0.25", "%"), ("reserves", "recovery", "CU", "87", "%"),
                      ("reserves", "recovery", "AG", "70", "%"),
                      ("reserves", "price_assumption", "CU", "3.60", "USD/lb"),
                      ("reserves", "price_assumption", "AG", "23", "USD/oz"),
                      ("resources", "cut_off", "CU", "0.20", "%"),
                      ("resources", "price_assumption", "CU", "4.00", "USD/lb"),
                      ("resources", "price_assumption", "AG", "25", "USD/oz")]},
    "petrel": {2025: [("resources", "cut_off", "CU", "0.20", "%"), ("resources", "recovery", "CU", "86", "%"),
                      ("resources", "price_assumption", "CU", "4.25", "USD/lb"),
                      ("resources", "price_assumption", "AU", "2200", "USD/oz")],
               2024: [("resources", "cut_off", "CU", "0.20", "%"), ("resources", "recovery", "CU", "86", "%"),
                      ("resources", "price_assumption", "CU", "4.00", "USD/lb"),
                      ("resources", "price_assumption", "AU", "2000", "USD/oz")]},
}
BASIS = {"skua": "attributable", "fulmar": "attributable", "gannet": "100%", "petrel": "attributable"}


def estimates():
    rows = []
    for y in (2025, 2024):
        rows.append(("# year end %d" % y,))
        for prop in ("skua", "fulmar", "gannet", "petrel"):
            for table in (RESERVES, RESOURCES):
                for category, (tonnes, grades) in table.get((prop, y), {}).items():
                    rows.append((prop, "FY%d" % y, category, "tonnage", "", tonnes, "t", BASIS[prop]))
                    rows += [(prop, "FY%d" % y, category, "grade", m, g, "%" if m in BASE else "g/t", "")
                             for m, g in grades.items()]
            rows += [(prop, "FY%d" % y, c, item, m, v, u, "") for c, item, m, v, u in PARAMETERS[prop][y]]
    return rows


SHARE = {"skua": Fraction(1), "fulmar": Fraction(1), "gannet": Fraction(60, 100)}
# 2025 movements (attributable tonnes of contained metal): depleted, added and, where given, revised
MOVEMENTS = {("skua", "CU"): (166_400, 150_000, True), ("fulmar", "ZN"): (135_000, 110_000, True),
             ("fulmar", "PB"): (43_200, 35_000, False), ("gannet", "CU"): (55_800, 40_000, False)}


def contained(prop, y, metal):
    return sum(Fraction(t) * Fraction(g[metal]) / 100 for t, g in RESERVES[(prop, y)].values()) * SHARE[prop]


def reserve_changes():
    rows = []
    for (prop, metal), (dep, add, given) in MOVEMENTS.items():
        revised = contained(prop, 2025, metal) - contained(prop, 2024, metal) + dep - add
        assert revised.denominator == 1
        rows += [(prop, "FY2025", metal, "depleted", dep, "t"), (prop, "FY2025", metal, "added", add, "t")]
        if given:
            rows.append((prop, "FY2025", metal, "revised", int(revised), "t"))
    return rows


# ------------------------------------------------------------------------------------ figures
def cents(x):
    getcontext().prec = 50
    return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(x):
    return "{:,}".format(x)


def pounds(x):
    return "{:,}".format(int((x + Fraction(1, 2)) // 1))


def payable_lb(unit, y):
    d = UNITS[unit][y]
    kind = d["payable"]
    primary = UNITS[unit]["primary"]
    if kind is None:
        return lb(d["produced"][primary]), "produced"
    if kind[0] == "t":
        return lb(kind[1]), "payable"
    return lb(d["produced"][primary]) * Fraction(kind[1], 100), "payable"


def aisc_unit(unit, y):
    c = UNITS[unit][y]["costs"]
    adjusted = gaap_cos(unit, y) - c["reclamation_other"] + c["treatment_freight"] - credits(unit, y)
    sustaining = 0
    for item, v, g in AISC[(unit, y)]:
        if item in ("hedge_costs", "community_current", "permitting_current", "site_share_based",
                    "inventory_writedowns", "operational_stripping"):
            adjusted += v
        elif not item.startswith("nonsustaining") and item not in ("community_other", "permitting_other",
                                                                    "reclamation_other_sites"):
            sustaining += v
    return adjusted, adjusted + sustaining


def figures():
    out = []
    for y in (2025, 2024):
        for unit in ("skua", "fulmar", "gannet"):
            c = UNITS[unit][y]["costs"]
            c1 = c["mining"] + c["milling"] + c["site_other"] + c["treatment_freight"] - credits(unit, y)
            tcc = c1 + c["royalties"] + c["production_taxes"]
            div, basis = payable_lb(unit, y)
            primary = UNITS[unit]["primary"]
            sold = lb(UNITS[unit][y]["sold"][primary])
            adjusted, aisc = aisc_unit(unit, y)
            out.append("%s %d: by-product credits $%s; C1 $%s; %s lb %s (%s t); C1 $%s/lb; total cash cost $%s ($%s/lb);"
                       " adjusted operating costs $%s; AISC $%s; lb sold %s; AISC $%s/lb sold; before by-product"
                       " credits $%s/lb sold" % (
                           unit, y, money(credits(unit, y)), money(c1), basis, pounds(div),
                           cents(div / LB_PER_T), cents(c1 / div), money(tcc), cents(tcc / div), money(adjusted),
                           money(aisc), pounds(sold), cents(aisc / sold), cents((aisc + credits(unit, y)) / sold)))
        for metal, units in (("CU", ("skua", "gannet")), ("ZN", ("fulmar",))):
            corp = sum(v for m, item, v, g in CORPORATE[y] if m == metal and item == "corporate_ga")
            aisc = sum(aisc_unit(u, y)[1] for u in units) + corp
            sold = sum(lb(UNITS[u][y]["sold"][metal]) for u in units)
            out.append("%s business %d (incl. corporate G&A $%s): AISC $%s over %s lb sold = $%s/lb" % (
                metal, y, money(corp), money(aisc), pounds(sold), cents(aisc / sold)))
    _, f = statements()
    for y in YEARS:
        out.append("company %d: %s" % (y, ", ".join("%s %s" % (k, money(v) if not isinstance(v, Fraction) else cents(v))
                                                    for k, v in f[y].items())))
    for (prop, metal) in MOVEMENTS:
        out.append("reserves %s %s: opening %s t, closing %s t" % (prop, metal, money(int(contained(prop, 2024, metal))),
                                                                    money(int(contained(prop, 2025, metal)))))
    return out


# -------------------------------------------------------------------------------------- write
def write(name, header, rows, comments=()):
    with open(os.path.join(HERE, name), "w", newline="\n") as f:
        f.write(header + "\n")
        for c in comments:
            f.write("# " + c + "\n")
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")


def main():
    if "--figures" not in sys.argv:
        note = "Made-up figures written by generate.py; every one an assumption (Kittiwake is invented)."
        production, costs = [], []
        for unit, spec in UNITS.items():
            production.append(("# " + COMMENTS[unit],))
            costs.append(("# " + COMMENTS[unit],))
            primary = spec["primary"]
            for y in (2025, 2024):
                d, p = spec[y], "FY%d" % y
                production += [(unit, p, "ore_milled", "", d["ore"], "t"), (unit, p, "days", "", d["days"], "days")]
                for m, g in d["grade"].items():
                    production.append((unit, p, "grade", m, g, "%" if m in BASE else "g/t"))
                for m, q in d["produced"].items():
                    production.append((unit, p, "produced", m, q, "t" if m in BASE else "oz"))
                if d["payable"] is not None:
                    kind, v = d["payable"]
                    production.append((unit, p, "payable" if kind == "t" else "payable_factor", primary, v, kind))
                for m, q in d["sold"].items():
                    production.append((unit, p, "sold", m, q, "t" if m in BASE else "oz"))
                for m in d["sold"]:
                    production.append((unit, p, "revenue", m, revenue(unit, y, m), "USD"))
                for item in COST_ITEMS:
                    costs.append((unit, p, item, cost(unit, y, item), "USD"))
        write("production.csv", "unit,period,item,metal,value,uom", production,
              [note, "ore and base metals in tonnes, precious metals in troy ounces, grades in % and g/t;",
               "sold: payable metal sold; revenue: gross of treatment and refining charges (realised prices)"])
        write("costs.csv", "unit,period,item,value,uom", costs,
              [note, "byproduct_credits = the by-product metals' revenue of production.csv;",
               "capital_additions = the unit's aisc.csv items drawn from cash_flows:additions"])
        aisc = []
        for (unit, y), rows in AISC.items():
            aisc += [(unit, "", "FY%d" % y, item, v, "USD", g) for item, v, g in rows]
        for y in (2025, 2024):
            aisc += [("corporate", m, "FY%d" % y, item, v, "USD", g) for m, item, v, g in CORPORATE[y]]
        for y in (2025, 2024):
            aisc += [("corporate", "", "FY%d" % y, "excluded", v, "USD", g) for g, v in EXCLUDED[y].items()]
        write("aisc.csv", "entity,metal,period,item,value,uom,gaap_line", aisc,
              [note, "A unit's rows take no metal; corporate rows name the business (CU copper, ZN zinc) that carries them.",
               "gaap_line names the statement line an amount is drawn from ('-': the statement prints it negative);",
               "the excluded rows are the rest of those lines (generative exploration, the corporate office): they tie."])
        segment = [(s, "FY%d" % y, "sales", sales(s, y), "USD") for y in (2025, 2024) for s in ("copper", "zinc")]
        write("segment_figures.csv", "segment,period,item,value,uom", segment,
              [note, "sales: the segment's units' metal revenue less treatment, refining and freight charges"])
        values, _ = statements()
        write("statement_values.csv", "statement,line,period,value,uom", [v + ("shares" if v[1] == "shares" else "USD",)
                                                                         for v in values],
              [note, "built from an unwritten Dec. 31, 2023 balance sheet: the balance sheets balance and each year's",
               "cash flows end at the balance sheet's cash"])
        write("estimates.csv", "property,period,category,item,metal,value,uom,basis", estimates(),
              [note, "S-K 1300 mineral reserves and resources (resources exclusive of reserves) at each year end,",
               "in tonnes, % and g/t; Gannet on a 100% basis (Kittiwake owns 60%), the others attributable"])
        write("reserve_changes.csv", "property,period,metal,item,value,uom", reserve_changes(),
              [note, "2025 movements of proven and probable contained metal, attributable tonnes (Gannet: 60%);",
               "revised is given for Skua copper and Fulmar zinc, where it must tie exactly in tonnes:",
               "closing = opening - depleted + added + revised"])
        print("wrote production.csv costs.csv aisc.csv segment_figures.csv statement_values.csv estimates.csv"
              " reserve_changes.csv")
    for line in figures():
        print(line)


if __name__ == "__main__":
    main()
