// The counter's arithmetic: what the register still holds of a SKU, a cart's lines and totals.
// Prices are tax-exclusive; line taxes are summed and the sum rounded once, as the server does.

/** Units of each SKU the register may still sell: what the server last said it holds, less what waits to be sent. */
export function held(view, waitingSales) {
  const units = new Map();
  (view && view.allotments || []).forEach(a => units.set(a.sku, a.remaining));
  waitingSales.forEach(sale => sale.lines.forEach(line => {
    if (units.has(line.sku)) {
      units.set(line.sku, Math.max(0, units.get(line.sku) - line.quantity));
    }
  }));
  return units;
}

/** An amount as the API writes it (10.5, "10.50") in cents. */
export function cents(amount) {
  return Math.round(Number(amount) * 100);
}

/** Subtotal, tax and total in cents. */
export function totals(lines) {
  let subtotal = 0;
  let tax = 0;
  lines.forEach(line => {
    const lineCents = cents(line.unitPrice) * line.quantity;
    subtotal += lineCents;
    tax += lineCents * Number(line.taxRate || 0);
  });
  tax = Math.round(tax);
  return { subtotal, tax, total: subtotal + tax };
}

export function money(centsValue, currency = 'EUR') {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(centsValue / 100);
}

/** Products that match what was typed: the SKU exactly (a scanner), else SKU or name containing it. */
export function search(allotments, typed) {
  const text = typed.trim().toLowerCase();
  if (!text) {
    return allotments;
  }
  const exact = allotments.filter(a => a.sku.toLowerCase() === text);
  if (exact.length) {
    return exact;
  }
  return allotments.filter(a => a.sku.toLowerCase().includes(text) || (a.name || '').toLowerCase().includes(text));
}

/**
 * Why the cart cannot be sold, or null: a quantity beyond what the register holds, or the offline
 * window passed since the server last answered.
 */
export function refusal(cart, units, lastContact, offlineHours, now = Date.now()) {
  if (!cart.length) {
    return 'The cart is empty.';
  }
  if (lastContact && now - lastContact > offlineHours * 3600 * 1000) {
    return 'This register has been offline for more than ' + offlineHours + ' hours: it may not sell until it reaches '
      + 'the server again.';
  }
  for (const line of cart) {
    const left = units.get(line.sku) || 0;
    if (line.quantity > left) {
      return 'Only ' + left + ' × ' + line.sku + ' left at this register; the cart has ' + line.quantity + '.';
    }
  }
  return null;
}
