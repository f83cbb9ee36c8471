package io.penguin.gateway.sessions;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket connection written frame by frame over a plain socket, for what no well-behaved client library sends: a
 * text frame whose bytes are not UTF-8. Only what those tests need: the upgrade, one masked frame out, frames in.
 */
final class RawWebSocket implements AutoCloseable {

    /** A frame from the server. */
    record Frame(int opcode, byte[] payload) {

        /** The status code of a close frame, or -1. */
        int closeCode() {
            return opcode == 8 && payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(60_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades {@code ws://host:port/v1/agent} with a bearer key and the given subprotocol header (or none). */
    static RawWebSocket connect(URI gateway, String key, String subprotocol) throws IOException {
        RawWebSocket ws = new RawWebSocket(new Socket(gateway.getHost(), gateway.getPort()));
        byte[] nonce = new byte[16];
        ws.random.nextBytes(nonce);
        String request = "GET /v1/agent HTTP/1.1\r\nHost: " + gateway.getHost() + ":" + gateway.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nAuthorization: Bearer " + key + "\r\n"
                + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        ws.status = ws.readStatusLine();
        return ws;
    }

    private int status;

    /** The status of the upgrade response: 101 when upgraded. */
    int status() {
        return status;
    }

    private int readStatusLine() throws IOException {
        String statusLine = readLine();
        while (!readLine().isEmpty()) {
            // headers: not needed
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one final text frame with exactly these payload bytes, masked as a client must. */
    void sendText(byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next frame from the server. */
    Frame next() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Frames until the server's close frame; its code. */
    int closeCode() throws IOException {
        while (true) {
            Frame frame = next();
            if (frame.opcode() == 8) {
                return frame.closeCode();
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
