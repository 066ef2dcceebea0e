#!/usr/bin/env bash
# Takes docs/images/lsp-neovim.png: Neovim's built-in LSP client with `k8s-lint lsp` (this
# checkout's dist/bin) on fixtures/demo/web.yaml, in an xterm on a virtual X server (Xvfb).
# Needs the Debian packages neovim (0.7+), xvfb, xterm and x11-apps (xwd); run `npm run build` first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="${1:-$repo/docs/images/lsp-neovim.png}"
work="$(mktemp -d /tmp/lsp-screenshot.XXXXXX)"
display=":$((90 + RANDOM % 100))"
cleanup() { kill "${xterm_pid:-}" "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The demo without the test harness's markers (`# rules:`, `# expect:`).
for f in "$repo"/fixtures/demo/*.yaml; do
  sed -E '/^# rules:/d; s/[[:space:]]+# expect: .*$//' "$f" > "$work/$(basename "$f")"
done
Xvfb "$display" -screen 0 1480x760x24 -nolisten tcp &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.2; done

export DISPLAY="$display" K8S_LINT_BIN="$repo/dist/bin/k8s-lint.js" K8S_LINT_ROOT="$work" K8S_LINT_MARKER="$work/.shown"
(cd "$work" && exec xterm -geometry 164x40+0+0 -fa "DejaVu Sans Mono" -fs 11 -bg "#1e1e1e" -fg "#d4d4d4" \
  -xrm "XTerm*termName: xterm-256color" -e nvim -u "$here/lsp-screenshot/init.lua" web.yaml) &
xterm_pid=$!
for _ in $(seq 300); do [ -e "$work/.shown" ] && break; sleep 0.2; done
[ -e "$work/.shown" ] || { echo "no diagnostics arrived in Neovim" >&2; exit 1; }
sleep 1
window="$(xwininfo -display "$display" -root -tree | awk '/"xterm"|XTerm/ {print $1; exit}')"
if [ -n "$window" ]; then target=(-id "$window"); else target=(-root); fi
xwd -display "$display" -silent "${target[@]}" > "$work/shot.xwd"
node "$here/lsp-screenshot/xwd-to-png.mjs" "$work/shot.xwd" "$out"
echo "wrote $out"
