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
let results = 0;
for (const d of docs) results += chrono.parse(d.text, d.ref).length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ docs: docs.length, results, seconds: secs }));
