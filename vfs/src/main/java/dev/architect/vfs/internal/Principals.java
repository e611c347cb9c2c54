package dev.architect.vfs.internal;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Objects;

/** Owners and groups of a {@code db:} file system: plain names, stored with each inode. */
final class Principals {
  static final UserPrincipalLookupService LOOKUP = new UserPrincipalLookupService() {
    @Override
    public UserPrincipal lookupPrincipalByName(String name) {
      return user(Objects.requireNonNull(name, "name"));
    }

    @Override
    public GroupPrincipal lookupPrincipalByGroupName(String group) {
      return group(Objects.requireNonNull(group, "group"));
    }
  };

  private Principals() {}

  record User(String getName) implements UserPrincipal {
    @Override
    public String toString() {
      return getName;
    }
  }

  record Group(String getName) implements GroupPrincipal {
    @Override
    public String toString() {
      return getName;
    }
  }

  static UserPrincipal user(String name) {
    return new User(name);
  }

  static GroupPrincipal group(String name) {
    return new Group(name);
  }
}
