package io.quartermaster.inventory.api;

public record LocationView(String code, String name) {
}
