package io.quartermaster.orders.api;

/**
 * Who is looking: the owner key of the caller (an API client or a user) and whether they
 * may see everyone's checkouts and orders (STAFF, ADMIN). Anyone else sees only their own;
 * another owner's object is answered as not found, so ids leak nothing.
 */
public record Viewer(String owner, boolean staff, String actor) {
}
