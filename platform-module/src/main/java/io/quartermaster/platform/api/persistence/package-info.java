/** JPA converters that every module's persistence unit lists, and LIKE patterns for search fields. */
package io.quartermaster.platform.api.persistence;
