package it.com.pltfrms.iam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library sends: control bytes in a
 * header or the request target, a malformed Host, raw bytes that are not UTF-8. One request per
 * connection ({@code Connection: close}); the reply is read to the end of the stream.
 */
final class RawHttp {

  private static final URI BASE = URI.create(Iam.BASE);
  static final String HOST = BASE.getHost() + ":" + BASE.getPort();

  private RawHttp() {}

  /** A reply as read off the wire. */
  record Reply(int status, List<Map.Entry<String, String>> headers, String body) {

    String header(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    String contentType() {
      String type = header("Content-Type");
      return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }
  }

  /** A request: method, raw target (sent byte for byte), header lines, body. */
  static final class Request {
    private final String method;
    private final byte[] target;
    private final List<byte[]> headerLines = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean host = true;

    Request(String method, String target) {
      this(method, target.getBytes(StandardCharsets.ISO_8859_1));
    }

    Request(String method, byte[] target) {
      this.method = method;
      this.target = target;
    }

    Request header(String name, String value) {
      return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A header line of raw bytes: {@code name: value}, the value sent as it is. */
    Request header(String name, byte[] value) {
      if (name.equalsIgnoreCase("Host")) {
        host = false;
      }
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      line.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
      line.writeBytes(value);
      headerLines.add(line.toByteArray());
      return this;
    }

    Request body(String contentType, byte[] body) {
      if (contentType != null) {
        header("Content-Type", contentType);
      }
      this.body = body;
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(target);
      out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (host) {
        out.writeBytes(("Host: " + HOST + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes("Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
      for (byte[] line : headerLines) {
        out.writeBytes(line);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      if (body.length > 0
          || method.equals("POST")
          || method.equals("PUT")
          || method.equals("PATCH")) {
        out.writeBytes(
            ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      return out.toByteArray();
    }

    @Override
    public String toString() {
      String head = new String(target, StandardCharsets.ISO_8859_1);
      StringBuilder text = new StringBuilder(method + " " + escape(head));
      for (byte[] line : headerLines) {
        text.append(" | ").append(escape(new String(line, StandardCharsets.ISO_8859_1)));
      }
      return text.append(" | body ")
          .append(escape(new String(body, StandardCharsets.ISO_8859_1)))
          .toString();
    }
  }

  static Reply send(Request request) {
    try (Socket socket = new Socket(BASE.getHost(), BASE.getPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.bytes());
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 15 s to " + request, e);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request, e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // The server may close at once after refusing a request; what arrived is the answer.
    }
    return all.toByteArray();
  }

  private static Reply parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP response: " + escape(text));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    boolean chunked =
        headers.stream()
            .anyMatch(
                h ->
                    h.getKey().equalsIgnoreCase("Transfer-Encoding")
                        && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
    if (chunked) {
      body = dechunk(body);
    }
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = indexOf(body, i);
      if (lineEnd < 0) {
        break;
      }
      String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).trim();
      int semicolon = size.indexOf(';');
      int length = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
      if (length == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(length, body.length - lineEnd - 2));
      i = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Printable form of raw bytes, for failure messages. */
  static String escape(String raw) {
    StringBuilder out = new StringBuilder();
    for (char c : raw.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
    }
    return out.length() > 300 ? out.substring(0, 300) + "…" : out.toString();
  }
}
