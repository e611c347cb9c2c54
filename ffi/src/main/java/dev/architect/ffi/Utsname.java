package dev.architect.ffi;

import java.util.Objects;

/**
 * A {@code struct utsname} as {@code uname(2)} filled it: the kernel's name and version and the
 * machine's. Immutable.
 *
 * @param sysname the operating system ({@code "Linux"})
 * @param nodename the host name
 * @param release the kernel release ({@code "6.1.0-18-amd64"})
 * @param version the kernel build
 * @param machine the hardware ({@code "x86_64"})
 * @param domainname the NIS domain (a GNU extension; often {@code "(none)"})
 */
public record Utsname(String sysname, String nodename, String release, String version, String machine,
    String domainname) {
  /** @throws NullPointerException if a field is null */
  public Utsname {
    Objects.requireNonNull(sysname, "sysname");
    Objects.requireNonNull(nodename, "nodename");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(domainname, "domainname");
  }
}
