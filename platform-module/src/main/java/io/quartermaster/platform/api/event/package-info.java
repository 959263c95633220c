/**
 * Events between modules: the outbox that stores them with the change that caused them,
 * the envelope they travel in, and the handler contract of idempotent consumers.
 */
package io.quartermaster.platform.api.event;
