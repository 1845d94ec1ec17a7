package dev.binds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of PostgreSQL or MariaDB that reads the client's side of the wire
 * protocol and counts what the server is sent: exactly what the server sees, whatever the driver,
 * the pool or the library do. Used only for the counted runs, never while throughput is measured.
 *
 * <ul>
 *   <li>PostgreSQL: a round trip is a {@code Sync} or a simple {@code Query} message, each answered
 *   by a {@code ReadyForQuery} the client waits for — except pgjdbc's own {@code BEGIN}: with
 *   {@code autoCommit=false} the driver sends it as a simple query immediately followed, in the same
 *   flight and without waiting for its answer, by the transaction's first statement (seen on the
 *   wire: {@code Q BEGIN} then {@code P/B/D/E/S}, answered together), so it is a statement but not a
 *   round trip. A statement is an {@code Execute} or a simple {@code Query}.</li>
 *   <li>MariaDB: a round trip is a command packet (sequence id 0) — {@code COM_QUERY},
 *   {@code COM_PING}, … The driver sends text-protocol statements one command at a time here, so
 *   commands, statements and round trips are the same number.</li>
 * </ul>
 * A message is counted before it is forwarded, so a count read after a call returns includes it.
 */
final class RoundTripProxy implements AutoCloseable {

    private final String db;
    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();

    RoundTripProxy(Endpoint upstream) throws IOException {
        this.db = upstream.db();
        this.upstreamHost = upstream.host();
        this.upstreamPort = upstream.port();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "round-trip-proxy-" + db);
        accept.setDaemon(true);
        accept.start();
    }

    /** @return the endpoint to give the pools, so that everything they send passes through here */
    Endpoint endpoint(Endpoint upstream) {
        return upstream.via(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
    }

    long roundTrips() {
        return roundTrips.get();
    }

    long statements() {
        return statements.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                Parser parser = Databases.POSTGRES.equals(db) ? new PostgresParser() : new MariaDbParser();
                start(client.getInputStream(), server.getOutputStream(), parser, client, server);
                start(server.getInputStream(), client.getOutputStream(), null, client, server);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("round-trip proxy: " + e);
                }
            }
        }
    }

    private void start(InputStream in, OutputStream out, Parser parser, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[32 * 1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (parser != null) {
                        parser.feed(buf, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed: close both
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "round-trip-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(RoundTripProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** Reads message headers from a client's byte stream, and the first bytes of each body. */
    private abstract static class Parser {
        private static final int PEEK = 8;
        private final byte[] header;
        private final byte[] peek = new byte[PEEK];
        private int filled;
        private long skip;
        private int peeked;
        private boolean peeking;

        Parser(int headerLength) {
            header = new byte[headerLength];
        }

        final void feed(byte[] buf, int len) {
            int i = 0;
            while (i < len) {
                if (skip > 0) {
                    if (peeking && peeked < PEEK) {
                        peek[peeked++] = buf[i];
                    }
                    skip--;
                    i++;
                    if (skip == 0 || peeked == PEEK) {
                        finishPeek();
                    }
                    continue;
                }
                header[filled++] = buf[i++];
                if (filled == headerLength()) {
                    filled = 0;
                    skip = onHeader(header);
                    peeked = 0;
                    peeking = skip > 0 && wantsBody(header);
                    if (skip == 0) {
                        finishPeek();
                    }
                }
            }
        }

        private void finishPeek() {
            if (peeking) {
                peeking = false;
                onBodyStart(header, peek, peeked);
            }
        }

        /** @return whether {@link #onBodyStart} should see the first bytes of this message's body */
        boolean wantsBody(byte[] h) {
            return false;
        }

        void onBodyStart(byte[] h, byte[] body, int length) {
        }

        int headerLength() {
            return header.length;
        }

        /** @return how many body bytes follow the header */
        abstract long onHeader(byte[] h);

        static int int32(byte[] h, int at) {
            return ((h[at] & 0xff) << 24) | ((h[at + 1] & 0xff) << 16) | ((h[at + 2] & 0xff) << 8) | (h[at + 3] & 0xff);
        }
    }

    /** PostgreSQL v3: untyped start-up packets (length, code) until the start-up message, then type byte + length. */
    private final class PostgresParser extends Parser {
        private static final int SSL_REQUEST = 80877103;
        private static final int GSSENC_REQUEST = 80877104;
        private boolean startup = true;

        PostgresParser() {
            super(8);
        }

        @Override
        int headerLength() {
            return startup ? 8 : 5;
        }

        @Override
        long onHeader(byte[] h) {
            if (startup) {
                int length = int32(h, 0);
                int code = int32(h, 4);
                if (code != SSL_REQUEST && code != GSSENC_REQUEST) {
                    startup = false;
                }
                return length - 8L;
            }
            char type = (char) h[0];
            if (type == 'S') {
                roundTrips.incrementAndGet();
            }
            if (type == 'E' || type == 'Q') {
                statements.incrementAndGet();
            }
            return int32(h, 1) - 4L;
        }

        @Override
        boolean wantsBody(byte[] h) {
            return !startup && h[0] == 'Q';
        }

        /** A simple query is a round trip unless it is the driver's pipelined {@code BEGIN}. */
        @Override
        void onBodyStart(byte[] h, byte[] body, int length) {
            String text = new String(body, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
            if (!text.equals("BEGIN\0")) {
                roundTrips.incrementAndGet();
            }
        }
    }

    /** MariaDB/MySQL: 3-byte little-endian length and a sequence id; a command starts at sequence 0. */
    private final class MariaDbParser extends Parser {
        MariaDbParser() {
            super(4);
        }

        @Override
        long onHeader(byte[] h) {
            int length = (h[0] & 0xff) | ((h[1] & 0xff) << 8) | ((h[2] & 0xff) << 16);
            if (h[3] == 0) {
                roundTrips.incrementAndGet();
                statements.incrementAndGet();
            }
            return length;
        }
    }
}
