package dev.fasthttp.samples.spring;

import dev.fasthttp.spring.boot.FastHttpRoute;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A JSON API written as a Spring controller is: typed arguments, records in and out, validation,
 * and a 404 through an exception handler. The list is kept in memory.
 */
@Component
public class TodoRoutes {

    private final Map<Long, Todo> todos = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @FastHttpRoute("/todos")
    public List<Todo> list(@RequestParam(defaultValue = "false") boolean openOnly) {
        return todos.values().stream().filter(todo -> !openOnly || !todo.done())
                .sorted(Comparator.comparingLong(Todo::id)).toList();
    }

    @FastHttpRoute("/todos/{id}")
    public Todo get(@PathVariable long id) {
        Todo todo = todos.get(id);
        if (todo == null) {
            throw new TodoNotFoundException(id);
        }
        return todo;
    }

    @FastHttpRoute(value = "/todos", method = "POST", consumes = "application/json")
    public ResponseEntity<Todo> create(@Valid @RequestBody TodoRequest todo) {
        Todo created = todo.withId(ids.incrementAndGet());
        todos.put(created.id(), created);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/todos/" + created.id()).body(created);
    }

    @FastHttpRoute(value = "/todos/{id}", method = "PUT", consumes = "application/json")
    public Todo update(@PathVariable long id, @Valid @RequestBody TodoRequest todo) {
        if (todos.replace(id, todo.withId(id)) == null) {
            throw new TodoNotFoundException(id);
        }
        return todo.withId(id);
    }

    @FastHttpRoute(value = "/todos/{id}", method = "DELETE")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        if (todos.remove(id) == null) {
            throw new TodoNotFoundException(id);
        }
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public Map<String, Object> notFound(TodoNotFoundException e) {
        return Map.of("error", "no todo " + e.id());
    }

    /** Thrown for an id the list does not hold. */
    public static class TodoNotFoundException extends RuntimeException {

        private final long id;

        public TodoNotFoundException(long id) {
            super("no todo " + id, null, false, false);
            this.id = id;
        }

        public long id() {
            return id;
        }
    }
}
