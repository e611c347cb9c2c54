/**
 * The {@code architect} command: the fifteen labs and a tool per module. It has no API: it exports
 * nothing, and opens its packages to picocli (commands and options are bound by reflection) and to
 * the container (the lab's sample classes are constructed, injected and proxied by it).
 */
module dev.architect.cli {
  requires info.picocli;
  requires dev.architect.inject;
  requires dev.architect.ffi;
  requires dev.architect.crypto;
  requires dev.architect.fiber;
  requires dev.architect.eventstore;
  requires dev.architect.async;
  requires dev.architect.vfs;
  requires dev.architect.resilience;
  requires org.xerial.sqlitejdbc;
  requires java.sql;
  requires me.tongfei.progressbar;
  requires dev.architect.collections;

  opens dev.architect.cli to info.picocli;
  // Lab 10's events and state are records that Jackson reads and writes by reflection.
  opens dev.architect.cli.lab to dev.architect.inject, com.fasterxml.jackson.databind;
}
