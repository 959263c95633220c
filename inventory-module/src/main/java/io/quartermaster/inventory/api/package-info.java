/**
 * The published contract of the inventory module: products, locations, stock levels, holds and the stock movement ledger.
 * Other modules and the web layer use only this package and its sub-packages.
 */
package io.quartermaster.inventory.api;
