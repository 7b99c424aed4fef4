package dev.rapport.delivery.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP relay for tests: passes every command to the real server (GreenMail) and its answers back, except RCPT TO
 * for a local part starting with {@code bounce} (answered {@code 550 5.1.1}, a permanent refusal) or {@code later}
 * ({@code 451 4.3.0}, a transient one) — what a real relay answers and GreenMail never does. One command at a time.
 */
final class RefusingSmtpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;

    RefusingSmtpProxy(int target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread accept = new Thread(this::accept, "refusing-smtp-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> relay(client), "refusing-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            BufferedReader fromClient = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            BufferedReader fromServer = new BufferedReader(new InputStreamReader(upstream.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = upstream.getOutputStream();
            copyReply(fromServer, toClient);
            boolean data = false;
            String line;
            while ((line = fromClient.readLine()) != null) {
                if (data) {
                    write(toServer, line);
                    if (line.equals(".")) {
                        data = false;
                        copyReply(fromServer, toClient);
                    }
                    continue;
                }
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("RCPT TO:<BOUNCE")) {
                    write(toClient, "550 5.1.1 No such mailbox");
                    continue;
                }
                if (upper.startsWith("RCPT TO:<LATER")) {
                    write(toClient, "451 4.3.0 Mailbox busy, try again later");
                    continue;
                }
                write(toServer, line);
                String reply = copyReply(fromServer, toClient);
                data = upper.equals("DATA") && reply.startsWith("354");
                if (upper.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Copies one (possibly multi-line) reply; answers its last line. */
    private static String copyReply(BufferedReader from, OutputStream to) throws IOException {
        String line;
        do {
            line = from.readLine();
            if (line == null) {
                throw new IOException("server closed");
            }
            write(to, line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
