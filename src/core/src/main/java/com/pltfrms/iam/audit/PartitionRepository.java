package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The monthly partitions of {@code audit_event} (named {@code audit_event_YYYYMM}, UTC months), and
 * the DDL that adds and drops them. Adding goes through the database function the migration
 * defines, so both create partitions the same way (with their own TRUNCATE trigger).
 */
@ApplicationScoped
public class PartitionRepository {

  private static final Pattern MONTHLY = Pattern.compile("audit_event_(\\d{4})(\\d{2})");
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'audit_event_'yyyyMM");

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  /** A monthly partition: its name and the month it holds. */
  record Partition(String name, YearMonth month) {

    Instant from() {
      return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant to() {
      return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Optional<Partition> named(String name) {
      Matcher m = MONTHLY.matcher(name);
      if (!m.matches()) {
        return Optional.empty();
      }
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        return Optional.empty();
      }
      return Optional.of(new Partition(name, YearMonth.of(Integer.parseInt(m.group(1)), month)));
    }

    static Partition of(YearMonth month) {
      return new Partition(NAME.format(month), month);
    }
  }

  /** Adds the partition of the month that holds {@code at}, unless it exists; true if added. */
  boolean add(Instant at) {
    return Sql.first(dataSource, "SELECT audit_event_add_partition(?)", rs -> rs.getBoolean(1), at)
        .orElse(false);
  }

  /** The monthly partitions, oldest first (the default partition is not among them). */
  List<Partition> monthly() {
    return Sql.list(
            dataSource,
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'audit_event'::regclass",
            rs -> rs.getString(1))
        .stream()
        .flatMap(name -> Partition.named(name).stream())
        .sorted((a, b) -> a.month().compareTo(b.month()))
        .toList();
  }

  /** Whether any row landed in the default partition (no monthly partition took it). */
  boolean defaultPartitionHasRows() {
    return Sql.first(dataSource, "SELECT 1 FROM audit_event_default LIMIT 1", rs -> rs.getInt(1))
        .isPresent();
  }

  /** Drops a monthly partition and its rows: retention's one way to remove audit rows. */
  void drop(Partition partition) {
    if (Partition.named(partition.name()).isEmpty()) {
      throw new IllegalArgumentException("not a monthly audit partition: " + partition.name());
    }
    Sql.update(dataSource, "DROP TABLE \"" + partition.name() + "\"");
  }

  /** How long the current transaction's statements may wait for a table lock. */
  void lockTimeout(Duration timeout) {
    Sql.first(
        dataSource,
        "SELECT set_config('lock_timeout', ?, true)",
        rs -> rs.getString(1),
        timeout.toMillis() + "ms");
  }
}
