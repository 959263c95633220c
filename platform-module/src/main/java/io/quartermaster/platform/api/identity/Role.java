package io.quartermaster.platform.api.identity;

/** What a caller may do. Users hold ADMIN, STAFF, ACCOUNTANT; an API client holds one of CHANNEL, STAFF, ACCOUNTANT. */
public enum Role {
    ADMIN, STAFF, ACCOUNTANT, CHANNEL;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String STAFF_NAME = "STAFF";
    public static final String ACCOUNTANT_NAME = "ACCOUNTANT";
    public static final String CHANNEL_NAME = "CHANNEL";

    public boolean forUsers() {
        return this != CHANNEL;
    }

    public boolean forApiClients() {
        return this != ADMIN;
    }
}
