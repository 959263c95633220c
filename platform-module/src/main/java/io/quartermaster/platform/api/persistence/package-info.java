/** JPA converters that every module's persistence unit lists. */
package io.quartermaster.platform.api.persistence;
