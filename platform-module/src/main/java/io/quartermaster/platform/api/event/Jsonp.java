package io.quartermaster.platform.api.event;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * One JSON-P provider for the whole application. {@code jakarta.json.Json.createReader(…)} and
 * friends look the provider up through the ServiceLoader on <em>every</em> call — class-loader
 * scans under a lock, measured by the benchmark at ~12 % of the CPU of an order (see
 * bench/README.md). Use these instead.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    public static JsonObject parseObject(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static jakarta.json.JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** {@code text} as a JSON string literal, quotes and escapes included. */
    public static String quote(String text) {
        return PROVIDER.createValue(text).toString();
    }
}
