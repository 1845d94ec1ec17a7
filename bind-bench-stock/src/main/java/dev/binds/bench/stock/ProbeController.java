package dev.binds.bench.stock;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /probe}: answers without touching a database; its first answer marks the end of start-up. */
@Controller(value = "/probe", produces = MediaType.TEXT_PLAIN)
final class ProbeController {

    @Get
    String probe() {
        return "up";
    }
}
