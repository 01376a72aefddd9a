/**
 * Baseline for bench/chat.bench.ts: a bare Socket.IO server on node:http that only relays.
 * `join` puts the socket in its conversation's room; `send` acknowledges and passes the
 * message to the other socket in the room — no auth, no storage, no sequence numbers.
 */
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: (r: unknown) => void) => {
    void socket.join(room);
    ack({ ok: true });
  });
  socket.on('send', (m: { room: string; id: string; body: string }, ack: (r: unknown) => void) => {
    socket.to(m.room).emit('msg', m);
    ack({ ok: true, data: { id: m.id } });
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
