package io.psa.container.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte on a socket, for what a well-behaved client library will not
 * send: broken HTTP, stalls, lies about lengths. Every read is bounded by a timeout.
 */
final class RawHttp {
  private RawHttp() {}

  /** What came back, and when its first byte arrived after the request was sent. */
  record Answer(String text, long firstByteNanos) {
    String statusLine() {
      int end = text.indexOf("\r\n");
      return end < 0 ? text : text.substring(0, end);
    }

    String body() {
      int start = text.indexOf("\r\n\r\n");
      return start < 0 ? "" : text.substring(start + 4);
    }
  }

  /** Sends {@code request}, then reads until the server closes or {@code timeoutMs} passes. */
  static Answer send(int port, byte[] request, int timeoutMs) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      long sent = System.nanoTime();
      try {
        out.write(request);
        out.flush();
      } catch (IOException refusedMidway) {
        // the server may answer and stop reading before all of a refused body is sent
      }
      InputStream in = socket.getInputStream();
      int first = in.read();
      long firstByte = System.nanoTime() - sent;
      if (first < 0) {
        return new Answer("", firstByte);
      }
      byte[] rest;
      try {
        rest = readUntilClosedOrQuiet(in);
      } catch (IOException e) {
        rest = new byte[0];
      }
      return new Answer((char) first + new String(rest, StandardCharsets.ISO_8859_1), firstByte);
    }
  }

  static Answer send(int port, String request, int timeoutMs) throws IOException {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMs);
  }

  private static byte[] readUntilClosedOrQuiet(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (java.net.SocketTimeoutException keptOpen) {
      // a kept-alive connection: what arrived is the answer
    }
    return out.toByteArray();
  }
}
