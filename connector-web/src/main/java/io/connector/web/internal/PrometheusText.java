package io.connector.web.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Prometheus' text exposition format, version 0.0.4. Written by hand: the format is a few lines of
 * rules, and the Prometheus Java clients' OSGi metadata has broken from release to release.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    /** Starts a metric family: its help line and type. */
    public PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample; labels in the map's order. */
    public PrometheusText sample(String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text.append(separator).append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
                separator = ",";
            }
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    /** A bucket bound as its {@code le} label. */
    static String bound(double bound) {
        return Double.isInfinite(bound) ? "+Inf" : number(bound);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
