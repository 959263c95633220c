// The register app (DESIGN.md §9): sells at the counter from what the server set aside for this
// register, online or not. A sale is written on the device (IndexedDB) before the screen says
// "Sold", then sent in number order, again and again until the server acknowledges it.

import * as store from './store.js';
import * as api from './api.js';
import { cents, held, money, refusal, search, totals } from './cart.js';

const SYNC_MS = 5000;
const TOP_UP_MS = 30000;

const state = { register: null, view: null, lastContact: 0, waiting: [], online: null, cart: [], notice: '',
  syncing: false, lastTopUp: 0 };
const $ = id => document.getElementById(id);

start();

async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => undefined); // the app still works, only not offline
  }
  bind();
  const pairing = new URLSearchParams(location.search).get('pair');
  if (pairing) {
    history.replaceState(null, '', location.pathname); // the code is spent: do not keep it in the address bar
    await pairWith(pairing);
  }
  state.register = await store.get('register');
  if (!state.register) {
    show('pairing');
    return;
  }
  state.view = await store.get('view');
  state.lastContact = (await store.get('lastContact')) || 0;
  await refreshWaiting();
  show('till');
  render();
  sync();
  setInterval(sync, SYNC_MS);
  addEventListener('online', sync);
}

function bind() {
  $('pair-form').addEventListener('submit', async event => {
    event.preventDefault();
    if (await pairWith($('pairing-code').value)) {
      location.reload();
    }
  });
  $('search').addEventListener('input', renderProducts);
  $('search').addEventListener('keydown', event => {
    if (event.key === 'Enter') { // a scanner types the code and Enter
      const found = search(allotments(), $('search').value);
      if (found.length === 1) {
        add(found[0].sku);
        $('search').value = '';
        renderProducts();
      }
    }
  });
  $('pay-cash').addEventListener('click', () => sell({ type: 'CASH' }));
  $('pay-card').addEventListener('click', () => sell({ type: 'CARD', token: $('card-token').value.trim() }));
  $('receipt-close').addEventListener('click', () => {
    $('receipt').close();
    $('search').focus();
  });
}

async function pairWith(code) {
  try {
    const paired = await api.pair(code.trim());
    const before = await store.get('register');
    if (before && before.code !== paired.code) {
      if (await store.countWaiting()) {
        message('This device still holds unsent sales of register ' + before.code + '. Let them reach the server first.');
        return false;
      }
      await store.clear();
    }
    await store.put('register', { code: paired.code, name: paired.name, location: paired.location,
      offlineHours: paired.offlineHours, key: paired.key });
    state.register = await store.get('register');
    await saveView(await api.register(paired.code, paired.key));
    return true;
  } catch (e) {
    message(e instanceof api.Unreachable ? 'Pairing needs the server, which cannot be reached now.'
      : 'That pairing code does not work: ' + e.message);
    show('pairing');
    return false;
  }
}

async function saveView(view) {
  state.view = view;
  state.lastContact = Date.now();
  await store.put('view', view);
  await store.put('lastContact', state.lastContact);
  await store.nextSeqAtLeast((view.lastSeq || 0) + 1);
}

async function refreshWaiting() {
  state.waiting = await store.waiting(100000);
}

/** Sends what waits (500 at a time, in number order), then asks for top-ups; offline, tries again later. */
async function sync() {
  if (state.syncing || !state.register) {
    return;
  }
  state.syncing = true;
  const { code, key } = state.register;
  try {
    let batch = await store.waiting(500);
    const sent = batch.length > 0;
    while (batch.length) {
      const answer = await api.sendSales(code, key, batch.map(wire));
      const refused = answer.results.filter(r => r.status === 'REFUSED');
      await store.acknowledge(answer.results.map(r => r.seq));
      await saveView(answer.register);
      if (refused.length) {
        state.notice = refused.length + (refused.length === 1 ? ' sale was' : ' sales were') + ' refused by the server ('
          + refused.map(r => '#' + r.seq + ': ' + (r.problem && (r.problem.detail || r.problem.title))).join('; ')
          + '). Staff see them on the Registers page.';
      }
      batch = batch.length === 500 ? await store.waiting(500) : [];
    }
    const lines = allotments().map(a => ({ sku: a.sku, target: a.target }));
    if ((sent || Date.now() - state.lastTopUp > TOP_UP_MS || state.online !== true) && lines.length
        && state.view.status !== 'CLOSED') {
      await saveView(await api.topUp(code, key, lines)); // back to the targets staff set
      state.lastTopUp = Date.now();
    } else {
      await saveView(await api.register(code, key)); // also how the register learns it is online
    }
    state.online = true;
  } catch (e) {
    if (e instanceof api.Unreachable) {
      state.online = false;
    } else if (e.status === 401 || e.status === 404) {
      state.online = true;
      state.notice = 'The server no longer knows this device\'s key (the register was paired again elsewhere?). '
        + 'Pair this device again; its unsent sales stay on it.';
    } else {
      state.online = true;
      state.notice = 'The server refused: ' + e.message;
    }
  } finally {
    state.syncing = false;
    await refreshWaiting();
    render();
  }
}

function wire(sale) {
  return { id: sale.id, seq: sale.seq, soldAt: sale.soldAt, lines: sale.lines.map(l => ({ sku: l.sku,
    quantity: l.quantity, unitPrice: l.unitPrice })), tender: sale.tender, cashier: sale.cashier || undefined };
}

function allotments() {
  return (state.view && state.view.allotments) || [];
}

function add(sku) {
  const product = allotments().find(a => a.sku === sku);
  const line = state.cart.find(l => l.sku === sku);
  const left = held(state.view, state.waiting).get(sku) || 0;
  if ((line ? line.quantity : 0) + 1 > left) {
    message('Only ' + left + ' × ' + sku + ' left at this register.');
    return;
  }
  if (line) {
    line.quantity++;
  } else {
    state.cart.push({ sku, name: product.name, unitPrice: product.price, taxRate: product.taxRate, quantity: 1 });
  }
  message('');
  render();
}

function setQuantity(sku, quantity) {
  const line = state.cart.find(l => l.sku === sku);
  if (!line) {
    return;
  }
  line.quantity = Math.max(0, Math.floor(quantity) || 0);
  state.cart = state.cart.filter(l => l.quantity > 0);
  render();
}

async function sell(tender) {
  if (tender.type === 'CARD' && !tender.token) {
    message('Read the card first: a card payment needs its token.');
    return;
  }
  await refreshWaiting();
  const why = refusal(state.cart, held(state.view, state.waiting), state.lastContact, state.register.offlineHours);
  if (why) {
    message(why);
    return;
  }
  const lines = state.cart.map(l => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice,
    taxRate: l.taxRate }));
  let stored;
  try {
    stored = await store.addSale({ id: crypto.randomUUID(), soldAt: new Date().toISOString(), lines, tender });
  } catch (e) {
    message('The sale could not be saved on this device (' + e.message + '): nothing was sold.');
    return;
  }
  state.cart = [];
  message('');
  await refreshWaiting();
  render();
  receipt(stored);
  sync();
}

function receipt(sale) {
  const t = totals(sale.lines);
  const body = $('receipt-body');
  body.replaceChildren();
  const lines = document.createElement('ul');
  sale.lines.forEach(l => lines.append(item(l.quantity + ' × ' + (l.name || l.sku) + ' — '
    + money(cents(l.unitPrice) * l.quantity))));
  body.append(paragraph(state.register.name + ' · sale #' + sale.seq + ' · ' + new Date(sale.soldAt).toLocaleString()),
    lines, paragraph('Subtotal ' + money(t.subtotal) + ' · tax ' + money(t.tax)),
    paragraph('Total ' + money(t.total) + ' · paid by ' + (sale.tender.type === 'CARD' ? 'card' : 'cash'), 'receipt-total'),
    paragraph(state.online ? 'Saved on this register; sending it to the server now.'
      : 'Saved on this register; it goes to the server when the network is back.'));
  $('receipt').showModal();
  $('receipt-close').focus();
}

function render() {
  const offlineUntil = state.lastContact ? new Date(state.lastContact + state.register.offlineHours * 3600 * 1000) : null;
  $('title').textContent = state.register ? state.register.name + ' · ' + state.register.location : 'Register';
  $('status-connection').textContent = state.online === null ? 'Connecting…' : state.online ? 'Online' : 'Offline';
  $('status').className = state.online === false ? 'offline' : state.online ? 'online' : '';
  $('status-waiting').textContent = state.waiting.length === 1 ? '1 sale waiting to be sent'
    : state.waiting.length + ' sales waiting to be sent';
  $('status-until').textContent = offlineUntil ? 'may sell offline until ' + offlineUntil.toLocaleString(undefined,
    { dateStyle: 'medium', timeStyle: 'short' }) : 'has not reached the server yet';
  $('notice').textContent = state.view && state.view.status === 'CLOSED'
    ? 'This register is closed: it sells no more.' : state.notice;
  renderProducts();
  renderCart();
}

function renderProducts() {
  const units = held(state.view, state.waiting);
  const list = $('product-list');
  list.replaceChildren();
  search(allotments(), $('search').value).forEach(a => {
    const left = units.get(a.sku) || 0;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'product';
    button.disabled = left === 0;
    button.dataset.sku = a.sku;
    button.setAttribute('aria-label', 'Add ' + (a.name || a.sku) + ', ' + money(cents(a.price))
      + ', ' + left + ' left');
    button.append(span(a.name || a.sku, 'name'), span(a.sku, 'sku'), span(money(cents(a.price)), 'price'),
      span(left === 0 ? 'none left' : left + ' left', 'left'));
    button.addEventListener('click', () => add(a.sku));
    list.append(item(button));
  });
  if (!list.children.length) {
    list.append(item(allotments().length ? 'No product matches.' : 'Nothing is set aside for this register yet.'));
  }
}

function renderCart() {
  const body = $('cart-lines');
  body.replaceChildren();
  state.cart.forEach(l => {
    const row = document.createElement('tr');
    const quantity = document.createElement('input');
    quantity.type = 'number';
    quantity.min = '0';
    quantity.value = l.quantity;
    quantity.className = 'quantity';
    quantity.setAttribute('aria-label', 'Quantity of ' + (l.name || l.sku));
    quantity.addEventListener('change', () => setQuantity(l.sku, Number(quantity.value)));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove ' + (l.name || l.sku));
    remove.addEventListener('click', () => setQuantity(l.sku, 0));
    row.append(cell(l.name || l.sku), cell(quantity), cell(money(cents(l.unitPrice) * l.quantity)),
      cell(remove));
    body.append(row);
  });
  const t = totals(state.cart);
  $('cart-empty').hidden = state.cart.length > 0;
  $('cart-table').hidden = state.cart.length === 0;
  $('total-subtotal').textContent = money(t.subtotal);
  $('total-tax').textContent = money(t.tax);
  $('total-total').textContent = money(t.total);
  const closed = state.view && state.view.status === 'CLOSED';
  $('pay-cash').disabled = $('pay-card').disabled = state.cart.length === 0 || closed;
}

function show(section) {
  $('pairing').hidden = section !== 'pairing';
  $('till').hidden = section !== 'till';
}

function message(text) {
  $('message').textContent = text;
}

function span(text, className) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

function item(content) {
  const li = document.createElement('li');
  li.append(content);
  return li;
}

function cell(content) {
  const td = document.createElement('td');
  td.append(content);
  return td;
}

function paragraph(text, className) {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) {
    p.className = className;
  }
  return p;
}
