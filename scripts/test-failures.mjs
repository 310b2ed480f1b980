// Names each failed test of an xUnit v2 XML report, with the start of its message and trace:
// the tail of a run's console output can be filled by other tests' output.
import { readFileSync } from "node:fs";

const xml = readFileSync(process.argv[2], "utf8");
const decode = (text) =>
  text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const inner = (block, tag) => decode(block.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? "").trim().split("\n");

for (const [block, attributes] of xml.matchAll(/<test\b([^>]*)>[\s\S]*?<\/test>/g)) {
  if (!/\bresult="Fail"/.test(attributes)) continue;
  console.log(`    FAILED: ${decode(attributes.match(/\bname="([^"]*)"/)?.[1] ?? "?")}`);
  for (const line of [...inner(block, "message").slice(0, 12), ...inner(block, "stack-trace").slice(0, 6)]) {
    console.log(`      ${line}`);
  }
}
