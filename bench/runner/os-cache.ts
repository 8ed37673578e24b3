import fs from "node:fs";
import path from "node:path";
import type { DatabaseLocation } from "./kiosque.js";

const CHUNK = 1 << 20;

/**
 * Reads the SQLite database's files once, front to back, so the crawler that follows measures
 * the server and not the disk. A server that has run for a while has its database in the OS's
 * cache (a newsroom's file is a few GB at most, its machine has the memory); a bench that has
 * just written the file has it there too, until the host takes it back. Some hosts do so on
 * their own: this one pages out memory untouched for 60 s (DAMON's `pageout` scheme, see
 * /sys/kernel/mm/damon), and the 100k crawler then ran at ~1,200 req/s instead of ~1,650 from
 * the same bytes. Reading pages into the cache costs the server nothing and changes no query.
 *
 * Returns the bytes read; 0 on PostgreSQL, whose files belong to its server.
 */
export function readIntoOsCache(location: DatabaseLocation): number {
  if (location.engine !== "sqlite") return 0;
  const buffer = Buffer.allocUnsafe(CHUNK);
  let total = 0;
  for (const name of fs.readdirSync(location.dataDir)) {
    const file = path.join(location.dataDir, name);
    if (!/\.sqlite(-wal)?$/.test(name) || !fs.statSync(file).isFile()) continue;
    const fd = fs.openSync(file, "r");
    try {
      for (let n = fs.readSync(fd, buffer, 0, CHUNK, null); n > 0;) {
        total += n;
        n = fs.readSync(fd, buffer, 0, CHUNK, null);
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return total;
}
