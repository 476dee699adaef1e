package com.pltfrms.iam.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmImportDirectoryTest {

  @TempDir Path directory;

  @Test
  void documentsWhenDirectoryHoldsFilesThenJsonFilesByName() throws Exception {
    Files.writeString(directory.resolve("b.json"), "{}");
    Files.writeString(directory.resolve("a.json"), "{}");
    Files.writeString(directory.resolve("notes.txt"), "x");
    Files.createDirectory(directory.resolve("c.json"));
    assertEquals(
        List.of(directory.resolve("a.json"), directory.resolve("b.json")),
        RealmImportDirectory.documents(directory));
  }
}
