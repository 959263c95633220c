// What the register keeps on the device (IndexedDB): its pairing, the last view of it the server
// gave, the last time the server answered, the next sale number, and the sales not yet
// acknowledged. A sale and its number are written in one transaction before the screen says "Sold".

const DB_NAME = 'quartermaster-register';
const DB_VERSION = 1;

let opened;

function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('kv');
        db.createObjectStore('sales', { keyPath: 'seq' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the device refused to store the sale'));
  });
}

function result(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function get(key) {
  const db = await open();
  return result(db.transaction('kv').objectStore('kv').get(key));
}

export async function put(key, value) {
  const db = await open();
  const tx = db.transaction('kv', 'readwrite');
  tx.objectStore('kv').put(value, key);
  return done(tx);
}

/** Forgets everything: a register paired anew starts clean (its unsent sales must be sent first). */
export async function clear() {
  const db = await open();
  const tx = db.transaction(['kv', 'sales'], 'readwrite');
  tx.objectStore('kv').clear();
  tx.objectStore('sales').clear();
  return done(tx);
}

/**
 * Numbers the sale with the next sale number and stores both at once: either the sale is kept
 * with its number or nothing changed. Returns the sale as stored.
 */
export async function addSale(sale) {
  const db = await open();
  const tx = db.transaction(['kv', 'sales'], 'readwrite');
  const kv = tx.objectStore('kv');
  const seq = (await result(kv.get('nextSeq'))) || 1;
  const stored = { ...sale, seq };
  tx.objectStore('sales').add(stored);
  kv.put(seq + 1, 'nextSeq');
  await done(tx);
  return stored;
}

/** Sales waiting to be acknowledged, oldest number first (at most {@code limit}). */
export async function waiting(limit = 500) {
  const db = await open();
  const all = await result(db.transaction('sales').objectStore('sales').getAll(null, limit));
  return all.sort((a, b) => a.seq - b.seq);
}

export async function countWaiting() {
  const db = await open();
  return result(db.transaction('sales').objectStore('sales').count());
}

/** The server acknowledged these sales (recorded, recorded before, or refused): they leave the device. */
export async function acknowledge(seqs) {
  const db = await open();
  const tx = db.transaction('sales', 'readwrite');
  seqs.forEach(seq => tx.objectStore('sales').delete(seq));
  return done(tx);
}

/** Raises the next sale number to at least {@code seq} (never lowers it: a number is used once). */
export async function nextSeqAtLeast(seq) {
  const db = await open();
  const tx = db.transaction('kv', 'readwrite');
  const kv = tx.objectStore('kv');
  const current = (await result(kv.get('nextSeq'))) || 1;
  if (seq > current) {
    kv.put(seq, 'nextSeq');
  }
  return done(tx);
}
