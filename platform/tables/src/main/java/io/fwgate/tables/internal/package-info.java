/**
 * How tables are read, checked, encoded and decoded. Private to the bundle: the platform uses the
 * types of {@code io.fwgate.tables}.
 */
package io.fwgate.tables.internal;
