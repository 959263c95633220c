package io.quartermaster.orders.api;

import java.util.List;

public record ChannelView(String code, String name, Integer holdTtlSeconds, List<String> locations) {
}
