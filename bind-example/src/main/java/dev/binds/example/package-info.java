/**
 * The example application: users on the {@code default} bind, orders on the {@code secondary} bind,
 * written the way a Micronaut Bind user would write them.
 */
package dev.binds.example;
