/** A small client of the REST API for the bench and the fault suite. */
package io.quartermaster.bench.client;
