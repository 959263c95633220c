/**
 * The published contract of the orders module: sales channels, checkouts, orders, payments and returns.
 * Other modules and the web layer use only this package and its sub-packages.
 */
package io.quartermaster.orders.api;
