package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-setup mode's generated master key file: owner-only, complete, and one key however raced. */
class MasterKeyFileTest {

  @TempDir Path dataDir;

  private Path file() {
    return dataDir.resolve(MasterKeyFile.NAME);
  }

  @Test
  void readOrCreateWhenNoFileThenOwnerOnlyFileWithThatKey() throws Exception {
    byte[] key = MasterKeyFile.readOrCreate(dataDir);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    assertArrayEquals(key, Base64.getDecoder().decode(Files.readString(file()).trim()));
  }

  @Test
  void readOrCreateWhenFileExistsThenItsKey() throws Exception {
    byte[] key = TestMasterKeys.randomKey();
    Files.writeString(file(), Base64.getEncoder().encodeToString(key) + "\n");
    assertArrayEquals(key, MasterKeyFile.readOrCreate(dataDir));
  }

  @Test
  void readOrCreateWhenDataDirMissingThenCreatesIt() throws Exception {
    Path nested = dataDir.resolve("a").resolve("b");
    MasterKeyFile.readOrCreate(nested);
    assertEquals(1, countFiles(nested));
  }

  @Test
  void readOrCreateWhenFileMalformedThenConfigurationProblem() throws Exception {
    Files.writeString(file(), "");
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKeyFile.readOrCreate(dataDir));
  }

  @Test
  void readOrCreateWhenCreatedThenNoTemporaryFileLeft() throws Exception {
    MasterKeyFile.readOrCreate(dataDir);
    assertEquals(1, countFiles(dataDir));
  }

  @Test
  void readOrCreateWhenManyStartsRaceThenAllGetTheOneKeyInTheFile() throws Exception {
    int starts = 16;
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<byte[]>> keys = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        keys.add(
            pool.submit(
                () -> {
                  go.await();
                  return MasterKeyFile.readOrCreate(dataDir);
                }));
      }
      go.countDown();
      List<byte[]> got = new ArrayList<>();
      for (Future<byte[]> key : keys) {
        got.add(key.get());
      }
      byte[] inFile = Base64.getDecoder().decode(Files.readString(file()).trim());
      for (byte[] key : got) {
        assertArrayEquals(inFile, key);
      }
      assertEquals(1, countFiles(dataDir));
    } finally {
      pool.shutdownNow();
    }
  }

  private static long countFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
