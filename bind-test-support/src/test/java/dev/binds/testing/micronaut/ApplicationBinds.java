package dev.binds.testing.micronaut;

import dev.binds.Bind;
import dev.binds.BindConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The application under test: three binds from {@code binds.*}, as bind-micronaut's factory will make them,
 * closed with the context. Kept minimal so these tests do not depend on bind-micronaut.
 */
@Factory
class ApplicationBinds {

    @Singleton
    @Named("pg")
    @Bean(preDestroy = "close")
    Bind pg(Environment env) {
        return bind(env, "pg");
    }

    @Singleton
    @Named("maria")
    @Bean(preDestroy = "close")
    Bind maria(Environment env) {
        return bind(env, "maria");
    }

    @Singleton
    @Named("mem")
    @Bean(preDestroy = "close")
    Bind mem(Environment env) {
        return bind(env, "mem");
    }

    private static Bind bind(Environment env, String name) {
        return Bind.create(BindConfig.builder(name)
                .url(env.getRequiredProperty("binds." + name + ".url", String.class))
                .username(env.getProperty("binds." + name + ".username", String.class).orElse(null))
                .password(env.getProperty("binds." + name + ".password", String.class).orElse(null))
                .build());
    }
}
