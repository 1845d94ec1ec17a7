/**
 * Application events of a bind's life: its pool created ({@link dev.binds.micronaut.event.BindPoolCreatedEvent}),
 * its migrations finished ({@link dev.binds.micronaut.event.BindMigratedEvent}, with what was done) and the
 * bind closed ({@link dev.binds.micronaut.event.BindClosedEvent}). Listen with {@code @EventListener} or an
 * {@code ApplicationEventListener<...>} bean.
 *
 * <p>Pool-created and migrated events of eager binds are published while the {@code BindManager} is being
 * created at start-up: a listener must not inject {@code BindManager}, {@code Bind} or a bind's
 * {@code BindSession} directly (inject a {@code Provider} or {@code BeanProvider} of them instead).
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
package dev.binds.micronaut.event;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
