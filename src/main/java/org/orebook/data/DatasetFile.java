package org.orebook.data;

import java.util.List;
import java.util.Optional;

/**
 * One file of the dataset format (docs/input-format.md): its columns, whether it must be present,
 * and the columns that identify a row. The key is what the store uses to tell an edited row from a
 * new one, and the {@code period} column (when the file has one) says which period's approval
 * governs the row.
 */
public record DatasetFile(String name, boolean required, List<String> columns, List<String> key) {
  public static final DatasetFile COMPANY = of("company.csv", true, "field,value", "field");
  public static final DatasetFile SEGMENTS = of("segments.csv", true, "id,name", "id");
  public static final DatasetFile UNITS = of("units.csv", true,
      "id,name,country,segment,ownership_pct,primary_metal,byproduct_metals,ore_term,grade_term,show_in_tables", "id");
  public static final DatasetFile PRODUCTION = of("production.csv", true, "unit,period,item,metal,value,uom", "unit,period,item,metal");
  public static final DatasetFile COSTS = of("costs.csv", true, "unit,period,item,value,uom", "unit,period,item");
  /** All-in sustaining and all-in cost items (World Gold Council) beyond the cost inputs, with the GAAP line each is drawn from. */
  public static final DatasetFile AISC = of("aisc.csv", false, "entity,metal,period,item,value,uom,gaap_line",
      "entity,metal,period,item,gaap_line");
  public static final DatasetFile SEGMENT_FIGURES = of("segment_figures.csv", false, "segment,period,item,value,uom", "segment,period,item");
  public static final DatasetFile PRICES = of("prices.csv", false, "metal,period,basis,value,uom", "metal,period,basis");
  public static final DatasetFile PROPERTIES = of("properties.csv", false, "id,name,country,ownership_pct,unit", "id");
  public static final DatasetFile RESERVES = of("reserves.csv", false, "category,property,item,metal,value,uom,basis", "category,property,item,metal");
  /** S-K 1300 mineral reserve and resource estimates per property and year-end, with their parameters. */
  public static final DatasetFile ESTIMATES = of("estimates.csv", false, "property,period,category,item,metal,value,uom,basis",
      "property,period,category,item,metal");
  /** The year's movements of each property's proven and probable reserves (contained metal). */
  public static final DatasetFile RESERVE_CHANGES = of("reserve_changes.csv", false, "property,period,metal,item,value,uom",
      "property,period,metal,item");
  public static final DatasetFile RESERVE_NOTES = of("reserve_notes.csv", false, "category,property,text", "category,property");
  public static final DatasetFile HEDGES = of("hedges.csv", false, "metal,position,quantity,uom,price,price_uom,as_of", "metal,position,as_of");
  public static final DatasetFile STATEMENT_LINES = of("statement_lines.csv", false, "statement,id,label,kind,sum_of,concept,rule", "statement,id");
  public static final DatasetFile STATEMENT_VALUES = of("statement_values.csv", false, "statement,line,period,value,uom", "statement,line,period");
  public static final DatasetFile PER_SHARE = of("per_share.csv", false, "period,item,value,uom", "period,item");
  public static final DatasetFile MARKET_PRICES = of("market_prices.csv", false, "metal,as_of,basis,value,uom", "metal,as_of");
  public static final DatasetFile GUIDANCE = of("guidance.csv", false, "period,item,metal,kind,value,low,high,uom,tolerance_pct",
      "period,item,metal");
  public static final DatasetFile PROJECTS = of("projects.csv", false,
      "id,name,metal,recovery_pct,royalty_pct,tax_rate_pct,depreciation_years,discount_rates_pct,price,price_uom", "id");
  public static final DatasetFile PROJECT_SCHEDULE = of("project_schedule.csv", false, "project,year,item,value,uom",
      "project,year,item");
  public static final DatasetFile EXCHANGE_OFFER = of("exchange_offer.csv", false, "field,value", "field");
  public static final DatasetFile TRADING_DAYS = of("trading_days.csv", false, "date,price,volume", "date");

  /** Prior years' production per metal (optional): the history that lets the prose claim a record. */
  public static final DatasetFile HISTORY = of("history.csv", false, "metal,period,value,uom,source", "metal,period");

  /** Every file, in the order a dataset is read and stored. */
  public static final List<DatasetFile> ALL = List.of(COMPANY, SEGMENTS, UNITS, PRODUCTION, COSTS, AISC, SEGMENT_FIGURES,
      PRICES, PROPERTIES, RESERVES, ESTIMATES, RESERVE_CHANGES, RESERVE_NOTES, HEDGES, STATEMENT_LINES, STATEMENT_VALUES, PER_SHARE,
      MARKET_PRICES, GUIDANCE, PROJECTS, PROJECT_SCHEDULE, EXCHANGE_OFFER, TRADING_DAYS, HISTORY);

  private static DatasetFile of(String name, boolean required, String columns, String key) {
    return new DatasetFile(name, required, List.of(columns.split(",")), List.of(key.split(",")));
  }

  public static Optional<DatasetFile> named(String name) {
    return ALL.stream().filter(f -> f.name.equals(name)).findFirst();
  }

  /** True when rows carry their own period; otherwise they belong to the dataset's release period. */
  public boolean hasPeriod() {
    return columns.contains("period");
  }
}
