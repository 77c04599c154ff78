package eu.privacysuite.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * consent-service's rates (accepted and refused per site, service, policy version and week) as bar charts drawn on the
 * server: one chart per service and policy version, one bar per week, its height the share accepted. The page draws
 * them as SVG rectangles (no script, no chart library) with the figures in a table beside them.
 */
public final class ConsentCharts {

    public static final int WIDTH = 560;
    public static final int HEIGHT = 120;

    private ConsentCharts() {
    }

    public record Bar(String week, long accepted, long refused, int percent, int x, int y, int width, int height) {
    }

    public record Chart(String service, String policyVersion, List<Bar> bars) {
    }

    public static List<Chart> of(List<Map<String, Object>> rates) {
        Map<String, List<Map<String, Object>>> byChart = new LinkedHashMap<>();
        for (Map<String, Object> rate : rates) {
            byChart.computeIfAbsent(rate.get("service") + "\u0000" + rate.get("policyVersion"), k -> new ArrayList<>()).add(rate);
        }
        List<Chart> charts = new ArrayList<>();
        for (List<Map<String, Object>> weeks : byChart.values()) {
            weeks.sort((a, b) -> String.valueOf(a.get("week")).compareTo(String.valueOf(b.get("week"))));
            int slot = WIDTH / Math.max(1, weeks.size());
            int width = Math.max(4, slot - 6);
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < weeks.size(); i++) {
                Map<String, Object> w = weeks.get(i);
                long accepted = ((Number) w.get("accepted")).longValue();
                long refused = ((Number) w.get("refused")).longValue();
                int percent = accepted + refused == 0 ? 0 : (int) Math.round(100.0 * accepted / (accepted + refused));
                int height = HEIGHT * percent / 100;
                bars.add(new Bar(String.valueOf(w.get("week")), accepted, refused, percent, i * slot + 3, HEIGHT - height, width, height));
            }
            charts.add(new Chart(String.valueOf(weeks.get(0).get("service")), String.valueOf(weeks.get(0).get("policyVersion")), bars));
        }
        return charts;
    }
}
