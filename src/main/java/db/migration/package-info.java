/**
 * Flyway migrations that need Java (reading stored JSON); Flyway finds them here beside the SQL ones in
 * {@code classpath:db/migration}, by the version in the class name, in every context that runs migrations.
 */
package db.migration;
