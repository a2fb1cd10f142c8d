package org.sdelink.pipelines.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The dashboard's charts, drawn with JFreeChart as PNG images (embedded in the pages as data URIs, so a page needs
 * nothing from outside). Every chart reads a {@link ChartData}: categories along one axis, one series per colour, a
 * missing (suppressed) value left out.
 */
final class Charts {
  static final int WIDTH = 1000;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Color GRID = new Color(0xd8, 0xdd, 0xe0);
  /** NHS identity colours, in an order that keeps neighbours apart. */
  private static final Color[] PALETTE = {
    new Color(0x005eb8), new Color(0xed8b00), new Color(0x009639), new Color(0xae2573), new Color(0x41b6e6),
    new Color(0x330072), new Color(0xffb81c), new Color(0x768692), new Color(0xda291c), new Color(0x00a499)
  };
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.UK);

  /** What a chart shows: {@code values[category][series]}, null for a value not shown. */
  record ChartData(List<String> categories, List<String> series, Double[][] values) {}

  enum Style {
    STACKED_BARS, BARS, LINES, HORIZONTAL_BARS
  }

  /** How to draw: style, titles, whether values are pounds or percentages, and an optional reference line. */
  record Spec(Style style, String title, String categoryLabel, String valueLabel, boolean money, boolean percent,
      Double marker, String markerLabel) {
    static Spec of(Style style, String title, String categoryLabel, String valueLabel) {
      return new Spec(style, title, categoryLabel, valueLabel, false, false, null, null);
    }

    Spec inPounds() {
      return new Spec(style, title, categoryLabel, valueLabel, true, false, marker, markerLabel);
    }

    Spec inPercent() {
      return new Spec(style, title, categoryLabel, valueLabel, false, true, marker, markerLabel);
    }

    Spec marker(Double value, String label) {
      return new Spec(style, title, categoryLabel, valueLabel, money, percent, value, label);
    }
  }

  private Charts() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** A chart as PNG bytes. */
  static byte[] png(Spec spec, ChartData data) {
    Style style = spec.style();
    String title = spec.title();
    boolean money = spec.money();
    Double marker = spec.marker();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int c = 0; c < data.categories().size(); c++) {
      for (int s = 0; s < data.series().size(); s++) {
        dataset.addValue(data.values()[c][s], data.series().get(s), displayCategory(data.categories().get(c)));
      }
    }
    CategoryAxis categoryAxis = new CategoryAxis(spec.categoryLabel());
    categoryAxis.setLabelFont(LABEL);
    categoryAxis.setTickLabelFont(TICK);
    categoryAxis.setMaximumCategoryLabelLines(2);
    categoryAxis.setCategoryMargin(style == Style.HORIZONTAL_BARS ? 0.25 : 0.15);
    if (style != Style.HORIZONTAL_BARS && data.categories().size() > 8) {
      categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis valueAxis = new NumberAxis(spec.valueLabel());
    valueAxis.setLabelFont(LABEL);
    valueAxis.setTickLabelFont(TICK);
    valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberFormat format = money ? NumberFormat.getCurrencyInstance(Locale.UK) : NumberFormat.getNumberInstance(
        Locale.UK);
    format.setMaximumFractionDigits(spec.percent() ? 1 : 0);
    if (spec.percent()) {
      valueAxis.setRange(0, 100);
    }
    valueAxis.setNumberFormatOverride(format);
    CategoryItemRenderer renderer = renderer(style);
    for (int s = 0; s < data.series().size(); s++) {
      renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
    }
    if (style == Style.HORIZONTAL_BARS) {
      renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
      renderer.setDefaultItemLabelsVisible(true);
      renderer.setDefaultItemLabelFont(TICK);
      if (spec.percent()) {
        // Shares are mostly near 100 %: the label goes inside the end of the bar, in white.
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE3,
            TextAnchor.CENTER_RIGHT));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setDefaultItemLabelFont(TICK.deriveFont(Font.BOLD, 12f));
      } else {
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
            TextAnchor.CENTER_LEFT));
        valueAxis.setUpperMargin(0.15);
      }
    }
    CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
    plot.setOrientation(style == Style.HORIZONTAL_BARS ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(8, 8, 8, 24));
    if (marker != null) {
      ValueMarker line = new ValueMarker(marker, Color.BLACK, new BasicStroke(2f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
      line.setLabel(spec.markerLabel());
      line.setLabelFont(TICK);
      line.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
      line.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      line.setLabelBackgroundColor(Color.WHITE);
      plot.addRangeMarker(line, Layer.BACKGROUND);
    }
    boolean legend = data.series().size() > 1;
    JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (legend) {
      LegendTitle legendTitle = chart.getLegend();
      legendTitle.setItemFont(TICK);
      legendTitle.setPosition(RectangleEdge.BOTTOM);
      legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    int height = style == Style.HORIZONTAL_BARS
        ? Math.max(260, 120 + data.categories().size() * (spec.percent() ? 20 * data.series().size() + 12
            : Math.max(24, 14 * data.series().size() + 10)))
        : 440;
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, height);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart " + title, e);
    }
  }

  private static CategoryItemRenderer renderer(Style style) {
    switch (style) {
      case STACKED_BARS -> {
        StackedBarRenderer stacked = new StackedBarRenderer();
        stacked.setBarPainter(new StandardBarPainter());
        stacked.setShadowVisible(false);
        stacked.setMaximumBarWidth(0.06);
        return stacked;
      }
      case LINES -> {
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        lines.setDefaultStroke(new BasicStroke(2.5f));
        lines.setAutoPopulateSeriesStroke(false);
        return lines;
      }
      default -> {
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(style == Style.BARS ? 0.06 : 0.5);
        return bars;
      }
    }
  }

  /** {@code 2024-04} becomes {@code Apr 2024}; other labels stay as they are. */
  static String displayCategory(String category) {
    if (category.matches("\\d{4}-\\d{2}")) {
      try {
        return YearMonth.parse(category).format(MONTH);
      } catch (DateTimeParseException e) {
        return category;
      }
    }
    return category;
  }

  static Paint colour(int series) {
    return PALETTE[series % PALETTE.length];
  }
}
