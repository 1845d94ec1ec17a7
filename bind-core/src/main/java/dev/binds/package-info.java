/**
 * Micronaut Bind's core: named databases ({@link dev.binds.Bind}) with their pools, units of work
 * ({@link dev.binds.BindSession}), race-safe row helpers, run-time binds per URL
 * ({@link dev.binds.BindManager}) and one exception hierarchy ({@link dev.binds.BindException}).
 * Plain Java: no dependency injection framework, no reflection of our own.
 *
 * @since 0.1.0
 */
package dev.binds;
