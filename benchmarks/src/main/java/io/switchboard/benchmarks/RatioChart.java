/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.benchmarks;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The suite's chart: per binding and size, Switchboard's throughput, CPU per message and p99 latency as ratios to
 * the native client's (1.0 = the same; throughput higher is better, the others lower), drawn with JFreeChart.
 */
final class RatioChart {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();

    /** Adds one binding and size; a NaN ratio is left out. */
    void add(String category, double throughput, double cpu, double p99) {
        put(throughput, "throughput", category);
        put(cpu, "CPU per message", category);
        put(p99, "p99 latency", category);
    }

    private void put(double value, String series, String category) {
        if (!Double.isNaN(value)) {
            data.addValue(value, series, category);
        }
    }

    void write(Path png, String subtitle) throws IOException {
        JFreeChart chart = ChartFactory.createBarChart("Switchboard / native client (1.0 = equal)", null, "ratio", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ValueMarker parity = new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.5f));
        plot.addRangeMarker(parity);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 600);
    }
}
