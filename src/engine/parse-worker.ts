/**
 * A worker thread of loadFiles (load.ts): reads and parses the batches of files it is sent and
 * posts back their documents packed for structured cloning (see packFile). Any failure of a
 * batch (an unreadable file included) is reported, not thrown: the main thread then redoes that
 * batch itself, so errors keep the sequential path's exact meaning and order.
 */
import { parentPort } from "node:worker_threads";
import { loadOne, packFile, type WorkerReply, type WorkerRequest } from "./load.js";

const port = parentPort;
if (port) {
  port.on("message", (req: WorkerRequest) => {
    let reply: WorkerReply;
    const transfer: ArrayBuffer[] = [];
    try {
      reply = { from: req.from, files: req.files.map((f) => packFile(loadOne(f, undefined), transfer)) };
    } catch {
      reply = { from: req.from, failed: true };
      transfer.length = 0;
    }
    try {
      port.postMessage(reply, transfer);
    } catch {
      port.postMessage({ from: req.from, failed: true } satisfies WorkerReply);
    }
  });
}
