package it.com.pltfrms.iam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The running test server's messages.log, read as the operator would. */
final class ServerLog {

  static final Path MESSAGES =
      Path.of("target", "liberty", "wlp", "usr", "servers", "iam", "logs", "messages.log");

  private ServerLog() {}

  static String read() throws IOException {
    return Files.readString(MESSAGES, StandardCharsets.UTF_8);
  }

  /** Every messages log of the test server: the current one and those rolled at restarts. */
  static String readAll() throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(MESSAGES.getParent())) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("messages")).sorted().toList()) {
        all.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
