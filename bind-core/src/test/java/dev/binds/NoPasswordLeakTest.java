package dev.binds;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.IsolatedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provokes every kind of failure with a known password and searches messages, stack traces, toString() and the log. */
class NoPasswordLeakTest {

    private static final String SECRET = "Zq9-very-secret-Pw";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> texts = new ArrayList<>();
    private Level previous;

    @BeforeEach
    void captureEverything() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void noPasswordAnywhere() {
        // unreachable server, password in the URL and in the property
        BindConfig unreachable = BindConfig.builder("secure")
                .url("jdbc:postgresql://app:" + SECRET + "@127.0.0.1:1/app?password=" + SECRET + "&connectTimeout=2")
                .username("app").password(SECRET)
                .pool(Map.of("connection-timeout", "2s", "data-source-properties.password", SECRET)).build();
        texts.add(unreachable.toString());
        texts.add(unreachable.pool().toString());
        texts.add(unreachable.maskedUrl());
        assertThatThrownBy(() -> Bind.create(unreachable)).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Bind 'secure'").satisfies(e -> texts.add(stackTrace(e)));

        // wrong password against the real MariaDB server (it checks passwords; PostgreSQL here trusts)
        if (DatabaseKind.MARIADB.server().isReachable()) {
            BindConfig wrong = BindConfig.builder("wrongpw").url("jdbc:mariadb://127.0.0.1:3306/test")
                    .username("root").password(SECRET).build();
            assertThatThrownBy(() -> Bind.create(wrong)).isInstanceOf(ConnectionFailedException.class)
                    .satisfies(e -> texts.add(stackTrace(e)));
        }

        // statement failures, session and bind toString on a working database
        try (IsolatedDatabase db = DatabaseKind.H2.createDatabase();
             Bind bind = Bind.create(BindConfig.builder("h2secure").url(db.jdbcUrl() + ";PASSWORD_HASH=FALSE")
                     .username("sa").password(SECRET).build())) {
            texts.add(bind.toString());
            try (BindSession s = bind.openSession()) {
                texts.add(s.toString());
                assertThatThrownBy(() -> s.update("insert into nowhere values (?)", SECRET))
                        .satisfies(e -> texts.add(stackTrace(e)));
            }
        } catch (RuntimeException e) {
            texts.add(stackTrace(e));
        }

        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            for (ch.qos.logback.classic.spi.IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        assertThat(appender.list).as("log lines captured").isNotEmpty();
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain(SECRET));
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
