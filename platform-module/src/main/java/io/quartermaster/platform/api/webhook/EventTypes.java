package io.quartermaster.platform.api.webhook;

import java.util.Set;

/**
 * The event types the application publishes. The platform knows no module's events; the WAR,
 * which sees every module, provides this bean, so that a subscription to a misspelt type is
 * refused instead of silently receiving nothing.
 */
public interface EventTypes {

    Set<String> names();
}
