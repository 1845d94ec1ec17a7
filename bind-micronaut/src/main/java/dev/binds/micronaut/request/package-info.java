/**
 * The request-scoped unit of work: one session per bind per HTTP request, opened on first use,
 * committed before the response is written (or rolled back when the handler failed or the status
 * says so), and always released, even when the client went away or the application is stopping.
 * {@code @Named("x") BindSession} is {@link dev.binds.micronaut.request.RequestBindSession}, which
 * finds the current request's session on every call.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
package dev.binds.micronaut.request;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
