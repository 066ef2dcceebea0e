/** Word wrapping for terminal output; blank lines separate paragraphs. */
export function wrap(text: string, indent: string, width = 96): string {
  const out: string[] = [];
  for (const para of text.trim().split(/\n\s*\n/)) {
    const words = para.replace(/\s+/g, " ").trim().split(" ");
    let line = "";
    for (const w of words) {
      if (line && line.length + 1 + w.length > width - indent.length) {
        out.push(indent + line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) out.push(indent + line);
    out.push("");
  }
  out.pop();
  return out.join("\n");
}
