// chrono.parse over every article of a JSONL corpus, reference date = its publication
// date; prints {"docs", "results", "seconds"} with the parse time only (after loading).
import { createRequire } from "module";
import fs from "fs";
const require = createRequire(process.cwd() + "/");
const chrono = require("chrono-node");
const docs = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(l => l.trim())
  .map(l => JSON.parse(l)).map(j => ({ text: j.text || "", ref: new Date((j.published || j.dct) + "T12:00:00Z") }));
chrono.parse("warm up on Tuesday", new Date());
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let results = 0;
for (const d of docs) results += chrono.parse(d.text, d.ref).length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const c1 = process.cpuUsage(c0);  // microseconds of this process, user and system
console.log(JSON.stringify({ docs: docs.length, results, seconds: secs,
  cpu_seconds: (c1.user + c1.system) / 1e6 }));
