package com.pltfrms.iam.access;

import com.pltfrms.iam.shared.ApplicationProblem;

/**
 * The rules of the group tree: a name is 1 to 255 characters without '/' (the path separator) and
 * is not "." or ".."; a path is the names from the root, each after a '/'; a group is at most
 * {@link #MAX_DEPTH} levels deep; no group moves under itself or its own descendant.
 */
final class GroupPaths {

  static final int MAX_DEPTH = 32;
  static final int MAX_NAME = 255;

  private GroupPaths() {}

  static void requireName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw ApplicationProblem.invalid("name must be 1 to 255 characters");
    }
    if (name.indexOf('/') >= 0
        || name.equals(".")
        || name.equals("..")
        || !name.strip().equals(name)) {
      throw ApplicationProblem.invalid(
          "name may not hold '/', be '.' or '..', or start or end with white space");
    }
  }

  /** The path of a group named {@code name} under {@code parentPath} (null: top level). */
  static String child(String parentPath, String name) {
    return (parentPath == null ? "" : parentPath) + "/" + name;
  }

  /** Whether {@code path} is {@code ancestor} or lies below it. */
  static boolean within(String path, String ancestor) {
    return path.equals(ancestor) || path.startsWith(ancestor + "/");
  }

  /** Refuses a tree deeper than {@link #MAX_DEPTH} (409: it depends on the tree as it is). */
  static void requireDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw ApplicationProblem.conflict("groups nest at most " + MAX_DEPTH + " levels deep");
    }
  }
}
