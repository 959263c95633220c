/**
 * The published contract of the erp module: the chart of accounts, the journal, alerts, vendors and purchase orders.
 * Other modules and the web layer use only this package and its sub-packages.
 */
package io.quartermaster.erp.api;
