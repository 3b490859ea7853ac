package io.connector.itests.magento;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A shop in the test driver that logs the connector in, then answers every API call with its
 * response headers and nothing more, holding the connection open: what a stalled PHP worker
 * does. Only the driver loads this class; the container reaches it over HTTP.
 */
public final class StalledShop {

    private static ServerSocket server;

    private StalledShop() {
    }

    /** Its XML-RPC address, started once. */
    public static synchronized String url() {
        if (server == null) {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(StalledShop::accept, "stalled-shop");
            acceptor.setDaemon(true);
            acceptor.start();
        }
        return "http://127.0.0.1:" + server.getLocalPort() + "/index.php/api/xmlrpc";
    }

    private static void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "stalled-shop-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String request = read(in);
                if (request.contains("<methodName>login</methodName>")) {
                    byte[] body = ("<?xml version=\"1.0\"?><methodResponse><params><param><value><string>stalled-session"
                            + "</string></value></param></params></methodResponse>").getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } else {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<?xml"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up: what a stalled shop leads to
        }
    }

    /** One request: its headers and its body, as text. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        String lower = headers.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
