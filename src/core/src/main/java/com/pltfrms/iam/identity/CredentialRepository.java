package com.pltfrms.iam.identity;

import java.util.List;
import java.util.Optional;

/** Where users' credentials are stored. */
public interface CredentialRepository {

  void add(Credential credential);

  void remove(Credential credential);

  void flush();

  /** The user's password, read without a lock (an export). */
  Optional<Credential> password(String userId);

  /** The user's password, locked until the transaction ends (a rehash or a change follows). */
  Optional<Credential> passwordForUpdate(String userId);

  /** The user's previous passwords, newest first. */
  List<Credential> history(String userId);

  /** Removes every credential of the user. */
  void removeAllOf(String userId);
}
