// Reads words (one a line) from the file argv[3] and prints the stem of each
// by the browser's stemmer of language argv[2] (themes/default/js/stemmers.js).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = readFileSync(
  fileURLToPath(new URL("../../themes/default/js/stemmers.js", import.meta.url)), "utf8");
const stemmers = new Function(source + "\nreturn carnetStemmers;")();
const stem = stemmers[process.argv[2]];
const words = readFileSync(process.argv[3], "utf8").split("\n").filter((w) => w.length > 0);
process.stdout.write(words.map((w) => stem(w) + "\n").join(""));
