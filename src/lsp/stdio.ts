/** The server on this process's stdin and stdout; resolves when the client closes the connection. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { startServer } from "./server.js";

export function serveStdio(): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    startServer(connection);
  });
}
