package org.orebook.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orebook.blockmodel.GradeTonnageFormats;
import org.orebook.blockmodel.GradeTonnageTable;

/**
 * The grade-tonnage curve as an SVG drawn on the server: cut-off along the bottom, tonnage at or
 * above the cut-off on the left axis (solid line, {@code id="gt-tonnage"}) and its average grade on
 * the right axis (dashed line, {@code id="gt-grade"}), for all categories together. Each point has
 * a {@code <title>} with its figures. Coordinates are scaled from the exact figures with
 * {@link BigDecimal} and rounded to a tenth of a pixel; colours are presentation attributes (the
 * page's Content-Security-Policy allows no inline style). Text is XML-escaped.
 */
final class GradeTonnageChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  private static final int LEFT = 86;
  private static final int RIGHT = 70;
  private static final int TOP = 28;
  private static final int BOTTOM = 56;
  private static final MathContext MC = MathContext.DECIMAL64;
  static final String TONNAGE_COLOUR = "#1f5f99";
  static final String GRADE_COLOUR = "#c0631b";

  private GradeTonnageChart() {}

  /** The SVG of {@code t}'s all-categories rows. */
  static String svg(GradeTonnageTable t) {
    List<GradeTonnageTable.Row> rows = t.rows(null);
    String key = GradeTonnageFormats.cutoffKey(t);
    String unit = t.spec().tonnageUnit().code();
    String gradeUnit = t.gradeUnit(key);
    BigDecimal maxCut = axisMax(rows.get(rows.size() - 1).cutoff());
    BigDecimal maxTonnage = axisMax(rows.stream().map(GradeTonnageTable.Row::tonnage).reduce(BigDecimal.ZERO, BigDecimal::max));
    BigDecimal maxGrade = axisMax(rows.stream().map(r -> r.grade().get(key)).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::max));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder o = new StringBuilder();
    o.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"gt-chart\" class=\"gt-chart\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"gt-chart-title\">\n");
    o.append("<title id=\"gt-chart-title\">Grade-tonnage curve of ").append(xml(t.file())).append(": tonnage (")
        .append(unit).append(") and average ").append(xml(key)).append(" grade (").append(xml(gradeUnit))
        .append(") at or above each cut-off</title>\n");
    o.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
        .append("\" height=\"").append(plotH).append("\" fill=\"#ffffff\" stroke=\"#999999\"/>\n");
    // axes: ticks and labels
    for (BigDecimal v : ticks(maxCut)) {
      String x = px(LEFT, v, maxCut, plotW);
      o.append(line(x, String.valueOf(TOP + plotH), x, String.valueOf(TOP + plotH + 5), "#999999"));
      o.append(text(x, String.valueOf(TOP + plotH + 18), "middle", "#333333", GradeTonnageFormats.exact(v)));
    }
    for (BigDecimal v : ticks(maxTonnage)) {
      String y = py(v, maxTonnage, plotH);
      o.append(line(String.valueOf(LEFT - 5), y, String.valueOf(LEFT + plotW), y, "#e5e5e5"));
      o.append(text(String.valueOf(LEFT - 8), y, "end", TONNAGE_COLOUR, grouped(v)));
    }
    for (BigDecimal v : ticks(maxGrade)) {
      String y = py(v, maxGrade, plotH);
      o.append(line(String.valueOf(LEFT + plotW), y, String.valueOf(LEFT + plotW + 5), y, GRADE_COLOUR));
      o.append(text(String.valueOf(LEFT + plotW + 8), y, "start", GRADE_COLOUR, GradeTonnageFormats.exact(v)));
    }
    o.append(text(String.valueOf(LEFT + plotW / 2), String.valueOf(HEIGHT - 14), "middle", "#333333",
        "cut-off, " + key + " " + gradeUnit));
    o.append(text(String.valueOf(LEFT), String.valueOf(TOP - 10), "start", TONNAGE_COLOUR,
        "tonnage at or above cut-off (" + unit + ")"));
    o.append(text(String.valueOf(LEFT + plotW), String.valueOf(TOP - 10), "end", GRADE_COLOUR,
        "average " + key + " grade (" + gradeUnit + ")"));
    // the two curves
    List<String> tonnagePoints = new ArrayList<>();
    List<String> gradePoints = new ArrayList<>();
    StringBuilder marks = new StringBuilder();
    for (GradeTonnageTable.Row r : rows) {
      String x = px(LEFT, r.cutoff(), maxCut, plotW);
      String yt = py(r.tonnage(), maxTonnage, plotH);
      tonnagePoints.add(x + "," + yt);
      String tip = "cut-off " + GradeTonnageFormats.exact(r.cutoff()) + ": " + grouped(r.tonnage()) + " " + unit;
      marks.append("<circle cx=\"").append(x).append("\" cy=\"").append(yt).append("\" r=\"3.5\" fill=\"")
          .append(TONNAGE_COLOUR).append("\" class=\"gt-point-tonnage\"><title>").append(xml(tip)).append("</title></circle>\n");
      BigDecimal g = r.grade().get(key);
      if (g != null) {
        String yg = py(g, maxGrade, plotH);
        gradePoints.add(x + "," + yg);
        String gtip = "cut-off " + GradeTonnageFormats.exact(r.cutoff()) + ": " + GradeTonnageFormats.plain(g, 3) + " "
            + gradeUnit;
        marks.append("<circle cx=\"").append(x).append("\" cy=\"").append(yg).append("\" r=\"3.5\" fill=\"")
            .append(GRADE_COLOUR).append("\" class=\"gt-point-grade\"><title>").append(xml(gtip)).append("</title></circle>\n");
      }
    }
    o.append("<polyline id=\"gt-tonnage\" fill=\"none\" stroke=\"").append(TONNAGE_COLOUR)
        .append("\" stroke-width=\"2\" points=\"").append(String.join(" ", tonnagePoints)).append("\"/>\n");
    o.append("<polyline id=\"gt-grade\" fill=\"none\" stroke=\"").append(GRADE_COLOUR)
        .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"").append(String.join(" ", gradePoints)).append("\"/>\n");
    o.append(marks);
    return o.append("</svg>\n").toString();
  }

  /** The top of an axis: the maximum rounded up to a whole number of {@link #step}s (1 when zero). */
  static BigDecimal axisMax(BigDecimal max) {
    if (max.signum() <= 0) {
      return BigDecimal.ONE;
    }
    BigDecimal step = step(max);
    return max.divide(step, 0, RoundingMode.CEILING).multiply(step);
  }

  /** A step of 1, 2 or 5 times a power of ten giving at most about five ticks up to {@code max}. */
  static BigDecimal step(BigDecimal max) {
    BigDecimal raw = max.divide(BigDecimal.valueOf(5), MC);
    int exponent = raw.precision() - raw.scale() - 1;
    BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
    for (int m : new int[] {1, 2, 5}) {
      BigDecimal s = power.multiply(BigDecimal.valueOf(m));
      if (s.compareTo(raw) >= 0) {
        return s;
      }
    }
    return power.multiply(BigDecimal.TEN);
  }

  static List<BigDecimal> ticks(BigDecimal axisMax) {
    BigDecimal step = step(axisMax);
    List<BigDecimal> out = new ArrayList<>();
    for (BigDecimal v = BigDecimal.ZERO; v.compareTo(axisMax) <= 0; v = v.add(step)) {
      out.add(v);
    }
    return out;
  }

  private static String px(int left, BigDecimal v, BigDecimal max, int width) {
    return coordinate(BigDecimal.valueOf(left).add(v.multiply(BigDecimal.valueOf(width)).divide(max, MC)));
  }

  private static String py(BigDecimal v, BigDecimal max, int height) {
    return coordinate(BigDecimal.valueOf(TOP + height).subtract(v.multiply(BigDecimal.valueOf(height)).divide(max, MC)));
  }

  private static String coordinate(BigDecimal v) {
    return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String line(String x1, String y1, String x2, String y2, String colour) {
    return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + colour + "\"/>\n";
  }

  private static String text(String x, String y, String anchor, String colour, String s) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" dominant-baseline=\"middle\" font-size=\"12\""
        + " fill=\"" + colour + "\">" + xml(s) + "</text>\n";
  }

  private static String grouped(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
