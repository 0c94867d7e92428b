package dev.atrium.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Latency against offered rate, one panel per mode, p50 solid and p99 dashed, log latency axis. */
public final class Plot {

    private static final int PANEL_W = 560;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double MIN_MS = 0.1;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e)};

    private Plot() {
    }

    public static void write(List<RunResult> results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> modes = results.stream().map(RunResult::mode).distinct().toList();
        List<String> targets = results.stream().map(RunResult::target).distinct().toList();
        int width = Math.max(1, modes.size()) * PANEL_W;
        BufferedImage image = new BufferedImage(width, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, H);
        double maxRate = 1.1 * results.stream().mapToDouble(RunResult::rate).max().orElse(1);
        double maxMs = results.stream().mapToDouble(r -> r.latency().p99()).filter(v -> !Double.isNaN(v))
                .max().orElse(10);
        double topMs = Math.pow(10, Math.ceil(Math.log10(Math.max(1, maxMs))));
        for (int m = 0; m < modes.size(); m++) {
            String mode = modes.get(m);
            Graphics2D panel = (Graphics2D) g.create(m * PANEL_W, 0, PANEL_W, H);
            axes(panel, mode, maxRate, topMs);
            for (int t = 0; t < targets.size(); t++) {
                String target = targets.get(t);
                Map<Double, RunResult> points = new LinkedHashMap<>();
                results.stream().filter(r -> r.mode().equals(mode) && r.target().equals(target))
                        .sorted((a, b) -> Double.compare(a.rate(), b.rate())).forEach(r -> points.put(r.rate(), r));
                Color colour = COLOURS[t % COLOURS.length];
                line(panel, points, r -> r.latency().p50(), colour, false, maxRate, topMs);
                line(panel, points, r -> r.latency().p99(), colour, true, maxRate, topMs);
                panel.setColor(colour);
                panel.fillRect(LEFT + 10, TOP + 10 + t * 16, 12, 4);
                panel.setColor(Color.BLACK);
                panel.drawString(target, LEFT + 28, TOP + 16 + t * 16);
            }
            panel.drawString("solid p50, dashed p99", LEFT + 10, TOP + 16 + targets.size() * 16 + 4);
            panel.dispose();
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static void axes(Graphics2D g, String mode, double maxRate, double topMs) {
        int plotW = PANEL_W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString("latency vs offered rate (" + mode + ")", LEFT, 22);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (double ms = MIN_MS; ms <= topMs * 1.0001; ms *= 10) {
            int y = y(ms, topMs);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, y, LEFT + plotW - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(ms < 1 ? String.valueOf(ms) : String.valueOf((long) ms), 8, y + 4);
        }
        for (int i = 0; i <= 4; i++) {
            double rate = maxRate * i / 4;
            int x = x(rate, maxRate);
            g.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
            g.drawString(String.valueOf(Math.round(rate)), x - 10, TOP + plotH + 18);
        }
        g.drawString("offered rate (requests/s)", LEFT + plotW / 2 - 60, H - 18);
        g.drawString("ms", 8, TOP - 8);
    }

    private static void line(Graphics2D g, Map<Double, RunResult> points, ToDoubleFunction<RunResult> value,
            Color colour, boolean dashed, double maxRate, double topMs) {
        g.setColor(colour);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (RunResult r : points.values()) {
            double ms = value.applyAsDouble(r);
            if (Double.isNaN(ms)) {
                continue;
            }
            int x = x(r.rate(), maxRate);
            int y = y(ms, topMs);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static int x(double rate, double maxRate) {
        return LEFT + (int) Math.round(rate / maxRate * (PANEL_W - LEFT - RIGHT));
    }

    private static int y(double ms, double topMs) {
        double span = Math.log10(topMs) - Math.log10(MIN_MS);
        double at = (Math.log10(Math.max(MIN_MS, ms)) - Math.log10(MIN_MS)) / span;
        return TOP + (int) Math.round((1 - at) * (H - TOP - BOTTOM));
    }
}
