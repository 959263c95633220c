package io.quartermaster.web.faces;

import io.quartermaster.platform.api.event.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** Chart.js configurations (what PrimeFaces' {@code p:chart} draws) built as JSON on the server. */
public final class Charts {

    private static final String[] COLOURS = {"#2563eb", "#16a34a", "#ea580c", "#9333ea", "#0891b2", "#ca8a04", "#dc2626"};

    private Charts() {
    }

    /** A stacked bar chart: one bar per label, one coloured part per series. */
    public static String stackedBars(List<String> labels, Map<String, ? extends List<? extends Number>> series, String yTitle) {
        JsonArrayBuilder datasets = Jsonp.array();
        int i = 0;
        for (Map.Entry<String, ? extends List<? extends Number>> s : series.entrySet()) {
            datasets.add(Jsonp.object().add("label", s.getKey()).add("data", numbers(s.getValue()))
                    .add("backgroundColor", COLOURS[i++ % COLOURS.length]));
        }
        return Jsonp.object().add("type", "bar")
                .add("data", Jsonp.object().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", options(yTitle).add("scales", Jsonp.object()
                        .add("x", Jsonp.object().add("stacked", true))
                        .add("y", Jsonp.object().add("stacked", true).add("beginAtZero", true)
                                .add("title", Jsonp.object().add("display", true).add("text", yTitle)))))
                .build().toString();
    }

    /** A point of a time series: when (epoch milliseconds) and the value from then on. */
    public record Point(long epochMillis, long value) {
    }

    /**
     * A stepped line per series on a time axis: points placed by when they happened (not evenly), the
     * level holding until the next change. The axis labels are drawn in {@code zone} by the page's
     * {@code qmTimeAxis} extender (Chart.js needs a function for that, which JSON cannot carry).
     */
    public static String steppedTimeLines(Map<String, List<Point>> series, String yTitle, String zone) {
        JsonArrayBuilder datasets = Jsonp.array();
        int i = 0;
        for (Map.Entry<String, List<Point>> s : series.entrySet()) {
            String colour = COLOURS[i++ % COLOURS.length];
            JsonArrayBuilder data = Jsonp.array();
            s.getValue().forEach(p -> data.add(Jsonp.object().add("x", p.epochMillis()).add("y", p.value())));
            datasets.add(Jsonp.object().add("label", s.getKey()).add("data", data)
                    .add("borderColor", colour).add("backgroundColor", colour).add("stepped", true));
        }
        return Jsonp.object().add("type", "line")
                .add("data", Jsonp.object().add("datasets", datasets))
                .add("options", options(yTitle).add("qmTimeZone", zone).add("scales", Jsonp.object()
                        .add("x", Jsonp.object().add("type", "linear").add("ticks", Jsonp.object().add("maxTicksLimit", 8)))
                        .add("y", Jsonp.object().add("beginAtZero", true)
                                .add("title", Jsonp.object().add("display", true).add("text", yTitle)))))
                .build().toString();
    }

    private static JsonObjectBuilder options(String title) {
        return Jsonp.object().add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("plugins", Jsonp.object().add("legend", Jsonp.object().add("position", "bottom")));
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Jsonp.array();
        values.forEach(array::add);
        return array;
    }

    private static JsonArrayBuilder numbers(List<? extends Number> values) {
        JsonArrayBuilder array = Jsonp.array();
        for (Number n : values) {
            if (n == null) {
                array.addNull();
            } else {
                array.add(n.longValue());
            }
        }
        return array;
    }
}
