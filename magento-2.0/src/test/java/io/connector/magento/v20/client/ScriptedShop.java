package io.connector.magento.v20.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A shop written byte by byte on a raw socket: each request, on a connection of its own, gets the
 * next scripted answer, whatever it is (a status, a stall, a body cut short, a connection dropped);
 * with nothing scripted, HTTP 500 saying so. Keeps what it received.
 */
final class ScriptedShop implements AutoCloseable {

    /** A request as received: the target is the path and query as sent; header names in lower case. */
    record Request(String method, String target, Map<String, String> headers, String body) {
    }

    /** What the shop does on the connection's output. */
    @FunctionalInterface
    interface Answer {
        void write(Socket socket, OutputStream out) throws Exception;
    }

    private final ServerSocket listening;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedShop() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    String location() {
        return "http://127.0.0.1:" + listening.getLocalPort();
    }

    /** These answers, in order, to the next requests. */
    ScriptedShop then(Answer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
        return this;
    }

    List<Request> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** A whole answer: status, headers, body, then the connection closed. */
    static Answer status(int status, String contentType, byte[] body, String... headers) {
        return (socket, out) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Scripted\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        };
    }

    static Answer json(int status, String json, String... headers) {
        return status(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Answer text(int status, String contentType, String text, String... headers) {
        return status(status, contentType, text.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The connection reset without an answer. */
    static Answer reset() {
        return (socket, out) -> socket.setSoLinger(true, 0);
    }

    /** Headers as given (a raw head, {@code \r\n} separated, ending with the blank line), then whatever {@code rest} does. */
    static Answer raw(String head, Answer rest) {
        return (socket, out) -> {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            rest.write(socket, out);
        };
    }

    private Void accept() {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return null; // closed
            }
        }
        return null;
    }

    private Void serve(Socket socket) {
        try (socket) {
            received.add(read(socket.getInputStream()));
            Answer next;
            synchronized (script) {
                next = script.poll();
            }
            if (next == null) {
                next = text(500, "text/plain", "Nothing scripted for this request");
            }
            OutputStream out = socket.getOutputStream();
            next.write(socket, out);
            out.flush();
        } catch (Exception e) {
            // the client gave up on this connection, or the test ended: what the test wants
        }
        return null;
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request's end");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Request(requestLine[0], requestLine[1], headers, body.isEmpty() ? null : body);
    }

    @Override
    public void close() throws IOException {
        threads.shutdownNow();
        listening.close();
    }
}
