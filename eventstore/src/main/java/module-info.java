/** An event store on SQLite and PostgreSQL: streams, subscriptions, projections, aggregates, snapshots. */
module dev.architect.eventstore {
  requires transitive java.sql; // JdbcProjection and ConnectionFactory speak java.sql
  requires org.xerial.sqlitejdbc;
  requires org.postgresql.jdbc;
  requires com.zaxxer.hikari;
  requires com.fasterxml.jackson.databind;

  exports dev.architect.eventstore;
}
