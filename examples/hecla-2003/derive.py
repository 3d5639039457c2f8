#!/usr/bin/env python3
"""Derive the Orebook example dataset examples/hecla-2003 from Hecla Mining's 2003
year-end results release (EX-99 of its 8-K, 12 February 2004; the founding document
/work/shared/seed/000_d8c640435ff6aab9.txt, copied to examples/published/hecla-2003-ex99.txt).

    python3 examples/hecla-2003/derive.py

1. holds the figures the release prints in its table sections, transcribed as printed;
2. solves for the mine-level inputs (whole dollars, exact decimals) from which Orebook's
   relations reproduce every one of them at printed precision;
3. writes the CSV files of the dataset (the format of docs/input-format.md);
4. reads the CSV files back, recomputes every printed figure with the relations of the
   format document, independently of step 2, and compares it with the transcription.

Standard library only. Every number is a fractions.Fraction; nothing goes through float.
Rounding only when printing, half up (away from zero, as Java's RoundingMode.HALF_UP).

Rules used to pick inputs (see README.md):
  a. a figure printed directly (in thousands) is input as printed x 1000;
  b. an input printed only through a derived figure (per ton, per ounce) is any whole-dollar
     value inside the figure's rounding interval -- the value nearest the centre unless a
     combined or segment figure needs it elsewhere;
  c. where (a) and (b) cannot reproduce a figure, the smallest adjustment that does is made
     (a cost_basis production row, a segment other_dda, ...) and is reported below.
No chosen value lies on a rounding tie (all rounding intervals are taken as open).
"""

import csv
import math
import os
import sys
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))

Q3, Q2, Y3, Y2 = "Q4 2003", "Q4 2002", "FY2003", "FY2002"
PERIODS = [Q3, Q2, Y3, Y2]      # the column order of every quarter-and-year table
YEARS = [Y3, Y2]                # balance sheet and cash flows

# =====================================================================================
# 1. The printed figures, transcribed (seed line numbers in comments)
# =====================================================================================


def T(text):
    """A printed row: its cells in column order, as printed ('$' dropped)."""
    return [c for c in text.replace("$", " ").split()]


def parse(tok):
    """'(1,007)' -> Fraction(-1007); '--' and '-' (printed empty) -> None."""
    if tok in ("--", "-"):
        return None
    neg = tok.startswith("(") and tok.endswith(")")
    s = tok.strip("()").replace(",", "")
    v = F(s)
    return -v if neg else v


def decimals(tok):
    s = tok.strip("()").replace(",", "")
    return len(s.split(".")[1]) if "." in s else 0


def printed(tok, scale=1):
    """The printed figure as an exact value in input units (x scale)."""
    v = parse(tok)
    return None if v is None else v * scale


# ---- Production Data (lines 704-788) -------------------------------------------------
PRODUCTION = {
    "la-camorra": dict(                                   # lines 712-725
        ore=T("52,552 44,461 197,591 194,960"),
        days=T("83 75 327 310"),
        mining=T("38.16 39.96 36.63 39.81"),
        milling=T("11.22 15.34 12.56 15.73"),
        grade={"AU": T("0.651 0.774 0.679 0.891")},
        produced={"AU": T("31,782 33,486 126,567 167,386")},
        cash_op_oz=T("181 165 154 137"),
        tcc_oz=T("181 165 154 137"),
        tpc_oz=T("250 235 222 206"),
        capex=T("6,583 1,332 13,879 8,564")),
    "san-sebastian": dict(                                # lines 727-743
        ore=T("39,320 42,218 150,717 156,532"),
        days=T("81 79 322 306"),
        mining=T("30.72 33.10 29.62 34.80"),
        milling=T("32.81 33.05 34.99 31.62"),
        grade={"AG": T("26.23 24.58 28.77 24.10"), "AU": T("0.360 0.304 0.347 0.298")},
        produced={"AG": T("949,600 960,244 4,085,038 3,432,394"), "AU": T("12,674 11,582 47,721 41,510")},
        cash_op_oz=T("(1.19) 0.41 (0.46) 0.91"),
        tcc_oz=T("(0.94) 0.58 (0.25) 1.09"),
        tpc_oz=T("0.25 1.53 0.71 2.06"),
        capex=T("306 173 3,863 1,834")),
    "greens-creek": dict(                                 # lines 745-761 (Hecla's 29.73%)
        ore=T("57,881 55,763 232,297 218,072"),
        days=T("92 92 365 365"),
        mining=T("28.76 27.74 27.72 27.87"),
        milling=T("16.84 16.45 16.27 15.58"),
        grade={"AG": T("19.58 17.42 19.69 19.73")},
        produced={"AG": T("861,281 729,531 3,480,800 3,244,495"), "AU": T("7,209 7,482 29,564 30,531"),
                  "PB": T("2,131 2,006 8,289 8,200"), "ZN": T("5,828 6,020 22,809 23,875")},
        cash_op_oz=T("0.86 1.93 1.10 1.76"),
        tcc_oz=T("0.98 1.98 1.18 1.81"),
        tpc_oz=T("3.33 4.45 3.64 4.28"),
        capex=T("990 538 1,887 2,856")),
    "lucky-friday": dict(                                 # lines 763-778
        ore=T("35,854 43,693 151,991 159,651"),
        days=T("92 75 365 304"),
        mining=T("55.11 38.07 49.90 39.51"),
        milling=T("7.34 6.44 6.76 6.70"),
        grade={"AG": T("15.45 13.47 15.76 13.33")},
        produced={"AG": T("520,706 551,640 2,251,486 2,004,404"), "PB": T("3,070 2,991 12,935 10,091"),
                  "ZN": T("697 586 2,532 2,259")},
        cash_op_oz=T("5.24 4.70 4.86 4.97"),
        tcc_oz=T("5.24 4.70 4.86 4.97"),
        tpc_oz=T("5.26 5.18 4.88 5.49"),
        capex=None),                                      # not printed for Lucky Friday
}

# ---- Reconciliation of cash costs to GAAP (lines 797-903; thousands) --------------------
RECON = {
    "la-camorra": dict(                                   # lines 808-823
        tcc=T("5,782 5,445 19,498 22,879"), oz=T("32 33 127 167"), tcc_oz=T("181 165 154 137"),
        tf=T("(480) (365) (1,634) (1,840)"), bpc=None, inv=T("618 1,953 (810) (53)"),
        recl=T("18 77 70 388"), cos=T("5,938 7,110 17,124 21,374")),
    "san-sebastian": dict(                                # lines 826-843
        tcc=T("(893) 555 (1,007) 3,737"), oz=T("950 960 4,085 3,432"), tcc_oz=T("(0.94) 0.58 (0.25) 1.09"),
        tf=T("(564) (481) (2,158) (2,224)"), bpc=T("4,982 3,726 17,367 12,909"),
        inv=T("1,889 (1,468) 597 (2,089)"), recl=T("77 95 294 403"), cos=T("5,491 2,427 15,093 12,736")),
    "greens-creek": dict(                                 # lines 846-863
        tcc=T("844 1,448 4,108 5,872"), oz=T("861 730 3,481 3,245"), tcc_oz=T("0.98 1.98 1.18 1.81"),
        tf=T("(3,073) (3,011) (12,082) (12,271)"), bpc=T("6,526 5,392 23,985 21,367"),
        inv=T("(856) (1,016) (472) (690)"), recl=T("407 156 575 611"), cos=T("3,848 2,969 16,114 14,889")),
    "lucky-friday": dict(                                 # lines 866-883
        tcc=T("2,730 2,592 10,940 9,960"), oz=T("521 551 2,251 2,004"), tcc_oz=T("5.24 4.70 4.86 4.97"),
        tf=T("(1,167) (958) (4,316) (3,358)"), bpc=T("1,889 1,091 5,730 3,661"),
        inv=T("11 (50) (92) 45"), recl=T("10 28 38 104"), cos=T("3,473 2,703 12,300 10,412")),
}
RECON_SILVER = dict(                                      # COMBINED SILVER PROPERTIES, lines 886-903
    tcc=T("2,681 4,595 14,041 19,569"), oz=T("2,332 2,241 9,817 8,681"), tcc_oz=T("1.15 2.05 1.43 2.25"),
    tf=T("(4,804) (4,450) (18,556) (17,853)"), bpc=T("13,397 10,209 47,082 37,937"),
    inv=T("1,044 (2,534) 33 (2,734)"), recl=T("494 279 907 1,118"), cos=T("12,812 8,099 43,507 38,037"))

# ---- Highlights (lines 353-423; thousands except per share, per ounce, prices) ----------
HL = dict(
    sales=T("31,630 25,864 116,353 105,700"),             # line 363 (= Total sales, line 379)
    gross_profit=T("8,045 5,710 35,035 23,715"),          # line 364 (= Total gross profit, line 386)
    income_before_env=T("2,171 1,859 17,091 8,960"),      # line 367
    net_income=T("2,171 1,865 (6,016) 8,639"),            # line 368
    eps_basic=T("(0.07) 0.01 (0.16) (0.18)"),             # line 370
    cf_operating=T("8,369 5,588 25,977 20,235"),          # line 372
)
SEGMENTS = [("silver", "Silver operations"), ("gold", "Gold operations"), ("other", "Other")]
HL_SEGMENT_SALES = {"silver": T("20,977 13,686 76,658 56,404"),   # lines 375-377
                    "gold": T("10,670 12,178 39,192 49,296"),
                    "other": T("(17) -- 503 --")}
HL_SEGMENT_GP = {"silver": T("5,506 2,897 21,605 7,066"),         # lines 382-384
                 "gold": T("2,552 2,813 13,530 16,649"),
                 "other": T("(13) -- (100) --")}
HL_PRODUCTION = {"AG": T("2,331,587 2,241,415 9,817,324 8,681,293"),  # lines 389-392
                 "AU": T("51,724 52,606 204,091 239,633"),
                 "PB": T("5,201 4,997 21,224 18,291"),
                 "ZN": T("6,525 6,606 25,341 26,134")}
HL_PER_OZ = {"AG": dict(cash_op=T("1.01 1.96 1.31 2.16"),          # lines 393-402
                        tcc=T("1.15 2.05 1.43 2.25"),
                        tpc=T("2.51 3.38 2.70 3.68")),
             "AU": dict(cash_op=T("181 165 154 137"),              # lines 403-411
                        tcc=T("181 165 154 137"),
                        tpc=T("250 235 222 206"))}
PRICES = [  # metal, basis, uom, printed values                     # lines 413-423
    ("AG", "Handy & Harman", "USD/oz", T("5.30 4.54 4.91 4.63")),
    ("AU", "Realized", "USD/oz", T("362 305 339 303")),
    ("AU", "London Final", "USD/oz", T("392 323 364 310")),
    ("PB", "LME Cash", "cents/lb", T("28.8 19.7 23.4 20.5")),
    ("ZN", "LME Cash", "cents/lb", T("42.2 35.0 37.5 35.3")),
]
# Footnote (1) of the highlights / (2) of the statement of operations, lines 425-440:
PREFERRED_STATED = {Q3: "10.2", Q2: "0.7", Y3: "12.2", Y2: "23.3"}            # $ million, not declared
APPLICABLE_TO_COMMON = {Q3: "-8.0", Q2: "1.2", Y3: "-18.2", Y2: "-14.6"}      # $ million

# ---- Hedged positions (lines 791-794) ---------------------------------------------------
HEDGES = [("AU", "sold_forward", "48,928", "oz", "288", "USD/oz", "2003-12-31")]

# ---- Financial statements (thousands; shares in thousands) -----------------------------
# (id, label, kind, sum_of, concept, rule, printed values or None)
OPERATIONS = [                                                      # lines 464-534
    ("continuing", "Continuing operations:", "heading", "", "", "", None),
    ("sales", "Sales of products", "link", "company:sales", "sales", "single", "31,630 25,864 116,353 105,700"),
    ("cost_of_sales", "Cost of sales and other direct production costs", "link", "company:cost_of_sales",
     "cost_of_sales", "", "18,749 15,201 61,197 59,449"),
    ("dda", "Depreciation, depletion and amortization", "link", "company:dda", "dda", "single",
     "4,836 4,953 20,121 22,536"),
    ("production_costs", "", "subtotal", "cost_of_sales dda", "", "single", "23,585 20,154 81,318 81,985"),
    ("gross_profit", "Gross profit", "subtotal", "sales -production_costs", "gross_profit", "single",
     "8,045 5,710 35,035 23,715"),
    ("other_operating_expenses", "Other operating expenses:", "heading", "", "", "", None),
    ("general_administrative", "General and administrative", "line", "", "", "", "2,304 1,984 8,407 7,121"),
    ("exploration", "Exploration", "line", "", "", "", "2,323 2,282 9,608 5,172"),
    ("pre_development", "Pre-development expense", "line", "", "", "", "347 556 1,395 653"),
    ("depreciation_amortization", "Depreciation and amortization", "line", "", "", "", "73 26 341 116"),
    ("other_operating", "Other operating expense (income)", "line", "", "", "", "1,113 844 (1,439) 414"),
    ("provision_closed_operations", "Provision for closed operations and environmental matters", "line", "", "",
     "single", "289 130 23,777 898"),
    ("other_operating_total", "", "subtotal",
     "general_administrative exploration pre_development depreciation_amortization other_operating "
     "provision_closed_operations", "", "single", "6,449 5,822 42,089 14,374"),
    ("income_from_operations", "Income (loss) from operations", "subtotal", "gross_profit -other_operating_total",
     "", "single", "1,596 (112) (7,054) 9,341"),
    ("other_income", "Other income (expense):", "heading", "", "", "", None),
    ("interest_income", "Interest income", "line", "", "", "", "363 231 2,590 420"),
    ("interest_expense", "Interest expense", "line", "", "", "single", "(493) (442) (1,407) (1,816)"),
    ("other_income_total", "", "subtotal", "interest_income interest_expense", "", "single",
     "(130) (211) 1,183 (1,396)"),
    ("blank_1", "", "blank", "", "", "", None),
    ("income_before_taxes",
     "Income (loss) from operations before income taxes and cumulative effect of change in accounting principle",
     "subtotal", "income_from_operations other_income_total", "", "", "1,466 (323) (5,871) 7,945"),
    ("income_taxes", "Income tax benefit (provision)", "line", "", "", "single", "705 3,086 (1,217) 2,918"),
    ("income_continuing",
     "Income (loss) from continuing operations before cumulative effect of change in accounting principle",
     "subtotal", "income_before_taxes income_taxes", "income_continuing", "", "2,171 2,763 (7,088) 10,863"),
    ("cumulative_effect", "Cumulative effect of change in accounting principle, net of income tax", "line", "",
     "cumulative_effect", "", "-- -- 1,072 --"),
    ("discontinued", "Discontinued operations, net of income tax", "line", "", "discontinued", "single",
     "-- (898) -- (2,224)"),
    ("blank_2", "", "blank", "", "", "", None),
    ("net_income", "Net income (loss) (1)", "subtotal", "income_continuing cumulative_effect discontinued",
     "net_income", "double", "2,171 1,865 (6,016) 8,639"),
    ("blank_3", "", "blank", "", "", "", None),
    ("basic_per_share", "Basic income (loss) per common share:", "heading", "", "", "", None),
    ("eps_continuing", "Income (loss) from continuing operations after preferred stock dividends", "per_share",
     "income_continuing -preferred_dividends", "", "", "(0.07) 0.02 (0.17) (0.15)"),
    ("eps_cumulative_effect", "Cumulative effect of change in accounting principle", "per_share",
     "cumulative_effect", "", "", "-- -- 0.01 --"),
    ("eps_discontinued", "Loss from discontinued operations", "per_share", "discontinued", "", "single",
     "-- (0.01) -- (0.03)"),
    ("eps_basic", "Basic income (loss) per common share (2)", "per_share", "net_income -preferred_dividends",
     "eps_basic", "double", "(0.07) 0.01 (0.16) (0.18)"),
    ("blank_4", "", "blank", "", "", "", None),
    ("weighted_shares", "Basic weighted average number of common shares outstanding", "line", "",
     "weighted_shares", "double", "113,473 86,116 110,610 80,250"),
]
NON_GAAP = [                                                        # lines 547-554
    ("net_income", "Net income (loss)", "link", "operations:net_income", "nongaap_net_income", "",
     "2,171 1,865 (6,016) 8,639"),
    ("environmental_adjustment",
     "Add noncash adjustment to provision for closed operations and environmental matters", "line", "", "",
     "single", "-- (6) 23,107 321"),
    ("income_before_env", "Income before environmental accruals", "subtotal", "net_income environmental_adjustment",
     "income_before_env", "double", "2,171 1,859 17,091 8,960"),
]
BALANCE_SHEET = [                                                   # lines 583-639
    ("assets", "ASSETS", "heading", "", "", "", None),
    ("current_assets", "Current assets:", "heading", "", "", "", None),
    ("cash", "Cash and cash equivalents", "line", "", "cash", "", "105,387 19,542"),
    ("short_term_investments", "Short-term investments", "line", "", "short_term_investments", "", "18,003 --"),
    ("receivables", "Accounts and notes receivable", "line", "", "", "", "16,318 10,154"),
    ("inventories", "Inventories", "line", "", "", "", "16,936 14,758"),
    ("deferred_taxes_current", "Deferred income taxes", "line", "", "", "", "1,427 2,700"),
    ("other_current_assets", "Other current assets", "line", "", "", "single", "3,174 1,780"),
    ("total_current_assets", "Total current assets", "subtotal",
     "cash short_term_investments receivables inventories deferred_taxes_current other_current_assets",
     "total_current_assets", "", "161,245 48,934"),
    ("investments", "Investments", "line", "", "", "", "722 76"),
    ("restricted_cash", "Restricted cash and investments", "line", "", "", "", "6,447 6,428"),
    ("properties", "Properties, plants and equipment, net", "line", "", "", "", "90,026 86,725"),
    ("mineral_interests", "Mineral interests, net", "line", "", "", "", "5,289 5,640"),
    ("deferred_taxes_noncurrent", "Deferred income taxes", "line", "", "", "", "896 300"),
    ("other_noncurrent_assets", "Other noncurrent assets", "line", "", "", "single", "13,570 12,038"),
    ("blank_1", "", "blank", "", "", "", None),
    ("total_assets", "Total assets", "subtotal",
     "total_current_assets investments restricted_cash properties mineral_interests deferred_taxes_noncurrent "
     "other_noncurrent_assets", "total_assets", "double", "278,195 160,141"),
    ("blank_2", "", "blank", "", "", "", None),
    ("liabilities", "LIABILITIES", "heading", "", "", "", None),
    ("current_liabilities", "Current liabilities:", "heading", "", "", "", None),
    ("accounts_payable", "Accounts payable and accrued expenses", "line", "", "", "", "13,847 11,731"),
    ("accrued_payroll", "Accrued payroll and related benefits", "line", "", "", "", "7,307 7,603"),
    ("current_debt", "Current portion of debt", "line", "", "", "", "2,332 7,296"),
    ("accrued_taxes", "Accrued taxes", "line", "", "", "", "3,193 1,572"),
    ("current_reclamation", "Current portion of accrued reclamation and closure costs", "line", "", "", "single",
     "7,400 7,005"),
    ("total_current_liabilities", "Total current liabilities", "subtotal",
     "accounts_payable accrued_payroll current_debt accrued_taxes current_reclamation",
     "total_current_liabilities", "", "34,079 35,207"),
    ("long_term_debt", "Long-term debt", "line", "", "", "", "2,341 4,657"),
    ("accrued_reclamation", "Accrued reclamation and closure costs", "line", "", "", "", "63,232 42,718"),
    ("other_noncurrent_liabilities", "Other noncurrent liabilities", "line", "", "", "single", "7,114 5,629"),
    ("blank_3", "", "blank", "", "", "", None),
    ("total_liabilities", "Total liabilities", "subtotal",
     "total_current_liabilities long_term_debt accrued_reclamation other_noncurrent_liabilities", "", "single",
     "106,766 88,211"),
    ("blank_4", "", "blank", "", "", "", None),
    ("equity", "SHAREHOLDERS' EQUITY", "heading", "", "", "", None),
    ("preferred_stock", "Preferred stock", "line", "", "", "", "116 188"),
    ("common_stock", "Common stock", "line", "", "", "", "28,886 21,547"),
    ("capital_surplus", "Capital surplus", "line", "", "", "", "504,858 405,959"),
    ("accumulated_deficit", "Accumulated deficit", "line", "", "", "", "(361,560) (355,544)"),
    ("accumulated_oci", "Accumulated other comprehensive loss", "line", "", "", "", "(753) (36)"),
    ("grantor_trust", "Stock held by grantor trust", "line", "", "", "", "-- (66)"),
    ("treasury_stock", "Treasury stock", "line", "", "", "single", "(118) (118)"),
    ("blank_5", "", "blank", "", "", "", None),
    ("total_equity", "Total shareholders' equity", "subtotal",
     "preferred_stock common_stock capital_surplus accumulated_deficit accumulated_oci grantor_trust treasury_stock",
     "", "single", "171,429 71,930"),
    ("blank_6", "", "blank", "", "", "", None),
    ("total_liabilities_and_equity", "Total liabilities and shareholders' equity", "subtotal",
     "total_liabilities total_equity", "total_liabilities_and_equity", "double", "278,195 160,141"),
    ("blank_7", "", "blank", "", "", "", None),
    ("shares_outstanding", "Common shares outstanding at end of year", "line", "", "", "double", "115,535 86,179"),
]
CASH_FLOWS = [                                                      # lines 651-700
    ("operating", "OPERATING ACTIVITIES", "heading", "", "", "", None),
    ("net_income", "Net income (loss)", "link", "operations:net_income", "cf_net_income", "", "(6,016) 8,639"),
    ("noncash", "Noncash elements included in net income (loss):", "heading", "", "", "", None),
    ("dda", "Depreciation, depletion and amortization", "line", "", "", "", "20,462 22,652"),
    ("cumulative_effect", "Cumulative effect of change in accounting principle", "line", "", "", "", "(1,072) --"),
    ("gain_on_disposition", "Gain on disposition of properties, plants and equipment", "line", "", "", "",
     "(350) (329)"),
    ("provision_reclamation", "Provision for reclamation and closure costs", "line", "", "", "", "24,086 1,931"),
    ("deferred_taxes", "Deferred incomes taxes", "line", "", "", "", "677 (3,300)"),
    ("changes", "Change in assets and liabilities:", "heading", "", "", "", None),
    ("receivables", "Accounts and notes receivable", "line", "", "", "", "(6,164) (3,506)"),
    ("inventories", "Inventories", "line", "", "", "", "(2,178) (3,890)"),
    ("other_assets", "Other current and noncurrent assets", "line", "", "", "", "(2,051) 575"),
    ("accounts_payable", "Accounts payable and accrued expenses", "line", "", "", "", "2,154 1,581"),
    ("accrued_payroll", "Accrued payroll and related benefits", "line", "", "", "", "396 312"),
    ("accrued_taxes", "Accrued taxes", "line", "", "", "", "1,621 395"),
    ("accrued_reclamation",
     "Accrued reclamation and closure costs and other noncurrent liabilities", "line", "", "", "single",
     "(5,588) (4,825)"),
    ("operating_total", "Net cash provided by operating activities", "subtotal",
     "net_income dda cumulative_effect gain_on_disposition provision_reclamation deferred_taxes receivables "
     "inventories other_assets accounts_payable accrued_payroll accrued_taxes accrued_reclamation",
     "cf_operating", "single", "25,977 20,235"),
    ("blank_1", "", "blank", "", "", "", None),
    ("investing", "INVESTING ACTIVITIES", "heading", "", "", "", None),
    ("short_term_investments", "Short-term investments, net", "line", "", "", "", "(18,003) --"),
    ("sale_of_discontinued", "Proceeds from sale of discontinued operations", "line", "", "", "", "-- 1,585"),
    ("additions_ppe", "Additions to properties, plants and equipment", "line", "", "", "", "(19,535) (11,219)"),
    ("disposition_ppe", "Proceeds from disposition of properties, plants and equipment", "line", "", "", "",
     "486 5,710"),
    ("restricted_cash", "Increase in restricted cash and investments", "line", "", "", "", "(19) (3)"),
    ("other_investing", "Other, net", "line", "", "", "single", "7 (285)"),
    ("investing_total", "Net cash used by investing activities", "subtotal",
     "short_term_investments sale_of_discontinued additions_ppe disposition_ppe restricted_cash other_investing",
     "", "single", "(37,064) (4,212)"),
    ("blank_2", "", "blank", "", "", "", None),
    ("financing", "FINANCING ACTIVITIES", "heading", "", "", "", None),
    ("stock_options", "Common stock issued under warrants and stock option plans", "line", "", "", "",
     "14,218 2,997"),
    ("stock_issuance", "Issuance of common stock, net of offering costs", "line", "", "", "", "91,244 --"),
    ("borrowings", "Borrowings on debt", "line", "", "", "", "1,350 3,317"),
    ("repayments", "Repayments on debt", "line", "", "", "single", "(9,880) (10,355)"),
    ("financing_total", "Net cash provided (used) by financing activities", "subtotal",
     "stock_options stock_issuance borrowings repayments", "", "single", "96,932 (4,041)"),
    ("blank_3", "", "blank", "", "", "", None),
    ("net_change", "Net increase in cash and cash equivalents", "subtotal",
     "operating_total investing_total financing_total", "cf_net_change", "", "85,845 11,982"),
    ("cash_begin", "Cash and cash equivalents at beginning of year", "line", "", "cf_cash_begin", "single",
     "19,542 7,560"),
    ("blank_4", "", "blank", "", "", "", None),
    ("cash_end", "Cash and cash equivalents at end of year", "subtotal", "net_change cash_begin", "cf_cash_end",
     "double", "105,387 19,542"),
]
STATEMENTS = [("operations", OPERATIONS, PERIODS), ("non_gaap", NON_GAAP, PERIODS),
              ("balance_sheet", BALANCE_SHEET, YEARS), ("cash_flows", CASH_FLOWS, YEARS)]
SHARE_LINES = {("operations", "weighted_shares"), ("balance_sheet", "shares_outstanding")}


def stmt_printed(statement, line_id):
    """The printed cells of a statement line."""
    lines = {st: ls for st, ls, _ in STATEMENTS}[statement]
    return T(next(l[6] for l in lines if l[0] == line_id))


# ---- Estimated ore reserves (lines 214-292) ---------------------------------------------
PROPERTIES = [  # id, name, country, ownership %, operating unit
    ("lucky-friday", "Lucky Friday Unit", "USA", "100", "lucky-friday"),
    ("greens-creek", "Greens Creek", "USA", "29.73", "greens-creek"),
    ("san-sebastian", "San Sebastian Unit", "Mexico", "100", "san-sebastian"),
    ("la-camorra", "La Camorra Unit", "Venezuela", "100", "la-camorra"),
    ("noche-buena", "Noche Buena", "Mexico", "100", ""),
    ("golden-eagle", "Golden Eagle", "USA", "25", ""),
]
RESERVE_METALS = ["AU", "AG", "PB", "ZN"]   # column order: Gold, Silver, Lead, Zinc
# Proven and probable (lines 221-234): tons, grades, contained metal (attributable, Hecla's share)
PROVEN_PROBABLE = [  # property, tons, grades (AU AG PB ZN), contained (AU AG PB ZN)
    ("lucky-friday", "659,380", T("- 15.4 8.4 2.4"), T("- 10,154,299 55,192 15,715")),
    ("greens-creek", "2,226,361", T("0.12 14.1 4.0 10.7"), T("256,726 31,386,366 89,422 237,202")),
    ("san-sebastian", "170,711", T("0.26 22.3 - -"), T("43,731 3,812,503 - -")),
    ("la-camorra", "818,655", T("0.67 - - -"), T("547,855 - - -")),
]
PROVEN_PROBABLE_TOTAL = T("848,312 45,353,167 144,614 252,917")      # line 234
MINERALIZED = [                                                     # lines 243-245
    ("san-sebastian", "76,373", T("0.61 5.3 - -")),
    ("la-camorra", "547,172", T("0.38 - - -")),
    ("lucky-friday", "3,445,110", T("- 9.8 5.9 3.0")),
]
OTHER_RESOURCES = [                                                 # lines 270-275
    ("san-sebastian", "22,163", T("0.18 5.4 - -")),
    ("lucky-friday", "5,024,590", T("- 10.3 5.4 2.8")),
    ("greens-creek", "605,697", T("0.14 14.4 4.2 11.7")),
    ("la-camorra", "512,705", T("0.40 - - -")),
    ("noche-buena", "11,741,820", T("0.03 - - -")),
    ("golden-eagle", "3,028,750", T("0.08 0.3 - -")),
]
RESERVE_NOTES = [                                                   # lines 248-257, 278-287
    ("mineralized_material", "san-sebastian", "In situ San Ricardo vein and south portion of Don Sergio vein, "
     "diluted to assumed mining width and adjusted for expected mining recovery."),
    ("mineralized_material", "la-camorra", "In situ resources, Canaima Lower and Middle veins, diluted and "
     "factored for mining recovery (90%)."),
    ("mineralized_material", "lucky-friday", "In situ Measured and Indicated resources from Gold Hunter and "
     "Lucky Friday vein systems, diluted and factored for expected mining recovery."),
    ("other_resources", "lucky-friday", "Inferred resources, diluted to assumed mining width and adjusted for "
     "mining recovery."),
    ("other_resources", "greens-creek", "Inferred resources, West, SW, NWW, '9A', and 200S orebodies, factored "
     "for dilution and mining recovery."),
    ("other_resources", "la-camorra", "Inferred resource, diluted (15%) and factored (95%) for mining recovery."),
    ("other_resources", "noche-buena", "Indicated and Inferred resources inside planned pit limit."),
]

# ---- Company, segments, units ---------------------------------------------------------
COMPANY = [("name", "Hecla Mining Company"), ("short_name", "Hecla"), ("currency", "USD"),
           ("period", "FY2003"), ("metals", "AG AU PB ZN")]
UNITS = [  # id, name, country, segment, ownership %, primary, by-products, ore term, grade term, shown
    ("la-camorra", "La Camorra", "Venezuela", "gold", "100", "AU", "", "processed", "crushed", "yes"),
    ("san-sebastian", "San Sebastian", "Mexico", "silver", "100", "AG", "AU", "processed", "milled", "yes"),
    ("greens-creek", "Greens Creek", "USA", "silver", "29.73", "AG", "AU PB ZN", "milled", "milled", "yes"),
    ("lucky-friday", "Lucky Friday", "USA", "silver", "100", "AG", "PB ZN", "milled", "milled", "yes"),
    ("other-sources", "Other sources", "", "other", "100", "", "", "", "", "no"),
]
SHOWN = [u[0] for u in UNITS if u[9] == "yes"]
PRIMARY = {u[0]: u[5] for u in UNITS}
SEGMENT_OF = {u[0]: u[3] for u in UNITS}

# =====================================================================================
# Exact rounding and rounding intervals
# =====================================================================================


def round_half_up(x, d):
    """x rounded to d decimals, ties away from zero (Java RoundingMode.HALF_UP)."""
    q = x * 10 ** d
    n = math.floor(abs(q) + F(1, 2))
    return F(n if q >= 0 else -n, 10 ** d)


def show(x, d):
    """Normalized printed text: '-1007', '0.94', '0.651'."""
    r = round_half_up(x, d)
    s = f"{abs(r.numerator) * 10 ** d // r.denominator}"
    s = s.rjust(d + 1, "0")
    body = s if d == 0 else s[:-d] + "." + s[-d:]
    return ("-" if r < 0 else "") + body


def norm(tok):
    """A printed token normalized the same way."""
    v = parse(tok)
    return None if v is None else show(v, decimals(tok))


class Iv:
    """An open interval (lo, hi) of exact values; None means unbounded."""

    def __init__(self, lo=None, hi=None):
        self.lo, self.hi = lo, hi

    def __and__(self, o):
        lo = self.lo if o.lo is None else (o.lo if self.lo is None else max(self.lo, o.lo))
        hi = self.hi if o.hi is None else (o.hi if self.hi is None else min(self.hi, o.hi))
        return Iv(lo, hi)

    def shift(self, d):
        return Iv(None if self.lo is None else self.lo + d, None if self.hi is None else self.hi + d)

    def ints(self):
        """(smallest, largest) whole number strictly inside; raises when there is none."""
        a = None if self.lo is None else math.floor(self.lo) + 1
        b = None if self.hi is None else math.ceil(self.hi) - 1
        if a is not None and b is not None and a > b:
            raise ValueError(f"empty interval ({self.lo}, {self.hi})")
        return a, b

    def has(self, x):
        return (self.lo is None or x > self.lo) and (self.hi is None or x < self.hi)

    def __repr__(self):
        return f"({self.lo}, {self.hi})"


def rounds_to(tok, scale=1):
    """The open interval of values (in input units) that print as tok at its decimals.
    Open at both ends, so never a tie; a printed 0 gives (-h, h)."""
    v = parse(tok)
    h = F(1, 2) / 10 ** decimals(tok)
    return Iv((v - h) * scale, (v + h) * scale)


def per_oz(tok, ounces):
    """Costs whose per-ounce figure on `ounces` prints as tok."""
    iv = rounds_to(tok)
    return Iv(iv.lo * ounces, iv.hi * ounces)


def clip(x, lo, hi):
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x


def fit_sum(prefs, bounds, target):
    """Whole-dollar values, each inside its bounds (lo, hi inclusive), summing to a value in
    target (lo, hi inclusive), moving the preferred values as little as possible in total: the
    needed move is shared in proportion to each value's room to move."""
    vals = [clip(p, lo, hi) for p, (lo, hi) in zip(prefs, bounds)]
    s = sum(vals)
    tlo, thi = target
    if (tlo is None or s >= tlo) and (thi is None or s <= thi):
        return vals
    need = (tlo - s) if tlo is not None and s < tlo else (thi - s)
    room = [((hi - v) if need > 0 else (v - lo)) for v, (lo, hi) in zip(vals, bounds)]
    if sum(room) < abs(need):
        raise ValueError(f"cannot move the sum by {need}: room {room}")
    moves = [abs(need) * r // sum(room) for r in room]
    rest = abs(need) - sum(moves)
    for i in sorted(range(len(vals)), key=lambda i: -(room[i] - moves[i])):
        step = min(rest, room[i] - moves[i])
        moves[i] += step
        rest -= step
    sign = 1 if need > 0 else -1
    return [v + sign * m for v, m in zip(vals, moves)]


def kusd(x):
    """Dollars as thousands for the notes: 12,812 or 2,659.3."""
    k = F(x) / 1000
    body = f"{abs(int(k)):,}" + (dec(abs(k) - abs(int(k)))[1:] if k.denominator != 1 else "")
    return ("-" if k < 0 else "") + body


def whole(x, sign=False):
    """A whole number grouped by thousands for the notes: 1,234 or +1,234."""
    assert F(x).denominator == 1, x
    return f"{int(x):+,}" if sign else f"{int(x):,}"


def thousands(tok):
    return printed(tok, 1000)


# =====================================================================================
# 2. Solve for the inputs
# =====================================================================================

NOTES = []   # every departure from rule (a) and every adjustment, for the summary and README


def note(text):
    NOTES.append(text)


def solve_unit_basis(u, i):
    """Cost ounces of unit u in period i and the bounds of its total cash costs.

    The ounces produced, if they print as the reconciliation's 'Divided by ... ounces produced'
    (thousands) and some total cash cost printing as the reconciliation's (thousands) also prints
    the per-ounce figure on them. Otherwise a cost_basis row: the ounces nearest the ounces
    produced that print as 'Divided by' and on which the printed total cash costs x 1000 give
    the printed per-ounce figure."""
    pr, rc = PRODUCTION[u], RECON[u]
    assert rc["tcc_oz"][i] == pr["tcc_oz"][i], (u, i, "per-ounce figure printed twice differently")
    produced = printed(pr["produced"][PRIMARY[u]][i])
    tcc_k = rounds_to(rc["tcc"][i], 1000)
    oz_k = rounds_to(rc["oz"][i], 1000)
    if oz_k.has(produced) and _nonempty(tcc_k & per_oz(rc["tcc_oz"][i], produced)):
        return produced, None, tcc_k & per_oz(rc["tcc_oz"][i], produced)

    tcc = thousands(rc["tcc"][i])
    d = 2 if PRIMARY[u] == "AU" else 4
    produced_tok = pr["produced"][PRIMARY[u]][i]
    if not oz_k.has(produced):
        why = (f"the reconciliation divides by {rc['oz'][i]} thousand oz, but {produced_tok} oz produced print as "
               f"{whole(round_half_up(produced / 1000, 0))} thousand")
    else:
        why = (f"{rc['tcc'][i]} thousand / {produced_tok} oz produced = {show(tcc / produced, d)}, not {rc['tcc_oz'][i]}; "
               f"no total cash cost printing {rc['tcc'][i]} (thousands) gives {rc['tcc_oz'][i]} on the ounces produced "
               f"(it would need {whole(per_oz(rc['tcc_oz'][i], produced).ints()[0])}.."
               f"{whole(per_oz(rc['tcc_oz'][i], produced).ints()[1])})")
    iv = rounds_to(rc["tcc_oz"][i])
    allowed = Iv(tcc / iv.hi, tcc / iv.lo) & oz_k
    lo, hi = allowed.ints()
    b = clip(produced, lo, hi)
    note(f"{u} {PERIODS[i]}: {why}. Ounces on which {rc['tcc'][i]},000 gives {rc['tcc_oz'][i]}/oz and that print "
         f"as {rc['oz'][i]} thousand: {whole(lo)}..{whole(hi)}; cost_basis = {whole(b)} oz, the nearest to the ounces "
         f"produced ({whole(b - produced, True)} oz). The production data and highlights still show {produced_tok} oz "
         f"produced.")
    return b, b, tcc_k & per_oz(rc["tcc_oz"][i], b)


def _nonempty(iv):
    try:
        iv.ints()
        return True
    except ValueError:
        return False


def group_target(iv_list):
    """Intersect intervals; return inclusive whole-number bounds."""
    acc = Iv()
    for iv in iv_list:
        acc = acc & iv
    return acc.ints()


def solve():
    costs = {}          # (unit, period) -> {item: value}
    basis = {}          # (unit, period) -> cost basis ounces (or None when produced)
    seg_fig = {}        # (segment, period, item) -> value
    groups = {"silver": ["san-sebastian", "greens-creek", "lucky-friday"], "gold": ["la-camorra"]}
    group_metal = {"silver": "AG", "gold": "AU"}

    for i, p in enumerate(PERIODS):
        ounces, tcc, cash, inv, recl, dda = {}, {}, {}, {}, {}, {}
        tcc_bounds, rest = {}, {}
        for u in SHOWN:
            b, cb, tcc_iv = solve_unit_basis(u, i)
            ounces[u], basis[(u, p)] = b, cb
            tcc_bounds[u] = tcc_iv.ints()

        for g, members in groups.items():
            metal = group_metal[g]
            hl = HL_PER_OZ[metal]
            oz = sum(ounces[u] for u in members)
            combined = RECON_SILVER if g == "silver" else None

            # -- total cash costs: printed x 1000, unless the combined figures need a move
            targets = [per_oz(hl["tcc"][i], oz)]
            if combined:
                targets += [rounds_to(combined["tcc"][i], 1000), per_oz(combined["tcc_oz"][i], oz)]
                assert rounds_to(combined["oz"][i], 1000).has(oz), (g, p, "combined ounces")
            vals = fit_sum([thousands(RECON[u]["tcc"][i]) for u in members], [tcc_bounds[u] for u in members],
                           group_target(targets))
            for u, v in zip(members, vals):
                tcc[u] = v
                if v != thousands(RECON[u]["tcc"][i]):
                    note(f"{u} {p}: total cash costs {v} instead of {thousands(RECON[u]['tcc'][i])}")

            # -- cash operating costs: = total cash costs when both print the same per ounce,
            #    else the centre of the per-ounce interval; never above total cash costs
            prefs, bounds = [], []
            for u in members:
                iv = per_oz(PRODUCTION[u]["cash_op_oz"][i], ounces[u]) & Iv(None, tcc[u] + 1)
                lo, hi = iv.ints()
                centre = round_half_up(printed(PRODUCTION[u]["cash_op_oz"][i]) * ounces[u], 0)
                prefs.append(tcc[u] if lo <= tcc[u] <= hi else centre)
                bounds.append((lo, hi))
            vals = fit_sum(prefs, bounds, group_target([per_oz(hl["cash_op"][i], oz)]))
            for u, v in zip(members, vals):
                cash[u] = v

            # -- change in inventory and reclamation: printed x 1000; inventory moves if the
            #    costs of sales (unit or combined) would not print otherwise
            for u in members:
                recl[u] = thousands(RECON[u]["recl"][i])
                tf = thousands(RECON[u]["tf"][i]) * -1
                bpc = thousands(RECON[u]["bpc"][i]) if RECON[u]["bpc"] else 0
                rest[u] = tcc[u] - tf + bpc + recl[u]
            bounds = [group_target([rounds_to(RECON[u]["inv"][i], 1000),
                                    rounds_to(RECON[u]["cos"][i], 1000).shift(-rest[u])]) for u in members]
            targets = []
            if combined:
                targets = [rounds_to(combined["inv"][i], 1000),
                           rounds_to(combined["cos"][i], 1000).shift(-sum(rest[u] for u in members))]
            vals = fit_sum([thousands(RECON[u]["inv"][i]) for u in members], bounds, group_target(targets))
            for u, v in zip(members, vals):
                inv[u] = v
                if v != thousands(RECON[u]["inv"][i]):
                    note(f"{u} {p}: change in product inventory {v} instead of {thousands(RECON[u]['inv'][i])}")

            # -- DD&A: the segment's DD&A is sales - cost of sales - gross profit, each as printed
            #    (x 1000); the units' DD&A are bounded by their total production costs per ounce
            #    and the combined one; the segment's other_dda takes what the units cannot reach
            cos = {u: rest[u] + inv[u] for u in members}
            seg_dda = thousands(HL_SEGMENT_SALES[g][i]) - sum(cos.values()) - thousands(HL_SEGMENT_GP[g][i])
            prefs, bounds = [], []
            for u in members:
                base = tcc[u] + recl[u]
                iv = per_oz(PRODUCTION[u]["tpc_oz"][i], ounces[u]).shift(-base) & Iv(-1, None)
                bounds.append(iv.ints())
                prefs.append(round_half_up(printed(PRODUCTION[u]["tpc_oz"][i]) * ounces[u], 0) - base)
            comb_lo, comb_hi = per_oz(hl["tpc"][i], oz).shift(-sum(tcc[u] + recl[u] for u in members)).ints()
            reach_lo = max(comb_lo, sum(b[0] for b in bounds))
            reach_hi = min(comb_hi, sum(b[1] for b in bounds))
            assert reach_lo <= reach_hi, (g, p, "units' DD&A")
            units_sum = clip(seg_dda, reach_lo, reach_hi)
            vals = fit_sum(prefs, bounds, (units_sum, units_sum))
            for u, v in zip(members, vals):
                dda[u] = v
            if units_sum != seg_dda:
                seg_fig[(g, p, "other_dda")] = seg_dda - units_sum
                note(f"segment {g} {p}: DD&A implied by the highlights = sales {HL_SEGMENT_SALES[g][i]} - cost of "
                     f"sales {kusd(sum(cos.values()))} - gross profit {HL_SEGMENT_GP[g][i]} = "
                     f"{kusd(seg_dda)} thousand; the units' total production costs per ounce (and the "
                     f"combined {hl['tpc'][i]}/oz) allow unit DD&A summing to {whole(reach_lo)}..{whole(reach_hi)} only "
                     f"(unit ranges: " + ", ".join(f"{u} {whole(b[0])}..{whole(b[1])}" for u, b in zip(members, bounds))
                     + f"; combined {whole(comb_lo)}..{whole(comb_hi)}); "
                     f"other_dda = {whole(seg_dda - units_sum, True)}")
            seg_fig[(g, p, "sales")] = thousands(HL_SEGMENT_SALES[g][i])
            seg_fig[(g, p, "_cos")] = sum(cos.values())
            seg_fig[(g, p, "_dda")] = seg_dda

        # -- the "Other" segment carries what the statement's cost of sales and DD&A hold beyond
        #    the silver and gold segments
        cos_printed = stmt_printed("operations", "cost_of_sales")[i]
        dda_printed = stmt_printed("operations", "dda")[i]
        cos_company, dda_company = thousands(cos_printed), thousands(dda_printed)
        other_cos = cos_company - seg_fig[("silver", p, "_cos")] - seg_fig[("gold", p, "_cos")]
        other_dda = dda_company - seg_fig[("silver", p, "_dda")] - seg_fig[("gold", p, "_dda")]
        sales_other = printed(HL_SEGMENT_SALES["other"][i], 1000)
        if sales_other is not None:
            seg_fig[("other", p, "sales")] = sales_other
        seg_fig[("other", p, "other_cost_of_sales")] = other_cos
        seg_fig[("other", p, "other_dda")] = other_dda
        gp_other = (sales_other or 0) - other_cos - other_dda
        note(f"segment other {p}: statement cost of sales {cos_printed} - silver "
             f"{kusd(seg_fig[('silver', p, '_cos')])} - gold {kusd(seg_fig[('gold', p, '_cos')])}"
             f" -> other_cost_of_sales {whole(other_cos, True)}; statement DD&A {dda_printed} - silver "
             f"{kusd(seg_fig[('silver', p, '_dda')])} - gold {kusd(seg_fig[('gold', p, '_dda')])}"
             f" -> other_dda {whole(other_dda, True)}; other sales {HL_SEGMENT_SALES['other'][i]} -> gross profit "
             f"{whole(gp_other, True)} (printed {HL_SEGMENT_GP['other'][i]})")

        # -- the remaining cost lines of each unit
        for u in SHOWN:
            pr, rc = PRODUCTION[u], RECON[u]
            tons = printed(pr["ore"][i])
            mining = round_half_up(printed(pr["mining"][i]) * tons, 0)
            milling = round_half_up(printed(pr["milling"][i]) * tons, 0)
            tf = -thousands(rc["tf"][i])
            bpc = thousands(rc["bpc"][i]) if rc["bpc"] else None
            site_other = cash[u] - tf + (bpc or 0) - mining - milling
            taxes = tcc[u] - cash[u]
            assert site_other >= 0 and taxes >= 0 and dda[u] >= 0, (u, p, site_other, taxes, dda[u])
            c = {"mining": mining, "milling": milling, "site_other": site_other, "treatment_freight": tf}
            if bpc is not None:
                c["byproduct_credits"] = bpc
            c["production_taxes"] = taxes
            c["inventory_change"] = inv[u]
            c["reclamation_other"] = recl[u]
            c["dda"] = dda[u]
            if pr["capex"]:
                c["capital_additions"] = thousands(pr["capex"][i])
            costs[(u, p)] = c
    return costs, basis, {k: v for k, v in seg_fig.items() if not k[2].startswith("_")}


def solve_other_sources():
    """Gold of the highlights' production total not produced by the units shown."""
    out = {}
    for i, p in enumerate(PERIODS):
        for metal, row in HL_PRODUCTION.items():
            units_sum = sum(printed(PRODUCTION[u]["produced"][metal][i]) for u in SHOWN
                            if metal in PRODUCTION[u]["produced"])
            diff = printed(row[i]) - units_sum
            if diff:
                out[(p, metal)] = diff
                note(f"production total {metal} {p}: highlights {row[i]} - units {whole(units_sum)} = {whole(diff, True)} "
                     f"-> other-sources produced {diff}")
    return out


def solve_preferred():
    """Preferred dividends: the multiple of $10,000 nearest the footnote's amount (to $0.1M) for
    which every printed per-share figure and the footnote's income (loss) applicable to common
    shareholders (to $0.1M) come out as printed."""
    out = {}
    for i, p in enumerate(PERIODS):
        # the statement figures as printed x 1000 (they are exact: sums of inputs given as printed)
        v = {k: printed(stmt_printed("operations", k)[i], 1000) or F(0) for k in
             ("income_continuing", "cumulative_effect", "discontinued", "net_income", "weighted_shares")}
        stated = F(PREFERRED_STATED[p]) * 10 ** 6

        def fits(pref):
            sh = v["weighted_shares"]
            ok = show((v["income_continuing"] - pref) / sh, 2) == norm(stmt_printed("operations", "eps_continuing")[i])
            ok &= show((v["net_income"] - pref) / sh, 2) == norm(stmt_printed("operations", "eps_basic")[i])
            ok &= show((v["net_income"] - pref) / 10 ** 6, 1) == APPLICABLE_TO_COMMON[p]
            ok &= show(pref / 10 ** 6, 1) == show(F(PREFERRED_STATED[p]), 1)
            return ok

        for k in range(0, 100):
            cands = [c for c in (stated - k * 10000, stated + k * 10000) if fits(c)]
            if cands:
                out[p] = cands[0]
                if k:
                    net = v["net_income"]
                    note(f"preferred dividends {p}: the footnote's ${PREFERRED_STATED[p]} million does not fit: "
                         f"net income {whole(net)} - {whole(stated)} = {whole(net - stated)}, which is not the "
                         f"footnote's ${APPLICABLE_TO_COMMON[p]} million applicable to common shareholders; "
                         f"the multiple of $10,000 nearest ${PREFERRED_STATED[p]} million that fits it and every "
                         f"printed per-share figure: {whole(cands[0])}")
                break
        else:
            raise ValueError(f"no preferred dividends for {p}")
    return out


def shortest_decimal(lo, hi):
    """The decimal with fewest digits strictly inside (lo, hi)."""
    for d in range(0, 15):
        k = math.floor(lo * 10 ** d) + 1
        if F(k, 10 ** d) < hi:
            return F(k, 10 ** d)
    raise ValueError((lo, hi))


def solve_reserve_grades():
    """Proven and probable grades such that tons x grade rounds to the printed contained metal,
    the grade to the printed grade, and the sum of the unrounded contained metal to the printed
    TOTAL: each contained value is aimed at printed + (TOTAL - sum of printed) / n, within
    +-0.5/n, so that the total lands inside its own rounding interval."""
    grades = {}
    for j, metal in enumerate(RESERVE_METALS):
        rows = [(prop, printed(tons), gr[j], cont[j]) for prop, tons, gr, cont in PROVEN_PROBABLE if cont[j] != "-"]
        n = len(rows)
        gap = printed(PROVEN_PROBABLE_TOTAL[j]) - sum(printed(c) for _, _, _, c in rows)
        if gap:
            note(f"reserves {metal}: TOTAL {PROVEN_PROBABLE_TOTAL[j]} vs sum of printed contained "
                 f"{whole(sum(printed(c) for _, _, _, c in rows))} ({whole(gap, True)}): resolved by rounding, each contained "
                 f"value aimed at printed {whole(gap, True)}/{n}")
        factor = F(1) if metal in ("AU", "AG") else F(1, 100)
        for prop, tons, gtok, ctok in rows:
            aim = printed(ctok) + F(gap, n)
            lo = max(aim - F(1, 2 * n), printed(ctok) - F(1, 2))
            hi = min(aim + F(1, 2 * n), printed(ctok) + F(1, 2))
            window = Iv(lo / tons / factor, hi / tons / factor) & rounds_to(gtok)
            grades[(prop, metal)] = shortest_decimal(window.lo, window.hi)
    return grades


# =====================================================================================
# 3. Write the CSV files
# =====================================================================================


def dec(x):
    """An exact value as a plain decimal string (fails for a non-terminating fraction)."""
    x = F(x)
    d = x.denominator
    k = 0
    while d % 2 == 0 or d % 5 == 0:
        d //= 2 if d % 2 == 0 else 5
        k += 1
    assert d == 1, f"{x} is not a terminating decimal"
    s = show(x, k)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([dec(c) if isinstance(c, (F, int)) else c for c in r])


def statement_inputs():
    """Input values of statement lines: every 'line' as printed x 1000 ('--' as 0); shares in
    shares; the operating cash flow of the quarters (the highlights print it)."""
    vals = {}
    for st, lines, periods in STATEMENTS:
        for lid, label, kind, sum_of, concept, rule, text in lines:
            if kind != "line":
                continue
            for p, tok in zip(periods, T(text)):
                vals[(st, lid, p)] = printed(tok, 1000) or F(0)
    for i, p in enumerate(PERIODS[:2]):
        vals[("cash_flows", "operating_total", p)] = thousands(HL["cf_operating"][i])
    return vals


def write_dataset(costs, basis, seg_fig, other_sources, preferred, grades, stmt_vals):
    write("company.csv", ["field", "value"], COMPANY)
    write("segments.csv", ["id", "name"], SEGMENTS)
    write("units.csv", ["id", "name", "country", "segment", "ownership_pct", "primary_metal", "byproduct_metals",
                        "ore_term", "grade_term", "show_in_tables"], UNITS)

    rows = []
    for u in SHOWN:
        pr = PRODUCTION[u]
        for i, p in enumerate(PERIODS):
            rows.append((u, p, "ore_milled", "", printed(pr["ore"][i]), "st"))
            rows.append((u, p, "days", "", printed(pr["days"][i]), "days"))
            for m, toks in pr["grade"].items():
                rows.append((u, p, "grade", m, toks[i], "oz/ton"))     # as printed: 0.360
            for m, toks in pr["produced"].items():
                rows.append((u, p, "produced", m, printed(toks[i]), "oz" if m in ("AU", "AG") else "st"))
            if basis[(u, p)] is not None:
                rows.append((u, p, "cost_basis", PRIMARY[u], basis[(u, p)], "oz"))
    for (p, m), v in other_sources.items():
        rows.append(("other-sources", p, "produced", m, v, "oz" if m in ("AU", "AG") else "st"))
    write("production.csv", ["unit", "period", "item", "metal", "value", "uom"], rows)

    rows = [(u, p, item, v, "USD") for u in SHOWN for p in PERIODS for item, v in costs[(u, p)].items()]
    write("costs.csv", ["unit", "period", "item", "value", "uom"], rows)

    rows = [(s, p, item, seg_fig[(s, p, item)], "USD") for s, _ in SEGMENTS for p in PERIODS
            for item in ("sales", "other_cost_of_sales", "other_dda") if (s, p, item) in seg_fig]
    write("segment_figures.csv", ["segment", "period", "item", "value", "uom"], rows)

    rows = [(m, p, basis_, tok.replace(",", ""), uom) for m, basis_, uom, toks in PRICES
            for p, tok in zip(PERIODS, toks)]
    write("prices.csv", ["metal", "period", "basis", "value", "uom"], rows)

    write("properties.csv", ["id", "name", "country", "ownership_pct", "unit"], PROPERTIES)
    rows = []
    for prop, tons, gr, cont in PROVEN_PROBABLE:
        rows.append(("proven_probable", prop, "tons", "", printed(tons), "st", "attributable"))
        for m, g in zip(RESERVE_METALS, gr):
            if g != "-":
                rows.append(("proven_probable", prop, "grade", m, grades[(prop, m)],
                             "oz/ton" if m in ("AU", "AG") else "%", ""))
    for cat, table in (("mineralized_material", MINERALIZED), ("other_resources", OTHER_RESOURCES)):
        for prop, tons, gr in table:
            rows.append((cat, prop, "tons", "", printed(tons), "st", "attributable"))
            for m, g in zip(RESERVE_METALS, gr):
                if g != "-":
                    rows.append((cat, prop, "grade", m, g, "oz/ton" if m in ("AU", "AG") else "%", ""))
    write("reserves.csv", ["category", "property", "item", "metal", "value", "uom", "basis"], rows)
    write("reserve_notes.csv", ["category", "property", "text"], RESERVE_NOTES)

    # delivery: not printed in the release; assumed FY2004 (README, "Finance inputs")
    write("hedges.csv", ["metal", "position", "quantity", "uom", "price", "price_uom", "as_of", "delivery"],
          [(m, pos, q.replace(",", ""), u, pr, pu, d, "FY2004") for m, pos, q, u, pr, pu, d in HEDGES])

    rows = []
    for st, lines, _ in STATEMENTS:
        for lid, label, kind, sum_of, concept, rule, _ in lines:
            rows.append((st, lid, label, kind, sum_of, concept, rule))
    write("statement_lines.csv", ["statement", "id", "label", "kind", "sum_of", "concept", "rule"], rows)

    rows = []
    for st, lines, _ in STATEMENTS:
        for lid, *_ in lines:
            for p in PERIODS:
                if (st, lid, p) in stmt_vals:
                    uom = "shares" if (st, lid) in SHARE_LINES else "USD"
                    rows.append((st, lid, p, stmt_vals[(st, lid, p)], uom))
    write("statement_values.csv", ["statement", "line", "period", "value", "uom"], rows)

    write("per_share.csv", ["period", "item", "value", "uom"],
          [(p, "preferred_dividends", preferred[p], "USD") for p in PERIODS])


# =====================================================================================
# 4. Read the CSV files back and recompute every printed figure
# =====================================================================================


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(line for line in f if line.strip() and not line.startswith("#"))]


class Recomputed:
    """The relations of docs/input-format.md, evaluated on the CSV files alone."""

    def __init__(self):
        self.units = {r["id"]: r for r in read("units.csv")}
        self.segments = [r["id"] for r in read("segments.csv")]
        self.prod = {(r["unit"], r["period"], r["item"], r["metal"]): F(r["value"]) for r in read("production.csv")}
        self.cost = {(r["unit"], r["period"], r["item"]): F(r["value"]) for r in read("costs.csv")}
        self.seg = {(r["segment"], r["period"], r["item"]): F(r["value"]) for r in read("segment_figures.csv")}
        self.prices = [(r["metal"], r["period"], r["basis"], F(r["value"])) for r in read("prices.csv")]
        self.props = {r["id"]: r for r in read("properties.csv")}
        self.reserves = read("reserves.csv")
        self.lines = read("statement_lines.csv")
        self.svals = {(r["statement"], r["line"], r["period"]): F(r["value"]) for r in read("statement_values.csv")}
        self.pref = {r["period"]: F(r["value"]) for r in read("per_share.csv") if r["item"] == "preferred_dividends"}
        self.hedges = read("hedges.csv")

    # -- units
    def c(self, u, p, item):
        return self.cost.get((u, p, item), F(0))

    def unit(self, u, p):
        c = lambda item: self.c(u, p, item)
        direct = c("mining") + c("milling") + c("site_other")
        cash = direct + c("treatment_freight") - c("byproduct_credits")
        tcc = cash + c("royalties") + c("production_taxes")
        tpc = tcc + c("dda") + c("reclamation_other")
        cos = tcc - c("treatment_freight") + c("byproduct_credits") + c("inventory_change") + c("reclamation_other")
        m = self.units[u]["primary_metal"]
        oz = self.prod.get((u, p, "cost_basis", m), self.prod.get((u, p, "produced", m))) if m else None
        tons = self.prod[(u, p, "ore_milled", "")]
        return dict(mining_per_ton=c("mining") / tons, milling_per_ton=c("milling") / tons, cash_op=cash, tcc=tcc,
                    tpc=tpc, cos=cos, oz=oz, tf=c("treatment_freight"), bpc=c("byproduct_credits"),
                    inv=c("inventory_change"), recl=c("reclamation_other"), dda=c("dda"),
                    cash_op_oz=cash / oz, tcc_oz=tcc / oz, tpc_oz=tpc / oz, capex=c("capital_additions"))

    def has_costs(self, u, p):
        return any(k[0] == u and k[1] == p for k in self.cost)

    def group(self, metal, p):
        members = [u for u, r in self.units.items() if r["primary_metal"] == metal and self.has_costs(u, p)]
        figs = [self.unit(u, p) for u in members]
        g = {k: sum(f[k] for f in figs) for k in ("cash_op", "tcc", "tpc", "cos", "oz", "tf", "bpc", "inv", "recl")}
        g.update(cash_op_oz=g["cash_op"] / g["oz"], tcc_oz=g["tcc"] / g["oz"], tpc_oz=g["tpc"] / g["oz"])
        return g

    def produced_total(self, metal, p):
        return sum(v for (u, pp, item, m), v in self.prod.items() if pp == p and item == "produced" and m == metal)

    # -- segments and company
    def segment(self, s, p):
        members = [u for u, r in self.units.items() if r["segment"] == s and self.has_costs(u, p)]
        sales = self.seg.get((s, p, "sales"), F(0))
        cos = sum(self.unit(u, p)["cos"] for u in members) + self.seg.get((s, p, "other_cost_of_sales"), F(0))
        dda = sum(self.c(u, p, "dda") for u in members) + self.seg.get((s, p, "other_dda"), F(0))
        return dict(sales=sales, cost_of_sales=cos, dda=dda, gross_profit=sales - cos - dda,
                    any=bool(members) or any(k[0] == s and k[1] == p for k in self.seg))

    def company(self, concept, p):
        return sum(self.segment(s, p)[concept] for s in self.segments if self.segment(s, p)["any"])

    # -- statements
    def line(self, st, lid):
        return next(l for l in self.lines if l["statement"] == st and l["id"] == lid)

    def stmt(self, st, lid, p):
        l = self.line(st, lid)
        kind = l["kind"]
        if kind == "line":
            return self.svals.get((st, lid, p))
        if kind == "subtotal":
            if (st, lid, p) in self.svals:
                return self.svals[(st, lid, p)]
            total = F(0)
            for t in l["sum_of"].split():
                v = self.ref(st, t.lstrip("-"), p)
                if v is None:
                    return None
                total += -v if t.startswith("-") else v
            return total
        if kind == "link":
            return self.ref(st, l["sum_of"], p)
        if kind == "per_share":
            shares_id = next(x["id"] for x in self.lines if x["statement"] == st and x["concept"] == "weighted_shares")
            num = F(0)
            for t in l["sum_of"].split():
                name = t.lstrip("-")
                v = self.pref.get(p, F(0)) if name == "preferred_dividends" else self.ref(st, name, p)
                if v is None:
                    return None
                num += -v if t.startswith("-") else v
            return num / self.stmt(st, shares_id, p)
        return None

    def ref(self, st, ref, p):
        if ref.startswith("company:"):
            return self.company(ref.split(":")[1], p)
        if ":" in ref:
            st, ref = ref.split(":")
        return self.stmt(st, ref, p)

    def concept(self, concept, p):
        for l in self.lines:
            if l["concept"] == concept:
                return self.stmt(l["statement"], l["id"], p)
        raise KeyError(concept)

    # -- reserves
    def reserve(self, cat, prop, item, metal=""):
        for r in self.reserves:
            if r["category"] == cat and r["property"] == prop and r["item"] == item and r["metal"] == metal:
                v = F(r["value"])
                if item == "tons" and r["basis"] == "100%":
                    v *= F(self.props[prop]["ownership_pct"]) / 100
                return v
        return None

    def contained(self, prop, metal):
        g = self.reserve("proven_probable", prop, "grade", metal)
        if g is None:
            return None
        t = self.reserve("proven_probable", prop, "tons")
        return t * g if metal in ("AU", "AG") else t * g / 100


class Checker:
    def __init__(self):
        self.count = 0
        self.mismatches = []

    def check(self, where, tok, value, scale=1):
        """tok as printed; value exact in input units (divided by scale before printing)."""
        self.count += 1
        if tok in ("--", "-"):
            ok = value is None or value == 0
            got = "--" if ok else show(value / scale, 0)
        else:
            got = None if value is None else show(value / scale, decimals(tok))
            ok = got == norm(tok)
        if not ok:
            self.mismatches.append(f"{where}: printed {tok}, recomputed {got}")

    def row(self, where, toks, values, scale=1):
        for p, tok, v in zip(PERIODS if len(toks) == 4 else YEARS, toks, values):
            self.check(f"{where} [{p}]", tok, v, scale)


def verify():
    r = Recomputed()
    k = Checker()
    Y = PERIODS

    # Reserves
    for prop, tons, gr, cont in PROVEN_PROBABLE:
        k.check(f"reserves P&P {prop} tons", tons, r.reserve("proven_probable", prop, "tons"))
        for m, g, c in zip(RESERVE_METALS, gr, cont):
            k.check(f"reserves P&P {prop} {m} grade", g, r.reserve("proven_probable", prop, "grade", m))
            k.check(f"reserves P&P {prop} {m} contained", c, r.contained(prop, m))
    for m, tok in zip(RESERVE_METALS, PROVEN_PROBABLE_TOTAL):
        parts = [r.contained(prop, m) for prop, *_ in PROVEN_PROBABLE]
        k.check(f"reserves P&P TOTAL {m}", tok, sum(x for x in parts if x is not None))
    for cat, table in (("mineralized_material", MINERALIZED), ("other_resources", OTHER_RESOURCES)):
        for prop, tons, gr in table:
            k.check(f"reserves {cat} {prop} tons", tons, r.reserve(cat, prop, "tons"))
            for m, g in zip(RESERVE_METALS, gr):
                k.check(f"reserves {cat} {prop} {m} grade", g, r.reserve(cat, prop, "grade", m))

    # Highlights
    k.row("highlights sales", HL["sales"], [r.company("sales", p) for p in Y], 1000)
    k.row("highlights gross profit", HL["gross_profit"], [r.company("gross_profit", p) for p in Y], 1000)
    k.row("highlights income before env", HL["income_before_env"], [r.concept("income_before_env", p) for p in Y], 1000)
    k.row("highlights net income", HL["net_income"], [r.concept("net_income", p) for p in Y], 1000)
    k.row("highlights basic EPS", HL["eps_basic"], [r.concept("eps_basic", p) for p in Y])
    k.row("highlights operating cash flow", HL["cf_operating"], [r.concept("cf_operating", p) for p in Y], 1000)
    for s, _ in SEGMENTS:
        k.row(f"highlights sales {s}", HL_SEGMENT_SALES[s], [r.segment(s, p)["sales"] for p in Y], 1000)
    k.row("highlights total sales", HL["sales"], [r.company("sales", p) for p in Y], 1000)
    for s, _ in SEGMENTS:
        k.row(f"highlights gross profit {s}", HL_SEGMENT_GP[s], [r.segment(s, p)["gross_profit"] for p in Y], 1000)
    k.row("highlights total gross profit", HL["gross_profit"], [r.company("gross_profit", p) for p in Y], 1000)
    for m, toks in HL_PRODUCTION.items():
        k.row(f"highlights production {m}", toks, [r.produced_total(m, p) for p in Y])
    for m, rows in HL_PER_OZ.items():
        for key, field in (("cash_op", "cash_op_oz"), ("tcc", "tcc_oz"), ("tpc", "tpc_oz")):
            k.row(f"highlights {m} {key}/oz", rows[key], [r.group(m, p)[field] for p in Y])
    for m, basis, uom, toks in PRICES:
        vals = {p: v for mm, p, b, v in r.prices if mm == m and b == basis}
        k.row(f"highlights price {m} {basis}", toks, [vals.get(p) for p in Y])

    # Statements (operations with the non-GAAP table, balance sheet, cash flows)
    for st, lines, periods in STATEMENTS:
        for lid, label, kind, *_, text in lines:
            if text is None:
                continue
            vals = [r.stmt(st, lid, p) for p in periods]
            k.row(f"{st} {lid}", T(text), vals, 1 if kind == "per_share" else 1000)

    # Production data
    for u in SHOWN:
        pr = PRODUCTION[u]
        f = {p: r.unit(u, p) for p in Y}
        k.row(f"production {u} tons", pr["ore"], [r.prod[(u, p, "ore_milled", "")] for p in Y])
        k.row(f"production {u} days", pr["days"], [r.prod[(u, p, "days", "")] for p in Y])
        k.row(f"production {u} mining/ton", pr["mining"], [f[p]["mining_per_ton"] for p in Y])
        k.row(f"production {u} milling/ton", pr["milling"], [f[p]["milling_per_ton"] for p in Y])
        for m, toks in pr["grade"].items():
            k.row(f"production {u} grade {m}", toks, [r.prod[(u, p, "grade", m)] for p in Y])
        for m, toks in pr["produced"].items():
            k.row(f"production {u} produced {m}", toks, [r.prod[(u, p, "produced", m)] for p in Y])
        k.row(f"production {u} cash op/oz", pr["cash_op_oz"], [f[p]["cash_op_oz"] for p in Y])
        k.row(f"production {u} TCC/oz", pr["tcc_oz"], [f[p]["tcc_oz"] for p in Y])
        k.row(f"production {u} TPC/oz", pr["tpc_oz"], [f[p]["tpc_oz"] for p in Y])
        if pr["capex"]:
            k.row(f"production {u} capital additions", pr["capex"], [f[p]["capex"] for p in Y], 1000)

    # Hedged positions
    for m, pos, q, uom, price, puom, d in HEDGES:
        h = next(x for x in r.hedges if x["metal"] == m and x["position"] == pos)
        k.check("hedges quantity", q, F(h["quantity"]))
        k.check("hedges price", price, F(h["price"]))
        k.check("hedges as-of day", "31", F(int(h["as_of"][8:10])))
        k.check("hedges as-of year", "2003", F(int(h["as_of"][:4])))

    # Reconciliation of cash costs to GAAP
    blocks = [(u, RECON[u], {p: r.unit(u, p) for p in Y}) for u in SHOWN]
    blocks.append(("combined silver", RECON_SILVER, {p: r.group("AG", p) for p in Y}))
    for name, rc, f in blocks:
        k.row(f"reconciliation {name} TCC", rc["tcc"], [f[p]["tcc"] for p in Y], 1000)
        k.row(f"reconciliation {name} ounces", rc["oz"], [f[p]["oz"] for p in Y], 1000)
        k.row(f"reconciliation {name} TCC/oz", rc["tcc_oz"], [f[p]["tcc_oz"] for p in Y])
        k.row(f"reconciliation {name} TCC again", rc["tcc"], [f[p]["tcc"] for p in Y], 1000)
        k.row(f"reconciliation {name} T&F", rc["tf"], [-f[p]["tf"] for p in Y], 1000)
        if rc["bpc"]:
            k.row(f"reconciliation {name} by-product credits", rc["bpc"], [f[p]["bpc"] for p in Y], 1000)
        k.row(f"reconciliation {name} inventory", rc["inv"], [f[p]["inv"] for p in Y], 1000)
        k.row(f"reconciliation {name} reclamation", rc["recl"], [f[p]["recl"] for p in Y], 1000)
        k.row(f"reconciliation {name} COS", rc["cos"], [f[p]["cos"] for p in Y], 1000)

    # Footnote amounts (text of footnote (1)/(2)): preferred dividends and applicable to common
    for p in Y:
        k.check(f"footnote preferred dividends [{p}] ($M)", PREFERRED_STATED[p], r.pref[p], 10 ** 6)
        k.check(f"footnote applicable to common [{p}] ($M)",
                APPLICABLE_TO_COMMON[p].replace("-", "(") + (")" if "-" in APPLICABLE_TO_COMMON[p] else ""),
                r.concept("net_income", p) - r.pref[p], 10 ** 6)

    # Sanity of the inputs: costs positive (inventory change is signed)
    for (u, p, item), v in r.cost.items():
        if item != "inventory_change" and v < 0:
            k.mismatches.append(f"negative cost {u} {p} {item} {v}")
    return k


# =====================================================================================


def main():
    other_sources = solve_other_sources()
    costs, basis, seg_fig = solve()
    stmt_vals = statement_inputs()
    preferred = solve_preferred()
    grades = solve_reserve_grades()
    write_dataset(costs, basis, seg_fig, other_sources, preferred, grades, stmt_vals)

    print("Departures from the printed values and adjustments:")
    for n in NOTES:
        print("  - " + n)
    k = verify()
    for m in k.mismatches:
        print("MISMATCH " + m)
    print(f"{k.count} figures reproduced, {len(k.mismatches)} mismatches" if not k.mismatches
          else f"{k.count - len(k.mismatches)} of {k.count} figures reproduced, {len(k.mismatches)} mismatches")
    return 1 if k.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
