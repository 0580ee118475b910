package dev.matcher.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG chart canvas: linear axes with nice ticks and a light grid, lines, bars, markers and a legend.
 * Output is well-formed XML with every text escaped, sized by its viewBox so it scales with the page.
 */
final class Plot {
    static final int LEFT = 58;
    static final int RIGHT = 18;
    static final int TOP = 30;
    static final int BOTTOM = 46;

    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();   // label, colour, dash, kind (line|box)
    private final String title;
    private double xMin = 0;
    private double xMax = 1;
    private double yMin = 0;
    private double yMax = 1;
    private String xLabel = "";
    private String yLabel = "";

    Plot(int width, int height, String title) {
        this.width = width;
        this.height = height;
        this.title = title;
    }

    Plot x(double min, double max, String label) {
        xMin = min;
        xMax = max > min ? max : min + 1;
        xLabel = label;
        return this;
    }

    Plot y(double min, double max, String label) {
        yMin = min;
        yMax = max > min ? max : min + 1;
        yLabel = label;
        return this;
    }

    double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * (width - LEFT - RIGHT);
    }

    double py(double y) {
        return height - BOTTOM - (y - yMin) / (yMax - yMin) * (height - TOP - BOTTOM);
    }

    /** Draws the grid, the axes and their tick labels (call before the data so the data sits on top). */
    Plot axes() {
        for (double t : ticks(xMin, xMax)) {
            double x = px(t);
            body.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>", x, TOP, x, height - BOTTOM));
            body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                    x, height - BOTTOM + 16, tickLabel(t, xMax - xMin)));
        }
        for (double t : ticks(yMin, yMax)) {
            double y = py(t);
            body.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", LEFT, y, width - RIGHT, y));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, tickLabel(t, yMax - yMin)));
        }
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>",
                LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM));
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
                (LEFT + width - RIGHT) / 2.0, height - 8, Html.escape(xLabel)));
        body.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>",
                (TOP + height - BOTTOM) / 2.0, (TOP + height - BOTTOM) / 2.0, Html.escape(yLabel)));
        return this;
    }

    /** A polyline through the points (clipped to the plot area); {@code dash} null for solid. */
    Plot line(double[] xs, double[] ys, String colour, double strokeWidth, String dash, String label) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(clampX(xs[i])), py(clampY(ys[i]))));
            }
        }
        if (points.length() > 0) {
            body.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"%s/>",
                    points.toString().trim(), colour, strokeWidth, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        }
        if (label != null) {
            legend.add(new String[] {label, colour, dash, "line"});
        }
        return this;
    }

    /** A bar from {@code x0} to {@code x1}, from 0 up to {@code y}. */
    Plot bar(double x0, double x1, double y, String colour, double opacity, String tooltip) {
        double left = px(x0);
        double right = px(x1);
        double top = py(clampY(y));
        double base = py(Math.max(yMin, 0));
        body.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\">",
                left, Math.min(top, base), Math.max(0.5, right - left), Math.abs(base - top), colour, opacity));
        body.append("<title>").append(Html.escape(tooltip)).append("</title></rect>");
        return this;
    }

    /** A vertical marker line across the plot, labelled at the top. */
    Plot vline(double x, String colour, String label) {
        return vline(x, colour, label, false);
    }

    /** A vertical marker line across the plot, labelled at the top or the bottom. */
    Plot vline(double x, String colour, String label, boolean labelAtBottom) {
        if (!Double.isFinite(x) || x < xMin || x > xMax) {
            return this;
        }
        double p = px(x);
        body.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>",
                p, TOP, p, height - BOTTOM, colour));
        boolean right = p > (LEFT + width - RIGHT) / 2.0;
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"note\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                right ? p - 4 : p + 4, labelAtBottom ? height - BOTTOM - 6 : TOP + 12, right ? "end" : "start", colour,
                Html.escape(label)));
        return this;
    }

    /** A dot with a short label beside it. */
    Plot marker(double x, double y, String colour, String label) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return this;
        }
        double cx = px(clampX(x));
        double cy = py(clampY(y));
        body.append(String.format(Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>", cx, cy, colour));
        // below the dot, towards the middle: under a PR curve falling to the right that space is empty
        boolean leftOfDot = cx > LEFT + (width - LEFT - RIGHT) * 0.45;
        double ty = cy + 20 > height - BOTTOM - 4 ? cy - 10 : cy + 20;
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"note\" text-anchor=\"%s\">%s</text>",
                leftOfDot ? cx - 8 : cx + 8, ty, leftOfDot ? "end" : "start", Html.escape(label)));
        return this;
    }

    /** Faint text inside the plot at data coordinates. */
    Plot label(double x, double y, String text) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"faint\">%s</text>",
                px(x), py(y), Html.escape(text)));
        return this;
    }

    /** A legend entry for filled boxes (bars). */
    Plot legendBox(String label, String colour) {
        legend.add(new String[] {label, colour, null, "box"});
        return this;
    }

    /** A note centred in the plot area, for plots without data. */
    Plot empty(String message) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"empty\" text-anchor=\"middle\">%s</text>",
                (LEFT + width - RIGHT) / 2.0, (TOP + height - BOTTOM) / 2.0, Html.escape(message)));
        return this;
    }

    /** The chart; legend entries sit in a row above the plot area so they never hide data. */
    String svg() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" class=\"plot\">",
                width, height));
        b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append(body);
        int x = LEFT;
        int y = 14;
        for (String[] l : legend) {
            if (l[3].equals("box")) {
                b.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" rx=\"2\" fill=\"%s\" fill-opacity=\"0.8\"/>",
                        x, y - 5, l[1]));
            } else {
                b.append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                        x, y, x + 16, y, l[1], l[2] == null ? "" : " stroke-dasharray=\"" + l[2] + "\""));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"legend-text\">%s</text>",
                    x + 21, y + 4, Html.escape(l[0])));
            x += 21 + (int) Math.ceil(l[0].length() * 6.6) + 18;
        }
        return b.append("</svg>").toString();
    }

    private double clampX(double x) {
        return Math.max(xMin, Math.min(xMax, x));
    }

    private double clampY(double y) {
        return Math.max(yMin, Math.min(yMax, y));
    }

    /** Round tick positions: steps of 1, 2, 2.5 or 5 times a power of ten, about five of them. */
    static double[] ticks(double min, double max) {
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String tickLabel(double t, double range) {
        if (range >= 5 && t == Math.rint(t)) {
            return Long.toString((long) t);
        }
        String s = String.format(Locale.ROOT, range >= 0.5 ? "%.2f" : "%.3f", t);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
