package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.AccessRow;
import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.access.EffectiveAccess;
import com.pltfrms.iam.access.Grant;
import com.pltfrms.iam.api.support.BadInput;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.Settings;
import com.pltfrms.iam.shared.SystemAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code IAM_IMPORT_DIR}: at start, every {@code *.json} file there (in name order) whose realm
 * does not exist yet is imported as {@code POST /admin/realms/import} would, each in its own
 * transaction. A realm that exists is left alone (so a restart imports nothing twice); a bad file
 * is logged with its problem and skipped, and never keeps the server from starting. New client
 * secrets are not logged: rotate them through the admin API.
 */
@ApplicationScoped
public class RealmImportDirectory {

  private static final Logger LOG = Logger.getLogger(RealmImportDirectory.class.getName());

  static final String SETTING = "IAM_IMPORT_DIR";

  @Inject RealmTransfer transfer;
  @Inject RealmService realms;

  /** Imports what the directory holds; does nothing when {@code IAM_IMPORT_DIR} is not set. */
  public void importAll() {
    Settings.get(SETTING).filter(s -> !s.isBlank()).map(Path::of).ifPresent(this::importFrom);
  }

  void importFrom(Path directory) {
    List<Path> files;
    try {
      files = documents(directory);
    } catch (IOException e) {
      LOG.warning(SETTING + ": cannot read " + directory + " (" + e.getMessage() + "); skipped");
      return;
    }
    AdminPrincipal system = systemPrincipal();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        JsonInput document =
            JsonInput.read(in, RealmTransfer.DOCUMENT_FIELDS, RealmImportResource.MAX_IMPORT_BYTES);
        String name = document.requiredString("realm");
        if (exists(name)) {
          LOG.info(SETTING + ": realm '" + name + "' exists already; " + file + " not imported");
          continue;
        }
        transfer.importRealm(document, null, system);
        LOG.info(SETTING + ": imported realm '" + name + "' from " + file);
      } catch (ApplicationProblem problem) {
        LOG.warning(SETTING + ": " + file + " not imported: " + problem.getMessage());
      } catch (BadInput bad) {
        LOG.warning(SETTING + ": " + file + " not imported: " + bad.getMessage());
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, SETTING + ": " + file + " not imported", e);
      }
    }
  }

  /** The {@code *.json} files of the directory, by name. */
  static List<Path> documents(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    }
    files.sort(null);
    return files;
  }

  private boolean exists(String name) {
    try {
      realms.get(name);
      return true;
    } catch (ApplicationProblem notFound) {
      return false;
    }
  }

  private static AdminPrincipal systemPrincipal() {
    return new AdminPrincipal(
        Actor.system("import-dir"),
        RealmName.SYSTEM,
        EffectiveAccess.of(List.of(new AccessRow(false, SystemAdmin.ROLE, null, Grant.direct()))));
  }
}
