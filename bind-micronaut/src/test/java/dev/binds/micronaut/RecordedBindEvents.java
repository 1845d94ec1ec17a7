package dev.binds.micronaut;

import dev.binds.micronaut.event.BindEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Records every bind event of an application started with {@code test.record-bind-events=true}. */
@Singleton
@Requires(property = RecordedBindEvents.PROPERTY, value = "true")
public class RecordedBindEvents implements ApplicationEventListener<BindEvent> {

    public static final String PROPERTY = "test.record-bind-events";

    private final List<BindEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(BindEvent event) {
        events.add(event);
    }

    public List<BindEvent> all() {
        return List.copyOf(events);
    }

    /** @return the events of one type, as {@code Type[bind]} strings in order */
    public List<String> of(Class<? extends BindEvent> type) {
        return events.stream().filter(type::isInstance).map(e -> type.getSimpleName() + "[" + e.bindName() + "]")
                .collect(Collectors.toList());
    }

    public <E extends BindEvent> List<E> list(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }
}
