/**
 * The migration commands: {@code status}, {@code sync}, {@code migrate}, {@code validate} and {@code info},
 * for every bind or the ones named with {@code --bind}, readable by people or, with {@code --json}, by
 * machines. {@link dev.binds.micronaut.cli.BindCommand} is the parent command an application mounts or
 * runs; exit codes are 0 (done, or up to date), 1 (a failure), 2 (a usage error) and, for {@code status},
 * 3 (migrations pending). Active when picocli ({@code micronaut-picocli}) is on the classpath.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
@Requires(classes = CommandLine.class)
package dev.binds.micronaut.cli;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import picocli.CommandLine;
