package dev.binds.bench.http.harness;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Where the harness says what it is doing: standard error, or nowhere. */
interface Progress {

    Progress QUIET = line -> { };
    Progress STDERR = line -> System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);

    void say(String line);
}
